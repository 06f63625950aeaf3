"""Languages as people write them -> their names and ISO 639-1 codes, for parameters that take a
language ("source_language", "tgt_lang", "language"): which one the request names, and in which role.

    >>> language_for("convert this sentence from English to French: 'What is your name?'", "target")
    ('French', 'fr')
"""

from __future__ import annotations

import re

# The languages people ask for most, by English name (lower case) -> ISO 639-1 code.
LANGUAGES = {
    "english": "en", "french": "fr", "spanish": "es", "german": "de", "italian": "it", "portuguese": "pt",
    "dutch": "nl", "russian": "ru", "chinese": "zh", "mandarin": "zh", "cantonese": "yue", "japanese": "ja",
    "korean": "ko", "arabic": "ar", "hindi": "hi", "bengali": "bn", "urdu": "ur", "punjabi": "pa", "tamil": "ta",
    "telugu": "te", "marathi": "mr", "gujarati": "gu", "indonesian": "id", "malay": "ms", "thai": "th",
    "vietnamese": "vi", "filipino": "tl", "tagalog": "tl", "turkish": "tr", "persian": "fa", "hebrew": "he",
    "greek": "el", "polish": "pl", "czech": "cs", "slovak": "sk", "hungarian": "hu", "romanian": "ro",
    "bulgarian": "bg", "ukrainian": "uk", "serbian": "sr", "croatian": "hr", "swedish": "sv", "danish": "da",
    "norwegian": "no", "finnish": "fi", "icelandic": "is", "irish": "ga", "welsh": "cy", "catalan": "ca",
    "basque": "eu", "latin": "la", "swahili": "sw", "afrikaans": "af", "zulu": "zu", "amharic": "am",
}  # fmt: skip
_CODES = frozenset(LANGUAGES.values())
_NAMES = re.compile(r"\b({})\b".format("|".join(sorted(LANGUAGES, key=len, reverse=True))), re.I)
_CODE_FORM = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?")  # "en", "yue", "es-ES", "zh_Hans"
_SOURCE = frozenset({"source", "src", "from", "input", "original", "origin"})
_TARGET = frozenset({"target", "tgt", "to", "dest", "destination", "output", "into"})


def language_role(name_words: list[str]) -> str | None:
    """A parameter named for a language -> its role: "source", "target" or "" (neither); else None.

    >>> language_role(["tgt", "lang"]), language_role(["language"]), language_role(["programming", "language"])
    ('target', '', None)
    """
    said = {w.lower() for w in name_words}
    if not said & {"language", "languages", "lang"} or "programming" in said:
        return None
    return "source" if said & _SOURCE else "target" if said & _TARGET else ""


def is_language(value: str) -> bool:
    """Whether a value names a language or is written as a language code ("English", "en", "es-ES")."""
    value = value.strip()
    code = re.split(r"[-_]", value)[0].lower()
    return value.lower() in LANGUAGES or (_CODE_FORM.fullmatch(value) is not None and code in _CODES)


def language_for(text: str, role: str) -> tuple[str, str] | None:
    """The language (name, code) the text names for a parameter of `role`: the one written after
    "from" for a source, after "to" / "into" for a target (else the first / the last named); for
    neither role, the only one named. None if it names none that fits."""
    found = [(m.group(1).capitalize(), LANGUAGES[m.group(1).lower()], m.start()) for m in _NAMES.finditer(text)]
    if not found:
        return None
    before = [text[max(0, at - 6) : at].lower().split()[-1:] for _, _, at in found]
    if role:
        marks = _SOURCE if role == "source" else _TARGET
        marked = [f for f, b in zip(found, before, strict=True) if b and b[0] in marks]
        if marked:
            return marked[0][:2]
        if len(found) >= 2:
            return (found[0] if role == "source" else found[-1])[:2]
        return None
    return found[0][:2] if len({f[1] for f in found}) == 1 else None
