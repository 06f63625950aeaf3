"""Pure text helpers the router's features and argument values are built from (no torch, no model).

    >>> split_identifier("hive-mind_init"), split_identifier("agentId")
    ('hive mind init', 'agent id')
    >>> parse_number("ten"), parse_number("1,500"), parse_number("0.8"), parse_number("abc")
    (10, 1500, 0.8, None)
    >>> [(f.start, f.end, f.value) for f in json_fragments('use config {"a": [1, 2]} now')]
    [(11, 24, {'a': [1, 2]})]
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mcptrain.places import REGION

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SEPARATORS = re.compile(r"[_\-./:]+")
_WORD = re.compile(r"[a-z0-9]+")

STOPWORDS = frozenset(
    "a an the to of for in on at by with and or is are be it this that me my i you your please "
    "can could would should will do does from as into all any some its our we us".split()
)
# Words that are never a string argument's value on their own: a "location" read as "I", a "team"
# read as "Who" means the request does not say it ("Who is the top ranked tennis player?"). Not
# "all", "any", "on": those can be values ("suite all").
NON_VALUES = frozenset(
    "a an the to of for in at by with and or from as into is are was were be been has have had do does "
    "can could would should will please help i me my you your we us our it its he she him her his they "
    "them their this that these those there here what who whom whose which where when why how "
    "between through via across during within upon onto than about type kind".split()
)
NEGATIONS = frozenset("not no don't dont without never disable disabled off false".split())
QUOTES = "\"'`“”‘’"
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80})
_NUMBER_WORDS.update({"ninety": 90, "hundred": 100, "thousand": 1000, "a hundred": 100, "a thousand": 1000})
_WORDS_FOR = {v: k for k, v in _NUMBER_WORDS.items() if not k.startswith("a ")}
_NUMERIC = re.compile(r"[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?")
# A number written in digits where a text writes it: commas group thousands ("1,500", "$10,000,000,")
# or separate numbers ("2,3,4" is three); compile it with the look-behind a reader needs.
WRITTEN_NUMBER = r"-?(?:\d{1,3}(?:,\d{3})+(?!,?\d)|\d+)(?:\.\d+)?"


def split_identifier(name: str) -> str:
    """Tool or parameter name -> lower-case words: 'hive-mind_init' -> 'hive mind init'."""
    return " ".join(_SEPARATORS.sub(" ", _CAMEL.sub(" ", name)).lower().split())


def stem(word: str) -> str:
    """A crude, fast stem so 'agents'/'agent' and 'terminate'/'termination' meet: 'agents' -> 'agent'."""
    w = word.lower()
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w[:5] if len(w) > 5 else w


def words(text: str) -> list[str]:
    """Lower-case alphanumeric words, camelCase and snake_case split: 'Spawn agentId' -> ['spawn', 'agent', 'id']."""
    return _WORD.findall(split_identifier(text))


def content_stems(text: str) -> set[str]:
    """Stems of the non-stopwords of `text`: 'list the agents' -> {'list', 'agent'}."""
    return {stem(w) for w in words(text) if w not in STOPWORDS}


# What a tool does to its object, from the verb of its name or of a request: finding a stylist is not
# booking one. Only actions that tools on one object often split between them; "get" says nothing.
_ACTIONS = {
    "search": "find finds finding search searches searching look looking lookup discover locate browse explore seek",
    "book": "book books booking reserve reserving reservation buy buying purchase purchasing order ordering rent "
    "renting schedule scheduling",
    "play": "play plays playing stream hear listen",
    "create": "create creating add adding register insert",
    "delete": "delete deleting remove removing cancel canceling cancelling erase",
    "update": "update updating change changing modify edit rename",
    "send": "send sending email notify",
}
ACTIONS = tuple(_ACTIONS)
_ACTION_OF = {w: a for a, ws in _ACTIONS.items() for w in ws.split()}


def actions(ws: Iterable[str]) -> set[str]:
    """The ACTIONS that lower-case words say: ['find', 'me', 'a', 'stylist'] -> {'search'}."""
    return {_ACTION_OF[w] for w in ws if w in _ACTION_OF}


def name_action(name: str) -> str | None:
    """A tool's action, from the first action word of its name: 'Services_1_BookAppointment' -> 'book'."""
    return next((_ACTION_OF[w] for w in words(name) if w in _ACTION_OF), None)


def is_number_word(word: str) -> bool:
    return word.lower() in _NUMBER_WORDS


def parse_number(text: str) -> int | float | None:
    """'10' -> 10, '2.5' -> 2.5, '1,500' -> 1500, 'ten' -> 10, '5.0' -> 5.0; None if not a number."""
    t = text.strip().strip(QUOTES).strip()
    if t.lower() in _NUMBER_WORDS:
        return _NUMBER_WORDS[t.lower()]
    if not t or not _NUMERIC.fullmatch(t) or not any(c.isdigit() for c in t):
        return None
    t = t.replace(",", "")
    try:
        return int(t)
    except ValueError:
        pass
    try:
        return float(t)
    except ValueError:
        return None


_WITH_UNIT = re.compile(r"[$€£]?\s*(?P<n>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?)\s*(?:%|°\w*|[A-Za-z][\w/^²³]*)?")


def coerce_number(text: str, integer: bool) -> int | float | str:
    """Span text -> the JSON value an integer/number parameter wants; the text itself if it is no number.
    A currency sign or one unit written with the number is dropped: "70kg" -> 70, "$5000" -> 5000.

    >>> coerce_number("5", integer=False), coerce_number("5.0", integer=True), coerce_number("x", True)
    (5, 5, 'x')
    >>> coerce_number("1.75m", integer=False), coerce_number("3 %", integer=False), coerce_number("5 a b", True)
    (1.75, 3, '5 a b')
    """
    n = parse_number(text)
    if n is None:
        m = _WITH_UNIT.fullmatch(text.strip())
        n = parse_number(m.group("n")) if m else None
    if n is None:
        return text
    if integer and isinstance(n, float) and n.is_integer():
        return int(n)
    return n


_PERCENT_SAID = re.compile(r"percent|percentage|per cent|%|0\s*(?:-|to)\s*100", re.I)
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per cent\b)", re.I)
# ... unless it asks for a decimal: "Enter as a decimal. E.g, 5% is 0.05", "in decimal form"
_DECIMAL_SAID = re.compile(r"\bdecimal\b|\d\s*%\s*(?:is|=|would be represented as|->)\s*0?\.\d", re.I)


def wants_fraction(name: str, prop: dict[str, Any]) -> bool:
    """Whether a `number` parameter takes a percentage as a fraction: nothing in its name or
    description says percent, or it asks for a decimal ("annual_interest_rate: The annual interest
    rate" and "as a decimal, e.g. 5% is 0.05" want 5% as 0.05; "Annual rate as a percentage" wants 5).

        >>> wants_fraction("rate", {"type": "number", "description": "The annual interest rate."})
        True
        >>> wants_fraction("tip_percentage", {"type": "number"}), wants_fraction("n", {"type": "integer"})
        (False, False)
        >>> wants_fraction("rate", {"type": "number", "description": "Enter as a decimal. E.g, 5% is 0.05"})
        True
    """
    said = f"{name} {prop.get('description', '')}"
    return prop.get("type") == "number" and (not _PERCENT_SAID.search(said) or bool(_DECIMAL_SAID.search(said)))


def percent_written(text: str, span_end: int) -> bool:
    """Whether the number ending at `span_end` (a character offset) is written as a percentage:
    "5%", "5 %", "5 percent".

        >>> percent_written("a rate of 5% a year", 11), percent_written("5 years", 1)
        (True, False)
    """
    return text[span_end - 1 : span_end] == "%" or _PERCENT_AFTER.match(text, span_end) is not None


_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE = re.compile(r"\s*(thousand|million|billion|trillion)\b", re.I)


def scaled(n: int | float, text: str, span_end: int) -> int | float:
    """A number read from `text` times the scale word written with it, within or right after its span
    ("213 million" -> 213000000, "8.5 billion" -> 8500000000).

        >>> scaled(213, "a population of 213 million people", 20), scaled(8.5, "8.5 million", 11), scaled(5, "5 km", 1)
        (213000000, 8500000, 5)
    """
    last = text[:span_end].split()[-1:] or [""]
    word = last[0].lower() if last[0].lower() in _SCALES else None
    m = _SCALE.match(text, span_end) if word is None else None
    factor = _SCALES[word] if word else _SCALES[m.group(1).lower()] if m else 1
    out = n * factor
    return int(out) if isinstance(out, float) and out.is_integer() and factor > 1 else out


def number_texts(value: Any) -> list[str]:
    """How a number may be written in a request, most literal first: 10 -> ['10', 'ten'], 0.5 -> ['0.5']."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return [str(value)] if isinstance(value, str) else []
    out = [str(value)]
    if isinstance(value, float) and value.is_integer():
        out.append(str(int(value)))
    if int(value) == value and int(value) in _WORDS_FOR:
        out.append(_WORDS_FOR[int(value)])
    if isinstance(value, int) and abs(value) >= 1000:
        out.append(f"{value:,}")
    return out


def not_a_value(text: str) -> bool:
    """Whether a string read from a request is one word that never is a value on its own
    (`NON_VALUES`); an acronym written in capitals is a value ("US", "IT").

    >>> not_a_value("What"), not_a_value("I"), not_a_value("US"), not_a_value("the Louvre")
    (True, True, False, False)
    """
    word = text.strip()
    if len(word) > 1 and word.isupper():
        return False
    return word.lower() in NON_VALUES


def strip_quotes(text: str) -> str:
    """Span text -> the value: surrounding whitespace and quote characters removed, but for the
    closing quote of a quoted part that ends it.

    >>> strip_quotes(' "Paris" '), strip_quotes('del "%userprofile%/putty.lnk"')
    ('Paris', 'del "%userprofile%/putty.lnk"')
    """
    text = text.strip()
    value = text.strip(QUOTES).strip()
    if text.endswith('"') and not text.startswith('"') and text.count('"') % 2 == 0:
        value += '"'
    return value


@dataclass(frozen=True)
class Fragment:
    """A JSON object or array written in a text: characters [start, end) parse to `value`."""

    start: int
    end: int
    value: Any


def json_fragments(text: str) -> list[Fragment]:
    """The outermost balanced {...} / [...] substrings of `text` that are JSON, or Python literals of
    JSON's values (people paste {'math': 90} and ['Sam', 'Alice'] as well), in order.

    >>> [f.value for f in json_fragments("sort ['Sam', 'Alice'] by {'key': True, 'n': (1, 2)}")]
    [['Sam', 'Alice'], {'key': True, 'n': [1, 2]}]
    """
    out: list[Fragment] = []
    i = 0
    while i < len(text):
        if text[i] in "{[":
            end = _balanced_end(text, i)
            value = _MISSING if end is None else _parsed(text[i:end])
            if end is not None and value is not _MISSING:
                out.append(Fragment(i, end, value))
                i = end
                continue
        i += 1
    return out


_MISSING = object()


def _parsed(text: str) -> Any:
    """JSON text, or a Python literal of JSON's values (tuples as lists) -> the value; else _MISSING."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        value = ast.literal_eval(text)
        return json.loads(json.dumps(value))  # tuples -> lists; a set, bytes or complex raises
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return _MISSING


_NUM = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_ORDINAL = rf"{_NUM}(?:st|nd|rd|th)?"  # "2nd, 3rd and 4th floors" -> [2, 3, 4]
_NUMBER_LIST = re.compile(rf"(?<![\w.]){_ORDINAL}(?:{_SEP}{_ORDINAL})+(?!\w|\.\d)")
# in a list: "Rome", "New York", "S&P 500"; not the speaker "I" ("with Duane Whitaker and I want ...")
NAME_ITEM = r"(?!I\b)[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}(?: \d{2,}(?![\w,.]))?"
_ITEM = rf"(?:\"[^\"]+\"|'[^']+'|{NAME_ITEM})"
# A range written in words, as its two ends: "from 2015 to 2021", "between x = -1 and x = 2".
_END = rf"(?:[a-z]\s*=\s*)?({_NUM})"  # a range's end, maybe after its variable: "x = -1"
# A point written with its hemispheres: "(33.4484 N, 112.0740 W)", "48.8584° N, 2.2945° E".
_COORDINATES = re.compile(r"\(?(\d+(?:\.\d+)?)\s*°?\s*([NS])\s*,\s*(\d+(?:\.\d+)?)\s*°?\s*([EW])\b\)?")
_RANGE = re.compile(rf"(?<!\w)(?:from|between)\s+({_END}\s+(?:to|and|through)\s+{_END})(?!\w|\.\d)")
# Names: "Paris, Rome and Oslo"; each after "the", or none: "the S&P 500 and the Dow Jones", not "'x' and the API".
_NAME_LIST = re.compile(rf"(?<!\w)(?:{_ITEM}(?:{_SEP}{_ITEM})+|the {_ITEM}(?:{_SEP}the {_ITEM})+)(?!\w)")
# A list of lower-case things, 1-3 words each, none of them a stopword: "tomatoes and lettuce",
# "efficient, organized, easy going and compassionate" (not "price of tomatoes and lettuce at").
_PLAIN = r"(?!(?:{})\b)[a-z][a-z-]*".format("|".join(sorted(STOPWORDS | {"then", "also", "not", "no"})))
_PLAIN_ITEM = rf"{_PLAIN}(?: {_PLAIN}){{0,2}}"
_PLAIN_LIST = re.compile(rf"(?<![\w-]){_PLAIN_ITEM}(?:{_SEP}{_PLAIN_ITEM})+(?![\w-]|\s*:)")  # not "x, steps: [...]"


# Things with their quantities, as two lists: "five 'burgers' and six 'chicken wings'" -> ['burgers',
# 'chicken wings'] and [5, 6]; "apples, rice, and 12 pack of bottled water" -> [1, 1, 12]; a measure
# between a quantity and its thing is neither ("a five pound bag of rice": 1, 'rice').
_COUNT = r"\d+|" + "|".join(w for w in sorted(_NUMBER_WORDS, key=len, reverse=True) if " " not in w)
_UNIT = (
    r"(?:bottles?|bags?|packs?|packets?|cans?|boxes?|cartons?|jars?|loaf|loaves|pounds?|lbs?|kilos?|kg|grams?|"
    r"cups?|pieces?|slices?|bunch(?:es)?|dozens?|gallons?|liters?|litres?|bars?|tubs?|sticks?|cases?)"
)
_MEASURE = rf"(?:(?:{_COUNT})[- ]{_UNIT}\s+)?{_UNIT}(?:\s+of)?\s+"
_THING = rf"(?:\"[^\"]+\"|'[^']+'|{_PLAIN_ITEM})"
# a counted thing may have a name ("two Big Macs", not a code: "0.72 GBP"); one with no count is in lower case
_NAMED = rf"(?![A-Z]{{2,}}\b){NAME_ITEM}"
_COUNTED = rf"(?:(?:{_COUNT}|an?)\s+(?:{_MEASURE})?(?:{_THING}|{_NAMED})|(?:{_MEASURE})?{_THING})"
_COUNTED_ITEM = re.compile(rf"(?:({_COUNT}|an?)\s+(?:{_MEASURE})?({_THING}|{_NAMED})|(?:{_MEASURE})?({_THING}))")
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.$")  # "one McFlurry." ends the sentence, not the name
_COUNT_INSIDE = re.compile(rf"(?<!\S)({_COUNT})\s+(?:{_MEASURE})?(\S.*)")  # "order five burgers": five, burgers
_LIST_END = r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:{})\b)".format("|".join(sorted(STOPWORDS)))  # not "12 m and width 5"
_COUNTED_LIST = re.compile(rf"(?<![\w.'’-]){_COUNTED}(?:{_SEP}{_COUNTED})+{_LIST_END}")


def counted_lists(text: str) -> list[tuple[Fragment, Fragment]]:
    """Lists of things where the request counts at least one of them, as (things, counts) fragments
    over the same characters; a thing it does not count counts 1, and a counted one may be a name
    ("two Big Macs").

    >>> [(a.value, b.value) for a, b in counted_lists("Order three pumpkins and two dozen eggs at Walmart")]
    [(['pumpkins', 'eggs'], [3, 2])]
    >>> [(a.value, b.value) for a, b in counted_lists("buy apples, rice, and 12 pack of bottled water")]
    [(['apples', 'rice', 'bottled water'], [1, 1, 12])]
    >>> counted_lists("a burger and a coke")  # nothing counted: a plain list
    []
    >>> counted_lists("a rectangle with length 12 meters and width 5 meters")  # the list ends at "width"
    []
    """
    out = []
    for m in _COUNTED_LIST.finditer(text):
        items = [_COUNTED_ITEM.fullmatch(p) for p in re.split(_SEP, m.group(0))]
        found = [(i.group(1), strip_quotes(_SENTENCE_END.sub("", i.group(2) or i.group(3)))) for i in items if i]
        start = m.start()
        if found and not found[0][0] and (inside := _COUNT_INSIDE.search(found[0][1])):
            found[0] = inside.group(1), inside.group(2)  # the first thing counted after a verb: "order five burgers"
            start += m.group(0).index(inside.group(0))
        uncounted = [not c or c.lower() in ("a", "an") for c, _ in found]
        if len(found) < len(items) or len(found) < 2 or all(uncounted):
            continue
        counts = [1 if u else parse_number(c) for u, (c, _) in zip(uncounted, found, strict=True)]
        things = [x for _, x in found]
        if not found[0][0]:  # an uncounted first thing as short as the shortest other: "buy apples" -> apples
            things[0] = " ".join(things[0].split()[-min(len(x.split()) for x in things[1:]) :])
            start += m.group(0).index(things[0])
        out.append((Fragment(start, m.end(), things), Fragment(start, m.end(), counts)))
    return out


# A list written one item a line, after a blank line or a colon: "...material:\n\n* Blue square\n* Red
# square\n* Green square"; each line short, maybe bulleted or numbered. Lines may be escaped ("\\n") in JSON text.
_LINE_BREAK = re.compile(r"\n|\\n")
_LINE_ITEM = re.compile(r"[ \t]*(?:[*•-]|\d{1,2}[.)])?[ \t]*((?:[^\s:?!\"]++[ \t]?){1,6}+)\"?[ \t]*")


def line_lists(text: str) -> list[Fragment]:
    r"""Lists written one item a line (at least three lines), after a blank line or a line ending in ":".

    >>> [f.value for f in line_lists("Objects:\n* Blue square\n* Red square\n* Superman logo")]
    [['Blue square', 'Red square', 'Superman logo']]
    >>> line_lists("classify these\nlink my account\nhello\nbye")  # no blank line or colon before them
    []
    """
    lines, at = [], 0
    for m in _LINE_BREAK.finditer(text):
        lines.append((at, m.start()))
        at = m.end()
    lines.append((at, len(text)))
    out: list[Fragment] = []
    run: list[re.Match[str]] = []
    for k, (a, b) in enumerate([*lines, (len(text), len(text))]):
        item = _LINE_ITEM.fullmatch(text, a, b) if 0 < b - a <= 80 else None
        if item and re.search(r"\w", item.group(1)):
            before = text[lines[k - 1][0] : lines[k - 1][1]].strip() if k else ""
            if run or (k and (not before or before.endswith(":"))):
                run.append(item)
                continue
        if len(run) >= 3:
            out.append(Fragment(run[0].start(1), run[-1].end(1), [i.group(1).strip().rstrip(".,;") for i in run]))
        run = []
    return out


def list_fragments(text: str, taken: Iterable[Fragment] = (), counted: bool = False) -> list[Fragment]:
    """Lists written in words, as fragments: "3, 8 and 1" -> [3, 8, 1]; a range's ends ("from 2015 to
    2021" -> [2015, 2021]); "Paris, London and Rome", quoted items and lower-case things ("tomatoes and
    lettuce") -> lists of strings; a point with its hemispheres ("33.4 N, 112.1 W") -> [latitude,
    longitude]. Outside the `taken` spans (JSON fragments), in order. `counted`:
    things with their counts first, as two lists (`counted_lists`).

    >>> [f.value for f in list_fragments("add 480.2, 433 and -4.5, then Paris, Rome or 'Oslo'")]
    [[480.2, 433, -4.5], ['Paris', 'Rome', 'Oslo']]
    >>> [f.value for f in list_fragments("the price of tomatoes and lettuce at the store")]
    [['tomatoes', 'lettuce']]
    >>> [f.value for f in list_fragments("the area under y=x^2 from x=1 to x=3, cases from 2015 to 2021")]
    [[1, 3], [2015, 2021]]
    >>> [f.value for f in list_fragments("between x = -1 and x = 2 on the 2nd, 3rd and 4th floors")]
    [[-1, 2], [2, 3, 4]]
    >>> [f.value for f in list_fragments("from (33.4484 N, 112.0740 W) to (34.0522 N, 118.2437 W)")]
    [[33.4484, -112.074], [34.0522, -118.2437]]
    """
    busy = [(f.start, f.end) for f in taken]
    objects = {(f.start, f.end) for f in taken if isinstance(f.value, dict)}
    out: list[Fragment] = []

    def free(a: int, b: int) -> bool:  # [a, b) overlaps no fragment found so far
        return not any(a < e and s < b for s, e in busy)

    for things, counts in counted_lists(text) if counted else []:
        if free(things.start, things.end):
            out += [things, counts]
            busy.append((things.start, things.end))
    for f in line_lists(text):  # (inside a JSON object's text too: '{"response": "...\\n* Red square\\n..."}')
        if not any(f.start < e and s < f.end for s, e in busy if (s, e) not in objects):
            out.append(f)
            busy.append((f.start, f.end))
    for m in _COORDINATES.finditer(text):  # [latitude, longitude], south and west negative
        if free(m.start(), m.end()):
            lat, lon = float(m.group(1)) * (-1 if m.group(2) == "S" else 1), float(m.group(3))
            out.append(Fragment(m.start(), m.end(), [lat, -lon if m.group(4) == "W" else lon]))
            busy.append((m.start(), m.end()))
    for m in _RANGE.finditer(text):
        a, b = m.span(1)
        if free(a, b):
            out.append(Fragment(a, b, [parse_number(m.group(2)), parse_number(m.group(3))]))
            busy.append((a, b))
    kinds = [(_NUMBER_LIST, _NUM), (_NAME_LIST, _ITEM)]
    if not any(isinstance(f.value, list) for f in taken):  # a request that writes JSON lists uses those
        kinds.append((_PLAIN_LIST, _PLAIN_ITEM))
    for pattern, item in kinds:
        is_number = item == _NUM
        for m in pattern.finditer(text):
            a, b = m.span()
            if not free(a, b):
                continue
            if item == _PLAIN_ITEM:  # the first item as long as the last: "buy apples and rice" -> apples
                found = [x.strip() for x in re.split(_SEP, m.group(0))]
                first = found[0].split()
                found[0] = " ".join(first[-len(found[-1].split()) :])
                a += m.group(0).index(found[0])
            else:
                found = re.findall(item, m.group(0))
            values: list[Any] = [parse_number(x) if is_number else strip_quotes(x) for x in found]
            out.append(Fragment(a, b, values))
            busy.append((a, b))
    return sorted(out, key=lambda f: f.start)


def _balanced_end(text: str, start: int) -> int | None:
    """Index after the bracket closing the one at `start`, skipping brackets inside JSON strings."""
    depth, in_string, escaped = 0, False, False
    for j in range(start, len(text)):
        c = text[j]
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
            if depth == 0:
                return j + 1
    return None


# (an apostrophe inside a word is no quote's end: 'I love it! It's fresh.')
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|`([^`]+)`|(?<!\w)'((?:[^']|(?<=\w)'(?=\w))+)'(?!\w)|‘([^’]+)’")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of the text inside each pair of quotes: 'name "a b" now' -> [(6, 9)]."""
    out = []
    for m in _QUOTED.finditer(text):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        out.append((m.start(g), m.end(g)))
    return out


def snap_to_quotes(
    text: str, start: int, end: int, quotes: list[tuple[int, int]] | None = None
) -> tuple[int, int]:
    """A span [start, end) of `text` that lies partly in quotes, inside them without covering them, or
    starts on them and runs on past them, or ends where they close without their closing quote ->
    the quoted text: people quote a value whole ("the username 'pascal', and the password 'pw1'":
    "pascal"). Other spans stay. `quotes`: `quoted_spans(text)`, where the caller has them.

        >>> t = "Turn 'the quick brown fox' into a vector"
        >>> [t[slice(*snap_to_quotes(t, a, b))] for a, b in [(10, 25), (0, 9), (0, 4), (5, 31)]]
        ['the quick brown fox', 'the quick brown fox', 'Turn', 'the quick brown fox']
    """
    for qs, qe in quoted_spans(text) if quotes is None else quotes:
        overlaps = start < qe and qs < end
        covers = start <= qs and qe <= end
        runs_on = qs - 1 <= start <= qs and end > qe + 1
        closes_it = start < qs - 1 and end == qe  # "our company's database. The server is called 'EnterpriseDB"
        if (overlaps and not covers) or runs_on or closes_it:
            return qs, qe
    return start, end


# lower case: "The Plaza" is a name; "of"/"by"/... before a name: "of Louvre Museum", "by Michelangelo"
_ARTICLE = re.compile(r"(?:(?:of|by|from|in|at|for|with)\s+)?(?:(?:the|a|an)\s+)?(?=\S)")
_HYPHENATED = re.compile(r"(?:-\w+)+")
_INITIALS_END = re.compile(r"(?<![\w.])(?:[A-Za-z]\.)+[A-Za-z]$")  # "D.C" before its last period
_ABBREVIATION_END = re.compile(r"\b[A-Z][\w&'-]* (?:Inc|Ltd|Corp|Co|Jr|Sr|St|Ave|Blvd)$")  # "Apple Inc" before "."
_STREET = re.compile(
    r"\d+[A-Z]?\s+(?:[A-Z][\w.]*\s+)+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl)\.?$"
)
# ", San Jose", ", Berkeley, CA", ", Berkeley, CA 94704, USA"
_CITY_AFTER = re.compile(rf"{REGION}(?:,\s*[A-Z]{{2}}\b(?:\s+\d{{5}}\b)?)?(?:,\s*(?:USA|US|United States)\b)?")


def _inside_word(text: str, i: int) -> bool:
    """Whether characters i-1 and i belong to one word ("my_data" is one; a camelCase bound is not: "task|Id")."""
    a, b = text[i - 1], text[i]
    return (a.isalnum() or a == "_") and (b.isalnum() or b == "_") and not (a.islower() and b.isupper())


# A name goes on with a capitalised word or a number, not a year or a date: "Windows 10", not "London 2022/08/16"
_NAME_GOES_ON = re.compile(r"(?<=[a-z]) (?:[A-Z][a-z]+\b|(?!1[89]\d\d|20\d\d)\d+(?!\w|[.,]\d|[/:-]))")


_SURNAME = re.compile(r" [A-Z][a-z]+\b")
_APOSTROPHE_NAME = re.compile(r"['’](?!(?:s|t|re|ve|ll|d|m)\b)[a-z]+\b")  # "Nyong'o", not "'s", "'ll"
_SPEAKER_NEXT = re.compile(r"(?<=\w)(?:\s+|\.)I$")
_SPEAKER_VERB = re.compile(
    r"\s+(?:can|could|would|will|want|need|have|am|like|love|think|wish|prefer|hope|plan|must|should|just|also)\b"
)
_FIRST_NAME = re.compile(r"\b([A-Za-z][a-z]+) $")
_POSSESSOR = re.compile(r"\w['’]s$")  # "Germany's"
_LOWER_WORD = re.compile(r"\s+[a-z]")  # a lower-case word next: what a possessor has
_POSSESSING_NOTHING = re.compile(r"['’]s(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|or|on|in|at|for|to|from|with|near)\b)")
_ACCIDENTAL = re.compile(r"\s*[#♯♭]|\s+(?:sharp|flat)\b", re.I)


_URL_AT = re.compile(r"(?:https?://|www\.)[^\s'\"<>]*[^\s'\"<>.,;:!?)]")  # a URL, without the mark after it


def whole_value(text: str, start: int, end: int, names: bool = True) -> tuple[int, int]:
    """A string span [start, end) as a value: the quoted text where it lies partly in quotes
    (`snap_to_quotes`), which stays as written; else without a leading article ("the Louvre Museum"
    -> "Louvre Museum"; "The Plaza" keeps its capital The), a preposition before a name ("of
    Louvre Museum", "by Michelangelo"; not "in stock") or the mark after a label ("id:3" -> "3"),
    nor the 's of a possessor a thing follows ("Germany's men team") or the next clause's speaker
    ("Quentin Tarantino I can watch"; "World War I" keeps its I), not ending inside a hyphenated word
    ("gluten" of "gluten-free" -> "gluten-free", "my" of "my_data" -> "my_data") nor inside a URL, or before the
    last period of initials or an abbreviation ("D.C.", "Apple Inc.") or a key's sharp or flat ("C
    sharp"), nor before the name initials stand for ("C.J. Rush"), an apostrophe inside a name
    ("Nyong'o") or a possessive of nothing, which names a place ("from McDonald's."), nor after the
    first name of a middle initial ("sterling K. Brown"), a street address with the city, state, ZIP
    code and country written after it ("221B Baker Street, Berkeley, CA, USA"), and with `names`, not
    inside a capitalised name ("Yellowstone National" of "Yellowstone National Park"; places keep
    where their own rules end them).

        >>> t = "the Louvre Museum has gluten-free food"
        >>> [t[slice(*whole_value(t, a, b))] for a, b in [(0, 17), (22, 28), (4, 10)]]
        ['Louvre Museum', 'gluten-free', 'Louvre Museum']
        >>> t[slice(*whole_value(t, 4, 10, names=False))]
        'Louvre'
    """
    quotes = quoted_spans(text)
    start, end = snap_to_quotes(text, start, end, quotes)
    if (start, end) in quotes:
        return start, end
    while 0 < start < end and _inside_word(text, start):
        start -= 1  # a value starts and ends with whole words: "cache-warmup", not "cache-warm"
    while start < end - 1 and text[start] in ":=":
        start += 1  # nor with the mark after its label: "id:3" -> "3"
    while start < end < len(text) and _inside_word(text, end):
        end += 1
    if (url := _URL_AT.match(text, start)) and end < url.end():
        end = url.end()  # a URL goes on to its end: "http://www.thewowstyle" of "http://www.thewowstyle.com/..."
    m = _ARTICLE.match(text, start)
    if m and start < m.end() < end and (m.group(0).split()[0] in ("the", "a", "an") or text[m.end()].isupper()):
        start = m.end()
    m = _HYPHENATED.match(text, end)
    if m:
        end = m.end()
    while names and text[start : start + 1].isupper() and (m := _NAME_GOES_ON.match(text, end)):
        end = m.end()  # a name does not stop inside itself: "Yellowstone National" of "... National Park"
    if (m := _ACCIDENTAL.match(text, end)) and re.fullmatch(r"[A-G]", text[start:end]):
        end = m.end()  # a musical key with its sharp or flat: "C sharp", "B♭"
    abbreviated = _INITIALS_END.search(text, start, end) or _ABBREVIATION_END.search(text, start, end)
    if text[end : end + 1] == "." and abbreviated:
        end += 1  # "Washington D.C.", "Apple Inc."
    if names and re.fullmatch(r"(?:[A-Z]\.)+", text[start:end]) and (m := _SURNAME.match(text, end)):
        end = m.end()  # initials with the name they stand before: "C.J. Rush"
    if names and re.match(r"[A-Z]\. [A-Z][a-z]", text[start:end]) and (m := _FIRST_NAME.search(text, 0, start)):
        if m.group(1).lower() not in STOPWORDS:
            start = m.start(1)  # a middle initial goes with the name before it: "Sterling K. Brown"
    if names and text[start : start + 1].isupper() and (m := _APOSTROPHE_NAME.match(text, end)):
        end = m.end()  # a name with an apostrophe inside: "Lupita Nyong'o", not "Adriel's"
    if names and text[start : start + 1].isupper() and (m := _POSSESSING_NOTHING.match(text, end)):
        end = m.end()  # a possessive with nothing after it names a place: "from McDonald's.", not "Adriel's dog"
    elif names and _POSSESSOR.search(text, start, end) and _LOWER_WORD.match(text, end):
        end -= 2  # the possessor, not its 's: "Germany's men soccer team" -> "Germany"
    if (m := _SPEAKER_NEXT.search(text, start, end)) and _SPEAKER_VERB.match(text, end):
        end = m.start()  # the next clause's speaker is none of it: "Quentin Tarantino I can watch", "Napa.I would"
    if _STREET.search(text, start, end) and (m := _CITY_AFTER.match(text, end)):
        end = m.end()  # a street address with its city: "123 White Street, San Jose"
    return start, end


_NUMBER_AT = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?(?:e-?\d+)?\s*")
# Units after a number and the quantities they measure, first match wins: "2 m/s^2" is an
# acceleration, "10 meters/second" a speed, "5 seconds" a time, "300 meters" a distance.
_UNITS = [
    (r"(?:m|meters?|metres?)\s*(?:/|per)\s*(?:s|sec|seconds?)\s*(?:\^\s*2|²|squared)", "acceleration accel"),
    (r"(?:m|meters?|metres?|km|kilometers?|kilometres?|miles?|ft|feet)\s*(?:/|per)\s*(?:s|sec|seconds?|h|hr|hours?)\b"
     r"|(?:mph|kph|km/h|kmh|knots?)\b", "velocity speed"),
    (r"(?:seconds?|secs?|s)\b", "time duration period second"),
    (r"(?:minutes?|mins?)\b", "time duration period minute"),
    (r"(?:hours?|hrs?)\b", "time duration period hour"),
    (r"days?\b", "time duration period day"),
    (r"weeks?\b", "time duration period week"),
    (r"months?\b", "time duration period month"),
    (r"(?:years?|yrs?)\b", "time duration period year"),
    (r"(?:meters?|metres?|m|km|kilometers?|kilometres?|miles?|mi|feet|ft|foot|inch(?:es)?|cm|mm|yards?)\b(?!\s*(?:/|per\b))",
     "distance length height width radius depth altitude"),
    (r"(?:kg|kilograms?|grams?|g|lbs?|pounds?|tons?|tonnes?)\b", "mass weight"),
    (r"(?:°\s*[CF]|degrees?|celsius|fahrenheit|kelvin|(?-i:K))\b", "temperature temp"),
    (r"(?:hz|khz|mhz|ghz|hertz)\b", "frequency freq"),
    (r"(?:coulombs?|(?-i:C))\b", "charge"),
    (r"(?:%|percent\b)", "rate percentage percent"),
    (r"stars?\b", "rating stars score review"),  # "a review score of 4.5 stars"
]
_UNIT_RES = [(re.compile(u, re.I), frozenset(stem(w) for w in q.split())) for u, q in _UNITS]


def unit_quantities(text: str, start: int) -> frozenset[str]:
    """Stems of the quantities the unit after the number at character `start` measures ("5 seconds"
    -> time, duration, ...; "$5000" -> amount, price, ...); empty if no unit follows.

        >>> sorted(unit_quantities("accelerating at 2 m/s^2 for 5 seconds", 16))
        ['accel']
    """
    m = _NUMBER_AT.match(text, start)
    if m is None:
        return frozenset()
    if text[:start].rstrip().endswith(("$", "€", "£")):
        return frozenset(stem(w) for w in "amount price cost principal investment value budget payment".split())
    for unit, quantities in _UNIT_RES:
        if unit.match(text, m.end()):
            return quantities
    return frozenset()


def find_all(haystack: str, needle: str) -> Iterable[int]:
    """Start index of every (overlapping) case-insensitive occurrence of `needle`."""
    if not needle:
        return
    h, n = haystack.casefold(), needle.casefold()
    # casefold can change lengths (German ß); then indices would not map back, so fall back to lower().
    if len(h) != len(haystack) or len(n) != len(needle):
        h, n = haystack.lower(), needle.lower()
    i = h.find(n)
    while i >= 0:
        yield i
        i = h.find(n, i + 1)


def phrase_present(text_words: list[str], phrase: str) -> bool:
    """Whether the words of `phrase` appear consecutively in `text_words`: (['scale', 'it'], 'scale') -> True.
    A word of digits then letters matches however a text writes it: '3d' is in "a 3D movie", whose
    words split at the capital (['a', '3', 'd', 'movie']), and '3D' in "a 3d movie".

        >>> phrase_present(words("a 3D movie"), "3d"), phrase_present(words("a 3d movie"), "3D")
        (True, True)
    """
    pw = words(phrase)
    if not pw:
        return False
    if _in_order(text_words, pw):
        return True
    low = phrase.lower()
    return any(_in_order(text_words, f) for f in (words(low), words(_DIGIT_LETTER.sub(" ", low))) if f != pw)


_DIGIT_LETTER = re.compile(r"(?<=\d)(?=[a-z])")


def _in_order(text_words: list[str], pw: list[str]) -> bool:
    n = len(pw)
    return any(text_words[i : i + n] == pw for i in range(len(text_words) - n + 1))


__all__ = [
    "NEGATIONS",
    "QUOTES",
    "STOPWORDS",
    "WRITTEN_NUMBER",
    "Fragment",
    "coerce_number",
    "content_stems",
    "find_all",
    "is_number_word",
    "json_fragments",
    "list_fragments",
    "number_texts",
    "parse_number",
    "phrase_present",
    "quoted_spans",
    "snap_to_quotes",
    "split_identifier",
    "stem",
    "strip_quotes",
    "words",
]


_SHAPE_WORDS = {
    "url": "url", "uri": "url", "link": "url", "endpoint": "url", "href": "url", "website": "url",
    "host": "host", "hostname": "host", "ip": "host", "domain": "host",
    "email": "email", "mail": "email",
    "path": "path", "filepath": "path", "file": "path", "filename": "path", "dir": "path", "directory": "path",
    "folder": "path",
}  # fmt: skip
_SHAPES = {
    "url": re.compile(r"(?<![\w@])(?:https?://|www\.)[^\s'\"`<>]+", re.I),
    "host": re.compile(
        r"(?<![\w@./-])(?:https?://[^\s'\"`<>]+|\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?|localhost"
        r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|ca|edu|gov|dev|local|co|uk|de|ai)(?::\d+)?)(?![\w@-])",
        re.I,
    ),
    "email": re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    # terms of one-letter variables, numbers and powers joined by + - * /, with a power or a
    # coefficient somewhere ("3x^2 + 2x - 1", "x**3"; not a lone "x" or "2")
    "expression": re.compile(
        r"(?<![\w^*.])(?:[-+]\s*)?(?:\d+(?:\.\d+)?\s*\*?\s*)?[a-z](?![a-z])(?:\s*(?:\^|\*\*)\s*\d+)?"
        r"(?:\s*[-+*/]\s*(?:(?:\d+(?:\.\d+)?\s*\*?\s*)?[a-z](?![a-z])(?:\s*(?:\^|\*\*)\s*\d+)?|\d+(?:\.\d+)?))*",
        re.I,
    ),
    "path": re.compile(  # "C:/data/cars.csv", "~/data/x.nii", "./out", "src/auth.rs", "report.csv"
        r"(?<![\w@/.~:-])(?:[A-Za-z]:[\\/][^\s'\"`<>,;]*|~?/[^\s'\"`<>,;]+|\.{1,2}/[^\s'\"`<>,;]+"
        r"|[\w-]+(?:[\\/][\w.-]+)*\.(?:csv|tsv|json|jsonl|txt|md|py|rs|js|ts|html|xml|ya?ml|xlsx?|pdf|png|jpe?g"
        r"|nii|log|sql|db|zip|gz|tar|toml|ini|cfg|sh|mp3|mp4|wav))(?![\w/])",
        re.I,
    ),
}


# Names of parameters whose value is a mathematical expression ("function": "3x^2 + 2x - 1").
_EXPRESSION_NAMES = frozenset("function func f equation expression expr polynomial formula".split())


def value_shape(name: str) -> str | None:
    """"url", "host", "email", "path" or "expression" (a name that is only "function", "equation",
    "polynomial", ...) when a parameter's name says its value has that shape, else None.

    >>> value_shape("host"), value_shape("callback_url"), value_shape("recipient_email"), value_shape("name")
    ('host', 'url', 'email', None)
    >>> value_shape("dataset_path"), value_shape("file_name"), value_shape("file_type")
    ('path', 'path', None)
    """
    if name.lower() in _EXPRESSION_NAMES:
        return "expression"
    ws = [w.lower() for w in words(name)]
    shapes = {_SHAPE_WORDS[w] for w in ws if w in _SHAPE_WORDS}
    if shapes == {"path"} and _SHAPE_WORDS.get(ws[-1]) != "path" and ws[-2:] != ["file", "name"]:
        return None  # a path's kind or part, not a path: "file_type", "dir_size"
    return shapes.pop() if len(shapes) == 1 else None


def shaped_spans(text: str, shape: str) -> list[tuple[int, int]]:
    """Character spans of `text` that have a value shape: a URL, a host (URL, IP address, domain name,
    localhost), an e-mail address; sentence punctuation after one is not part of it.

    >>> t = "add the server at 'db.example.com', port 5432"
    >>> [t[a:b] for a, b in shaped_spans(t, "host")]
    ['db.example.com']
    """
    out = []
    for m in _SHAPES[shape].finditer(text):
        value = m.group(0).rstrip(".,;:!?)")
        if shape != "expression" or _POWER_OR_COEFFICIENT.search(value):
            out.append((m.start(), m.start() + len(value)))
    return out


_POWER_OR_COEFFICIENT = re.compile(r"\^|\*\*|\d\*?[a-z]", re.I)


_UNIT_WORD = re.compile(
    r"\b(?:(?:square|cubic|fluid)\s+)?(?:"
    r"km/h|kph|mph|m/s|knots?|inch(?:es)?|feet|foot|ft|yards?|miles?|(?:centi|milli|kilo)?met(?:er|re)s?|cm|mm|km|"
    r"ounces?|oz|pounds?|lbs?|(?:milli|kilo)?grams?|kg|mg|tons?|tonnes?|cups?|tablespoons?|tbsp|teaspoons?|tsp|"
    r"(?:milli)?lit(?:er|re)s?|ml|gallons?|quarts?|pints?|acres?|hectares?|celsius|fahrenheit|kelvin|joules?|"
    r"calories|kcal|kwh|seconds?|minutes?|hours?|days?|weeks?|months?|years?"
    r")\b(?!\s*(?:/|per)\s*\w)|\b(?:km/h|m/s)(?!\w)",
    re.I,
)
_NUMBER_BEFORE = re.compile(r"\d[\d,.]*\s*$")


def unit_spans(text: str, side: str) -> list[tuple[int, int]]:
    """Character spans of the units of measure `text` writes, for a unit parameter: side "from", the
    units written after a number ("2 pounds"); side "to", those written on their own ("How many
    ounces", "in km/h"): the units of numbers written are most often their parameters'; side "own"
    (a unit of another parameter's number: "the radius in meters", "a radius of 4 inches"), those
    written on their own, else those after a number; "all": every unit written.

    >>> t = "How many ounces in 2 pounds of butter?"
    >>> [t[a:b] for a, b in unit_spans(t, "from")], [t[a:b] for a, b in unit_spans(t, "to")]
    (['pounds'], ['ounces'])
    """
    units = [m.span() for m in _UNIT_WORD.finditer(text)]
    if side == "all":
        return units
    counted = [(a, b) for a, b in units if _NUMBER_BEFORE.search(text, 0, a)]
    if side == "from":
        return counted
    alone = [u for u in units if u not in counted]
    return counted if side == "own" and not alone else alone


def is_unit(word: str) -> bool:
    """Whether `word` is a unit of measure (`unit_spans`' units): "seconds", "km", "cups"."""
    return _UNIT_WORD.fullmatch(word) is not None


def takes_command(name: str) -> bool:
    """Whether a string parameter takes a command line: its name says command ("command", "cmd",
    "shell_command")."""
    return bool(set(words(name)) & {"command", "cmd"})


def command_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the command lines `text` writes: after "the command" / "the instruction"
    (to the end of the sentence), between "the" and "command", or after "using" / "use" where the
    words that follow read as a command (a lower-case program name and its arguments) up to "to ..."
    or the sentence's end.

    >>> t = "disconnect wifi, using the command netsh wlan disconnect"
    >>> [t[a:b] for a, b in command_spans(t)]
    ['netsh wlan disconnect']
    >>> t = "is docker running, please use docker ps to find out"
    >>> [t[a:b] for a, b in command_spans(t)]
    ['docker ps']
    """
    out = []
    for pattern in (_AFTER_COMMAND, _NAMED_COMMAND, _USING_COMMAND):
        for m in pattern.finditer(text):
            a, b = m.span("cmd")
            value = text[a:b].rstrip(" .,;!?")
            if value and not value.lower().endswith(" command") and (a, a + len(value)) not in out:
                out.append((a, a + len(value)))
    return out


# "using the (exact) command shutdown /s /t 0", "the command called start calc", "the instruction del ..."
_AFTER_COMMAND = re.compile(
    r"\bthe\s+(?:exact\s+)?(?:command|instruction)\s+(?:called\s+|is\s+|:\s*)?"
    r"(?P<cmd>[\w%\"'/\\.-][^\n]*?)\s*(?=[.?!]?\s*$|[.?!]\s)",
    re.I,
)
# "using the echo %date% command", "the start microsoft.windows.camera: command"
_NAMED_COMMAND = re.compile(r"\b(?:using|use|run)\s+the\s+(?P<cmd>[a-z][^\s,]*(?:\s+[^\s,]+)+?)\s+command\b", re.I)
# "using docker --version", "use docker ps to find out", "using dir Desktop": a program and its arguments
_USING_COMMAND = re.compile(
    r"\b(?:using|use)\s+(?!the\b|a\b|an\b|my\b|your\b|this\b|that\b)(?P<cmd>[a-z][\w.-]*(?:\s+[^\s,]+){1,5}?)"
    r"\s*(?=\s+to\s|[.?!]?\s*$|[.?!,]\s)"
)
