"""What the router knows before any learned weight: tool tables and request features (no nn.Module).

A catalogue becomes a `CatalogueTable` once (tool, parameter and enum-value embeddings, stem
vocabularies); a request becomes `RequestFeatures` once (one encoder pass, word/clause structure,
per-token text features). The router's heads score from these.

    >>> table = build_table(Catalogue.builtin("ruvllm"), Encoder.tiny(), max_params=12, key="ruvllm")
    >>> req = build_request(Encoder.tiny().encode(['terminate agent "agent-1", force it'])[0])
    >>> req.feats.shape, [req.text[a:b] for a, b in req.offsets][:3]
    (torch.Size([10, 22]), ['terminate', 'agent', '"'])
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import jsonschema
import torch
import torch.nn.functional as F
from torch import Tensor

from mcptrain.catalogue import Catalogue
from mcptrain.currencies import currency_role
from mcptrain.dates import (
    Today,
    date_format,
    date_texts,
    datetime_format,
    is_time,
    stated_today,
    when_spans,
    writes_date,
    writes_time,
)
from mcptrain.languages import language_role
from mcptrain.places import PLACE_SUFFIX, city_state_written, code_form, place_forms, place_spans, region_after
from mcptrain.policy.encoder import Encoder, Encoding
from mcptrain.policy.text import (
    ACTIONS,
    NEGATIONS,
    QUOTES,
    STOPWORDS,
    WRITTEN_NUMBER,
    Fragment,
    content_stems,
    find_all,
    is_number_word,
    is_unit,
    json_fragments,
    list_fragments,
    name_action,
    not_a_value,
    number_texts,
    phrase_present,
    quoted_spans,
    split_identifier,
    stem,
    takes_command,
    value_shape,
    wants_fraction,
    words,
)
from mcptrain.types import ToolCallExample, ToolSpec

SCHEMA_KINDS = ("string", "integer", "number", "boolean", "object", "array", "enum", "untyped")
N_TOKEN_FEATS = 22  # param-independent per-token features, see build_request
N_PARAM_TOKEN_FEATS = 8  # param-dependent per-token features, see _Block.pointer_feats
N_LOCAL = 15  # per (request, parameter) text features, see param_text_features
N_LEX = N_LOCAL + 1 + len(SCHEMA_KINDS)  # those + ToolInfo.static (required flag, schema kind)
LEX_MENTION, LEX_FULL, LEX_POS, LEX_NEG = 8, 9, 10, 11  # columns of param_text_features
_POSITIVE = frozenset("on true enable enabled enables yes activate activated".split())
_NEGATIVE = frozenset("off false disable disabled disables without no not non don dont never skip deactivate".split())
_CLAUSE_PUNCT = frozenset(".;,!?")
# "on" is a polarity word only where it ends a phrase ("force on", "turned on and"), not as a preposition
# ("vote on consensus"), unless the parameter's own name follows ("turn on verbose").
_AFTER_ON = frozenset("and as too please for if then also when so now".split())
_CLAUSE_WORDS = frozenset("and then but also".split())
# Cues that a clause sets something aside ("no need to touch the swarm", "ignore the agent pool",
# "the workflow can wait"): tools named there are less likely the one asked for. A learned weight
# decides how much that counts.
_DISMISSAL = frozenset(
    "no not don dont never ignore forget skip without already else separate wait later fine settled sorted "
    "unrelated alone".split()
)
# Words that start a later step of an ordered request ("store it, then search"): the first call is
# the first step, so what later steps name (tools, parameters) is set aside for now.
_STEP_WORDS = frozenset("then lastly finally afterwards afterward subsequently secondly thirdly".split())
# Two-word cues: "after that", "once that's done", "Step 2:", "Next, ..." (not "the next batch").
_STEP_AFTER = {"after": frozenset("that this which".split()), "once": frozenset("that this done finished".split())}
_ORDINAL_STEP = frozenset("2 3 4 5 6 7 8 9 two three four five second third fourth last".split())


def step_cue(word_lower: list[str], i: int) -> bool:
    """Whether word i starts a later step of an ordered request: "then", "lastly", "after that",
    "once that's done", "Step 2", "Next, ...".

    >>> [step_cue("list agents , after that stop them".split(), i) for i in (3, 4)]
    [True, False]
    >>> step_cue("show the next batch".split(), 2), step_cue("ok . next , stop it".split(), 2)
    (False, True)
    """
    lw = word_lower[i]
    after = word_lower[i + 1] if i + 1 < len(word_lower) else ""
    if lw in _STEP_WORDS:
        return True
    if lw in _STEP_AFTER:
        return after in _STEP_AFTER[lw]
    if lw == "step":
        return after in _ORDINAL_STEP
    if lw == "next":  # a sentence or clause opener, not an adjective
        return after == "," and (i == 0 or word_lower[i - 1] in _CLAUSE_PUNCT or word_lower[i - 1] in _CLAUSE_WORDS)
    return False


_BOUNDARY_WORDS = frozenset("in from to at for with on by near during between under over about into of".split())
IN_REQUEST = 14  # column of the token features: 1 in the request, 0 in the recovery history


# --------------------------------------------------------------------------------------------------
# Catalogue tables: everything about the tools that does not depend on a request, encoded once.


@dataclass
class ParamInfo:
    """One parameter of a tool, as the router uses it (from the tool's JSON Schema)."""

    name: str
    schema_kind: str  # one of SCHEMA_KINDS
    required: bool
    schema: dict[str, Any]
    stems: frozenset[str]
    desc_stems: frozenset[str]
    enum: list[Any]
    enum_texts: list[str]
    enum_emb: Tensor | None  # [K, H]
    validator: Any
    date_format: str | None = None  # strftime format of a date or time ("%Y-%m-%d", "%H:%M"), see mcptrain.dates
    datetime_format: str | None = None  # of a date with a time of day ("%Y-%m-%dT%H:%M:%S"); decoding only
    place: frozenset[str] = frozenset()  # a city the API wants as 'City, State' / 'City, Country', see mcptrain.places
    city: bool = False  # its name says it takes a city ("city", "city_name")
    fraction: bool = False  # a rate that takes "5%" as 0.05 (text.wants_fraction)
    items_enum: list[Any] = field(default_factory=list)  # an array's allowed items, where its schema lists them
    location: bool = False  # a string parameter that takes a place ("city", "destination"; see takes_place)
    shape: str | None = None  # a string parameter that takes a URL, a host or an e-mail address (text.value_shape)
    code: str | None = None  # a state ('CA') or country ('GB') parameter that takes a code (places.code_form)
    named_values: list[str] = field(default_factory=list)  # values its description quotes (described_values)
    cursor: bool = False  # a page cursor a server hands out ("A server-generated token ..."), no request's value
    currency: str | None = None  # a string parameter that takes a currency: "source", "target" or "" (neither)
    unit: str | None = None  # a string parameter that takes a unit of measure: "from" or "to" (_unit_side)
    command: bool = False  # a string parameter that takes a command line (text.takes_command)
    language: str | None = None  # a string or enum parameter that takes a language: "source", "target" or ""
    parent: str | None = None  # the object parameter whose property this is ("body" of body.windStrength)

    @property
    def key(self) -> str:
        """Where its value goes in a call's flat view: its name, or "parent.name" for an object's property."""
        return f"{self.parent}.{self.name}" if self.parent else self.name

    @property
    def value_kind(self) -> str:
        """How the value is chosen: enum, bool, string, number, fragment, or untyped (kind decision)."""
        return {
            "enum": "enum",
            "boolean": "bool",
            "string": "string",
            "integer": "number",
            "number": "number",
            "object": "fragment",
            "array": "fragment",
        }.get(self.schema_kind, "untyped")

    def fallback(self) -> Any:
        """The fragment value when the request writes no usable JSON."""
        return [] if self.schema_kind == "array" else {}


@dataclass
class ToolInfo:
    """One tool: its parameters (at most max_params, schema order) and their query embeddings."""

    spec: ToolSpec
    params: list[ParamInfo]
    q: Tensor  # [P, H] parameter-query embeddings
    static: Tensor  # [P, 1 + len(SCHEMA_KINDS)] required flag + schema-kind one-hot
    validator: Any


@dataclass
class CatalogueTable:
    """A catalogue, encoded once: tool embeddings and the stem vocabularies of lexical features."""

    key: str
    catalogue: Catalogue
    tools: list[ToolInfo]
    index: dict[str, int]
    full: Tensor  # [N, H] embedding of "name words: description. parameters: ..."
    name: Tensor  # [N, H] embedding of the name words alone
    vocab: dict[str, int]  # stem -> row of m_name / m_desc
    m_name: Tensor  # [V, N] share of each tool's name stems that a stem covers
    m_desc: Tensor  # [V, N] same for description stems
    name_idx: Tensor  # [N, S] vocab rows of each tool's name stems, padded with V (an "absent" slot)
    numbers_needed: Tensor  # [N] required number/integer parameters of each tool
    when_needed: Tensor  # [N, 2] the tool requires a date / a time of day (mcptrain.dates formats)
    action: Tensor  # [N, A] one-hot of what each tool's name says it does (text.ACTIONS), zeros if nothing


def schema_kind(prop: dict[str, Any]) -> str:
    """A property's JSON Schema -> one of SCHEMA_KINDS: {"type": ["string", "null"]} -> 'string'."""
    if isinstance(prop.get("enum"), list) and prop["enum"]:
        return "enum"
    t = prop.get("type")
    if isinstance(t, list):
        types = [x for x in t if x != "null"]
        t = types[0] if len(types) == 1 else None
    return t if isinstance(t, str) and t in SCHEMA_KINDS else "untyped"


def tool_text(tool: ToolSpec) -> str:
    """What a tool is encoded from: 'memory store: Store a value. parameters: key, value'."""
    text = f"{split_identifier(tool.name)}: {tool.description}"
    if tool.use_cases:
        text += ". use cases: " + "; ".join(tool.use_cases)
    if tool.properties:
        text += ". parameters: " + ", ".join(split_identifier(p) for p in tool.properties)
    return text


def param_text(tool: ToolSpec, name: str, prop: dict[str, Any]) -> str:
    """The parameter query: 'memory store: key: Key to store under'."""
    return f"{split_identifier(tool.name)}: {split_identifier(name)}: {prop.get('description', '')}"


def enum_text(value: Any) -> str:
    return split_identifier(value) if isinstance(value, str) else json.dumps(value)


_CODE = re.compile(
    r"(?<![\w.-])['\"]?(\d+)['\"]?\s*(?:for|represents|means|(?:corresponds |refers )?to|=|:|-)\s*(?:an? |the )?"
    r"([A-Za-z][A-Za-z' -]{0,40}?)\s*(?=[,;.)]|\band\b|\bor\b|$)"
)


def coded_values(prop: dict[str, Any]) -> list[tuple[int, str]]:
    """An integer parameter whose description gives its codes: [(code, meaning), ...] when it lists
    two or more, else []. The router chooses among them as among enum values.

        >>> coded_values({"type": "integer", "description": "For example, 1 for Bangkok, 2 for Chiang Mai."})
        [(1, 'Bangkok'), (2, 'Chiang Mai')]
        >>> coded_values({"type": "integer", "description": "'1' represents cleaning, and '2' represents ironing"})
        [(1, 'cleaning'), (2, 'ironing')]
        >>> coded_values({"type": "integer", "description": "1 corresponds to Bangkok, 2 to Chiang Mai"})
        [(1, 'Bangkok'), (2, 'Chiang Mai')]
    """
    if schema_kind(prop) != "integer":
        return []
    codes = dict((int(n), text.strip()) for n, text in _CODE.findall(str(prop.get("description", ""))))
    return list(codes.items()) if len(codes) >= 2 else []


def choices(prop: dict[str, Any]) -> tuple[list[Any], list[str]]:
    """The values a parameter is chosen from, and their texts: an enum's (an integer enum's codes' meanings
    where its description gives them: [1, 2, 3] "'1' represents cleaning service, '2' ..."), or an
    integer's codes."""
    if schema_kind(prop) == "enum":
        meaning = dict(coded_values({"type": "integer", "description": prop.get("description", "")}))
        if meaning and all(type(v) is int for v in prop["enum"]):
            return list(prop["enum"]), [meaning.get(v, enum_text(v)) for v in prop["enum"]]
        return list(prop["enum"]), [enum_text(v) for v in prop["enum"]]
    coded = coded_values(prop)
    return [n for n, _ in coded], [text for _, text in coded]


def validator_for(schema: dict[str, Any]) -> Any:
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema)


# --------------------------------------------------------------------------------------------------
# Request features: one encoder pass per request, plus cheap text features for the pointer.


@dataclass
class RequestFeatures:
    """One request, after one encoder pass: token states, word/clause structure, text features."""

    text: str  # what the encoder saw: the request, then "[SEP]" and recovery history if any
    r: Tensor  # [H] normalised sentence embedding
    r_focus: Tensor  # [H] the same over what the request asks now (not set aside, not a later step, not history)
    focus: list[int]  # the tokens r_focus pools (empty: r_focus is r)
    mid: Tensor | None  # [L, H] encoder states before the last layer, all positions (Encoding.mid)
    pieces: list[int] | None  # [T] positions of the word pieces among the L
    h: Tensor  # [T, H] token states of the word pieces
    offsets: list[tuple[int, int]]  # [T]
    feats: Tensor  # [T, N_TOKEN_FEATS]
    tok_stem: list[str]  # [T] stem of the word each token belongs to
    prev1: list[str | None]  # [T] stem of the previous non-punctuation word
    prev3: list[frozenset[str]]  # [T] stems of the 3 previous non-punctuation words
    next1: list[str | None]  # [T] stem of the next word, if it is a content word ("Chinese cuisine")
    tok_word: list[int]  # [T] index of the word (in w_lower) each token belongs to
    content_words: list[int]  # words that could be a value by their meaning: not punctuation, stopword or number
    stems: frozenset[str]  # content stems of the whole text (request + history)
    prompt_stems: frozenset[str]  # content stems of the request alone
    words: list[str]
    # Words (BERT's pre-tokenizer: punctuation is a word of its own), for clause-local evidence.
    w_stem: list[str]
    w_lower: list[str]
    w_clause: list[int]  # clauses split at . ; , ! ? and before "and"/"then"/"but", and at [SEP]
    w_polarity: list[int]  # +1 on/true/enable..., -1 off/false/without..., else 0
    w_number: list[bool]
    w_quoted: list[bool]
    clauses: list[list[int]]  # clause -> its word indices
    dismissive: list[bool]  # clause -> has a dismissal cue
    later: list[bool]  # clause -> in a later step of an ordered request ("..., then <this>")
    clause_stems: list[frozenset[str]]  # request clause -> its content stems (history clauses left out)
    first_pos: dict[str, float]  # stem -> position of its first word in the request, in [0, 1)
    prev_calls: frozenset[str]  # tools called before (recovery history)
    fragments: list[tuple[Fragment, int, int]]  # (fragment, first token, end token) with tokens inside
    flags: list[float]  # has number, JSON object, JSON array, negation, quotes
    has_date: bool  # writes a date (mcptrain.dates.writes_date)
    has_time: bool  # writes a time of day (mcptrain.dates.writes_time)
    starts: dict[int, int]  # char offset -> token starting there
    ends: dict[int, int]  # char offset -> token ending there
    sentence_cum: Tensor  # [T] sentence-ending tokens (". " "; " "? " "! ") up to and including t
    quote_cum: Tensor  # [T] quote-character tokens up to and including t
    boundary_cum: Tensor  # [T] boundary words ("in", "from", ...; not quoted, not inside a Title Case name) up to t
    word_vecs: Tensor | None = None
    """[C, H] each of content_words encoded on its own (normalised); the router fills it on first use
    (`Router._word_vecs`), so requests that never reach an argument skip it."""

    @cached_property
    def inside_chunks(self) -> frozenset[int]:
        """Tokens that start a word inside a joined chunk, right after "-", "/", "_" or "." that follow a
        letter or digit: "2020" of "2019-2020", "AL2562" of "2022/AL2562", "8c54" of "agent-8c54"."""
        text = self.text
        return frozenset(
            t for t, (a, _) in enumerate(self.offsets) if a > 1 and text[a - 1] in "-/_." and text[a - 2].isalnum()
        )

    @cached_property
    def exponent_starts(self) -> frozenset[int]:
        """Number starts that are an exponent: right after "^" or "**" ("m/s^2", "x**3"), or after the
        "e" of a number written in scientific notation ("1e-9")."""
        return frozenset(
            t
            for t, k in enumerate(self.number_starts)
            if k >= 0 and _EXPONENT_BEFORE.search(self.text, max(0, self.offsets[t][0] - 3), self.offsets[t][0])
        )

    @cached_property
    def date_numbers(self) -> frozenset[int]:
        """Number starts inside a whole date the request writes: the 15 and 2023 of "15th October, 2023"
        (not a year alone)."""
        spans = when_spans(self.text, "%Y-%m-%d")
        return frozenset(
            t
            for t, k in enumerate(self.number_starts)
            if k >= 0 and any(a <= self.offsets[t][0] < b for a, b in spans)
        )

    @cached_property
    def clock_numbers(self) -> frozenset[int]:
        """Number starts that are part of a time of day: the 3 and 00 of "from 3:00 p.m."."""
        return frozenset(
            t for t, k in enumerate(self.number_starts) if k >= 0 and clock_part(self.text, self.offsets[t][0])
        )

    @cached_property
    def speaker_tokens(self) -> frozenset[int]:
        """Tokens of the name the speaker gives as their own ("my name is Charlie", "Hi, I am Karan")."""
        spans = [m.span(1) for m in _SPEAKER_NAME.finditer(self.text)]
        return frozenset(t for t, (a, _) in enumerate(self.offsets) if any(x <= a < y for x, y in spans))

    @cached_property
    def city_state(self) -> str | None:
        """The one 'City, ST' the request writes (`places.city_state_written`, once)."""
        return city_state_written(self.text)

    @cached_property
    def place_starts(self) -> frozenset[int]:
        """Tokens where a place the request names starts (`places.place_spans`, once)."""
        return frozenset(self.place_ends)

    @cached_property
    def place_ends(self) -> dict[int, int]:
        """Token where a place the request names starts -> the last token its value may take: the end of
        its name, of a place word after it ("Santa Clara County") or of the region written after it
        ("Portland, OR"); not a word after those ("Philadelphia ideally", "Portland, OR to Seattle")."""
        out = {}
        for a, b in place_spans(self.text):
            suffix = _PLACE_SUFFIX_AFTER.match(self.text, b)
            end = max(region_after(self.text, b), suffix.end() if suffix else b)
            if a in self.starts and end in self.ends:
                out[self.starts[a]] = self.ends[end]
        return out

    @cached_property
    def asking_grams(self) -> list[str]:
        """The content words of what the request asks now (not quoted, not set aside, not a later step,
        not history), lower-cased, then each two of them in a row ("family therapist"), once."""
        keep = [
            i
            for i, (lw, c) in enumerate(zip(self.w_lower, self.w_clause, strict=True))
            if lw not in STOPWORDS
            and any(ch.isalpha() for ch in lw)
            and not self.w_quoted[i]  # a value written out ("items" of {"items": ...}), not a meaning
            and self.w_stem[i] in self.clause_stems[c]
            and not (self.later[c] or self.dismissive[c])
        ]
        pairs = [f"{self.w_lower[i]} {self.w_lower[j]}" for i, j in zip(keep, keep[1:], strict=False) if j == i + 1]
        return list(dict.fromkeys([self.w_lower[i] for i in keep] + pairs))

    @cached_property
    def today(self) -> Today | None:
        """The day the request says today is ("today is 2023.10.1": `dates.stated_today`, once)."""
        return stated_today(self.text)

    @cached_property
    def number_starts(self) -> list[int]:
        """[T] k where a token starts the request's k-th number, else -1 (`number_order`, once)."""
        return number_order(self)


_EXPONENT_BEFORE = re.compile(r"(?:\^|\*\*|(?<=\d)[eE][-+]?)$")
_PLACE_SUFFIX_AFTER = re.compile(rf"\s+(?i:{'|'.join(sorted(PLACE_SUFFIX))})\b")
_PLACE_WORDS = frozenset(
    {"location", "loc", "city", "country", "state", "county", "province", "region", "area", "town", "place",
     "destination", "origin", "where"}
)  # fmt: skip


def takes_place(name: str) -> bool:
    """Whether a parameter's name says it takes a place.

    >>> takes_place("start_city"), takes_place("hotelLocation"), takes_place("venue_name")
    (True, True, False)
    """
    return bool(_PLACE_WORDS.intersection(w.lower() for w in words(name)))


def focus_embedding(h: Tensor, focus: list[int], whole: Tensor) -> Tensor:
    """[T, H] token states -> [H] the normalised mean of the `focus` tokens (`RequestFeatures.r_focus`);
    `whole` (the sentence embedding) when nothing is set aside (`focus` empty)."""
    return F.normalize(h[focus].mean(0), dim=-1) if focus else whole


def context_text(example: ToolCallExample, max_chars: int = 400) -> str:
    """The text the router encodes for a request: the prompt, plus the failed call and its error.

    >>> context_text(ToolCallExample(prompt="store x", turns=[Turn(role="assistant", call=ToolCall(name="a")),
    ...     Turn(role="tool", content="unknown tool", is_error=True)]))
    'store x [SEP] previous call: a {} error: unknown tool'
    """
    prompt = _unwrapped(example.prompt)
    if not example.turns:
        return prompt
    parts: list[str] = []
    for turn in example.turns:
        if turn.role == "assistant" and turn.call is not None:
            parts.append(f"previous call: {turn.call.name} {json.dumps(turn.call.arguments)}")
        elif turn.role == "tool" and turn.content:
            parts.append(("error: " if turn.is_error else "result: ") + turn.content)
        elif turn.role == "user" and turn.content and turn.content.strip() != example.prompt.strip():
            parts.append(f"earlier request: {turn.content}")
    history = " ".join(parts)[:max_chars]
    return f"{prompt} [SEP] {history}" if history else prompt


def _unwrapped(prompt: str) -> str:
    """A request quoted whole, without its quotes (no value of it is quoted): '"Find the area of a
    triangle with base 10."' -> 'Find the area of a triangle with base 10.'."""
    t = prompt.strip()
    inner = re.sub(r"(?<=\w)'(?=\w)", "", t[1:-1])  # apostrophes: "water's" quotes nothing
    if len(t) > 2 and t[0] in "\"'" and t[-1] == t[0] and t[0] not in inner:
        return t[1:-1].strip()
    return prompt


_ALNUM = re.compile(r"[^\W_]")


def _is_punct(s: str) -> bool:
    return _ALNUM.search(s) is None


_CHUNK = re.compile(r"\S+")
_PREVIOUS_CALL = re.compile(r"previous call: (\S+)")
_LEAD = "\"'([{“‘`"
_TRAIL = ".,;:!?)]}\"'”’`"


def _words(offs: list[tuple[int, int]], tok_punct: list[bool]) -> tuple[list[int], list[list[int]]]:
    """Word pieces glued together (no gap, no punctuation) form a word: "agent" "##s" -> "agents".
    -> (per token the index of its word, per word its [start, end) characters)."""
    word_of: list[int] = []
    spans: list[list[int]] = []
    for t in range(len(offs)):
        new = t == 0 or offs[t][0] != offs[t - 1][1] or tok_punct[t] or tok_punct[t - 1]
        if new:
            spans.append([offs[t][0], offs[t][1]])
        else:
            spans[-1][1] = offs[t][1]
        word_of.append(len(spans) - 1)
    return word_of, spans


def _is_content(word_lower: str) -> bool:
    """A word that could be a value by its meaning: not punctuation, a stopword or a number."""
    return not _is_punct(word_lower) and word_lower not in STOPWORDS and not any(c.isdigit() for c in word_lower)


def content_word_texts(text: str, offs: list[tuple[int, int]]) -> list[str]:
    """The request's content words (`RequestFeatures.content_words`), lower-cased, from its text and
    word-piece offsets: what the router encodes one by one, in the request's own encoder pass."""
    _, spans = _words(offs, [_is_punct(text[a:b]) for a, b in offs])
    return [w for w in (text[a:b].lower() for a, b in spans) if _is_content(w)]


def build_request(enc: Encoding) -> RequestFeatures:
    """Encoding -> RequestFeatures: word structure, chunk/quote/JSON boundaries and per-token features.

    Token feature columns (N_TOKEN_FEATS): has a digit or is a number word, inside quotes, first /
    last inside quotes, first / last piece of its word, starts / ends a whitespace chunk (wrapping
    punctuation stripped), punctuation, stopword, inside an id-like chunk ("agent-1", "a/b.txt"),
    capitalised, inside a JSON fragment, relative position, in the request (not the recovery
    history), in a clause that sets things aside ("no need to touch the swarm"), in a later step of
    an ordered request ("..., then search memory"); the word before is capitalised, the word after
    is, the word before is a stopword, the word after is, the word after is punctuation or none.
    """
    text = enc.text
    assert enc.tokens is not None
    h = enc.tokens  # [T, H]
    offs = enc.offsets
    n = len(offs)
    toks = [text[a:b] for a, b in offs]
    tok_punct = [_is_punct(tk) for tk in toks]
    word_of, spans = _words(offs, tok_punct)
    word_text = [text[a:b] for a, b in spans]
    word_lower = [w.lower() for w in word_text]
    word_stem = [stem(w) for w in word_text]
    word_punct = [_is_punct(w) for w in word_text]
    prev1_w: list[str | None] = []
    prev3_w: list[frozenset[str]] = []
    seen: list[str] = []
    for i in range(len(spans)):
        prev1_w.append(seen[-1] if seen else None)
        prev3_w.append(frozenset(seen[-3:]))
        named = i + 1 < len(spans) and word_text[i + 1] in ("=", ":")  # "a=2": a name even if a stopword
        if not word_punct[i] and (word_text[i].lower() not in STOPWORDS or named):
            seen.append(word_stem[i])
    content = [not word_punct[i] and word_lower[i] not in STOPWORDS for i in range(len(spans))]
    next1_w = [word_stem[i + 1] if i + 1 < len(spans) and content[i + 1] else None for i in range(len(spans))]
    # Whitespace chunks without wrapping punctuation: where values like "agent-1" or "./a.txt" start and end.
    chunk_starts, chunk_ends = set(), set()
    idlike = bytearray(len(text) + 1)  # per character: inside an id-like chunk (digits, - _ / . @ :)
    for m in _CHUNK.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a] in _LEAD:
            a += 1
        while b > a and text[b - 1] in _TRAIL:
            b -= 1
        if a < b:
            chunk_starts.add(a)
            chunk_ends.add(b)
            if any(c.isdigit() or c in "-_/.@:" for c in text[a:b]):
                idlike[a:b] = b"\x01" * (b - a)
    quotes = quoted_spans(text)
    frags = json_fragments(text)
    in_quote, in_frag = bytearray(len(text) + 1), bytearray(len(text) + 1)
    for qs, qe in quotes:
        in_quote[qs:qe] = b"\x01" * (qe - qs)
    for f in frags:
        in_frag[f.start : f.end] = b"\x01" * (f.end - f.start)
    quote_starts, quote_ends = {qs for qs, _ in quotes}, {qe for _, qe in quotes}
    prompt_end = text.find(" [SEP] ")
    prompt_end = len(text) if prompt_end < 0 else prompt_end
    rows = []
    for t, (a, b) in enumerate(offs):
        w = word_of[t]
        # Tokens never straddle a quote, chunk or JSON boundary (those are punctuation or spaces),
        # so a token's first character says whether it is inside.
        rows.append(
            [
                float(any(c.isdigit() for c in toks[t]) or is_number_word(word_text[w])),
                float(in_quote[a]),
                float(a in quote_starts),
                float(b in quote_ends),
                float(spans[w][0] == a),  # first piece of its word
                float(spans[w][1] == b),  # last piece of its word
                float(a in chunk_starts),
                float(b in chunk_ends),
                float(word_punct[w]),
                float(word_text[w].lower() in STOPWORDS),
                float(idlike[a]),
                float(toks[t][:1].isupper()),
                float(in_frag[a]),
                t / max(1, n - 1),
                float(b <= prompt_end),
            ]
        )
    feats = torch.tensor(rows, dtype=torch.float32).reshape(n, N_TOKEN_FEATS - 7)  # [T, F1 - 7]
    fragments = []
    in_words = list_fragments(text, frags, counted=True)
    for f in sorted([*frags, *in_words], key=lambda f: f.start):  # JSON, then lists in words
        inside_toks = [t for t, (a, b) in enumerate(offs) if f.start <= a and b <= f.end]
        if inside_toks:
            fragments.append((f, inside_toks[0], inside_toks[-1] + 1))
    lowered = text.lower()
    all_words = words(text)
    stems = frozenset(stem(w) for w in all_words if w not in STOPWORDS)  # == content_stems(text)
    flags = [
        float(bool(feats[:, 0].any())) if n else 0.0,
        float(any(isinstance(f.value, dict) for f in frags)),
        float(any(isinstance(f.value, list) for f in frags)),
        float(any(w in NEGATIONS for w in re.findall(r"[a-z']+", lowered))),
        float(bool(quotes)),
    ]
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for t, (a, b) in enumerate(offs):
        starts.setdefault(a, t)
        ends[b] = t
    ends_sentence = [
        toks[t] in (".", ";", "!", "?") and (b == len(text) or text[b].isspace()) for t, (_, b) in enumerate(offs)
    ]
    sentence_cum = torch.tensor(ends_sentence, dtype=torch.float32).reshape(n).cumsum(0)  # [T]
    is_quote = [len(toks[t]) == 1 and toks[t] in QUOTES for t in range(n)]
    # Words where a value usually ends ("theft | in California", "Boston | driving to"), unless quoted
    # or inside a Title Case name ("Museum of Modern Art").
    cap = [w[:1].isupper() and not p for w, p in zip(word_text, word_punct, strict=True)]
    m_w = len(spans)
    boundary = [
        lw in _BOUNDARY_WORDS and not in_quote[spans[i][0]] and not (0 < i < m_w - 1 and cap[i - 1] and cap[i + 1])
        for i, lw in enumerate(word_lower)
    ]
    starts_word = [spans[word_of[t]][0] == offs[t][0] for t in range(n)]
    is_boundary = [boundary[word_of[t]] and starts_word[t] for t in range(n)]
    boundary_cum = torch.tensor(is_boundary, dtype=torch.float32).reshape(n).cumsum(0)  # [T]
    quote_cum = torch.tensor(is_quote, dtype=torch.float32).reshape(n).cumsum(0)  # [T]
    # Clauses: "hyperbolic disabled and normalize off" -> the polarity near each name is its own.
    w_clause: list[int] = []
    clause = 0
    for i, lw in enumerate(word_lower):
        if i and (lw in _CLAUSE_WORDS or (spans[i][0] >= prompt_end > spans[i - 1][0])):
            clause += 1
        w_clause.append(clause)
        if lw in _CLAUSE_PUNCT:
            clause += 1
    clauses: list[list[int]] = [[] for _ in range(clause + 1)]
    for i, c in enumerate(w_clause):
        clauses[c].append(i)
    dismissive = [any(word_lower[i] in _DISMISSAL for i in idx) for idx in clauses]
    n_prompt = sum(1 for a, _ in spans if a < prompt_end)
    # Steps: a step word outside quotes, after the request's first words, starts the next step.
    w_later: list[bool] = []
    step = 0
    for i in range(len(word_lower)):
        if 2 < i < n_prompt and step_cue(word_lower, i) and not in_quote[spans[i][0]]:
            step += 1
        w_later.append(step > 0 and i < n_prompt)
    later = [any(w_later[i] for i in idx) for idx in clauses]
    clause_stems = [
        frozenset(word_stem[i] for i in idx if i < n_prompt and not word_punct[i] and word_lower[i] not in STOPWORDS)
        for idx in clauses
    ]
    # Where the request first names something, outside clauses that set things aside.
    first_pos: dict[str, float] = {}
    for i in range(n_prompt):
        if not word_punct[i] and not dismissive[w_clause[i]] and not later[w_clause[i]]:
            first_pos.setdefault(word_stem[i], i / max(1, n_prompt))
    # The words around each word: where a value's span may start and end ("in Los Angeles with",
    # not "Angeles"; "theft in California": the span ends before "in").
    stop = [lw in STOPWORDS for lw in word_lower]
    around = [
        [
            float(i > 0 and cap[i - 1]),
            float(i + 1 < m_w and cap[i + 1]),
            float(i > 0 and stop[i - 1]),
            float(i + 1 < m_w and stop[i + 1]),
            float(i + 1 >= m_w or word_punct[i + 1]),
        ]
        for i in range(m_w)
    ]
    extra = [
        [float(dismissive[w_clause[word_of[t]]]), float(w_later[word_of[t]]), *around[word_of[t]]] for t in range(n)
    ]
    feats = torch.cat([feats, torch.tensor(extra).reshape(n, 7)], dim=-1)  # [T, F1]: + dismissive, later step, around
    # The request without what it sets aside, later steps and history: "I'm not asking about the memory
    # stats; I've lost track of agents" is about agents. Mean of the kept tokens' states; the sentence
    # embedding itself when nothing is set aside.
    kept = [
        t
        for t in range(n)
        if word_of[t] < n_prompt and not dismissive[w_clause[word_of[t]]] and not w_later[word_of[t]]
    ]
    focus = kept if 0 < len(kept) < n else []
    r_focus = focus_embedding(h, focus, enc.sentence)  # [H]
    return RequestFeatures(
        text=text,
        r=enc.sentence,
        r_focus=r_focus,
        focus=focus,
        mid=enc.mid,
        pieces=enc.pieces,
        h=h,
        offsets=offs,
        feats=feats,
        tok_stem=[word_stem[word_of[t]] for t in range(n)],
        prev1=[prev1_w[word_of[t]] for t in range(n)],
        prev3=[prev3_w[word_of[t]] for t in range(n)],
        next1=[next1_w[word_of[t]] for t in range(n)],
        tok_word=word_of,
        content_words=[i for i, w in enumerate(word_lower) if _is_content(w)],
        stems=stems,
        prompt_stems=stems if prompt_end == len(text) else frozenset(content_stems(text[:prompt_end])),
        words=all_words,
        w_stem=word_stem,
        w_lower=word_lower,
        w_clause=w_clause,
        w_polarity=[1 if w in _POSITIVE else -1 if w in _NEGATIVE else 0 for w in word_lower],
        w_number=[any(c.isdigit() for c in w) or is_number_word(w) for w in word_lower],
        w_quoted=[bool(in_quote[a]) for a, _ in spans],
        clauses=clauses,
        dismissive=dismissive,
        later=later,
        clause_stems=clause_stems,
        first_pos=first_pos,
        prev_calls=frozenset(_PREVIOUS_CALL.findall(text[prompt_end:])),
        fragments=fragments,
        flags=flags,
        has_date=writes_date(text[:prompt_end]),
        has_time=writes_time(text[:prompt_end]),
        starts=starts,
        ends=ends,
        sentence_cum=sentence_cum,
        quote_cum=quote_cum,
        boundary_cum=boundary_cum,
    )




def mentions(req: RequestFeatures, prm: ParamInfo) -> list[int]:
    """Word indices where a word of the parameter's name occurs ('include', 'terminated' for includeTerminated)."""
    return [i for i, st in enumerate(req.w_stem) if st in prm.stems and req.w_lower[i] not in STOPWORDS]


def param_text_features(req: RequestFeatures, prm: ParamInfo) -> list[float]:
    """N_LOCAL text features of one (request, parameter) pair, all in [0, 1]:

    name / description overlap, the request's flags (number, JSON object, JSON array, negation,
    quotes), an enum value written anywhere; then clause-local evidence around mentions of the
    name: mentioned, mentioned in full, nearest positive / negative polarity word (1/distance),
    a number and a quoted string in the same clause; a date (time) parameter and a date (time of
    day) written. Mentions in a later step of an ordered request ("..., then list tasks with status
    pending") do not count: they are for a later call.

        >>> # "hyperbolic disabled and normalize off": normalize -> negative 1.0 (its own clause)
    """
    ment = [i for i in mentions(req, prm) if not req.later[req.w_clause[i]]]
    n_st = len(prm.stems)
    full = any(
        prm.stems <= set(req.w_stem[i : i + 2 * n_st]) for i in ment
    )  # all name words close together
    pos = neg = 0.0
    number = quoted = False
    mset = set(ment)
    for i in ment:
        for j in req.clauses[req.w_clause[i]]:
            if j in mset:
                continue
            d = abs(j - i)
            polarity = req.w_polarity[j]
            if polarity and req.w_lower[j] == "on" and j + 1 < len(req.w_lower) and j + 1 not in mset:
                nxt = req.w_lower[j + 1]
                if nxt not in _AFTER_ON and any(c.isalnum() for c in nxt):
                    polarity = 0
            if polarity > 0:
                pos = max(pos, 1.0 / d)
            elif polarity < 0:
                neg = max(neg, 1.0 / d)
            number = number or req.w_number[j]
            quoted = quoted or req.w_quoted[j]
    return [
        len(prm.stems & req.stems) / max(1, n_st),
        len(prm.desc_stems & req.stems) / max(1, len(prm.desc_stems)),
        *req.flags,
        float(any(phrase_present(req.words, t) for t in prm.enum_texts)),
        float(bool(ment)),
        float(full),
        pos,
        neg,
        float(number),
        float(quoted),
        float(_when_written(req, prm)),
    ]


def _when_written(req: RequestFeatures, prm: ParamInfo) -> bool:
    """A date (time) parameter, and the request writes a date (time of day)."""
    fmt = prm.date_format
    if is_time(fmt) or (fmt is None and "time" in prm.stems):
        return req.has_time
    return req.has_date and (fmt is not None or "date" in prm.stems)


def near_words(req: RequestFeatures, prm: ParamInfo) -> list[str]:
    """The words of the clauses that mention the parameter (where its value is most likely written)."""
    near = {req.w_clause[i] for i in mentions(req, prm)} - {c for c, later in enumerate(req.later) if later}
    idx = sorted(j for c in near for j in req.clauses[c])
    return [req.w_lower[j] for j in idx if any(c.isalnum() for c in req.w_lower[j])]


_CLOCK_HOUR = re.compile(r"\d{1,2}(?=:\d{2}\b|\s?[ap]\.?m\b)", re.I)  # "6:30", "9 pm"
_CLOCK_MINUTE = re.compile(r"(?<=\b\d:)\d{2}\b|(?<=\b\d\d:)\d{2}\b")


def clock_part(text: str, at: int) -> str | None:
    """Which part of a time of day the number at character `at` is: "hour" (the 6 of "6:30"), "minu"
    (its 30; the start of "minute(s)"), or None.

        >>> clock_part("at 6:30 PM", 3), clock_part("at 6:30 PM", 5), clock_part("3 apples", 0)
        ('hour', 'minu', None)
    """
    if _CLOCK_MINUTE.match(text, at):
        return "minu"
    return "hour" if _CLOCK_HOUR.match(text, at) and (at == 0 or not text[at - 1].isdigit()) else None


_QUOTED_VALUE = re.compile(r"'([^'{}]{1,30})'|\"([^\"{}]{1,30})\"")


_SPEAKER_NAME = re.compile(r"\b(?:[Mm]y name is|I am|I'm|[Tt]his is)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
# words of a parameter's name that make it a person's, who may be the speaker: "user_name", "passenger_name"
PERSON_WORDS = frozenset(
    "person user username customer passenger patient guest client sender employee member owner traveler "
    "attendee student first last full".split()
)
_EXAMPLE_CUE = re.compile(r"(?:e\.g\.?|such as|for example|for instance|example|like|format(?: of)?)[,:]?\s*$", re.I)


def described_values(schema: dict[str, Any]) -> list[str]:
    """The short values a string parameter's description quotes as its choices ("'Celsius' or
    'Fahrenheit'", "Default is 'cm'") or lists in parentheses ("(walk, bike, transit, drive)"), not as
    examples of a format ("e.g., 'New York, NY'").

    >>> described_values({"type": "string", "description": "The temperature unit ('Celsius' or 'Fahrenheit')."})
    ['Celsius', 'Fahrenheit']
    """
    desc = str(schema.get("description", ""))
    found = []
    for m in _QUOTED_VALUE.finditer(desc):
        value = (m.group(1) or m.group(2)).strip()
        example = _EXAMPLE_CUE.search(desc[: m.start()])
        if len(value) >= 2 and "," not in value and len(value.split()) <= 3 and not example:
            found.append(value)
    for m in LISTED_CHOICES.finditer(desc):  # "(hearts, diamonds, clubs, spades)"
        if not _EXAMPLE_CUE.search(desc[: m.start()]):
            found += listed_items(m)
    return list(dict.fromkeys(found))


# three words or more listed in parentheses: the choices of a value ("(walk, bike, transit, drive)")
LISTED_CHOICES = re.compile(r"\(((?:[A-Za-z][\w-]*,\s*){2,}(?:(?:or|and)\s+)?[A-Za-z][\w-]*)\)")


def listed_items(m: re.Match[str]) -> list[str]:
    """The words of a `LISTED_CHOICES` match: "(walk, bike, or drive)" -> ['walk', 'bike', 'drive']."""
    return [re.sub(r"^(?:or|and)\s+", "", c.strip()) for c in m.group(1).split(",")]


_LINK_WORDS = frozenset({"by", "is", "as", "called", "named", "of", "=", ":", "be", "to", "set"})
_GENERIC_NAME_WORDS = frozenset({"name"})
_BEFORE_NAME = frozenset({"as", "the", "a", "an", "for", "my", "our"})
_MAKERS = frozenset(map(stem, ["artist", "author", "composer", "singer", "band", "performer", "painter", "writer"]))
_WORKS = frozenset(map(stem, ["album", "song", "track", "book", "movie", "film", "show", "series", "painting"]))
# "by" after these names another maker than a work's: "directed by", "produced by"; or no maker: "sorted by"
_MADE_OTHERWISE = re.compile(r"directed|produced|hosted|sponsored|sorted|ordered|grouped|filtered|followed")
ID_WITH_DIGITS = re.compile(r"\w[\w.-]*\d[\w.-]*")  # an identifier with digits: "session-163"; not "y=3x+2"
_JOINED_ID = re.compile(r"[a-z]\w*(?:[-_.][a-z0-9]\w*)+")  # words joined into an identifier: "api-refactor"


def _capitalised(req: RequestFeatures, t: int) -> bool:
    """Whether token t starts with a capital letter."""
    return req.text[req.offsets[t][0]].isupper()


def _inside_a_name(req: RequestFeatures, t: int) -> bool:
    """Whether token t is a capitalised word (not an acronym) after another one: "Metropolitan Museum"."""
    a = req.offsets[t][0]
    word = req.text[a:].split(maxsplit=1)[0]
    before = req.text[:a].split()
    return word[:1].isupper() and not word.isupper() and bool(before) and before[-1][:1].isupper()


def named_value_starts(req: RequestFeatures, prm: ParamInfo, tool: ToolInfo | None = None) -> set[int]:
    """Tokens where a value starts right after the parameter's name, written in full: a quoted text,
    a capitalised word that does not start a sentence, or a number, with at most two words like "by",
    "is", "called" between ("directed by Jim Henson", "the album Chief", "host 'db.example.com'");
    or a quoted text right before the name ("the 'main' database", "'admin' as the username"). The
    words the name shares with its `tool`'s name may go unsaid ("id coder-main" for agent_spawn's
    agentId), as may "id" before an identifier with digits ("queen queen-b190" for queenId), and
    "named" names an id where the tool takes no name ("an agent named agent-566").

        >>> # "a movie directed by Jim Henson with Jennifer Connelly": directed_by -> {token of "Jim"}
    """
    first: dict[int, int] = {}  # word -> its first token, in the request
    for t, w in enumerate(req.tok_word):
        if req.feats[t, IN_REQUEST] > 0:
            first.setdefault(w, t)
    out = set()
    own = content_stems(split_identifier(tool.spec.name)) if tool is not None else set()
    stems = prm.stems - _GENERIC_NAME_WORDS - own or prm.stems - _GENERIC_NAME_WORDS or prm.stems  # "project"
    # before an identifier, an id's "id" may go unsaid too: "queen queen-b190" for queenId, "swarm
    # swarm-1" for swarm_status's swarmId
    short = stems - {"id"} or prm.stems - _GENERIC_NAME_WORDS - {"id"} if "id" in stems else stems
    n, m = len(stems), len(req.w_lower)
    joined = "".join(ch for ch in prm.name.lower() if ch.isalnum())  # "agentType=architect": written as one word
    # "a speaker named 'ue boom'": "named" / "called" stand for a ..._name parameter's name
    names = "name" in prm.stems or (
        tool is not None and "id" in prm.stems and not any("name" in q.stems for q in tool.params)
    )
    naming = {i for i, w in enumerate(req.w_lower) if w in ("named", "called")} if names else set()
    if prm.stems & _MAKERS:  # "by" names a work's maker: "Remind Me by Carrie Underwood" for the artist
        made = [i for i, w in enumerate(req.w_lower) if w == "by"]
        naming |= {i for i in made if not (i and _MADE_OTHERWISE.fullmatch(req.w_lower[i - 1]))}
    for i in sorted(set(mentions(req, prm)) | {i for i, w in enumerate(req.w_lower) if w == joined} | naming):
        if req.later[req.w_clause[i]] or (i in first and _inside_a_name(req, first[i])):
            continue  # ("the Metropolitan Museum of Art": no museum named after "Museum")
        shortened = False
        if req.w_lower[i] == joined or i in naming:
            j = i
        elif stems <= set(req.w_stem[i : i + 2 * n]):  # j: where the name's words are all written
            j = next(k for k in range(i, m) if stems <= set(req.w_stem[i : k + 1]))
        elif short and short != stems and short <= set(req.w_stem[i : i + 2 * len(short)]):
            j, shortened = next(k for k in range(i, m) if short <= set(req.w_stem[i : k + 1])), True
        else:
            continue
        starts_name = i in first and _capitalised(req, first[i]) and i and req.w_lower[i - 1] not in ".!?"
        if i not in naming and j == i and starts_name:  # the name word starts a name: "Hotel Paradise"
            after = j + 2 if j + 2 < m and req.w_lower[j + 1] == "of" else j + 1  # "Museum of Modern Art"
            if after in first and _capitalised(req, first[after]):
                out.add(first[i])
                continue
        if prm.stems & _WORKS and i not in naming:  # a work's name before its kind: "the Salam album"
            q = i
            while q > 1 and q - 1 in first and req.w_lower[q - 2] not in ".!?" and _capitalised(req, first[q - 1]):
                q -= 1
            if q < i and req.w_lower[q - 1] == "the" and q in first:
                out.add(first[q])
        p = i - 1  # a quoted value right before the name: "the 'main' database", "'admin' as username"
        while p > 0 and i - p <= 2 and req.w_lower[p] in _BEFORE_NAME:
            p -= 1
        if p > 0 and req.w_lower[p] in QUOTES and req.w_quoted[p - 1] and req.w_lower[i] != "by":  # (the work)
            q = p - 1
            while q > 0 and req.w_quoted[q - 1]:
                q -= 1
            if q in first:
                out.add(first[q])
        k = j + 1
        if k + 1 < m and req.w_lower[k] in QUOTES and req.w_lower[k + 1] == "s":
            k += 2  # "key's session-state": the 's is "is", no quote
        while k < m and k <= j + 2 and req.w_lower[k] in _LINK_WORDS:
            k += 1
        if k not in first:
            continue
        a, b = req.offsets[first[k]]
        word = req.text[a:b]
        chunk = req.text[a:].split(maxsplit=1)[0].rstrip(".,;:!?)")
        if shortened and not ID_WITH_DIGITS.fullmatch(chunk):
            continue
        if len(word) == 1 and word in QUOTES:
            k += 1
        elif not_a_value(req.w_lower[k]) or not (
            req.w_quoted[k]
            or word[:1].isdigit()
            or ID_WITH_DIGITS.fullmatch(chunk) is not None
            or _JOINED_ID.fullmatch(chunk) is not None
            or (word[:1].isupper() and req.w_lower[k - 1] not in ".!?")
            or (k == j + 2 and req.w_lower[j + 1] in ("=", ":"))  # "agentType=architect", "scope: system"
        ):
            continue  # ("the password I think is '1234'": no value right after the name)
        if k in first:
            out.add(first[k])
    return out


def named_items(req: RequestFeatures, prm: ParamInfo) -> list[Any]:
    """The allowed items of an array parameter (`items.enum`) that the request names, in the order it
    names them: "the elevation and area of Yellowstone" -> ["Elevation", "Area"]; "high and low
    temperatures" names "high_low_temperature". What it sets aside or leaves for a later step does not count.
    """
    found = []
    for k, item in enumerate(prm.items_enum):
        stems = content_stems(split_identifier(str(item)))
        if stems and all(s in req.first_pos for s in stems):
            found.append((min(req.first_pos[s] for s in stems), k, item))
    return [item for _, _, item in sorted(found)]


def _currency(pname: str, prop: dict[str, Any]) -> str | None:
    """A parameter that takes a currency (its name says so) -> its role in a conversion: "source"
    ("base_currency", "The currency to convert from."), "target", or "" (a price's currency); else None."""
    name = split_identifier(pname).lower().split()
    if "currency" not in name and "currencies" not in name:
        return None
    return currency_role(name, words(str(prop.get("description", "")))) or ""


def _unit_side(pname: str, named_values: list[str], prop: dict[str, Any], others: list[str]) -> str | None:
    """For a string parameter that takes a unit of measure (not one whose description names values
    for it that are no units, "'imperial' or 'metric'"), which units written it takes (`text.unit_spans`): "from"
    (from_unit: "2 pounds"); "own" for a unit its description says is another parameter's ("The unit
    of measurement for the radius": "in km/h", else "a radius of 4 inches"); else "to" (to_unit, unit:
    "How many ounces"); else None."""
    ws = set(words(pname))
    units = all(is_unit(v) for v in named_values)  # "Default is 'cm'", "Supports
    if not ws & {"unit", "units"} or (named_values and not units):  # 'teaspoon', 'tablespoon', 'cup', etc."
        return None  # name units, no choice of another kind
    measured = content_stems(str(prop.get("description", ""))) & set().union(*(content_stems(o) for o in others))
    if ws <= {"unit", "units"} and measured:  # "The unit of measurement for the radius": its number's unit
        return "own"
    return "from" if ws & {"from", "source", "input", "original"} else "to"


_DESCRIBED_EMAIL = re.compile(r"\s*(?:the |an? )?e-?mail address(?:es)?\b", re.I)  # "The email address to send to."


def _described_shape(prop: dict[str, Any]) -> str | None:
    """"email" where a parameter's description says first that it is an e-mail address (a "to" whose
    value is "john.doe@example.com", not "John Doe"); else None."""
    return "email" if _DESCRIBED_EMAIL.match(str(prop.get("description", ""))) else None


# what a server hands out for paging, not a value a request gives: "A server-generated token indicating the
# start of the page", "cursor for pagination", "the next page token"
_SERVER_TOKEN = re.compile(
    r"\b(?:server[- ]generated|cursor|pagination token|(?:next )?page token|continuation token)\b", re.I
)


def flat_params(tool: ToolSpec) -> list[tuple[str, dict[str, Any], bool, str | None]]:
    """A tool's parameters in schema order as (name, schema, required, parent): an object parameter
    that names its properties stands as those properties, each filled like a parameter of its own
    (ThinQ's body: airConJobMode, windStrength, ...; requests.get's params: limit, sort), required
    where the object is and lists it; parent None for the tool's own. An object whose properties
    would clash with another parameter's name stays whole (a JSON value written in the request)."""
    top = set(tool.properties)
    out: list[tuple[str, dict[str, Any], bool, str | None]] = []
    for name, prop in tool.properties.items():
        named = prop.get("properties") if schema_kind(prop) == "object" else None  # {name: schema}
        kids: dict[str, Any] = named if isinstance(named, dict) else {}
        if kids and not top & kids.keys() and all(isinstance(v, dict) for v in kids.values()):
            inner = set(prop.get("required") or [])
            out += [(k, kp, name in tool.required and k in inner, name) for k, kp in kids.items()]
        else:
            out.append((name, prop, name in tool.required, None))
    return out


def build_table(catalogue: Catalogue, encoder: Encoder, max_params: int, key: str) -> CatalogueTable:
    """Encode a catalogue's tools, parameters and enum values once (no grad): what scoring needs."""
    tools = catalogue.tools
    texts = [tool_text(t) for t in tools] + [split_identifier(t.name) for t in tools]
    flat = [flat_params(t)[:max_params] for t in tools]
    props = [[(n, p) for n, p, _, _ in ps] for ps in flat]
    for t, ps in zip(tools, props, strict=True):
        texts += [param_text(t, n, p) for n, p in ps]
        texts += [text for _, p in ps for text in choices(p)[1]]
    emb = dict(zip(texts, encoder.embed(texts), strict=True)) if texts else {}
    n = len(tools)
    built: list[ToolInfo] = []
    for t, ps, fs in zip(tools, props, flat, strict=True):
        params = []
        for (pname, prop), (_, _, required, parent) in zip(ps, fs, strict=True):
            enum, enum_texts = choices(prop)
            kind = "enum" if enum else schema_kind(prop)  # an integer with codes is chosen like an enum
            named_values = described_values(prop) if kind == "string" and not place_forms(prop) else []
            params.append(
                ParamInfo(
                    name=pname,
                    schema_kind=kind,
                    required=required,
                    schema=prop,
                    stems=frozenset(stem(w) for w in words(pname)),
                    desc_stems=frozenset(content_stems(str(prop.get("description", "")))),
                    enum=enum,
                    enum_texts=enum_texts,
                    enum_emb=torch.stack([emb[x] for x in enum_texts]) if enum else None,  # [K, H]
                    validator=validator_for(prop),
                    date_format=date_format(prop),
                    datetime_format=datetime_format(prop),
                    place=place_forms(prop),
                    city="city" in split_identifier(pname).lower().split(),
                    fraction=wants_fraction(pname, prop),
                    items_enum=list((prop.get("items") or {}).get("enum") or []) if kind == "array" else [],
                    location=kind == "string" and (takes_place(pname) or bool(place_forms(prop))),
                    shape=(value_shape(pname) or _described_shape(prop)) if kind == "string" else None,
                    code=code_form(pname, prop),
                    named_values=named_values,
                    cursor=_SERVER_TOKEN.search(str(prop.get("description", ""))) is not None,
                    currency=_currency(pname, prop) if kind == "string" and not enum else None,
                    unit=_unit_side(pname, named_values, prop, [n for n, _ in ps if n != pname])
                    if kind == "string" else None,
                    command=kind == "string" and takes_command(pname),
                    language=language_role(words(pname)) if kind in ("string", "enum") else None,
                    parent=parent,
                )
            )
        q = (
            torch.stack([emb[param_text(t, n_, p_)] for n_, p_ in ps])
            if ps
            else torch.zeros(0, encoder.dim)
        )  # [P, H]
        static = torch.tensor(
            [[float(p.required)] + [float(p.schema_kind == k) for k in SCHEMA_KINDS] for p in params],
            dtype=torch.float32,
        ).reshape(len(params), 1 + len(SCHEMA_KINDS))  # [P, 1 + kinds]
        built.append(ToolInfo(t, params, q, static, validator_for(t.input_schema)))
    name_stems = [content_stems(split_identifier(t.name)) or {stem(t.name)} for t in tools]
    desc_stems = [content_stems(t.description) for t in tools]
    vocab: dict[str, int] = {}
    for s in [*name_stems, *desc_stems]:
        for w in sorted(s):
            vocab.setdefault(w, len(vocab))
    m_name = torch.zeros(len(vocab), n)  # [V, N]
    m_desc = torch.zeros(len(vocab), n)  # [V, N]
    for j in range(n):
        for w in name_stems[j]:
            m_name[vocab[w], j] = 1.0 / len(name_stems[j])
        for w in desc_stems[j]:
            m_desc[vocab[w], j] = 1.0 / len(desc_stems[j])
    width = max((len(s) for s in name_stems), default=1)
    name_idx = torch.full((n, width), len(vocab), dtype=torch.long)  # [N, S]
    for j, stems in enumerate(name_stems):
        name_idx[j, : len(stems)] = torch.tensor([vocab[w] for w in sorted(stems)])
    full = torch.stack([emb[tool_text(t)] for t in tools]) if n else torch.zeros(0, encoder.dim)
    name = torch.stack([emb[split_identifier(t.name)] for t in tools]) if n else full
    return CatalogueTable(
        key=key,
        catalogue=catalogue,
        tools=built,
        index={t.name: i for i, t in enumerate(tools)},
        full=full,
        name=name,
        vocab=vocab,
        m_name=m_name,
        m_desc=m_desc,
        name_idx=name_idx,
        numbers_needed=torch.tensor(
            [float(sum(p.required and p.value_kind == "number" for p in t.params)) for t in built]
        ).reshape(len(built)),
        when_needed=torch.tensor(
            [[float(any(p.required and p.date_format and is_time(p.date_format) == t for p in tool.params))
              for t in (False, True)] for tool in built]
        ).reshape(len(built), 2),
        action=torch.tensor(
            [[float(name_action(t.name) == a) for a in ACTIONS] for t in tools], dtype=torch.float32
        ).reshape(n, len(ACTIONS)),
    )


# whole numbers: "1,500" starts once; "2,3,4" (no thousands) three times
_NUMBER_START = re.compile(rf"(?<![\w.]){WRITTEN_NUMBER}")


def number_order(req: RequestFeatures) -> list[int]:
    """[T] per token: k if it starts the k-th number written in the request (digits or a number word),
    else -1. The recovery history after [SEP] is not counted.

        >>> number_order(build_request(enc("sides 4 and 5")))  # tokens: sides 4 and 5
        [-1, 0, -1, 1]
    """
    end = req.text.find(" [SEP] ")
    end = len(req.text) if end < 0 else end
    # A sign written on the number ("b=-3") starts on the digits' token; `number_from` reads it with them.
    starts = {m.start() + (req.text[m.start()] == "-" and m.start() + 1 in req.starts)
              for m in _NUMBER_START.finditer(req.text, 0, end)}  # fmt: skip
    starts |= {a for a, b in req.offsets if b <= end and is_number_word(req.text[a:b])}
    out, k = [], 0
    for a, _ in req.offsets:
        if a in starts:
            out.append(k)
            k += 1
        else:
            out.append(-1)
    return out


def number_from(req: RequestFeatures, t: int) -> int:
    """Character where a number read from token `t` begins: with the '-' written right before it as
    its sign ("b=-3", "( -2"), not after a word or a number ("10-20", "x-3").

        >>> r = build_request(enc("a=1, b=-3, c=10-20"))
        >>> [r.text[number_from(r, t):r.offsets[t][1]] for t, k in enumerate(r.number_starts) if k >= 0]
        ['1', '-3', '10', '20']
    """
    a = req.offsets[t][0]
    signed = req.text[a - 1 : a] == "-" and _NUMBER_START.match(req.text, a - 1) is not None  # as `number_order`
    return a - 1 if signed else a


def locate_span(
    req: RequestFeatures, value: Any, kind: str, max_tokens: int, date_fmt: str | None = None
) -> tuple[int, int] | None:
    """Token span (start, end) whose text is the value, case-insensitively; None if it is not there.

    The span must begin and end on token boundaries, so that pointing at it reads back the value.
    A date parameter's value may be written as people write dates ("March 3, 2025" for 2025-03-03),
    a time of day as "2 PM" for 14:00.
    """
    if kind == "number" or (isinstance(value, int | float) and not isinstance(value, bool)):
        texts = number_texts(value) if not isinstance(value, str) else [value]
    elif isinstance(value, str):
        texts = [value.strip(), *(date_texts(value.strip(), date_fmt)[1:] if date_fmt else [])]
    else:
        return None
    for text in texts:
        text = text.strip(QUOTES + " ")
        for a in find_all(req.text, text):
            s, e = req.starts.get(a), req.ends.get(a + len(text))
            if kind == "number" and a + 1 in req.starts and number_from(req, req.starts[a + 1]) == a:
                s = req.starts[a + 1]  # a number's sign is read with its digits
            if s is not None and e is not None and 0 <= e - s < max_tokens:
                return s, e
    return None


__all__ = [
    "IN_REQUEST",
    "N_LEX",
    "N_LOCAL",
    "N_PARAM_TOKEN_FEATS",
    "N_TOKEN_FEATS",
    "SCHEMA_KINDS",
    "CatalogueTable",
    "ParamInfo",
    "RequestFeatures",
    "ToolInfo",
    "build_request",
    "build_table",
    "context_text",
    "locate_span",
    "named_items",
    "number_from",
    "number_order",
    "near_words",
    "param_text",
    "param_text_features",
    "schema_kind",
    "tool_text",
]
