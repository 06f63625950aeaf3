"""Dates as people write them and as APIs want them: the generator writes "March 3rd, 2025" for a
parameter that takes "2025-03-03", and the router reads it back in the format the schema names.

    >>> fmt = date_format({"type": "string", "description": "Check-in date, in the format YYYY-MM-DD."})
    >>> fmt, coerce_date("March 11th, 2023", fmt), coerce_date("next Friday", fmt)
    ('%Y-%m-%d', '2023-03-11', 'next Friday')
    >>> date_texts("2025-03-03", fmt)[:3]
    ['2025-03-03', 'March 3, 2025', '3 March 2025']
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from dateutil import parser as dateparser

# Date-only patterns a description may name, as strftime formats. A pattern followed by a time
# ("YYYY-MM-DD HH:mm", "YYYY-MM-DDTHH:MM") is a datetime, which this module leaves alone.
_FORMATS = {
    "yyyy-mm-dd": "%Y-%m-%d",
    "mm-dd-yyyy": "%m-%d-%Y",
    "dd-mm-yyyy": "%d-%m-%Y",
    "yyyy/mm/dd": "%Y/%m/%d",
    "mm/dd/yyyy": "%m/%d/%Y",
    "dd/mm/yyyy": "%d/%m/%Y",
}
_NAMED = re.compile(r"(?<![\w/-])(" + "|".join(re.escape(f) for f in _FORMATS) + r")(?![\w:/-]|\s*[T ]?hh)", re.I)
_MONTH = re.compile(r"(?<![a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", re.I)
_DAY = re.compile(r"(?<!\d)([12]?\d|3[01])(?:st|nd|rd|th)?(?!\d)", re.I)
_YEAR = re.compile(r"(?<!\d)[12]\d{3}(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?!\d)")
_WORDED = re.compile(
    r"(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*\d{1,4}(?!\d)"
    r"|(?<!\d)\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.I,
)
_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def date_format(schema: dict[str, Any]) -> str | None:
    """The strftime format of a string parameter's dates: JSON Schema's "format": "date", or one
    date-only pattern (YYYY-MM-DD, MM/DD/YYYY, ...) named in its description; else None."""
    if schema.get("type") not in (None, "string") or isinstance(schema.get("enum"), list):
        return None
    if schema.get("format") == "date":
        return "%Y-%m-%d"
    named = {m.group(1).lower() for m in _NAMED.finditer(str(schema.get("description", "")))}
    return _FORMATS[named.pop()] if len(named) == 1 else None


def coerce_date(text: str, fmt: str) -> str:
    """A date written in a request -> `fmt`; the text itself unless it names a whole date (a year,
    and a month and day in words or digits), so "March 2023" or "next Friday" stay as written."""
    try:
        return datetime.strptime(text.strip(), fmt).strftime(fmt)  # already in the format ("04/03/2025" day first)
    except ValueError:
        pass
    worded = _MONTH.search(text) and _YEAR.search(text) and _DAY.search(_YEAR.sub(" ", text))
    if not (worded or _NUMERIC.search(text)):
        return text
    try:
        return dateparser.parse(text, fuzzy=True, default=datetime(2000, 1, 1)).strftime(fmt)
    except (ValueError, OverflowError):
        return text


def writes_date(text: str) -> bool:
    """Whether a request writes a date: digits ("2023-04-11", "4/11/2023") or a month with a day or
    year ("April 11th", "Jun.20,2023", "the 12th of March")."""
    return bool(_NUMERIC.search(text) or _WORDED.search(text))


def date_texts(value: str, fmt: str) -> list[str]:
    """How a date `value` in `fmt` may be written in a request, the value itself first; every form
    reads back to `value` through `coerce_date`. [] if `value` is no date in `fmt`."""
    try:
        d = datetime.strptime(value, fmt)
    except ValueError:
        return []
    day, month, short, year = d.day, d.strftime("%B"), d.strftime("%b"), d.year
    nth = f"{day}{_ORDINAL.get(day, 'th')}"
    forms = [
        value,
        f"{month} {day}, {year}",
        f"{day} {month} {year}",
        f"{short} {day}, {year}",
        f"{month} {nth}, {year}",
        f"the {nth} of {month} {year}",
        f"{year}/{d.month:02d}/{day:02d}",
    ]
    return list(dict.fromkeys(forms))  # "May 3, 2025" is both the long and the short form


__all__ = ["coerce_date", "date_format", "date_texts", "writes_date"]
