"""BFCL's AST checker, rewritten: the same rules and error types as `bfcl_eval`'s `ast_checker.py`.

A call is checked against a *possible answer*: `{func_name: {param: [allowed values]}}`, where `""`
among the allowed values means the parameter may be left out. Per call, in BFCL's order:
function name → required parameters present → each argument known to the schema *and* the answer →
its type → its value → every answer parameter without `""` given. Strings are compared after
`normalise` (BFCL's `standardize_string`); dict and list-of-dict parameters hold one allowed-value
list per key; other lists compare whole, their strings normalised.

    >>> tool = ToolSpec(name="area", input_schema={"type": "object", "required": ["base"],
    ...     "properties": {"base": {"type": "number"}, "unit": {"type": "string"}}})
    >>> answers = [{"area": {"base": [10], "unit": ["cm", ""]}}]
    >>> check([tool], answers, [ToolCall(name="area", arguments={"base": 10, "unit": "CM"})], "simple_python").valid
    True
    >>> check([tool], answers, [ToolCall(name="area", arguments={"base": "10"})], "simple_python").error_type
    'type_error:simple'

Category decides the shape (as in BFCL, by substring): `irrelevance` passes only when no call is
made, `live_relevance` only when at least one is; `parallel` matches all calls in any order;
`multiple` wants exactly the gold count; the rest want exactly one call.

Where BFCL would crash on malformed input (a dict argument that is not a dict, an allowed value
of the wrong shape), this checker fails the call instead: bad model output is a score, not an error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mcptrain.types import ToolCall, ToolSpec

Answer = dict[str, dict[str, list[Any]]]
"""One gold call in BFCL's shape: `{func_name: {param: [allowed values]}}` (`""` = may be omitted)."""

# JSON Schema type (what our ToolSpecs carry) -> the Python type BFCL's checker expects.
# BFCL's `float` is our `number`, `tuple` our `array`, `any` (no type) checks as `str`, as BFCL does.
_PYTHON_TYPES: dict[str, type] = {
    "string": str,
    "integer": int,
    "number": float,
    "boolean": bool,
    "array": list,
    "object": dict,
}
_NORMALISE = re.compile(r"[ ,./\-_*^]")


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one entry. `error_type` is BFCL's string (`"value_error:string"`), `""` if valid."""

    valid: bool
    error_type: str = ""
    message: str = ""


_OK = CheckResult(True)


def normalise(text: str) -> str:
    """BFCL's string normalisation: drop spaces and `,./-_*^`, lowercase, `'` -> `"`.

    >>> normalise("New York, NY") == normalise("new york ny")
    True
    """
    return _NORMALISE.sub("", text).lower().replace("'", '"')


def check(
    tools: Sequence[ToolSpec],
    answers: Sequence[Answer],
    calls: Sequence[ToolCall] | None,
    category: str,
    *,
    underscore_to_dot: bool = False,
) -> CheckResult:
    """One BFCL single-turn entry: its tools, possible answers and the model's calls -> verdict.

    `calls=None` means the model's output could not be decoded into calls (BFCL's decode failure):
    it passes irrelevance, fails everything else. `underscore_to_dot=True` expects `math_factorial`
    where the data says `math.factorial`, as BFCL does for models whose APIs forbid dots in names.
    """
    if "irrelevance" in category:
        if calls:
            return CheckResult(False, "irrelevance_error:decoder_success", f"expected no call, got {len(calls)}")
        return _OK
    if "relevance" in category:
        if not calls:
            return CheckResult(False, "relevance_error:decoder_failed", "expected at least one call, got none")
        return _OK
    if calls is None:
        return CheckResult(False, "ast_decoder:decoder_failed", "the output could not be decoded into calls")
    by_name = {t.name: t for t in tools}
    if "parallel" in category:
        return _check_parallel(by_name, answers, calls, underscore_to_dot)
    if "multiple" in category:
        if len(calls) != len(answers):
            return _wrong_count("multiple_function_checker", len(answers), len(calls))
        return check_call(by_name.get(_answer_name(answers[0])), answers[0], calls[0], underscore_to_dot)
    if len(calls) != 1:
        return _wrong_count("simple_function_checker", 1, len(calls))
    # BFCL checks a simple entry against its first (only) function, whatever the answer names
    return check_call(tools[0] if tools else None, answers[0], calls[0], underscore_to_dot)


def _check_parallel(
    by_name: dict[str, ToolSpec], answers: Sequence[Answer], calls: Sequence[ToolCall], underscore_to_dot: bool
) -> CheckResult:
    if len(calls) != len(answers):
        return _wrong_count("parallel_function_checker_no_order", len(answers), len(calls))
    # greedy, in answer order, as BFCL does: each gold call takes the first unmatched call that passes
    matched: set[int] = set()
    for i, answer in enumerate(answers):
        tool = by_name.get(_answer_name(answer))
        misses = []
        for j, call in enumerate(calls):
            if j in matched:
                continue
            result = check_call(tool, answer, call, underscore_to_dot)
            if result.valid:
                matched.add(j)
                break
            misses.append(f"call {j}: {result.error_type}")
        else:
            return CheckResult(
                False,
                "parallel_function_checker_no_order:cannot_find_match",
                f"no call matches gold call {i} ({_answer_name(answer)}): {'; '.join(misses)}",
            )
    return _OK


def _wrong_count(checker: str, expected: int, got: int) -> CheckResult:
    return CheckResult(False, f"{checker}:wrong_count", f"expected {expected} call(s), got {got}")


def _answer_name(answer: Answer) -> str:
    return next(iter(answer))


def check_call(tool: ToolSpec | None, answer: Answer, call: ToolCall, underscore_to_dot: bool = False) -> CheckResult:
    """One call against one gold call (BFCL's `simple_function_checker`); `tool` is the schema it names."""
    allowed_by_param = next(iter(answer.values()))
    if tool is None:  # the answer names a function the entry does not offer: BFCL would crash
        return CheckResult(False, "simple_function_checker:wrong_func_name", f"no schema for '{_answer_name(answer)}'")
    name = tool.name.replace(".", "_") if underscore_to_dot else tool.name
    if call.name != name:
        return CheckResult(False, "simple_function_checker:wrong_func_name", f"expected '{name}', got '{call.name}'")
    args = call.arguments
    for param in tool.required:
        if param not in args:
            return CheckResult(False, "simple_function_checker:missing_required", f"missing required '{param}'")

    props = tool.properties
    for param, value in args.items():
        if param not in props or param not in allowed_by_param:
            return CheckResult(False, "simple_function_checker:unexpected_param", f"unexpected parameter '{param}'")
        result = _check_argument(param, value, props[param], allowed_by_param[param])
        if not result.valid:
            return result

    for param, allowed in allowed_by_param.items():
        if param not in args and "" not in allowed:
            return CheckResult(
                False,
                "simple_function_checker:missing_optional",
                f"'{param}' is optional in the schema but the answer needs it",
            )
    return _OK


def _check_argument(param: str, value: Any, prop: dict[str, Any], allowed: list[Any]) -> CheckResult:
    schema_type = prop.get("type")
    expected = _PYTHON_TYPES.get(schema_type, str) if isinstance(schema_type, str) else str
    nested = None
    if schema_type == "array":
        items = prop.get("items")
        if isinstance(items, dict):
            item_type = items.get("type")
            nested = _PYTHON_TYPES.get(item_type, str) if isinstance(item_type, str) else str
    if isinstance(value, tuple):  # JSON never yields tuples; BFCL reads them as lists
        value = list(value)
    if schema_type == "number" and type(value) is int:
        value = float(value)  # Python's own int -> float promotion, which BFCL allows

    ok, is_variable, type_error = _type_check(value, allowed, expected, nested)
    if not ok:
        return CheckResult(False, type_error, f"'{param}': expected {schema_type or 'any'}, got {type(value).__name__}")

    # An allowed value of another type than the schema's is a "variable" (BFCL's word): no special
    # handling then, the value must be among the allowed ones as it is.
    if not is_variable:
        if expected is dict:
            return _check_dict(param, value, allowed)
        if expected is list and nested is dict:
            return _check_list_of_dicts(param, value, allowed)
        if expected is str:
            if normalise(value) not in [normalise(a) for a in allowed if type(a) is str]:
                return CheckResult(False, "value_error:string", f"'{param}': {value!r} is not one of {allowed}")
            return _OK
        if expected is list:
            if _normalise_items(value) not in [_normalise_items(a) for a in allowed if isinstance(a, list | str)]:
                return CheckResult(False, "value_error:list/tuple", f"'{param}': {value!r} is not one of {allowed}")
            return _OK
    if value not in allowed:
        return CheckResult(False, "value_error:others", f"'{param}': {value!r} is not one of {allowed}")
    return _OK


def _type_check(value: Any, allowed: list[Any], expected: type, nested: type | None) -> tuple[bool, bool, str]:
    """-> (ok, is_variable, error_type), BFCL's `type_checker` (nested types one level deep)."""
    answer_type = _answer_type(allowed)
    is_variable = answer_type is not None and answer_type is not expected
    items: Any = value  # not narrowed by the test below, which makes `value` an `object` to mypy
    if type(value) is expected:
        if nested is None:
            return True, is_variable, ""
        for candidate in allowed:
            # BFCL: a candidate that is not a list (`""`) vouches for any items
            if type(candidate) is not list or all(_item_type_ok(item, candidate, nested) for item in items):
                return True, is_variable, ""
        if answer_type is not None and type(value) is answer_type:
            return False, True, "type_error:nested"
        return False, is_variable, "type_error:simple"
    if answer_type is not None and type(value) is answer_type:
        return True, True, ""
    return False, is_variable, "type_error:simple"


def _item_type_ok(item: Any, candidate: list[Any], nested: type) -> bool:
    answer_type = _answer_type(candidate)
    return type(item) is nested or (answer_type is not None and type(item) is answer_type)


def _answer_type(allowed: list[Any]) -> type | None:
    """The type of the first allowed value that is not the "may be omitted" marker."""
    return next((type(a) for a in allowed if a != ""), None)


def _normalise_items(items: list[Any] | str) -> list[Any]:
    # a string candidate for a list parameter compares as its characters, exactly as in BFCL
    return [normalise(x) if type(x) is str else x for x in items]


def _check_dict(param: str, value: Any, allowed: list[Any]) -> CheckResult:
    """BFCL's `dict_checker`: the value must fit one candidate `{key: [allowed values]}`."""
    result = CheckResult(False, "dict_checker:unclear", f"'{param}': no allowed dict to compare with")
    for candidate in allowed:
        if candidate == "":
            continue
        result = _dict_fits(param, value, candidate)
        if result.valid:
            return result
    return result


def _dict_fits(param: str, value: Any, candidate: Any) -> CheckResult:
    if not isinstance(value, dict) or not isinstance(candidate, dict):
        return CheckResult(False, "value_error:dict_value", f"'{param}': {value!r} is not a dict like {candidate!r}")
    result = _OK
    for key, item in value.items():
        if key not in candidate:
            result = CheckResult(False, "value_error:dict_key", f"'{param}': unexpected key '{key}'")
            break
        options = [normalise(a) if type(a) is str else a for a in _as_list(candidate[key])]
        if (normalise(item) if type(item) is str else item) not in options:
            result = CheckResult(False, "value_error:dict_value", f"'{param}.{key}': {item!r} is not one of {options}")
            break
    # BFCL runs this pass even after a failure above, so a missing key names the error
    for key, options in candidate.items():
        if key not in value and "" not in _as_list(options):
            return CheckResult(False, "value_error:dict_key", f"'{param}': missing key '{key}'")
    return result


def _as_list(options: Any) -> list[Any]:
    # allowed values inside a dict are lists; anything else (where BFCL would crash) is one value
    return options if isinstance(options, list) else [options]


def _check_list_of_dicts(param: str, value: list[Any], allowed: list[Any]) -> CheckResult:
    """BFCL's `list_dict_checker`: same length as a candidate, each dict fitting its counterpart in order."""
    result = CheckResult(False, "list_dict_checker:unclear", f"'{param}': no allowed list to compare with")
    for candidate in allowed:
        size = len(candidate) if isinstance(candidate, list | str) else -1  # `""` has length 0: it admits `[]`
        if len(value) != size:
            result = CheckResult(False, "value_error:list_dict_count", f"'{param}': {len(value)} dicts, not {size}")
            continue
        for item, options in zip(value, candidate, strict=True):
            result = _dict_fits(param, item, options)
            if not result.valid:
                break
        else:
            return _OK
    return result


def gold_calls(tools: Sequence[ToolSpec], answers: Sequence[Answer]) -> list[ToolCall]:
    """Possible answers -> one concrete call each: the first allowed value of every parameter.

    Parameters the schema does not require and whose allowed values include `""` are left out;
    a required one takes its first value other than `""`. Dict and list-of-dict parameters hold
    allowed values per key, so their keys are chosen the same way.

        >>> tool = ToolSpec(name="f", input_schema={"type": "object", "required": ["a"], "properties": {
        ...     "a": {"type": "integer"}, "b": {"type": "string"}, "c": {"type": "object"}}})
        >>> gold_calls([tool], [{"f": {"a": ["", 3], "b": ["x", ""], "c": [{"k": ["v", "w"], "m": ["", 1]}]}}])
        [ToolCall(name='f', arguments={'a': 3, 'c': {'k': 'v'}})]
    """
    by_name = {t.name: t for t in tools}
    calls = []
    for answer in answers:
        name, allowed_by_param = next(iter(answer.items()))
        tool = by_name.get(name)
        props, required = (tool.properties, tool.required) if tool else ({}, [])
        arguments = {}
        for param, allowed in allowed_by_param.items():
            if "" in allowed and param not in required:
                continue
            if not allowed:
                continue  # nothing is allowed: a defect in the data, no call can pass
            value = _first(allowed)
            prop = props.get(param, {})
            if prop.get("type") == "object" and isinstance(value, dict):
                value = _gold_dict(value)
            elif prop.get("type") == "array" and isinstance(value, list) and all(isinstance(v, dict) for v in value):
                if (prop.get("items") or {}).get("type") == "object":
                    value = [_gold_dict(v) for v in value]
            arguments[param] = value
        calls.append(ToolCall(name=name, arguments=arguments))
    return calls


def _first(allowed: list[Any]) -> Any:
    return next((a for a in allowed if a != ""), "")


def _gold_dict(options: dict[str, list[Any]]) -> dict[str, Any]:
    return {key: _first(allowed) for key, allowed in options.items() if allowed and "" not in allowed}
