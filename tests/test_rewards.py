"""Rewards on a 3-tool catalogue built in code; every expected number is worked out in a comment."""

from __future__ import annotations

import math
import re

import pytest

from mcptrain import rewards
from mcptrain.catalogue import Catalogue
from mcptrain.errors import McptrainError
from mcptrain.rewards import (
    REWARDS,
    arguments_equal,
    combine,
    component_stats,
    composite_reward,
    exact_match_reward,
    execution_reward,
    register,
    schema_valid_reward,
    toolrl_correctness,
    toolrl_reward,
    validate_arguments,
    values_equal,
)
from mcptrain.types import ToolCall, ToolCallExample, ToolSpec

AGENT_SPAWN = ToolSpec(
    name="agent_spawn",
    category="agent",
    input_schema={
        "type": "object",
        "properties": {
            "agent_type": {"type": "string", "enum": ["coder", "tester"]},
            "name": {"type": "string"},
        },
        "required": ["agent_type"],
    },
)
AGENT_LIST = ToolSpec(name="agent_list", category="agent")
MEMORY_STORE = ToolSpec(
    name="memory_store",
    category="memory",
    input_schema={
        "type": "object",
        "properties": {
            "key": {"type": "string"},
            "value": {"type": "string"},
            "ttl": {"type": "integer"},
        },
        "required": ["key", "value"],
    },
)
CAT = Catalogue([AGENT_SPAWN, AGENT_LIST, MEMORY_STORE], name="tiny")


def call(name: str, /, **arguments: object) -> ToolCall:
    return ToolCall(name=name, arguments=arguments)


def expect(tool: str | None, /, **params: object) -> ToolCallExample:
    return ToolCallExample(prompt="p", expected_tool=tool, expected_params=params)


SPAWN_CODER = expect("agent_spawn", agent_type="coder")
STORE_KV = expect("memory_store", key="k", value="v")
NO_TOOL = expect(None)


# --- shared helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        (1, 1.0, True),  # numbers compare numerically
        (True, 1, False),  # a boolean is not the number 1
        (True, True, True),
        (" Coder ", "coder", True),  # trimmed, case-insensitive
        ("co der", "coder", False),  # inner whitespace is kept
        ("1", 1, False),  # a string is not a number
        (None, None, True),
        (None, "", False),
        ({"a": {"b": [1, "X"]}}, {"a": {"b": [1.0, "x "]}}, True),  # nested, recursively
        ([1, 2], [2, 1], False),  # lists keep their order
        ({"a": 1}, {"a": 1, "b": None}, False),  # an extra key is a difference
    ],
)
def test_values_equal(a: object, b: object, equal: bool) -> None:
    assert values_equal(a, b) is equal


def test_arguments_equal() -> None:
    assert arguments_equal({"agent_type": " CODER"}, {"agent_type": "coder"})
    assert not arguments_equal({"agent_type": "coder"}, {"agent_type": "coder", "name": "x"})
    assert arguments_equal({}, {})


def test_validate_arguments_messages_and_cache() -> None:
    assert validate_arguments(AGENT_SPAWN, {"agent_type": "coder"}) == []
    assert validate_arguments(AGENT_SPAWN, {}) == ["(root): 'agent_type' is a required property"]
    assert validate_arguments(AGENT_SPAWN, {"agent_type": "Coder"}) == [
        "agent_type: 'Coder' is not one of ['coder', 'tester']"
    ]
    assert validate_arguments(MEMORY_STORE, ["k", "v"]) == ["(root): arguments must be a JSON object, not list"]
    # 60.0 is an integer for JSON Schema (draft 4 onwards)
    assert validate_arguments(MEMORY_STORE, {"key": "k", "value": "v", "ttl": 60.0}) == []
    cached = rewards._VALIDATORS[id(AGENT_SPAWN.input_schema)]
    validate_arguments(AGENT_SPAWN, {"agent_type": "tester"})
    assert rewards._VALIDATORS[id(AGENT_SPAWN.input_schema)] is cached  # compiled once


# --- composite (the crate's reward) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicted", "example", "exec_ok", "expected"),
    [
        # crate oracle: right tool 0.5 + args 0.3 + execution 0.2 = 1.0
        (call("agent_spawn", agent_type="coder"), SPAWN_CODER, True, 1.0),
        # crate oracle: other category, args not credited, execution failed: 0.0
        (call("memory_store", key="k", value="v"), SPAWN_CODER, False, 0.0),
        # no execution term: 0.5 + 0.3 = 0.8
        (call("agent_spawn", agent_type="coder"), SPAWN_CODER, None, 0.8),
        # right tool, right args, execution failed: 0.5 + 0.3 + 0 = 0.8
        (call("agent_spawn", agent_type="coder"), SPAWN_CODER, False, 0.8),
        # wrong tool of the same category ("agent"): 0.2; + execution 0.2 = 0.4
        (call("agent_list"), SPAWN_CODER, None, 0.2),
        (call("agent_list"), SPAWN_CODER, True, 0.4),
        # equal after normalisation but "Coder" is not in the enum: 0.5, no args credit
        (call("agent_spawn", agent_type="Coder"), SPAWN_CODER, None, 0.5),
        # " K " equals "k" and strings accept it: 0.5 + 0.3 = 0.8
        (call("memory_store", key=" K ", value="v"), STORE_KV, None, 0.8),
        # wrong value: 0.5; an extra optional argument: 0.5
        (call("agent_spawn", agent_type="tester"), SPAWN_CODER, None, 0.5),
        (call("agent_spawn", agent_type="coder", name="x"), SPAWN_CODER, None, 0.5),
        # correct "no tool": 0.5 + 0.3 = 0.8, and with the execution term (nothing failed) 1.0
        (None, NO_TOOL, None, 0.8),
        (None, NO_TOOL, True, 1.0),
        # no call where one was expected: 0.0
        (None, SPAWN_CODER, None, 0.0),
        # a call where none was expected: 0, + 0.2 if it ran fine
        (call("agent_list"), NO_TOOL, None, 0.0),
        (call("agent_list"), NO_TOOL, True, 0.2),
        # a tool the catalogue does not have: 0
        (call("nope"), SPAWN_CODER, None, 0.0),
    ],
)
def test_composite_table(
    predicted: ToolCall | None, example: ToolCallExample, exec_ok: bool | None, expected: float
) -> None:
    kwargs: dict[str, object] = {"catalogue": CAT}
    if exec_ok is not None:
        kwargs["execution_success"] = [exec_ok]
    assert composite_reward([predicted], [example], **kwargs) == [pytest.approx(expected)]


def test_composite_without_catalogue() -> None:
    # no category credit: agent_list vs agent_spawn is 0 (0.2 with the catalogue)
    assert composite_reward([call("agent_list")], [SPAWN_CODER]) == [0.0]
    # no schema to check: "Coder" equals "coder", so 0.5 + 0.3 = 0.8 (0.5 with the catalogue)
    assert composite_reward([call("agent_spawn", agent_type="Coder")], [SPAWN_CODER]) == [0.8]


def test_composite_values_stay_in_the_crate_set() -> None:
    crate_values = {0.0, 0.2, 0.3, 0.4, 0.5, 0.7, 0.8, 1.0}
    calls = [call("agent_spawn", agent_type="coder"), call("agent_list"), call("memory_store"), None]
    for ex in (SPAWN_CODER, NO_TOOL, STORE_KV):
        for exec_ok in (True, False, None):
            got = composite_reward(calls, [ex] * 4, catalogue=CAT, execution_success=[exec_ok] * 4)
            assert set(got) <= crate_values


def test_composite_rejects_mismatched_lengths() -> None:
    with pytest.raises(McptrainError, match="execution_success has 2 entries for 1 calls"):
        composite_reward([None], [NO_TOOL], execution_success=[True, False])


# --- ToolRL ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicted", "example", "expected"),
    [
        # exact call: format 1 + correctness 3 = 4
        (call("agent_spawn", agent_type="coder"), SPAWN_CODER, 4.0),
        (call("agent_list"), expect("agent_list"), 4.0),
        # one of two arguments: r_name 1, r_param |{key}|/|{key,value}| = 0.5, r_value 1
        # R_max 2.5, S_max 1 + (1 + 2) = 4: 6·2.5/4 − 3 = 0.75; + format 1 = 1.75
        (call("memory_store", key="k"), STORE_KV, 1.75),
        # both keys, one value wrong: R_max 1 + 1 + 1 = 3: 6·3/4 − 3 = 1.5; + 1 = 2.5
        (call("memory_store", key="k", value="w"), STORE_KV, 2.5),
        # wrong tool: r_name 0/2 = 0, no same-name call: R_max 0, S_max 3: −3; + 1 = −2
        (call("agent_list"), SPAWN_CODER, -2.0),
        # no call where one is expected: format 0 + correctness −3
        (None, SPAWN_CODER, -3.0),
        # correct "no tool": format 1 + correctness 0; a call where none is expected: 0 + 0
        (None, NO_TOOL, 1.0),
        (call("agent_list"), NO_TOOL, 0.0),
    ],
)
def test_toolrl_table(predicted: ToolCall | None, example: ToolCallExample, expected: float) -> None:
    assert toolrl_reward([predicted], [example]) == [pytest.approx(expected)]


def test_toolrl_format_ok_from_the_parser() -> None:
    # the parser flagged the raw text: format 0 + exact 3 = 3
    got = toolrl_reward([call("agent_spawn", agent_type="coder")], [SPAWN_CODER], format_ok=[False])
    assert got == [3.0]


def test_toolrl_correctness_multiset_names() -> None:
    gold = [call("a", x=1), call("b")]
    pred = [call("a", x=2)]
    # r_name: {a, b} ∩ {a} = 1, ∪ = 2 -> 0.5; gold a: r_param 1 (keys {x} = {x}), r_value 0;
    # gold b: nothing -> 0. R_max 1.5, S_max 1 + (1 + 1) + (1 + 0) = 4: 6·1.5/4 − 3 = −0.75
    assert toolrl_correctness(gold, pred) == pytest.approx(-0.75)
    assert toolrl_correctness([], pred) == 0.0
    assert toolrl_correctness(gold, []) == -3.0


# --- exact match, schema validity, execution ------------------------------------------------------


def test_exact_match_table() -> None:
    calls = [
        call("agent_spawn", agent_type=" Coder"),  # same after normalisation: 1
        call("agent_spawn", agent_type="coder", name="x"),  # extra argument: 0
        call("agent_list"),  # wrong tool: 0
        None,  # None / None: 1
        None,  # no call, a tool expected: 0
        call("agent_list"),  # a call, none expected: 0
    ]
    examples = [SPAWN_CODER, SPAWN_CODER, SPAWN_CODER, NO_TOOL, SPAWN_CODER, NO_TOOL]
    assert exact_match_reward(calls, examples) == [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]


def test_schema_valid_table() -> None:
    calls = [
        call("agent_spawn", agent_type="tester"),  # valid, even though coder was expected: 1
        call("agent_spawn", agent_type="Coder"),  # not in the enum: 0
        call("memory_store", key="k"),  # value missing: 0
        call("nope"),  # unknown tool: 0
        None,  # nothing to validate: None
    ]
    assert schema_valid_reward(calls, [SPAWN_CODER] * 5, catalogue=CAT) == [1.0, 0.0, 0.0, 0.0, None]
    with pytest.raises(McptrainError, match="pass catalogue="):
        schema_valid_reward(calls, [SPAWN_CODER] * 5)


def test_execution() -> None:
    assert execution_reward([None, None], [NO_TOOL, NO_TOOL]) == [None, None]
    assert execution_reward([None] * 3, [NO_TOOL] * 3, execution_success=[True, False, None]) == [
        1.0,
        0.0,
        None,
    ]


# --- registry and combination ---------------------------------------------------------------------


def test_registry_holds_the_builtin_rewards() -> None:
    assert {"composite", "toolrl", "exact_match", "schema_valid", "execution"} <= set(REWARDS)


def test_register_decorator_and_duplicates() -> None:
    @register("test_const")
    def const_reward(calls: list[object], examples: list[object], **kwargs: object) -> list[float | None]:
        return [0.5] * len(calls)

    try:
        assert REWARDS["test_const"] is const_reward
        with pytest.raises(McptrainError, match="already registered"):
            register("test_const", lambda calls, examples, **kw: [])
    finally:
        REWARDS.pop("test_const")


def test_combine_weights_and_skips_none() -> None:
    calls = [call("agent_spawn", agent_type="coder"), None]
    examples = [SPAWN_CODER, NO_TOOL]
    totals, parts = combine(
        {"exact_match": 1.0, "composite": 0.5, "execution": 2.0},
        calls,
        examples,
        catalogue=CAT,
        execution_success=[False, None],
    )
    # sample 0: exact 1·1 + composite 0.5·(0.5 + 0.3 + 0) + execution 2·0 = 1.4
    # sample 1: exact 1·1 + composite 0.5·(0.5 + 0.3 + 0.2) + execution None (skipped) = 1.5
    assert totals == [pytest.approx(1.4), pytest.approx(1.5)]
    assert parts == {"exact_match": [1.0, 1.0], "composite": [0.8, 1.0], "execution": [0.0, None]}
    with pytest.raises(McptrainError, match="unknown reward"):
        combine({"nope": 1.0}, calls, examples)


def test_component_stats() -> None:
    stats = component_stats({"exact_match": [1.0, 0.0, None], "execution": [None]})
    # mean of [1, 0] = 0.5, population std = 0.5; nothing applicable -> NaN
    assert stats["exact_match/mean"] == 0.5 and stats["exact_match/std"] == 0.5
    assert math.isnan(stats["execution/mean"])


def test_parse_weights() -> None:
    assert rewards.parse_weights("exact_match") == {"exact_match": 1.0}
    assert rewards.parse_weights(" composite=0.5, exact_match=0.5 ") == {"composite": 0.5, "exact_match": 0.5}
    for bad, needle in (("exact", "unknown reward(s) exact"), ("toolrl=x", "not a number"), (" , ", "unknown")):
        with pytest.raises(McptrainError, match=re.escape(needle)):
            rewards.parse_weights(bad)
