"""BFCL: the loader on the installed bfcl-eval data, our AST checker, and a cross-check with bfcl-eval's own."""

from __future__ import annotations

import collections
import importlib.resources
import json
import re
import sys
import time
import types
from typing import Any

import pytest

from mcptrain.bfcl import CATEGORIES, NO_ANSWER, BfclEntry, check, data_root, gold_calls, load_category
from mcptrain.catalogue.loaders import parse_tool
from mcptrain.errors import DataError
from mcptrain.types import ToolCall

WITH_ANSWERS = [c for c in CATEGORIES if c not in NO_ANSWER]

# Entries no call can pass, in BFCL's checker as in ours (the cross-check below confirms it):
UNSATISFIABLE = {
    # required array parameters whose allowed-value list is empty: any value fails, omitting fails
    "live_simple_106-63-0": "simple_function_checker:missing_required",
    "live_simple_112-68-0": "simple_function_checker:missing_required",
    # the answer needs `journey_start_time`, which Trains_1_FindTrains does not declare
    "live_multiple_862-181-3": "simple_function_checker:unexpected_param",
    # the answer gives `question`, the schema requires `statement` and has no `question`
    "live_multiple_964-207-0": "simple_function_checker:missing_required",
}


@pytest.fixture(scope="module")
def data() -> dict[str, list[BfclEntry]]:
    return {c: load_category(c) for c in CATEGORIES}


@pytest.fixture(scope="module")
def raw() -> dict[str, dict[str, dict[str, Any]]]:
    """Question-file rows by category and id, as BFCL's own checker wants the function docs."""
    root = data_root()
    out = {}
    for c in CATEGORIES:
        rows = [json.loads(line) for line in (root / f"BFCL_v4_{c}.json").read_text().splitlines() if line.strip()]
        out[c] = {r["id"]: r for r in rows}
    return out


@pytest.fixture(scope="module")
def bfcl_ast_checker() -> Any:
    """bfcl-eval's `ast_checker`, imported with its model-config module (every API client) stubbed."""
    name = "bfcl_eval.constants.model_config"
    stub = types.ModuleType(name)

    class Config:
        underscore_to_dot = False

    class DotConfig:
        underscore_to_dot = True

    stub.MODEL_CONFIG_MAPPING = collections.defaultdict(Config, {"dots": DotConfig()})  # type: ignore[attr-defined]
    saved = sys.modules.get(name)
    sys.modules[name] = stub
    try:
        from bfcl_eval.constants.enums import Language
        from bfcl_eval.eval_checker.ast_eval.ast_checker import ast_checker
    except ImportError as e:
        pytest.skip(f"bfcl-eval's AST checker cannot be imported even with model_config stubbed: {e}")
    finally:
        if saved is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = saved

    def run(functions: list[dict], answers: list, calls: list[ToolCall], category: str, model: str = "m") -> tuple:
        try:
            result = ast_checker(
                functions, [{c.name: c.arguments} for c in calls], answers, Language.PYTHON, category, model
            )
        except Exception as e:  # BFCL crashes on some malformed calls; ours must then reject them
            return False, f"crash:{type(e).__name__}"
        return (True, "") if result["valid"] else (False, result["error_type"])

    return run


# --- loader ----------------------------------------------------------------------------------------


def test_counts_equal_the_lines_of_the_data_files(data):
    root = data_root()
    for c in CATEGORIES:
        lines = [line for line in (root / f"BFCL_v4_{c}.json").read_text().splitlines() if line.strip()]
        assert len(data[c]) == len(lines), c
        if c not in NO_ANSWER:
            answers = (root / "possible_answer" / f"BFCL_v4_{c}.json").read_text().splitlines()
            assert len([a for a in answers if a.strip()]) == len(lines), c
    # field-notes §3.1
    assert {c: len(data[c]) for c in ("simple_python", "live_multiple", "live_irrelevance")} == {
        "simple_python": 400,
        "live_multiple": 1053,
        "live_irrelevance": 884,
    }
    assert all(e.answers for c in WITH_ANSWERS for e in data[c])
    assert not any(e.answers for c in NO_ANSWER for e in data[c])


def test_entry_fields_and_types_mapped(data):
    e = data["simple_python"][0]
    assert (e.id, e.category) == ("simple_python_0", "simple_python")
    assert e.question == "Find the area of a triangle with a base of 10 units and height of 5 units."
    assert e.messages == [{"role": "user", "content": e.question}]
    tool = e.tools[0]
    assert tool.name == "calculate_triangle_area" and tool.required == ["base", "height"]
    assert tool.input_schema["type"] == "object"
    assert {n: p["type"] for n, p in tool.properties.items()} == {
        "base": "integer",
        "height": "integer",
        "unit": "string",
    }
    assert e.answers == [{"calculate_triangle_area": {"base": [10], "height": [5], "unit": ["units", ""]}}]
    assert data["simple_python"][1].tools[0].name == "math.factorial"  # dots kept

    # BFCL's float / tuple / any become number / array / no type, at every depth
    seen: collections.Counter[str] = collections.Counter()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("type"), str):
                seen[node["type"]] += 1
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for c in CATEGORIES:
        for entry in data[c]:
            for t in entry.tools:
                walk(t.input_schema)
    assert set(seen) <= {"object", "integer", "number", "string", "boolean", "array"}, seen


def test_question_is_the_last_user_message(data):
    e = next(
        e for e in data["live_irrelevance"] if [m["role"] for m in e.messages][-3:] == ["user", "assistant", "user"]
    )
    assert e.question == e.messages[-1]["content"]
    with_system = next(e for e in data["live_simple"] if e.messages[0]["role"] == "system")
    assert with_system.question == with_system.messages[1]["content"]


def test_to_example(data):
    ex = data["simple_python"][0].to_example()
    assert (ex.prompt, ex.kind, ex.category) == (data["simple_python"][0].question, "single", "simple_python")
    assert ex.candidate_tools == ["calculate_triangle_area"]
    assert (ex.expected_tool, ex.expected_params) == ("calculate_triangle_area", {"base": 10, "height": 5})
    assert ex.expected_calls == [ToolCall(name="calculate_triangle_area", arguments={"base": 10, "height": 5})]

    par = data["parallel"][0].to_example()
    assert par.kind == "multi_step" and par.expected_calls is not None and len(par.expected_calls) > 1

    irr = data["irrelevance"][0].to_example()
    assert (irr.kind, irr.expected_tool, irr.expected_calls) == ("irrelevant", None, None)
    assert irr.candidate_tools == [t.name for t in data["irrelevance"][0].tools]


def test_unknown_category_and_missing_package_raise_data_error(monkeypatch):
    with pytest.raises(DataError, match="unknown BFCL category 'simple'; choose one of: simple_python"):
        load_category("simple")

    def missing(_name: str) -> None:
        raise ModuleNotFoundError("No module named 'bfcl_eval'")

    monkeypatch.setattr(importlib.resources, "files", missing)
    with pytest.raises(DataError, match=r"install it with: pip install --no-deps bfcl-eval==2026\.3\.23"):
        load_category("simple_python")


# --- gold calls --------------------------------------------------------------------------------------


def test_gold_calls_pass_every_entry_with_answers(data):
    results = {e.id: e.check(e.gold_calls()) for c in WITH_ANSWERS for e in data[c]}
    assert sum(len(data[c]) for c in WITH_ANSWERS) == 2351
    failed = {i: r.error_type for i, r in results.items() if not r.valid}
    assert failed == UNSATISFIABLE


def test_every_category_checks_fast(data):
    # the whole single-turn suite, gold calls and "no call", is one pass over 3,790 entries
    start = time.perf_counter()
    for c in CATEGORIES:
        for e in data[c]:
            e.check(e.gold_calls())
            e.check([])
    assert time.perf_counter() - start < 5.0


def test_gold_calls_choose_first_value_and_skip_optional():
    tool = parse_tool(
        {
            "name": "f",
            "parameters": {
                "type": "dict",
                "required": ["a", "b"],
                "properties": {
                    "a": {"type": "string"},
                    "b": {"type": "integer"},
                    "c": {"type": "float"},
                    "d": {"type": "array", "items": {"type": "dict"}},
                },
            },
        },
        0,
        "test",
    )
    answers = [{"f": {"a": ["x", "y"], "b": [7, ""], "c": ["", 1.5], "d": [[{"k": ["v", "w"], "o": ["", 1]}]]}}]
    # b is required, so its "" is ignored; c is optional with ""; in d, the key o may be omitted
    assert gold_calls([tool], answers) == [ToolCall(name="f", arguments={"a": "x", "b": 7, "d": [{"k": "v"}]})]


# --- mutations, each with BFCL's error type ----------------------------------------------------------

AREA = {
    "name": "geometry.area",
    "parameters": {
        "type": "dict",
        "required": ["base", "height"],
        "properties": {
            "base": {"type": "integer"},
            "height": {"type": "float"},
            "unit": {"type": "string"},
            "precision": {"type": "integer"},
        },
    },
}
AREA_ANSWER = {"geometry.area": {"base": [10], "height": [5.0], "unit": ["units", "cm", ""]}}
WEATHER = {
    "name": "get_weather",
    "parameters": {
        "type": "dict",
        "required": ["location"],
        "properties": {"location": {"type": "string"}, "days": {"type": "integer"}, "metric": {"type": "boolean"}},
    },
}
WEATHER_ANSWER = {"get_weather": {"location": ["New York, NY", "NYC"], "days": [3, ""], "metric": [True, ""]}}
SORT = {
    "name": "sort_list",
    "parameters": {
        "type": "dict",
        "required": ["items"],
        "properties": {
            "items": {"type": "array", "items": {"type": "integer"}},
            "weights": {"type": "array", "items": {"type": "float"}},
            "tags": {"type": "array", "items": {"type": "string"}},
        },
    },
}
SORT_ANSWER = {"sort_list": {"items": [[3, 1, 2]], "weights": [[0.5, 1.5], ""], "tags": [["Ann Lee", "Bob"], ""]}}
HOME = {
    "name": "find_home",
    "parameters": {
        "type": "dict",
        "required": ["city", "budget"],
        "properties": {"city": {"type": "string"}, "budget": {"type": "dict", "properties": {}}},
    },
}
HOME_ANSWER = {"find_home": {"city": ["San Diego"], "budget": [{"min": [300000], "max": [400000, ""]}]}}
ORDER = {
    "name": "order_food",
    "parameters": {
        "type": "dict",
        "required": ["items"],
        "properties": {"items": {"type": "array", "items": {"type": "dict", "properties": {}}}},
    },
}
ORDER_ANSWER = {
    "order_food": {"items": [[{"item": ["burger"], "quantity": [5]}, {"item": ["wings"], "quantity": [6]}]]}
}
FACT = {
    "name": "math.factorial",
    "parameters": {"type": "dict", "required": ["number"], "properties": {"number": {"type": "integer"}}},
}
STORE = {
    "name": "store",
    "parameters": {
        "type": "dict",
        "required": ["value", "n"],
        "properties": {"value": {"type": "any"}, "n": {"type": "integer"}},
    },
}
STORE_ANSWER = {"store": {"value": ["x"], "n": ["count"]}}  # "count": a variable name, BFCL's word


def fact(n: int) -> dict:
    return {"math.factorial": {"number": [n]}}


def call(name: str, **arguments: Any) -> ToolCall:
    return ToolCall(name=name, arguments=arguments)


AREA_OK = {"base": 10, "height": 5.0}
ORDER_OK = [{"item": "burger", "quantity": 5}, {"item": "wings", "quantity": 6}]

# (case, functions, answers, calls, category, expected error type; "" = valid)
CASES: list[tuple[str, list[dict], list[dict], list[ToolCall] | None, str, str]] = [
    ("gold", [AREA], [AREA_ANSWER], [call("geometry.area", **AREA_OK)], "simple_python", ""),
    ("int for float passes", [AREA], [AREA_ANSWER], [call("geometry.area", base=10, height=5)], "simple_python", ""),
    ("float for int fails", [AREA], [AREA_ANSWER], [call("geometry.area", base=10.0, height=5.0)], "simple_python",
     "type_error:simple"),
    ("bool for int fails", [WEATHER], [WEATHER_ANSWER], [call("get_weather", location="NYC", days=True)],
     "simple_python", "type_error:simple"),
    ("number as string fails", [AREA], [AREA_ANSWER], [call("geometry.area", base="10", height=5.0)],
     "simple_python", "type_error:simple"),
    ("drop a required argument", [AREA], [AREA_ANSWER], [call("geometry.area", base=10)], "simple_python",
     "simple_function_checker:missing_required"),
    ("argument unknown to the schema", [AREA], [AREA_ANSWER], [call("geometry.area", **AREA_OK, color="red")],
     "simple_python", "simple_function_checker:unexpected_param"),
    ("argument in the schema but not the answer", [AREA], [AREA_ANSWER],
     [call("geometry.area", **AREA_OK, precision=2)], "simple_python", "simple_function_checker:unexpected_param"),
    ("int value outside the allowed list", [AREA], [AREA_ANSWER], [call("geometry.area", base=11, height=5.0)],
     "simple_python", "value_error:others"),
    ("float value outside the allowed list", [AREA], [AREA_ANSWER], [call("geometry.area", base=10, height=5.5)],
     "simple_python", "value_error:others"),
    ("wrong function name", [AREA], [AREA_ANSWER], [call("geometry_area", **AREA_OK)], "simple_python",
     "simple_function_checker:wrong_func_name"),
    ("optional string in any case", [AREA], [AREA_ANSWER], [call("geometry.area", **AREA_OK, unit="CM")],
     "simple_python", ""),
    ("string normalised", [WEATHER], [WEATHER_ANSWER], [call("get_weather", location="new york ny")],
     "simple_python", ""),
    ("string normalised, other punctuation", [WEATHER], [WEATHER_ANSWER],
     [call("get_weather", location="New-York/NY.")], "simple_python", ""),
    ("string outside the allowed list", [AREA], [AREA_ANSWER], [call("geometry.area", **AREA_OK, unit="inches")],
     "simple_python", "value_error:string"),
    ("string given as a number", [AREA], [AREA_ANSWER], [call("geometry.area", **AREA_OK, unit=5)], "simple_python",
     "type_error:simple"),
    ("optional arguments omitted", [WEATHER], [WEATHER_ANSWER], [call("get_weather", location="NYC")],
     "simple_python", ""),
    ("answer needs an argument the schema makes optional", [WEATHER], [{"get_weather": {"location": ["NYC"],
     "days": [3]}}], [call("get_weather", location="NYC")], "simple_python",
     "simple_function_checker:missing_optional"),
    ("list in the wrong order", [SORT], [SORT_ANSWER], [call("sort_list", items=[1, 2, 3])], "simple_python",
     "value_error:list/tuple"),
    ("list items of the wrong type", [SORT], [SORT_ANSWER], [call("sort_list", items=["3", "1", "2"])],
     "simple_python", "type_error:nested"),
    ("ints in a list of floats fail (no promotion inside lists)", [SORT],
     [{"sort_list": {"items": [[3, 1, 2]], "weights": [[0.5, 1.5]]}}],
     [call("sort_list", items=[3, 1, 2], weights=[1, 2])], "simple_python", "type_error:nested"),
    ("item types go unchecked when the list may be omitted", [SORT], [SORT_ANSWER],
     [call("sort_list", items=[3, 1, 2], weights=[1, 2])], "simple_python", "value_error:list/tuple"),
    ("list given as a string", [SORT], [SORT_ANSWER], [call("sort_list", items="3,1,2")], "simple_python",
     "type_error:simple"),
    ("list strings normalised", [SORT], [SORT_ANSWER], [call("sort_list", items=[3, 1, 2], tags=["ann lee", "BOB"])],
     "simple_python", ""),
    ("optional list may be empty", [SORT], [SORT_ANSWER], [call("sort_list", items=[3, 1, 2], tags=[])],
     "simple_python", ""),
    ("dict gold", [HOME], [HOME_ANSWER], [call("find_home", city="San Diego", budget={"min": 300000, "max": 400000})],
     "simple_python", ""),
    ("dict optional key omitted", [HOME], [HOME_ANSWER], [call("find_home", city="san diego", budget={"min": 300000})],
     "simple_python", ""),
    ("dict value outside the allowed list", [HOME], [HOME_ANSWER],
     [call("find_home", city="San Diego", budget={"min": 1, "max": 400000})], "simple_python",
     "value_error:dict_value"),
    ("dict with an unknown key", [HOME], [HOME_ANSWER],
     [call("find_home", city="San Diego", budget={"min": 300000, "currency": "usd"})], "simple_python",
     "value_error:dict_key"),
    ("dict missing a needed key", [HOME], [HOME_ANSWER], [call("find_home", city="San Diego", budget={"max": 400000})],
     "simple_python", "value_error:dict_key"),
    ("dict given as a string", [HOME], [HOME_ANSWER], [call("find_home", city="San Diego", budget="300000")],
     "simple_python", "type_error:simple"),
    ("list of dicts gold, strings normalised", [ORDER], [ORDER_ANSWER],
     [call("order_food", items=[{"item": "Burger", "quantity": 5}, {"item": "WINGS", "quantity": 6}])],
     "simple_python", ""),
    ("list of dicts, one missing", [ORDER], [ORDER_ANSWER], [call("order_food", items=ORDER_OK[:1])],
     "simple_python", "value_error:list_dict_count"),
    ("list of dicts in the wrong order", [ORDER], [ORDER_ANSWER], [call("order_food", items=ORDER_OK[::-1])],
     "simple_python", "value_error:dict_value"),
    ("list of dicts, item not a dict", [ORDER], [ORDER_ANSWER], [call("order_food", items=["burger", "wings"])],
     "simple_python", "type_error:nested"),
    ("`any` checks as a string", [STORE], [STORE_ANSWER], [call("store", value="X", n="count")], "simple_python", ""),
    ("`any` given a number", [STORE], [STORE_ANSWER], [call("store", value=3, n="count")], "simple_python",
     "type_error:simple"),
    ("a variable answer compares exactly", [STORE], [STORE_ANSWER], [call("store", value="x", n="Count")],
     "simple_python", "value_error:others"),
    ("simple: two calls", [FACT], [fact(5)], [call("math.factorial", number=5)] * 2, "simple_python",
     "simple_function_checker:wrong_count"),
    ("simple: no call", [FACT], [fact(5)], [], "live_simple", "simple_function_checker:wrong_count"),
    ("simple: undecodable output", [FACT], [fact(5)], None, "simple_python", "ast_decoder:decoder_failed"),
    ("multiple: the right one of several tools", [AREA, WEATHER], [WEATHER_ANSWER],
     [call("get_weather", location="NYC")], "multiple", ""),
    ("multiple: an extra call", [AREA, WEATHER], [WEATHER_ANSWER],
     [call("get_weather", location="NYC"), call("geometry.area", **AREA_OK)], "multiple",
     "multiple_function_checker:wrong_count"),
    ("multiple: the wrong tool", [AREA, WEATHER], [WEATHER_ANSWER], [call("geometry.area", **AREA_OK)],
     "live_multiple", "simple_function_checker:wrong_func_name"),
    ("parallel: reordered calls pass", [FACT], [fact(5), fact(6)],
     [call("math.factorial", number=6), call("math.factorial", number=5)], "parallel", ""),
    ("parallel: a call missing", [FACT], [fact(5), fact(6)], [call("math.factorial", number=5)], "parallel",
     "parallel_function_checker_no_order:wrong_count"),
    ("parallel: the same call twice", [FACT], [fact(5), fact(6)], [call("math.factorial", number=5)] * 2,
     "live_parallel", "parallel_function_checker_no_order:cannot_find_match"),
    ("parallel_multiple: reordered calls of two tools pass", [FACT, WEATHER], [WEATHER_ANSWER, fact(4)],
     [call("math.factorial", number=4), call("get_weather", location="NYC", days=3)], "parallel_multiple", ""),
    ("parallel_multiple: one wrong value", [FACT, WEATHER], [WEATHER_ANSWER, fact(4)],
     [call("math.factorial", number=4), call("get_weather", location="Boston")], "live_parallel_multiple",
     "parallel_function_checker_no_order:cannot_find_match"),
    ("irrelevance: a call made", [FACT], [], [call("math.factorial", number=5)], "irrelevance",
     "irrelevance_error:decoder_success"),
    ("irrelevance: no call", [FACT], [], [], "irrelevance", ""),
    ("live_irrelevance: undecodable output counts as no call", [FACT], [], None, "live_irrelevance", ""),
    ("live_irrelevance: a call made", [FACT], [], [call("math.factorial", number=5)], "live_irrelevance",
     "irrelevance_error:decoder_success"),
    ("live_relevance: no call", [FACT], [], [], "live_relevance", "relevance_error:decoder_failed"),
    ("live_relevance: any call passes", [FACT], [], [call("math.factorial", number=-1)], "live_relevance", ""),
]  # fmt: skip


@pytest.mark.parametrize(("functions", "answers", "calls", "category", "error_type"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_mutation(functions, answers, calls, category, error_type, bfcl_ast_checker):
    tools = [parse_tool(f, i, "test") for i, f in enumerate(functions)]
    result = check(tools, answers, calls, category)
    assert (result.valid, result.error_type) == (error_type == "", error_type), result.message
    if calls is not None and category not in NO_ANSWER:  # BFCL's ast_checker covers these
        assert bfcl_ast_checker(functions, answers, calls, category) == (result.valid, result.error_type)


def test_underscore_to_dot_expects_the_dotted_name_with_underscores(bfcl_ast_checker):
    tools = [parse_tool(FACT, 0, "test")]
    underscored = [call("math_factorial", number=5)]
    assert check(tools, [fact(5)], underscored, "simple_python", underscore_to_dot=True).valid
    assert not check(tools, [fact(5)], underscored, "simple_python").valid
    assert bfcl_ast_checker([FACT], [fact(5)], underscored, "simple_python", model="dots") == (True, "")


def test_there_are_at_least_30_mutations():
    assert sum(1 for c in CASES if c[5]) >= 30


# --- cross-check with bfcl-eval's own checker ---------------------------------------------------------


def mutants(entry: BfclEntry, gold: list[ToolCall]) -> list[list[ToolCall]]:
    """Small edits of the gold calls: drop/add/retype/revalue an argument or its items, rename, reorder, recount."""
    out = [
        gold[::-1],
        gold + gold[:1],
        gold[:-1],
        [ToolCall(name=gold[0].name + "_zz", arguments=gold[0].arguments), *gold[1:]],
    ]
    first = gold[0]
    props = next((t.properties for t in entry.tools if t.name == first.name), {})
    out.append([ToolCall(name=first.name, arguments={**first.arguments, "zz_unknown": 1}), *gold[1:]])
    for param, value in list(first.arguments.items())[:2]:
        rest = {k: v for k, v in first.arguments.items() if k != param}
        out.append([ToolCall(name=first.name, arguments=rest), *gold[1:]])
        for other in (_retyped(value), _revalued(value), _restyled(value, props.get(param, {})), _inner(value)):
            if other is not value:
                out.append([ToolCall(name=first.name, arguments={**rest, param: other}), *gold[1:]])
    return out


def _retyped(value: Any) -> Any:
    if isinstance(value, bool):
        return "true"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return 123
    return "x"


def _revalued(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1000
    if isinstance(value, str):
        return value + " zz"
    if isinstance(value, list):
        return value + value[:1] if value else ["zz"]
    return {**value, "zz": 1}


def _inner(value: Any) -> Any:
    """An edit one level down: a list's first item retyped, a dict's first value changed."""
    if isinstance(value, list) and value:
        return [_retyped(value[0]), *value[1:]]
    if isinstance(value, dict) and value:
        key = next(iter(value))
        return {**value, key: _revalued(value[key])}
    return value


def _restyled(value: Any, prop: dict) -> Any:
    """Edits BFCL should forgive: an integral float as int, a string in upper case with a trailing dot."""
    if prop.get("type") == "number" and isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.upper() + "."
    if isinstance(value, list):
        return [v.upper() if isinstance(v, str) else v for v in value]
    return value


def test_cross_check_with_bfcl_eval_on_every_entry(data, raw, bfcl_ast_checker):
    checked, disagreements = 0, []
    for c in WITH_ANSWERS:
        for e in data[c]:
            gold = e.gold_calls()
            functions = raw[c][e.id]["function"]
            for calls in [gold, *mutants(e, gold)]:
                ours = e.check(calls)
                theirs = bfcl_ast_checker(functions, e.answers, calls, c)
                checked += 1
                if theirs[1].startswith("crash:"):
                    if ours.valid:
                        disagreements.append((e.id, calls, ours, theirs))
                elif (ours.valid, ours.error_type) != theirs:
                    disagreements.append((e.id, calls, ours, theirs))
    assert checked > 10 * 2351
    assert disagreements == []


# --- running a policy over categories (mcptrain.bfcl.run) ----------------------------------------------


def test_run_scores_gold_and_silent_policies() -> None:
    from mcptrain.bfcl.run import run_bfcl

    def gold(entries: list[BfclEntry]) -> list[list[ToolCall]]:
        return [e.gold_calls() for e in entries]

    report, predictions = run_bfcl(gold, ["parallel", "irrelevance", "live_simple"])
    cats = report.categories
    assert cats["parallel"].ast_accuracy == 1.0 and cats["parallel"].tool_accuracy == 1.0
    assert cats["irrelevance"].ast_accuracy == 1.0  # no gold calls there: the silent answer is right
    assert cats["live_simple"].ast_accuracy == pytest.approx(256 / 258)  # two unsatisfiable entries
    assert len(predictions) == 200 + 240 + 258
    summary = report.summary()
    assert summary["non_live_ast"] == 1.0 and summary["irrelevance"] == 1.0
    assert summary["live_ast"] == pytest.approx(256 / 258)

    silent, _ = run_bfcl(lambda entries: [[] for _ in entries], ["multiple", "live_relevance"])
    assert silent.categories["multiple"].ast_accuracy == 0.0
    assert silent.categories["multiple"].errors == {"multiple_function_checker:wrong_count": 200}
    assert silent.categories["live_relevance"].tool_accuracy == 0.0


def test_parallel_parts() -> None:
    from mcptrain.bfcl.run import parallel_parts

    assert parallel_parts("What is the weather in Paris and in Rome?") == ["What is the weather in Paris", "in Rome?"]
    assert parallel_parts("Find the area of a circle; then the area of a square.") == [
        "Find the area of a circle",
        "then the area of a square.",
    ]
    assert parallel_parts("Add two numbers") == []


def test_router_calls_cut_a_request_into_parallel_calls_only_when_asked() -> None:
    from mcptrain.bfcl.run import router_calls
    from mcptrain.policy.base import Prediction

    class LastWordRouter:  # answers every text with math.factorial of the last number it writes
        def set_catalogue(self, catalogue: Any) -> None:
            pass

        def predict(self, examples: list[Any]) -> list[Prediction]:
            numbers = [[int(w) for w in e.prompt.replace("?", " ").split() if w.isdigit()] for e in examples]
            return [Prediction("math.factorial", {"number": n[-1]}, 0.9, True) for n in numbers]

    entry = next(e for e in load_category("parallel") if e.question.startswith("Find the factorial of 5"))
    entry = entry.model_copy(update={"question": "What is the factorial of 5 and the factorial of 6?"})
    (single,) = router_calls(LastWordRouter())([entry])
    (cut,) = router_calls(LastWordRouter(), parallel=True)([entry])
    assert single == [call("math.factorial", number=6)]
    assert cut == [call("math.factorial", number=5), call("math.factorial", number=6)]


class _NumbersRouter:
    """A stand-in router: a circle's area from the first number a text writes where it says "circle",
    else a BMI from the first two numbers (height, weight), or from one (weight) when asked for bmi."""

    def set_catalogue(self, catalogue: Any) -> None:
        pass

    def validate(self, call: ToolCall | None) -> bool:
        return True

    def predict(self, examples: list[Any]) -> list[Any]:
        from mcptrain.policy.base import Prediction

        out = []
        for e in examples:
            n = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", e.prompt)]
            if "circle" in e.prompt and n:
                out.append(Prediction("area_circle", {"radius": n[0]}, 0.9, True))
            elif len(n) >= 2:
                out.append(Prediction("bmi", {"height": n[0], "weight": n[1]}, 0.9, True))
            elif n and e.candidate_tools == ["bmi"]:
                out.append(Prediction("bmi", {"weight": n[0]}, 0.9, True))
            else:
                out.append(Prediction(None, {}, 0.9, True))
        return out


@pytest.mark.parametrize(
    ("text", "first", "calls"),
    [
        ("BMI of a person 6 feet tall weighing 80 kg, also of one 5.6 feet tall weighing 60 kg",
         {"height": 6.0, "weight": 80.0}, [{"height": 6.0, "weight": 80.0}, {"height": 5.6, "weight": 60.0}]),
        ("BMI for 6 feet and 80 kg, then repeat it with 70 kg", {"height": 6.0, "weight": 80.0},
         [{"height": 6.0, "weight": 80.0}, {"height": 6.0, "weight": 70.0}]),  # the height it does not write kept
        ("BMI for 6 feet, 80 kg, then for 5 feet, 60 kg and then for 7 feet, 90 kg", {"height": 6.0, "weight": 80.0},
         [{"height": 6.0, "weight": 80.0}, {"height": 5.0, "weight": 60.0}, {"height": 7.0, "weight": 90.0}]),
        ("BMI of a person 6 feet tall weighing 80 kg", {"height": 6.0, "weight": 80.0}, []),  # nothing after
        ("BMI with height 6 and weight 80", {"height": 6.0, "weight": 80.0}, []),  # one call's values either side
        ("BMI for 6 feet, 80 kg and 3 years, also 70 kg", {"height": 6.0, "weight": 3.0}, []),  # 80 unused before
        ("from rest: 6 feet, 80 kg, then 5 feet, 60 kg", {"height": 6.0, "weight": 80.0, "speed": 0.0},
         [{"height": 6.0, "weight": 80.0, "speed": 0.0}, {"height": 5.0, "weight": 60.0, "speed": 0.0}]),  # 0 unwritten
    ],
)  # fmt: skip
def test_repeat_calls_answer_each_repetition_of_one_function(text: str, first: dict, calls: list[dict]) -> None:
    from mcptrain.bfcl.run import repeat_calls

    got = repeat_calls(_NumbersRouter(), ToolCall(name="bmi", arguments=first), text)
    assert [c.arguments for c in got] == calls


def test_step_calls_answer_each_step_with_its_own_function() -> None:
    from mcptrain.bfcl.run import step_calls

    router, circle = _NumbersRouter(), ToolCall(name="area_circle", arguments={"radius": 5.0})
    text = "Find the area of a circle with radius 5. Also, the BMI for 6 feet and 80 kg."
    assert step_calls(router, circle, text) == [circle, ToolCall(name="bmi", arguments={"height": 6.0, "weight": 80.0})]
    # one function twice (`repeat_calls`' case), a step without a call, no step word: no steps
    assert step_calls(router, circle, "The area of a circle of radius 5, then of a circle of radius 7") == []
    assert step_calls(router, circle, "The area of a circle of radius 5, then tell me a joke") == []
    assert step_calls(router, circle, "The area of a circle of radius 5 and the BMI for 6 feet and 80 kg") == []
    # "and" before a verb, or a sentence that starts with one, starts a step
    bmi = ToolCall(name="bmi", arguments={"height": 6.0, "weight": 80.0})
    assert step_calls(router, circle, "Find the area of a circle of radius 5 and compute the BMI for 6 ft, 80 kg") == [
        circle, bmi]  # fmt: skip
    assert step_calls(router, circle, "The area of a circle of radius 5. Calculate the BMI for 6 ft, 80 kg") == [
        circle, bmi]  # fmt: skip
    assert step_calls(router, circle, "The area of a circle of radius 5. I weigh 80 kg at 6 ft") == []


@pytest.mark.parametrize(
    ("text", "arguments", "fanned"),
    [
        ("Find the factorial of 5, 10 and 15.", {"number": 5}, [{"number": 5}, {"number": 10}, {"number": 15}]),
        ("songs by Taylor Swift and Adele, 20 and 15 minutes", {"artist": "Taylor Swift", "number": 20},
         [{"artist": "Taylor Swift", "number": 20}, {"artist": "Adele", "number": 15}]),  # zipped
        ("the sides 4 and 5", {"number": 4, "other": 5}, []),  # one list, two arguments: one call
        ("weather in Los Angeles, California", {"artist": "Los Angeles"}, []),  # a place with its region
        ("cheap or fairly cheap", {"artist": "cheap"}, []),  # one of them, not both
        ("songs by Taylor Swift and Adele", {"artists": ["Taylor Swift", "Adele"], "artist": "Adele"}, []),
        ("rock and jazz", {"genre": "rock"}, [{"genre": "rock"}, {"genre": "jazz"}]),  # values its enum allows
        ("on business and need to go", {"genre": "business"}, []),  # not: "need" is no genre
        ("a base of 10 units and other of 5", {"artist": "units"}, []),  # "other" is a parameter's name
    ],
)  # fmt: skip
def test_fan_out_gives_one_call_per_listed_value(text: str, arguments: dict, fanned: list[dict]) -> None:
    from mcptrain.bfcl.run import fan_out
    from mcptrain.catalogue import Catalogue

    props = {"number": {"type": "integer"}, "other": {"type": "integer"}, "artist": {"type": "string"},
             "artists": {"type": "array", "items": {"type": "string"}},
             "genre": {"type": "string", "enum": ["rock", "jazz", "business"]}}  # fmt: skip
    from mcptrain.types import ToolSpec

    cat = Catalogue([ToolSpec(name="f", description="f", input_schema={"type": "object", "properties": props})])
    assert [c.arguments for c in fan_out(ToolCall(name="f", arguments=arguments), text, cat)] == fanned


def test_tool_only_baseline_answers_each_entry_against_its_own_functions() -> None:
    from mcptrain.baselines import Bm25Predictor
    from mcptrain.bfcl.run import run_bfcl, scorer_calls

    report, predictions = run_bfcl(scorer_calls(Bm25Predictor), ["multiple"])
    entries = {e.id: e for e in load_category("multiple")}
    for entry_id, calls in predictions.items():
        assert len(calls) == 1  # no threshold: BM25 always picks one of the entry's functions
        assert all(c.name in {t.name for t in entries[entry_id].tools} and not c.arguments for c in calls)
    assert 0.0 < report.categories["multiple"].tool_accuracy < 1.0  # right tools sometimes, never arguments
    assert report.categories["multiple"].ast_accuracy < report.categories["multiple"].tool_accuracy
