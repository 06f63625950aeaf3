"""BFCL v4 single-turn data, read from the installed `bfcl-eval` package (its data files only).

`bfcl-eval` pins half the ML ecosystem, so it is installed with `pip install --no-deps` and only
its JSON is read, via `importlib.resources`. A question file holds one entry a line
(`{"id", "question": [[messages]], "function": [BFCL function docs]}`); categories with gold
calls have a matching line in `possible_answer/` (`{"id", "ground_truth": [answers]}`).

    >>> entry = load_category("simple_python")[1]
    >>> entry.id, entry.question, [t.name for t in entry.tools]
    ('simple_python_1', 'Calculate the factorial of 5 using math functions.', ['math.factorial'])
    >>> entry.answers
    [{'math.factorial': {'number': [5]}}]
    >>> entry.gold_calls()
    [ToolCall(name='math.factorial', arguments={'number': 5})]
    >>> entry.check(entry.gold_calls()).valid
    True
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from mcptrain.bfcl.checker import Answer, CheckResult, check, gold_calls
from mcptrain.catalogue.loaders import parse_tool
from mcptrain.errors import CatalogueError, DataError
from mcptrain.types import ExampleKind, ToolCall, ToolCallExample, ToolSpec

BFCL_EVAL_VERSION = "2026.3.23"
INSTALL_HINT = f"install it with: pip install --no-deps bfcl-eval=={BFCL_EVAL_VERSION}"

CATEGORIES: tuple[str, ...] = (
    "simple_python",
    "multiple",
    "parallel",
    "parallel_multiple",
    "irrelevance",
    "live_simple",
    "live_multiple",
    "live_parallel",
    "live_parallel_multiple",
    "live_irrelevance",
    "live_relevance",
)
"""The single-turn Python categories (BFCL's non-live and live AST groups plus (ir)relevance)."""
NO_ANSWER: frozenset[str] = frozenset({"irrelevance", "live_irrelevance", "live_relevance"})
"""Categories without a possible-answer file: only whether a call is made is scored."""


class BfclEntry(BaseModel):
    """One BFCL question with its own tools and, where the category has them, its possible answers."""

    id: str
    """BFCL's id, e.g. `simple_python_0` or `live_multiple_12-4-3`."""
    category: str
    question: str
    """The text of the last user message; earlier messages (a system prompt, a short chat) are in `messages`."""
    messages: list[dict[str, str]]
    """The whole single turn as BFCL gives it: `[{"role": "system" | "user" | "assistant", "content"}]`."""
    tools: list[ToolSpec]
    """The entry's functions as ToolSpecs (BFCL types mapped to JSON Schema, names kept: `math.factorial`)."""
    answers: list[Answer] = Field(default_factory=list)
    """BFCL's possible answers, `[{func_name: {param: [allowed values]}}]`; empty for NO_ANSWER categories."""

    def gold_calls(self) -> list[ToolCall]:
        """One concrete call per possible answer (see `checker.gold_calls`)."""
        return gold_calls(self.tools, self.answers)

    def check(self, calls: Sequence[ToolCall] | None, *, underscore_to_dot: bool = False) -> CheckResult:
        """The model's calls (None: output not decodable) -> BFCL's verdict for this entry."""
        return check(self.tools, self.answers, calls, self.category, underscore_to_dot=underscore_to_dot)

    def to_example(self) -> ToolCallExample:
        """-> our example: candidate tools are the entry's, expected calls its gold calls.

        Irrelevance entries become `kind="irrelevant"` with no expected tool. Entries with several
        gold calls are `multi_step`, although BFCL accepts parallel calls in any order. live_relevance
        has no gold call (any call passes), so its example has no expected tool either: score it with
        `check`, not with the rewards.
        """
        calls = self.gold_calls()
        first = calls[0] if calls else None
        kind: ExampleKind = "single"
        if "irrelevance" in self.category:
            kind = "irrelevant"
        elif len(calls) > 1:
            kind = "multi_step"
        return ToolCallExample(
            prompt=self.question,
            expected_tool=first.name if first else None,
            expected_params=dict(first.arguments) if first else {},
            category=self.category,
            context=f"BFCL {self.id}",
            kind=kind,
            candidate_tools=[t.name for t in self.tools],
            expected_calls=calls or None,
        )


def load_category(name: str) -> list[BfclEntry]:
    """A category's entries, in file order: `load_category("live_simple")` -> 258 entries."""
    if name not in CATEGORIES:
        raise DataError(f"unknown BFCL category '{name}'; choose one of: {', '.join(CATEGORIES)}")
    root = data_root()
    questions = _read_lines(root, f"BFCL_v4_{name}.json", name)
    answers: dict[str, Any] = {}  # validated as list[Answer] by BfclEntry
    if name not in NO_ANSWER:
        for row in _read_lines(root, f"possible_answer/BFCL_v4_{name}.json", name):
            answers[str(row.get("id"))] = row.get("ground_truth")
    return [_entry(row, name, answers) for row in questions]


def data_root() -> Traversable:
    """The `data/` folder inside the installed `bfcl_eval` package."""
    try:
        return resources.files("bfcl_eval") / "data"
    except ModuleNotFoundError:
        raise DataError(f"BFCL data needs the bfcl-eval package, which is not installed; {INSTALL_HINT}") from None


def _read_lines(root: Traversable, relative: str, category: str) -> list[dict[str, Any]]:
    path, where = root.joinpath(*relative.split("/")), f"bfcl_eval/data/{relative}"
    if not path.is_file():
        raise DataError(f"{where} is missing for category '{category}'; {INSTALL_HINT}")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataError(f"{where} line {number}: not JSON ({e.msg}); reinstall bfcl-eval") from None
        if not isinstance(row, dict):
            raise DataError(f"{where} line {number}: expected a JSON object; reinstall bfcl-eval")
        rows.append(row)
    return rows


def _entry(row: dict[str, Any], category: str, answers: dict[str, Any]) -> BfclEntry:
    entry_id = str(row.get("id"))
    where = f"bfcl_eval/data/BFCL_v4_{category}.json#{entry_id}"
    turns = row.get("question")
    # single-turn categories have exactly one turn; BFCL's live data sometimes puts a system
    # prompt or a short chat before the question inside it
    messages = turns[0] if isinstance(turns, list) and len(turns) == 1 and isinstance(turns[0], list) else None
    if messages is None:
        raise DataError(f"{where}: 'question' should hold one turn (a list of messages)")
    users = [m.get("content") for m in messages if isinstance(m, dict) and m.get("role") == "user"]
    if not users or not isinstance(users[-1], str):
        raise DataError(f"{where}: the turn has no user message")
    functions = row.get("function")
    if not isinstance(functions, list):
        raise DataError(f"{where}: 'function' should be a list of function docs")
    try:
        tools = [parse_tool(f, i, where) for i, f in enumerate(functions)]
    except CatalogueError as e:
        raise DataError(str(e)) from None
    if category not in NO_ANSWER and entry_id not in answers:
        raise DataError(f"{where}: no possible answer with this id; reinstall bfcl-eval")
    try:
        return BfclEntry(
            id=entry_id,
            category=category,
            question=users[-1],
            messages=messages,
            tools=tools,
            answers=answers.get(entry_id, []),
        )
    except ValidationError as e:
        err = e.errors()[0]
        raise DataError(f"{where}: field '{'.'.join(str(p) for p in err['loc'])}': {err['msg']}") from None
