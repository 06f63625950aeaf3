"""Run a policy over BFCL categories and score it as BFCL does: per category, then BFCL's summaries.

A policy here is a `CallsFn`: entries in, one list of calls per entry out (an empty list = no call).
Every entry brings its own functions, so each is answered against a catalogue of just those.

    >>> report, predictions = run_bfcl(router_calls(router), ["simple_python", "irrelevance"])
    >>> report.categories["simple_python"].ast_accuracy
    0.52
    >>> report.summary()["non_live_ast"]
    ...

Scores (fractions of entries):
- **AST accuracy**: `BfclEntry.check` (our re-implementation of BFCL's checker) passes.
- **tool selection**: the multiset of called function names equals the gold one (irrelevance
  categories: no call; live_relevance: at least one call) — right tools, whatever the arguments.

Summaries follow BFCL's `eval_runner_helper.py` over the categories that were run: non-live AST =
unweighted mean of simple (simple_python here), multiple, parallel, parallel_multiple; live AST =
count-weighted mean of the live categories with answers; irrelevance = mean of the non-live and live
irrelevance scores.
"""

from __future__ import annotations

import itertools
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from mcptrain.bfcl.data import BfclEntry, load_category
from mcptrain.catalogue import Catalogue
from mcptrain.errors import CatalogueError
from mcptrain.places import is_region
from mcptrain.policy.text import WRITTEN_NUMBER, json_fragments, list_fragments, not_a_value, parse_number
from mcptrain.types import ToolCall, ToolCallExample

CallsFn = Callable[[list[BfclEntry]], list[list[ToolCall]]]
NON_LIVE = ("simple_python", "multiple", "parallel", "parallel_multiple")
LIVE = ("live_simple", "live_multiple", "live_parallel", "live_parallel_multiple")


@dataclass
class CategoryResult:
    category: str
    n: int
    ast_accuracy: float
    tool_accuracy: float
    seconds: float
    errors: dict[str, int] = field(default_factory=dict)
    """BFCL error type -> count, over the entries that failed the AST check."""


@dataclass
class BfclReport:
    categories: dict[str, CategoryResult]

    def summary(self) -> dict[str, float]:
        """BFCL's aggregates over the categories present (a summary with none of its parts is left out)."""
        cats = self.categories
        out: dict[str, float] = {}
        non_live = [cats[c].ast_accuracy for c in NON_LIVE if c in cats]
        if non_live:
            out["non_live_ast"] = sum(non_live) / len(non_live)
        live = [cats[c] for c in LIVE if c in cats]
        if live:
            out["live_ast"] = sum(r.ast_accuracy * r.n for r in live) / sum(r.n for r in live)
        irr = [cats[c].ast_accuracy for c in ("irrelevance", "live_irrelevance") if c in cats]
        if irr:
            out["irrelevance"] = sum(irr) / len(irr)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "categories": {c: vars(r) for c, r in self.categories.items()},
            "summary": self.summary(),
        }

    def markdown(self) -> str:
        lines = ["| category | n | AST accuracy | tool selection | seconds |", "|---|---:|---:|---:|---:|"]
        for r in self.categories.values():
            lines.append(f"| {r.category} | {r.n} | {r.ast_accuracy:.3f} | {r.tool_accuracy:.3f} | {r.seconds:.1f} |")
        for name, value in self.summary().items():
            lines.append(f"| **{name}** | | {value:.3f} | | |")
        return "\n".join(lines)


def tool_selection_ok(entry: BfclEntry, calls: Sequence[ToolCall]) -> bool:
    """Right functions, in any order, whatever their arguments."""
    if "irrelevance" in entry.category:
        return not calls
    if entry.category == "live_relevance":
        return bool(calls)
    gold = Counter(next(iter(a)) for a in entry.answers)
    return Counter(c.name for c in calls) == gold


def run_bfcl(
    calls_fn: CallsFn,
    categories: Sequence[str],
    on_entry: Callable[[str, int, int], None] | None = None,
    batch: int = 32,
) -> tuple[BfclReport, dict[str, list[ToolCall]]]:
    """Answer every entry of `categories` with `calls_fn`; -> report and entry id -> calls.

    `on_entry(category, done, total)` is called after each batch (progress bars)."""
    results: dict[str, CategoryResult] = {}
    predictions: dict[str, list[ToolCall]] = {}
    for cat in categories:
        entries = load_category(cat)
        started = time.perf_counter()
        ast_ok = tool_ok = 0
        errors: Counter[str] = Counter()
        for i in range(0, len(entries), batch):
            chunk = entries[i : i + batch]
            for entry, calls in zip(chunk, calls_fn(chunk), strict=True):
                predictions[entry.id] = calls
                verdict = entry.check(calls)
                ast_ok += verdict.valid
                tool_ok += tool_selection_ok(entry, calls)
                if not verdict.valid:
                    errors[verdict.error_type] += 1
            if on_entry is not None:
                on_entry(cat, min(i + batch, len(entries)), len(entries))
        n = max(len(entries), 1)
        results[cat] = CategoryResult(
            cat, len(entries), ast_ok / n, tool_ok / n, time.perf_counter() - started, dict(errors.most_common())
        )
    return BfclReport(results), predictions


# --------------------------------------------------------------------------------------------------
# Policies as CallsFn


def entry_catalogue(entry: BfclEntry) -> Catalogue | None:
    """The entry's own functions as a catalogue; None when BFCL's data makes an invalid one (answered as
    "no call", which BFCL scores as a failure where a call was due)."""
    try:
        return Catalogue(entry.tools, name=entry.id)
    except CatalogueError:
        return None


def per_entry(answer: Callable[[BfclEntry, Catalogue], list[ToolCall]]) -> CallsFn:
    """A CallsFn from a function answering one entry against its own functions' catalogue; an entry
    whose functions make no valid catalogue gets no call."""

    def calls_fn(entries: list[BfclEntry]) -> list[list[ToolCall]]:
        out: list[list[ToolCall]] = []
        for entry in entries:
            cat = entry_catalogue(entry)
            out.append([] if cat is None else answer(entry, cat))
        return out

    return calls_fn


# The year BFCL's requests are written in: a date without a year ("a music event on March 14th") is
# in 2023 in its answers, and requests that say the date say 2023 ("today is 2023.10.1").
BFCL_YEAR = 2023


def router_calls(router: Any, parallel: bool = False) -> CallsFn:
    """The router as a CallsFn: each entry against its own functions, one call or none, or one call
    per value where the request lists several values for one argument (`fan_out`: "the factorial of
    5, 10 and 15" is three calls; on one checkpoint, 2026-11-27: parallel 0 -> 0.075, no single-call
    entry's AST changed), or one call per repetition (`repeat_calls`: "... 6 feet and 80 kg, also for
    5.6 feet and 60 kg") or per step of different functions (`step_calls`: "... length 7 and breadth 3.
    Also, the area of a circle with radius 5"); on runs/general11, 2026-11-27: parallel 0.080 ->
    0.165, parallel_multiple 0.005 -> 0.040, one single-call entry of 2,035 broken.

    With `parallel`, a request is also cut into parts ("… in New York and in Paris", "; ", sentences);
    when at least two parts each give a distinct schema-valid call, those calls are the answer (BFCL's
    parallel categories), unless the call for the whole request is schema-valid and takes its values
    from more than one part ("a triangle with base 10 and height 5" is one call) or two part calls of
    one function set different parameters. Else the one call for the whole request. A date written
    without a year is in `BFCL_YEAR` (`Router.year`). Off by default:
    it loses more than it wins (one checkpoint, 2026-11-26: tool selection 0.970 -> 0.932 on
    simple_python, 0.925 -> 0.855 on multiple, 0.826 -> 0.758 on live_multiple; parallel 0 -> 0.125).
    """

    router.year = BFCL_YEAR

    def answer(entry: BfclEntry, cat: Catalogue) -> list[ToolCall]:
        router.set_catalogue(cat)
        cut = parallel_parts(entry.question) if parallel else []
        whole, *rest = router.predict([ToolCallExample(prompt=t) for t in [entry.question, *cut]])
        single = [] if whole.tool is None else [ToolCall(name=whole.tool, arguments=whole.arguments)]
        fanned = fan_out(single[0], entry.question, cat) if single else []
        if len(fanned) > 1:
            return fanned
        if single and whole.schema_valid and not cut:
            repeated = repeat_calls(router, single[0], entry.question)
            if len(repeated) > 1:
                return repeated
            steps = step_calls(router, single[0], entry.question)
            if len(steps) > 1:
                return steps
        parts: list[ToolCall] = []
        for p in rest:
            call = ToolCall(name=p.tool, arguments=p.arguments) if p.tool is not None else None
            if call is not None and p.schema_valid and call not in parts:
                parts.append(call)
        if len(parts) < 2 or (whole.schema_valid and single and parts_used(single[0], cut) >= 2):
            return single
        keys: dict[str, set[str]] = {}
        for c in parts:  # calls of one function in parallel set the same parameters, to other values
            if keys.setdefault(c.name, set(c.arguments)) != set(c.arguments):
                return single
        return parts

    return per_entry(answer)


def repeat_calls(router: Any, call: ToolCall, text: str) -> list[ToolCall]:
    """One call whose values all come before a cut in the request, where what follows the cut writes
    numbers the call leaves unused -> that call, then the call for the rest, of the same function, the
    values it does not write kept ("... change in time of 4 seconds, then repeat with a change in time
    of 10 seconds": d_time 4, then d_time 10 with the same field and area); again for the rest's rest.
    [] when nothing repeats. Cuts: `_PART_SPLIT`'s ("; ", " and ", ", also ", sentences) and commas."""
    calls = [call]
    while True:
        rest = _unused_rest(calls[-1], text)
        if rest is None:
            break
        (p,) = router.predict([ToolCallExample(prompt=rest, candidate_tools=[call.name])])
        if p.tool != call.name:
            break
        nxt = ToolCall(name=call.name, arguments={**calls[-1].arguments, **p.arguments})
        if nxt in calls or not router.validate(nxt) or not _numbers(p.arguments) & _numbers_written(rest):
            break
        calls.append(nxt)
        text = rest
    return calls if len(calls) > 1 else []


def step_calls(router: Any, call: ToolCall, text: str) -> list[ToolCall]:
    """A request in steps of different functions ("Find the area of a rectangle with length 7 and
    breadth 3. Also, calculate the area of a circle with radius 5.") -> one call per step, cut where a
    sentence or clause starts with "also" / "then" / "; ", or with a verb that asks for something
    ("... and generate the primes", ". Find ..."); when every step gives a schema-valid call,
    each of another function, one of them the whole request's, and the numbers each writes are its
    call's. [] otherwise."""
    steps = [t for t in _STEP_CUT.split(text.strip()) if t.strip()]
    if len(steps) < 2:
        return []
    preds = router.predict([ToolCallExample(prompt=t) for t in steps])
    calls = [ToolCall(name=p.tool, arguments=p.arguments) for p in preds if p.tool is not None and p.schema_valid]
    names = [c.name for c in calls]
    if len(calls) != len(steps) or len(set(names)) != len(names) or call.name not in names:
        return []
    if any(_numbers(c.arguments) != _numbers_written(t) for c, t in zip(calls, steps, strict=True)):
        return []
    return calls


def _unused_rest(call: ToolCall, text: str) -> str | None:
    """The text after the first cut before which the request writes the call's numbers (those it writes
    in digits: not the 0 of "from rest"), all of them and no other, and its strings, where the text
    after it writes a number the call does not use; None if there is no such cut, or the call has an
    empty list or object (it did not find all it needs)."""
    used = _numbers(call.arguments)
    strings = [v for v in call.arguments.values() if isinstance(v, str)]
    if not used or _holds_empty(call):
        return None
    written = used & _numbers_written(text)  # (0 for "starts from rest" is written in no digit)
    for m in _REPEAT_CUT.finditer(text):
        head, rest = text[: m.start()], text[m.end() :]
        if written != _numbers_written(head) or any(v not in head for v in strings):
            continue  # (the head's numbers are the call's written ones, all of them)
        if _numbers_written(rest) - used:
            return rest
    return None


def _holds_empty(call: ToolCall) -> bool:
    """Whether an argument is an empty list or object: a value the request did not give."""
    return any(isinstance(v, list | dict) and not v for v in call.arguments.values())


_NUMBER = re.compile(rf"(?<![\w.^]){WRITTEN_NUMBER}")  # "5cm" writes 5, "m/s^2" no number


def _numbers_written(text: str) -> set[float]:
    """The numbers a text writes in digits ("$500,000" -> 500000.0)."""
    return {float(n) for m in _NUMBER.finditer(text) if (n := parse_number(m.group(0))) is not None}


def _numbers(value: Any) -> set[float]:
    """The numbers in a call's argument values, lists and objects included (not booleans)."""
    if isinstance(value, dict):
        return set().union(*map(_numbers, value.values()))
    if isinstance(value, list):
        return set().union(*map(_numbers, value))
    return {float(value)} if isinstance(value, int | float) and not isinstance(value, bool) else set()


def scorer_calls(make: Callable[[Catalogue], Any]) -> CallsFn:
    """A tool-only baseline (keyword, BM25, encoder cosine) as a CallsFn: its tool, no arguments."""

    def answer(entry: BfclEntry, cat: Catalogue) -> list[ToolCall]:
        if not len(cat):  # some live_irrelevance entries offer no function at all
            return []
        call = make(cat).predict([ToolCallExample(prompt=entry.question)])[0]
        return [] if call is None else [call]

    return per_entry(answer)


def fan_out(call: ToolCall, text: str, cat: Catalogue) -> list[ToolCall]:
    """One call -> one call per item where the request lists several values for one of its scalar
    arguments ("the factorial of 5, 10 and 15" -> three calls), or for several arguments alike,
    zipped ("artists Taylor Swift and Maroon 5 ... 20 and 15 minutes respectively"). A list that
    gives two arguments their values ("the sides 4 and 5": a=4, b=5) is one call's. [] when
    nothing fans out.

    >>> [c.arguments for c in fan_out(ToolCall(name="fact", arguments={"n": 5}), "factorial of 5, 10 and 15", cat)]
    [{'n': 5}, {'n': 10}, {'n': 15}]
    """
    props = cat.get(call.name).properties if call.name in cat else {}
    names = {w.lower() for p in props for w in re.findall(r"[A-Za-z]+", p)}  # the parameters' name words
    frags = [f for f in list_fragments(text, json_fragments(text)) if isinstance(f.value, list)]
    # "a, b and c", not "a or b" (one of them) nor "Bangkok, Chatuchak District" (a place within a place)
    lists = [f.value for f in frags if re.search(r"\band\b|&", text[f.start : f.end]) and _several(f.value)]
    spread: dict[str, list[Any]] = {}
    for name, value in call.arguments.items():
        kind = props.get(name, {}).get("type")
        if kind not in ("string", "number", "integer") or isinstance(value, bool):
            continue
        for items in lists:
            listed = any(_same_value(x, value) for x in items)
            others = any(_in_value(x, v) for n, v in call.arguments.items() if n != name for x in items)
            fits = all(isinstance(x, str) == (kind == "string") for x in items) and not (
                kind == "string" and any(not _item_fits(x, props[name], names) for x in items)
            )
            if listed and not others and fits:
                spread[name] = items
                break
    sizes = {len(v) for v in spread.values()}
    if len(sizes) != 1:
        return []
    (k,) = sizes
    return [
        ToolCall(name=call.name, arguments={**call.arguments, **{n: v[j] for n, v in spread.items()}})
        for j in range(k)
    ]


def _item_fits(item: str, prop: dict[str, Any], names: set[str]) -> bool:
    """Whether a listed item may be a string argument's value: one its enum allows, if it has one ("on
    business and need to" lists no travel classes), and no parameter's name ("a base of 10 units and
    height of 5" lists no units)."""
    if isinstance(prop.get("enum"), list) and item.lower() not in {str(v).lower() for v in prop["enum"]}:
        return False
    return item.strip(" .").lower() not in names


def _several(items: list[Any]) -> bool:
    """Whether a list read from a request holds several values of one argument: distinct items, none a
    word like "I" or a sentence's end; names (capitalised or one word each, "copper and aluminum", not
    "debit card, and make sure"); not a place with its region ("Los Angeles, California")."""
    if len({str(x).lower() for x in items}) != len(items) or len(items) < 2:
        return False
    texts = [x for x in items if isinstance(x, str)]
    if any(not_a_value(x) or re.search(r"[.!?]\s", x) for x in texts):
        return False
    if texts and not (all(x[:1].isupper() for x in texts) or all(len(x.split()) == 1 for x in texts)):
        return False
    return not any(isinstance(b, str) and is_region(b) and not is_region(str(a)) for a, b in itertools.pairwise(items))


def _in_value(item: Any, value: Any) -> bool:
    """Whether an argument's value is the item or, for a list, holds it."""
    return any(_same_value(item, v) for v in value) if isinstance(value, list) else _same_value(item, value)


def _same_value(item: Any, value: Any) -> bool:
    if isinstance(item, str) or isinstance(value, str):
        return str(item).strip(" .,;:!?").lower() == str(value).strip(" .,;:!?").lower()
    return bool(item == value)


def parts_used(call: ToolCall, parts: Sequence[str]) -> int:
    """How many of the request's parts hold one of the call's values (strings and numbers, as written).

    >>> parts_used(ToolCall(name="area", arguments={"base": 10, "height": 5}), ["base 10", "height 5"])
    2
    """
    values = [v for v in call.arguments.values() if isinstance(v, (str, int, float)) and not isinstance(v, bool)]
    texts = [f"{v:g}" if isinstance(v, float) else str(v) for v in values]
    pattern = [re.compile(rf"(?<![\w.]){re.escape(t)}(?![\w])", re.IGNORECASE) for t in texts if t]
    return sum(any(p.search(part) for p in pattern) for part in parts)


_PART_SPLIT = re.compile(r"\s*(?:;|\.\s+(?=[A-Z])|,?\s+and\s+(?:also\s+)?|,\s*(?:also|then)\s+|\?\s+)\s*")


# Verbs that start a step of their own after "and": "the factorial of 8 and generate the primes ...".
_STEP_VERBS = (
    "find|get|calculate|compute|book|buy|generate|give|provide|tell|show|list|search|fetch|retrieve|check|"
    "convert|predict|determine|estimate|identify|recommend|suggest|order|reserve|play|send|create|make|"
    "schedule|translate|analy[sz]e|evaluate|look"
)
_STEP_CUT = re.compile(
    rf"\s*(?:;|[.?!]\s+(?=(?:Also|Then|And|Next|Finally|(?i:{_STEP_VERBS}))\b)|,\s*(?:and\s+)?(?:also|then)\s+"
    rf"|\s+and\s+(?:also|then)\s+|,?\s+and\s+(?=(?:{_STEP_VERBS})\b))\s*"
)
_REPEAT_CUT = re.compile(rf"{_PART_SPLIT.pattern}|,\s+")


def parallel_parts(text: str) -> list[str]:
    """Cut a request where it may ask for several calls; [] when there is nothing to cut.

    >>> parallel_parts("Weather in Paris and in Rome, please.")
    ['Weather in Paris', 'in Rome, please.']
    """
    if "[" in text or "{" in text:  # lists and objects are one argument's value, not several calls
        return []
    parts = [p for p in _PART_SPLIT.split(text.strip()) if len(p.split()) >= 2 or any(c.isdigit() for c in p)]
    return parts if len(parts) >= 2 else []
