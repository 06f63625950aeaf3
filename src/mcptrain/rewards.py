"""Rewards for tool calls: plain functions with TRL's contract, a registry, and weighted combination.

A reward is `fn(calls, examples, **kwargs) -> list[float | None]`: one parsed call per completion
(`None` = the model called no tool), the example it answers, and whatever else the trainer knows
as keyword arguments (`catalogue`, `execution_success`, `format_ok`); `None` in the output means
"not applicable" and is left out of the weighted sum. Functions accept `**kwargs` so new trainer
arguments never break them.

    >>> calls = [ToolCall(name="memory_store", arguments={"key": "k"}), None]
    >>> examples = [ToolCallExample(prompt="remember k", expected_tool="memory_store",
    ...                             expected_params={"key": "K "}),
    ...             ToolCallExample(prompt="hello", expected_tool=None)]
    >>> combine({"exact_match": 1.0, "composite": 0.5}, calls, examples)[0]
    [1.4, 1.4]

`arguments_equal` and `validate_arguments` are the shared notions of "same arguments" and
"valid arguments"; evaluation imports them from here so training and evaluation agree.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import jsonschema

from mcptrain.catalogue import Catalogue
from mcptrain.errors import McptrainError
from mcptrain.types import ToolCall, ToolCallExample, ToolSpec

RewardFn = Callable[..., list[float | None]]
"""(calls: list[ToolCall | None], examples: list[ToolCallExample], **kwargs) -> list[float | None]"""

REWARDS: dict[str, RewardFn] = {}


def register(name: str, fn: RewardFn | None = None) -> Any:
    """Add a reward to `REWARDS` under `name`; usable as `register("x", fn)` or `@register("x")`.

    >>> @register("always_one")
    ... def always_one_reward(calls, examples, **kwargs): return [1.0] * len(calls)
    >>> REWARDS["always_one"] is always_one_reward
    True
    """

    def add(f: RewardFn) -> RewardFn:
        if name in REWARDS and REWARDS[name] is not f:
            raise McptrainError(f"a reward named '{name}' is already registered; pick another name")
        REWARDS[name] = f
        return f

    return add if fn is None else add(fn)


# --------------------------------------------------------------------------------------------------
# Shared helpers: same arguments, valid arguments


def values_equal(a: Any, b: Any) -> bool:
    """JSON values equal after normalisation: strings trimmed and case-insensitive, numbers compared
    numerically (1 == 1.0; booleans are not numbers), dicts and lists recursively (lists in order).

        >>> values_equal({"n": 1, "tags": [" Coder"]}, {"n": 1.0, "tags": ["coder"]})
        True
    """
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        return a.strip().casefold() == b.strip().casefold()
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(values_equal(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(values_equal(x, y) for x, y in zip(a, b, strict=True))
    return a is None and b is None


def arguments_equal(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Same argument names (exactly) with equal values (`values_equal`).

    >>> arguments_equal({"agent_type": " Coder "}, {"agent_type": "coder"})
    True
    >>> arguments_equal({"agent_type": "coder"}, {"agent_type": "coder", "name": "x"})
    False
    """
    return values_equal(dict(a), dict(b))


_VALIDATORS: dict[int, tuple[dict[str, Any], Any]] = {}
_MAX_VALIDATORS = 4096


def validate_arguments(tool: ToolSpec, args: Any) -> list[str]:
    """jsonschema error messages for `args` against the tool's input schema; [] when valid.

    Validators are cached per schema object, so scoring a batch compiles each schema once.

        >>> validate_arguments(ToolSpec(name="t", input_schema={"type": "object",
        ...     "properties": {"n": {"type": "integer"}}, "required": ["n"]}), {})
        ["(root): 'n' is a required property"]
    """
    if not isinstance(args, Mapping):
        return [f"(root): arguments must be a JSON object, not {type(args).__name__}"]
    schema = tool.input_schema
    cached = _VALIDATORS.get(id(schema))
    # The cache holds the schema itself, so an id is never reused while its entry exists.
    if cached is None or cached[0] is not schema:
        if len(_VALIDATORS) >= _MAX_VALIDATORS:
            _VALIDATORS.clear()
        cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
        cached = (schema, cls(schema))
        _VALIDATORS[id(schema)] = cached
    errors = cached[1].iter_errors(dict(args))
    messages = [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in errors]
    return sorted(messages)


# --------------------------------------------------------------------------------------------------
# Rewards


def _expected_calls(example: ToolCallExample) -> list[ToolCall]:
    if example.expected_tool is None:
        return []
    return [ToolCall(name=example.expected_tool, arguments=example.expected_params)]


def _same_call(a: ToolCall, b: ToolCall) -> bool:
    return a.name == b.name and arguments_equal(a.arguments, b.arguments)


def _right_tool(call: ToolCall | None, example: ToolCallExample) -> bool:
    return (call.name if call is not None else None) == example.expected_tool


def _args_correct(call: ToolCall, example: ToolCallExample, catalogue: Catalogue | None) -> bool:
    if not arguments_equal(call.arguments, example.expected_params):
        return False
    if catalogue is not None and call.name in catalogue:
        return not validate_arguments(catalogue.get(call.name), call.arguments)
    return True


def same_category(a: str, b: str, catalogue: Catalogue | None) -> bool:
    if catalogue is None or a not in catalogue or b not in catalogue:
        return False
    return catalogue.get(a).category == catalogue.get(b).category


def _check_lengths(name: str, calls: Sequence[Any], examples: Sequence[Any], **lists: Any) -> None:
    if len(calls) != len(examples):
        raise McptrainError(f"{name}: {len(calls)} calls but {len(examples)} examples; pass one example per call")
    for key, values in lists.items():
        if values is not None and len(values) != len(calls):
            raise McptrainError(f"{name}: {key} has {len(values)} entries for {len(calls)} calls; pass one per call")


@register("composite")
def composite_reward(
    calls: Sequence[ToolCall | None],
    examples: Sequence[ToolCallExample],
    *,
    catalogue: Catalogue | None = None,
    execution_success: Sequence[bool | None] | None = None,
    **kwargs: Any,
) -> list[float | None]:
    """The crate's reward (spec §4.5) over real calls:

    0.5·[right tool] + 0.2·[wrong tool, same category] + 0.3·[arguments correct] + 0.2·[execution ok]

    - "arguments correct": right tool, arguments equal to `expected_params` (`arguments_equal`),
      and valid against the tool's schema when `catalogue` has the tool;
    - "same category" needs `catalogue` (without it a wrong tool scores 0 there, as in the crate
      before `load_tool_definitions`);
    - the execution term exists only when `execution_success` is passed: 0.2 iff that entry is
      True; a correct "no tool" (call and expected both None) gets it too, since nothing failed.

    A correct "no tool" scores 0.5 + 0.3 (+ 0.2): full marks. Values: {0, 0.2, 0.3, 0.4, 0.5,
    0.7, 0.8, 1.0}, the crate's set.

        >>> composite_reward([ToolCall(name="agent_spawn")], [ToolCallExample(prompt="p",
        ...     expected_tool="agent_spawn")], execution_success=[True])
        [1.0]
    """
    _check_lengths("composite", calls, examples, execution_success=execution_success)
    out: list[float | None] = []
    for i, (call, example) in enumerate(zip(calls, examples, strict=True)):
        reward = 0.0
        if _right_tool(call, example):
            reward += 0.5
            if call is None or _args_correct(call, example, catalogue):
                reward += 0.3
        elif call is not None and example.expected_tool is not None:
            reward += 0.2 if same_category(call.name, example.expected_tool, catalogue) else 0.0
        if execution_success is not None:
            nothing_to_run = call is None and example.expected_tool is None
            reward += 0.2 if nothing_to_run or execution_success[i] is True else 0.0
        out.append(reward)
    return out


def _jaccard(a: Counter[str], b: Counter[str]) -> float:
    union = sum((a | b).values())
    return 1.0 if union == 0 else sum((a & b).values()) / union


def toolrl_correctness(gold: Sequence[ToolCall], predicted: Sequence[ToolCall]) -> float:
    """ToolRL's R_correct ∈ [−3, 3] for lists of calls (field notes §2.1).

    No gold call → 0; gold but no predicted call → −3; equal lists (`arguments_equal`) → 3;
    otherwise 6·R_max/S_max − 3 with
    R_max = r_name + Σ_j (r_param_j + r_value_j), S_max = 1 + Σ_j (1 + |keys(G_j)|),
    r_name = multiset Jaccard of tool names; for each gold call G_j, the best unused predicted call
    with its name gives r_param_j = Jaccard(keys(G_j), keys(P)) (1 when both are empty) and
    r_value_j = #{k ∈ keys(G_j): P[k] equals G_j[k]}; no such call gives 0 + 0.

        >>> toolrl_correctness([ToolCall(name="a", arguments={"x": 1, "y": 2})],
        ...                    [ToolCall(name="a", arguments={"x": 1})])
        0.75
    """
    if not gold:
        return 0.0
    if not predicted:
        return -3.0
    if len(gold) == len(predicted) and all(_same_call(g, p) for g, p in zip(gold, predicted, strict=True)):
        return 3.0
    r_max = _jaccard(Counter(g.name for g in gold), Counter(p.name for p in predicted))
    used: set[int] = set()
    for g in gold:
        best, best_j = -1.0, -1
        for j, p in enumerate(predicted):
            if j in used or p.name != g.name:
                continue
            r_param = _jaccard(Counter(g.arguments.keys()), Counter(p.arguments.keys()))
            r_value = sum(k in p.arguments and values_equal(p.arguments[k], v) for k, v in g.arguments.items())
            if r_param + r_value > best:
                best, best_j = r_param + r_value, j
        if best_j >= 0:
            used.add(best_j)
            r_max += best
    s_max = 1 + sum(1 + len(g.arguments) for g in gold)
    return 6.0 * r_max / s_max - 3.0


@register("toolrl")
def toolrl_reward(
    calls: Sequence[ToolCall | None],
    examples: Sequence[ToolCallExample],
    *,
    format_ok: Sequence[bool | None] | None = None,
    **kwargs: Any,
) -> list[float | None]:
    """ToolRL's fine-grained reward R_format + R_correct ∈ [−3, 4] (field notes §2.1).

    R_format ∈ {0, 1} is 1 iff the output had the shape the example expects (a call when a tool is
    expected, no call when none is) and, when `format_ok` is passed, its entry is not False (the
    parser's verdict on the raw text; default: parsed fine). R_correct is `toolrl_correctness`
    of the expected call (`expected_tool` + `expected_params`, the first call of a multi-step
    example) against the call. So: correct "no tool" → 1 + 0 = 1; a call where none is expected
    → 0 + 0; no call where one is expected → 0 − 3; the exact call → 1 + 3 = 4.

        >>> toolrl_reward([ToolCall(name="a", arguments={"x": 1})],
        ...               [ToolCallExample(prompt="p", expected_tool="a", expected_params={"x": 1, "y": 2})])
        [1.75]
    """
    _check_lengths("toolrl", calls, examples, format_ok=format_ok)
    out: list[float | None] = []
    for i, (call, example) in enumerate(zip(calls, examples, strict=True)):
        gold = _expected_calls(example)
        predicted = [] if call is None else [call]
        shape_ok = bool(gold) == bool(predicted)
        parsed_ok = format_ok is None or format_ok[i] is not False
        r_format = 1.0 if shape_ok and parsed_ok else 0.0
        out.append(r_format + toolrl_correctness(gold, predicted))
    return out


@register("exact_match")
def exact_match_reward(
    calls: Sequence[ToolCall | None], examples: Sequence[ToolCallExample], **kwargs: Any
) -> list[float | None]:
    """Tool-N1's binary reward: 1 iff the tool and all arguments match (`arguments_equal`), or both
    the call and the expected tool are None.

        >>> exact_match_reward([None, ToolCall(name="a")], [ToolCallExample(prompt="p"),
        ...                    ToolCallExample(prompt="q", expected_tool="a", expected_params={"x": 1})])
        [1.0, 0.0]
    """
    _check_lengths("exact_match", calls, examples)
    out: list[float | None] = []
    for call, example in zip(calls, examples, strict=True):
        expected = _expected_calls(example)
        if call is None:
            ok = not expected
        else:
            ok = bool(expected) and _same_call(call, expected[0])
        out.append(1.0 if ok else 0.0)
    return out


@register("schema_valid")
def schema_valid_reward(
    calls: Sequence[ToolCall | None],
    examples: Sequence[ToolCallExample],
    *,
    catalogue: Catalogue | None = None,
    **kwargs: Any,
) -> list[float | None]:
    """1 iff the call names a catalogue tool and its arguments validate against that tool's schema,
    whatever the expected tool. None when no tool was called: there is nothing to validate, and
    whether not calling was right is the other rewards' business. Needs `catalogue`.

        >>> cat = Catalogue([ToolSpec(name="agent_list")])
        >>> calls = [None, ToolCall(name="nope"), ToolCall(name="agent_list")]
        >>> schema_valid_reward(calls, [ToolCallExample(prompt="p")] * 3, catalogue=cat)
        [None, 0.0, 1.0]
    """
    if catalogue is None:
        raise McptrainError("schema_valid needs the tool catalogue: pass catalogue=Catalogue(...)")
    _check_lengths("schema_valid", calls, examples)
    out: list[float | None] = []
    for call in calls:
        if call is None:
            out.append(None)
        elif call.name not in catalogue:
            out.append(0.0)
        else:
            out.append(0.0 if validate_arguments(catalogue.get(call.name), call.arguments) else 1.0)
    return out


@register("execution")
def execution_reward(
    calls: Sequence[ToolCall | None],
    examples: Sequence[ToolCallExample],
    *,
    execution_success: Sequence[bool | None] | None = None,
    **kwargs: Any,
) -> list[float | None]:
    """1/0 from `execution_success` (did the server run the call without error); None where that
    entry is None (not run) or when the keyword is absent.

        >>> execution_reward([None, None], [ToolCallExample(prompt="p")] * 2, execution_success=[True, None])
        [1.0, None]
    """
    _check_lengths("execution", calls, examples, execution_success=execution_success)
    if execution_success is None:
        return [None] * len(calls)
    return [None if ok is None else float(ok) for ok in execution_success]


# --------------------------------------------------------------------------------------------------
# Combination and logging


def combine(
    weights: Mapping[str, float],
    calls: Sequence[ToolCall | None],
    examples: Sequence[ToolCallExample],
    **kwargs: Any,
) -> tuple[list[float], dict[str, list[float | None]]]:
    """Weighted sum of registered rewards, skipping None (TRL's nansum); 0 where none applies.
    Returns (totals, each reward's raw values) so every component can be logged.

        >>> combine({"exact_match": 1.0}, [None], [ToolCallExample(prompt="hi")])
        ([1.0], {'exact_match': [1.0]})
    """
    _check_registered(list(weights))
    totals = [0.0] * len(calls)
    components: dict[str, list[float | None]] = {}
    for name, weight in weights.items():
        values = REWARDS[name](calls, examples, **kwargs)
        if len(values) != len(calls):
            raise McptrainError(f"reward '{name}' returned {len(values)} values for {len(calls)} calls")
        components[name] = values
        for i, v in enumerate(values):
            if v is not None:
                totals[i] += weight * v
    return totals, components


def parse_weights(text: str) -> dict[str, float]:
    """Reward weights as written on a command line: names with optional weights (default 1).

        >>> parse_weights("exact_match"), parse_weights("composite=0.5, exact_match=0.5")
        ({'exact_match': 1.0}, {'composite': 0.5, 'exact_match': 0.5})
    """
    weights: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, weight = part.partition("=")
        try:
            weights[name.strip()] = float(weight) if weight.strip() else 1.0
        except ValueError:
            raise McptrainError(f"reward weight {part!r} is not a number; write name=0.5") from None
    _check_registered(list(weights) or [repr(text)])  # nothing named: the text itself is the unknown name
    return weights


def _check_registered(names: list[str]) -> None:
    unknown = [name for name in names if name not in REWARDS]
    if unknown:
        raise McptrainError(f"unknown reward(s) {', '.join(unknown)}; registered: {', '.join(sorted(REWARDS))}")


def component_stats(components: Mapping[str, Sequence[float | None]]) -> dict[str, float]:
    """`<name>/mean` and `<name>/std` (population) of each component over its applicable values,
    NaN when none applies, for the training log.

        >>> component_stats({"exact_match": [1.0, 0.0, None]})
        {'exact_match/mean': 0.5, 'exact_match/std': 0.5}
    """
    out: dict[str, float] = {}
    for name, values in components.items():
        xs = [v for v in values if v is not None]
        mean = sum(xs) / len(xs) if xs else math.nan
        std = math.sqrt(sum((x - mean) ** 2 for x in xs) / len(xs)) if xs else math.nan
        out[f"{name}/mean"], out[f"{name}/std"] = mean, std
    return out


__all__ = [
    "REWARDS",
    "RewardFn",
    "arguments_equal",
    "combine",
    "component_stats",
    "composite_reward",
    "execution_reward",
    "exact_match_reward",
    "parse_weights",
    "register",
    "schema_valid_reward",
    "toolrl_correctness",
    "toolrl_reward",
    "validate_arguments",
    "values_equal",
]
