"""Dates and times of day as people write them and as APIs want them: the generator writes
"March 3rd, 2025" for a parameter that takes "2025-03-03" (or "2 PM" for one that takes "14:00"),
and the router reads it back in the format the schema names.

    >>> fmt = date_format({"type": "string", "description": "Check-in date, in the format YYYY-MM-DD."})
    >>> fmt, coerce_date("March 11th, 2023", fmt), coerce_date("next Friday", fmt)
    ('%Y-%m-%d', '2023-03-11', 'next Friday')
    >>> date_texts("2025-03-03", fmt)[:3]
    ['2025-03-03', 'March 3, 2025', '3 March 2025']
    >>> hm = date_format({"type": "string", "description": "Pickup time, in 24-hour format 'HH:MM'."})
    >>> hm, coerce_date("5:30pm", hm), coerce_date("4 in the afternoon", hm), date_texts("09:00", hm)[:3]
    ('%H:%M', '17:30', '16:00', ['09:00', '9 AM', '9am'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
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
# The same order in words ("The date (month-day-year)"), and an ISO date given as an example.
_ORDERS = {"month-day-year": "mm-dd-yyyy", "year-month-day": "yyyy-mm-dd", "day-month-year": "dd-mm-yyyy"}
_ORDER_IN_WORDS = re.compile(r"\b(?:month|year|day)\s*-\s*(?:day|month)\s*-\s*(?:year|day)\b", re.I)
_ISO_EXAMPLE = re.compile(r"(?<![\w/-])[12]\d{3}-[01]\d-[0-3]\d(?![\w:/-]|[T ]\d)")
# A date's pieces as people write them: a month in words ("Mar", "March", "Jun."), a day ("3rd"), a year.
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_M = rf"{_MONTHS}[a-z]*\.?"
_D = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?"
_Y = r"[12]\d{3}"
_MONTH = re.compile(rf"(?<![a-z]){_M}", re.I)
_DAY = re.compile(rf"(?<!\d){_D}(?!\d)", re.I)
_YEAR = re.compile(rf"(?<!\d){_Y}(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?!\d)")
_WORDED = re.compile(
    rf"(?<![a-z]){_M},?\s*\d{{1,4}}(?!\d)|(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}", re.I
)
# Times of day: a description naming HH:MM (24-hour) or HH:MM:SS, not as the tail of a datetime
# ("YYYY-MM-DDTHH:MM", "YYYY-MM-DD HH:MM") and not with AM/PM after it.
_TIME_NAMED = re.compile(r"(?<![\w:])hh:mm(:ss)?(?![\w:]|\s*(?:am|pm|a\.m|p\.m))", re.I)
_24H = re.compile(r"\b24[- ]?h(?:our)?\b", re.I)
_DATETIME_NAMED = re.compile(r"(?:yyyy|dd|mm)\s*[t ]\s*hh", re.I)
_CLOCK = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?(?::(?P<s>[0-5]\d))?\s*(?:o'?clock\s*)?"
    r"(?P<mer>[ap]\.?\s?m\b\.?|in the (?:morning|afternoon|evening)|at night|tonight)?(?![\d:])",
    re.I,
)
_NOON = re.compile(r"\b(noon|midday|midnight)\b", re.I)
_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def date_format(schema: dict[str, Any]) -> str | None:
    """The strftime format of a string parameter's dates or times of day: JSON Schema's "format":
    "date" or "time", or one date-only pattern (YYYY-MM-DD, MM/DD/YYYY, "month-day-year", ..., or an
    ISO date given as an example) or a 24-hour time (HH:MM, HH:MM:SS, or "24-hour") named in its
    description; else None."""
    if schema.get("type") not in (None, "string") or isinstance(schema.get("enum"), list):
        return None
    if schema.get("format") in ("date", "time"):
        return "%Y-%m-%d" if schema["format"] == "date" else "%H:%M:%S"
    desc = str(schema.get("description", ""))
    named = {m.group(1).lower() for m in _NAMED.finditer(desc)}
    named |= {_ORDERS[m.group(0).lower().replace(" ", "")] for m in _ORDER_IN_WORDS.finditer(desc)}
    if not named and "date" in desc.lower() and _ISO_EXAMPLE.search(desc):
        named = {"yyyy-mm-dd"}  # "Accepts standard date format e.g., 2022-04-28"
    if named:
        return _FORMATS[named.pop()] if len(named) == 1 else None
    times = {bool(m.group(1)) for m in _TIME_NAMED.finditer(desc)}
    if not times and _24H.search(desc):
        times = {False}  # "in 24-hour format, such as '14:00'"
    if len(times) != 1 or _DATETIME_NAMED.search(desc):
        return None
    return "%H:%M:%S" if times.pop() else "%H:%M"


_DATETIME_PATTERN = re.compile(  # a date in one of _FORMATS' orders, then the time: "dd/mm/yyyy HH:MM"
    rf"(?<![\w/-])({'|'.join(re.escape(f) for f in _FORMATS)})([t ])hh:mm(:ss)?(z)?(?![\w:])", re.I
)


def datetime_format(schema: dict[str, Any]) -> str | None:
    """The strftime format of a string parameter's date-times: JSON Schema's "format": "date-time",
    or one date-time pattern its description names ("YYYY-MM-DD HH:MM:SS", "YYYY-MM-DDTHH:MM:SSZ",
    "dd/mm/yyyy HH:MM");
    else None. (`date_format` reads dates and times of day only.)

        >>> datetime_format({"type": "string", "description": "in ISO-8601 format (YYYY-MM-DDTHH:MM:SS)"})
        '%Y-%m-%dT%H:%M:%S'
    """
    if schema.get("type") not in (None, "string") or isinstance(schema.get("enum"), list):
        return None
    if schema.get("format") == "date-time":
        return "%Y-%m-%dT%H:%M:%S"
    named = {
        f"{_FORMATS[m.group(1).lower()]}{'T' if m.group(2) in 'tT' else ' '}%H:%M{':%S' if m.group(3) else ''}"
        f"{'Z' if m.group(4) else ''}"
        for m in _DATETIME_PATTERN.finditer(str(schema.get("description", "")))
    }
    return named.pop() if len(named) == 1 else None


def is_datetime(fmt: str | None) -> bool:
    """Whether a format holds both a date and a time of day."""
    return bool(fmt) and "%d" in str(fmt) and "%H" in str(fmt)


def is_time(fmt: str | None) -> bool:
    """Whether a `date_format` is a time of day rather than a date."""
    return bool(fmt) and "%d" not in str(fmt)


def coerce_date(text: str, fmt: str, year: int | None = None, today: Today | None = None) -> str:
    """A date written in a request -> `fmt`; the text itself unless it names a whole date (a year,
    and a month and day in words or digits), so "March 2023" or "next Friday" stay as written.
    `year`: the year the request writes elsewhere (`written_year`), for a date written without one
    ("the 12th of March. It's 2023 now"); `today`: the day relative dates count from ("next Friday",
    "tomorrow"; `relative_spans`). A time format reads a time of day instead (`coerce_time`)."""
    if is_time(fmt):
        return coerce_time(text, fmt)
    if is_datetime(fmt):
        return _coerce_datetime(text, fmt, year)
    relative = _RELATIVE.fullmatch(text.strip()) if today is not None else None
    if relative is not None and today is not None:
        day = _relative(relative, today)
        if day is not None:
            return day.strftime(fmt)
    try:
        return datetime.strptime(text.strip(), fmt).strftime(fmt)  # already in the format ("04/03/2025" day first)
    except ValueError:
        pass
    worded = _MONTH.search(text) and (year or _YEAR.search(text)) and _DAY.search(_YEAR.sub(" ", text))
    if not (worded or _NUMERIC.search(text)):
        return text
    try:
        return dateparser.parse(text, fuzzy=True, default=datetime(year or 2000, 1, 1)).strftime(fmt)
    except (ValueError, OverflowError):
        return text


def _coerce_datetime(text: str, fmt: str, year: int | None) -> str:
    """A date with a time of day written in a request -> `fmt` ("November 1, 2023 at 8pm" ->
    "2023-11-01T20:00:00"); a date alone is at midnight; the text itself where it names no whole date."""
    try:
        return datetime.fromisoformat(text.strip().removesuffix("Z")).strftime(fmt)  # "2023-04-01 12:00:00"
    except ValueError:
        pass
    m = _DATE_SPAN.search(text) or _DAY_MONTH.search(text)
    if m is None:
        return text
    try:
        day = datetime.strptime(coerce_date(m.group(), "%Y-%m-%d", year), "%Y-%m-%d")
    except ValueError:
        return text
    h, minute, sec = _clock(text[: m.start()] + " " + text[m.end() :]) or (0, 0, 0)
    return day.replace(hour=h, minute=minute, second=sec).strftime(fmt)


def written_year(text: str) -> int | None:
    """The one year a request writes, if it writes one (several different years: None).

    >>> written_year("the weather in London on the 12th of March. It's 2023 now"), written_year("in 2022 or 2023")
    (2023, None)
    """
    years = {int(y) for y in _YEAR.findall(text) if 1900 <= int(y) <= 2099}
    return years.pop() if len(years) == 1 else None


def _clock(text: str) -> tuple[int, int, int] | None:
    """(hour, minute, second) of the first time of day in `text` that says it is one: minutes
    ("10:30"), AM/PM or a part of the day ("9 am", "5 in the afternoon"), noon or midnight."""
    noon = _NOON.search(text)
    for m in _CLOCK.finditer(text):
        if noon and noon.start() < m.start():
            break
        mer = (m.group("mer") or "").lower().replace(".", "").replace(" ", "")
        if not (m.group("m") or mer):
            continue
        h = int(m.group("h"))
        pm = mer.startswith("p") or mer in ("intheafternoon", "intheevening", "atnight", "tonight")
        if mer and h > 12:
            continue
        if pm and h < 12 and not (mer in ("atnight", "tonight") and h < 5):
            h += 12
        elif mer.startswith("a") and h == 12:
            h = 0
        return h, int(m.group("m") or 0), int(m.group("s") or 0)
    if noon:
        return (0, 0, 0) if noon.group(1).lower() == "midnight" else (12, 0, 0)
    return None


def coerce_time(text: str, fmt: str) -> str:
    """A time of day written in a request ("5:30pm", "9 in the morning", "noon") -> `fmt`; the
    text itself where it says no time of day (a bare "5" could be anything)."""
    hms = _clock(text)
    if hms is None:
        return text
    h, m, sec = hms
    return datetime(2000, 1, 1, h, m, sec).strftime(fmt)


# Where a whole date may be written: digits, a month in words with a day and a year in either
# order ("March 3rd, 2025", "the 3rd of March 2025", "2025 March 3rd", "Jun.20,2023").
_DATE_SPAN = re.compile(
    rf"(?<![\w/.-])(?:\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}"
    rf"|{_M}\s*{_D},?\s*{_Y}|(?:the\s+)?{_D}\s+(?:of\s+)?{_M},?\s*{_Y}|{_Y},?\s+{_M}\s*{_D})(?![\w/-])",
    re.I,
)


_DAY_MONTH = re.compile(rf"(?<![\w/.-])(?:{_M}\s*{_D}|(?:the\s+)?{_D}\s+(?:of\s+)?{_M})(?![\w/-])", re.I)


_TIME_AFTER_DATE = re.compile(r"\s*,?\s*(?:at\s+|@\s*)?", re.I)  # "November 1, 2023 at 8pm"
_DATE_AFTER_TIME = re.compile(r"\s*,?\s*(?:on\s+)?", re.I)  # "8pm on November 1, 2023"
_ISO_DATETIME = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?Z?(?![\w:])")


def when_spans(text: str, fmt: str, year: int | None = None, today: Today | None = None) -> list[tuple[int, int]]:
    """Character spans of `text` that read back as a whole date (time of day) in `fmt`: where a
    date (time) parameter's value can be, if anywhere. A month and day without a year count where
    the text writes one year elsewhere (`written_year`), else where `year` says which year they are in.
    With `today`, dates counted from it count too ("next Monday", `relative_spans`), and the day the
    text says today is counts only where it writes no other date.

        >>> when_spans("from 2023-04-22 at 7:30 pm", "%H:%M"), when_spans("on the 3rd of May 2024", "%Y-%m-%d")
        ([(19, 26)], [(3, 22)])
    """
    if is_datetime(fmt):  # a date with the time of day written next to it, longest first, or a date alone
        dates, clocks = when_spans(text, "%Y-%m-%d", year), when_spans(text, "%H:%M")
        found = [(a, d) for a, b in dates for c, d in clocks if _TIME_AFTER_DATE.fullmatch(text[b:c])]
        found += [(c, b) for a, b in dates for c, d in clocks if _DATE_AFTER_TIME.fullmatch(text[d:a])]
        found += [m.span() for m in _ISO_DATETIME.finditer(text)] + dates
        year = written_year(text) or year
    elif is_time(fmt):
        found = [(m.start(), m.start() + len(m.group().rstrip().removesuffix("."))) for m in _CLOCK.finditer(text)]
        found += [m.span() for m in _NOON.finditer(text)]
    else:
        found = [m.span() for m in _DATE_SPAN.finditer(text)]
        year = written_year(text) or year
        if year is not None:  # "April 15th ... April 22nd 2023": the first is a date of 2023 too
            found += [m.span() for m in _DAY_MONTH.finditer(text) if not any(a <= m.start() < b for a, b in found)]
        relative = [span for span, _ in relative_spans(text, today)]
        found = [(a, b) for a, b in found if not any(c < b and a < d for c, d in relative)] + relative
        if today is not None and today.span is not None:  # "weather tomorrow? today is 2023.10.1": not the 1st
            c, d = today.span
            other = [(a, b) for a, b in found if not (c <= a and b <= d)]
            found = other or found
    out = []
    for a, b in found:
        try:
            datetime.strptime(coerce_date(text[a:b], fmt, year, today), fmt)
        except ValueError:
            continue
        out.append((a, b))
    return sorted(set(out))


@dataclass(frozen=True)
class Today:
    """The day a request says it is written on ("today is 2023.10.1", "currently is sep 2023"), which
    its relative dates count from; `month_only` where it names a month and year alone (`day` is the 1st)."""

    day: date
    month_only: bool = False
    span: tuple[int, int] | None = None  # where the text states it ("today is 2023.10.1")


_WD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TODAY_IS = re.compile(
    rf"\b(?:today(?:'s date)? is|today being|the current date is|current date is|currently(?: it)? is|"
    rf"it is now|as of today,?)\s+(?:(?:a\s+)?{_WD},?\s+)?",
    re.I,
)
_COMPACT = re.compile(r"(?<!\d)(?P<y>[12]\d{3})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")  # "20230929"
_MONTH_DAY_OF_YEAR = re.compile(rf"{_M}\s*{_D}\s+of\s+{_Y}(?![\w/-])", re.I)  # "March 10 of 2024"
_MONTH_YEAR = re.compile(rf"(?P<m>{_M})\s*,?\s*(?P<y>{_Y})(?![\w/-])", re.I)  # "sep 2023"


def stated_today(text: str) -> Today | None:
    """The day the text says today is, if it says one.

    >>> stated_today("weather in NY tomorrow? today is 2023.10.1").day, stated_today("Today is Friday 2023-09-29").day
    (datetime.date(2023, 10, 1), datetime.date(2023, 9, 29))
    >>> stated_today("on the 9th? currently is sep 2023")
    Today(day=datetime.date(2023, 9, 1), month_only=True, span=(12, 33))
    """
    for m in _TODAY_IS.finditer(text):
        at = m.end()
        for pattern in (_DATE_SPAN, _MONTH_DAY_OF_YEAR):
            d = pattern.match(text, at)
            if d is not None:
                try:
                    day = datetime.strptime(coerce_date(d.group().replace(" of ", " "), "%Y-%m-%d"), "%Y-%m-%d")
                except ValueError:
                    continue
                return Today(day.date(), span=(m.start(), d.end()))
        c = _COMPACT.match(text, at)
        if c is not None:
            try:
                return Today(date(int(c["y"]), int(c["m"]), int(c["d"])), span=(m.start(), c.end()))
            except ValueError:
                pass
        my = _MONTH_YEAR.match(text, at)
        if my is not None:
            month = datetime.strptime(my["m"][:3].title(), "%b").month
            return Today(date(int(my["y"]), month, 1), month_only=True, span=(m.start(), my.end()))
    return None


# Dates written from today: "tomorrow", "next Monday", "this Sunday", "Wednesday next week", "March
# 3rd next year", "the 12th" (of today's month).
_RELATIVE = re.compile(
    rf"\b(?:(?:the\s+)?day\s+(?P<after>after|before)\s+(?P<rel>tomorrow|yesterday)"
    rf"|(?P<shift>today|tomorrow|yesterday)"
    rf"|(?P<which>next|this|(?:the\s+)?(?:up)?coming)\s+(?P<wd>{_WD})"
    rf"|(?P<wd2>{_WD})\s+(?P<week>next|this)\s+week"
    rf"|(?P<md>{_M}\s*{_D}|(?:the\s+)?{_D}\s+(?:of\s+)?{_M})(?:\s+of)?\s+next\s+year"
    rf"|(?:the\s+)(?P<nth>(?:[12]?\d|3[01])(?:st|nd|rd|th))(?!\s+(?:of\s+)?{_MONTHS}))\b",
    re.I,
)


def _relative(m: re.Match[str], today: Today) -> date | None:
    t = today.day
    if today.month_only and not m["nth"]:  # "currently is sep 2023": its days, nothing counted from a day
        return None
    if m["rel"]:
        return t + timedelta(days=(1 if m["rel"].lower() == "tomorrow" else -1) * 2)
    if m["shift"]:
        return t + timedelta(days={"today": 0, "tomorrow": 1, "yesterday": -1}[m["shift"].lower()])
    if m["nth"]:  # the 12th: of today's month, or of the next where that day has passed
        n = int(m["nth"][:-2])
        month = t.replace(day=1)
        if not today.month_only and n < t.day:
            month = (month + timedelta(days=32)).replace(day=1)
        try:
            return month.replace(day=n)
        except ValueError:
            return None
    if m["md"]:
        try:
            return datetime.strptime(coerce_date(m["md"], "%Y-%m-%d", t.year + 1), "%Y-%m-%d").date()
        except ValueError:
            return None
    wd = _WEEKDAYS.index((m["wd"] or m["wd2"]).lower())
    sunday = t - timedelta(days=(t.weekday() + 1) % 7)  # weeks start on Sunday, as US calendars do
    if (m["which"] or "").lower() == "next" or (m["week"] or "").lower() == "next":  # in the week after this
        return sunday + timedelta(days=7 + (wd + 1) % 7)
    if m["week"]:  # "Friday this week"
        return sunday + timedelta(days=(wd + 1) % 7)
    ahead = (wd - t.weekday()) % 7  # this / upcoming: the next one, today's if "this"
    return t + timedelta(days=ahead or (0 if m["which"].lower() == "this" else 7))


def relative_spans(text: str, today: Today | None) -> list[tuple[tuple[int, int], date]]:
    """Spans of `text` that name a day counted from `today`, with that day; none without a today.

    >>> text, today = "this Sunday or next Monday", Today(date(2023, 9, 29))  # a Friday
    >>> [(text[a:b], str(d)) for (a, b), d in relative_spans(text, today)]
    [('this Sunday', '2023-10-01'), ('next Monday', '2023-10-02')]
    """
    if today is None:
        return []
    out = []
    for m in _RELATIVE.finditer(text):
        if today.span and today.span[0] <= m.start() < today.span[1]:
            continue  # "today" of "today is ..."
        d = _relative(m, today)
        if d is not None:
            out.append((m.span(), d))
    return out


def writes_date(text: str) -> bool:
    """Whether a request writes a date: digits ("2023-04-11", "4/11/2023"), a month with a day or
    year ("April 11th", "Jun.20,2023", "the 12th of March"), or a day counted from today ("this
    Friday", "tomorrow", "the 12th").

    >>> writes_date("a table for four this Friday at 8"), writes_date("a table for four at 8")
    (True, False)
    """
    return bool(_NUMERIC.search(text) or _WORDED.search(text) or _RELATIVE.search(text))


def date_texts(value: str, fmt: str) -> list[str]:
    """How a date `value` in `fmt` may be written in a request, the value itself first; every form
    reads back to `value` through `coerce_date`. [] if `value` is no date in `fmt`."""
    if is_time(fmt):
        return _time_texts(value, fmt)
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


def _time_texts(value: str, fmt: str) -> list[str]:
    try:
        t = datetime.strptime(value, fmt)
    except ValueError:
        return []
    if t.second:
        return [value]
    h12 = t.hour % 12 or 12
    clock = f"{h12}:{t.minute:02d}" if t.minute else f"{h12}"
    mer = "AM" if t.hour < 12 else "PM"
    part = "in the morning" if 5 <= t.hour < 12 else "in the afternoon" if 12 < t.hour < 18 else "in the evening"
    forms = [value, f"{clock} {mer}", f"{clock}{mer.lower()}", f"{h12}:{t.minute:02d} {mer}"]
    if 5 <= t.hour < 12 or 12 < t.hour < 22:
        forms.append(f"{clock} {part}")
    if (t.hour, t.minute) in ((12, 0), (0, 0)):
        forms.append("noon" if t.hour else "midnight")
    return list(dict.fromkeys(forms))


def writes_time(text: str) -> bool:
    """Whether a request writes a time of day ("10:30", "9 am", "5 in the afternoon", "noon")."""
    return _clock(text) is not None


_WHEN_WORD = re.compile(
    r"\d|(?<![^\W_])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|wed|"
    r"thu(?:rs?)?|fri|sat|sun|today|tomorrow|tonight|yesterday|now|weeks?|weekends?|months?|years?|days?|"
    r"mornings?|afternoons?|evenings?|nights?|noon|midnight|o'?clock|[ap]\.?m|quarters?|spring|summer|autumn|"
    r"fall|winter|annual(?:ly)?|yearly|quarterly|monthly|weekly|daily|hourly)(?![^\W_])",
    re.I,
)


def speaks_of_time(text: str) -> bool:
    """Whether a text could be a date, a time of day or a period: digits, a month's or a weekday's
    name, or a word like "today", "next week", "noon", "summer", "monthly", "six_months" ("flight" or
    "Celsius" cannot).

    >>> speaks_of_time("the 3rd of March"), speaks_of_time("next weekend"), speaks_of_time("flight")
    (True, True, False)
    """
    return _WHEN_WORD.search(text) is not None


__all__ = [
    "coerce_date",
    "coerce_time",
    "date_format",
    "date_texts",
    "datetime_format",
    "is_datetime",
    "is_time",
    "relative_spans",
    "speaks_of_time",
    "stated_today",
    "Today",
    "when_spans",
    "writes_date",
    "written_year",
    "writes_time",
]
