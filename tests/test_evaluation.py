"""Evaluation metrics on a hand-checkable set of 5 examples."""

import numpy as np
import pytest

from mcptrain.catalogue import Catalogue
from mcptrain.evaluation import NONE, bootstrap_ci, evaluate, paired_difference_ci
from mcptrain.types import ToolCall, ToolCallExample, ToolSpec, Turn

CAT = Catalogue([
    ToolSpec(name="notes_add", category="notes", input_schema={
        "type": "object", "properties": {"title": {"type": "string"}, "pinned": {"type": "boolean"}},
        "required": ["title"]}),
    ToolSpec(name="notes_list", category="notes", input_schema={
        "type": "object", "properties": {"limit": {"type": "integer", "minimum": 1}}}),
    ToolSpec(name="weather_get", category="weather", input_schema={
        "type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}),
])  # fmt: skip

EXAMPLES = [
    ToolCallExample(prompt="add a note called Groceries", expected_tool="notes_add",
                    expected_params={"title": "Groceries"}, difficulty="Easy"),
    ToolCallExample(prompt="show 5 notes", expected_tool="notes_list", expected_params={"limit": 5},
                    difficulty="Medium"),
    ToolCallExample(prompt="weather in Oslo", expected_tool="weather_get", expected_params={"city": "Oslo"},
                    difficulty="Medium"),
    ToolCallExample(prompt="tell me a joke", expected_tool=None, difficulty="Hard"),
    ToolCallExample(prompt="weather in Rome", expected_tool="weather_get", expected_params={"city": "Rome"},
                    kind="recovery", success=False, difficulty="Hard",
                    turns=[Turn(role="user", content="weather in Rome"),
                           Turn(role="assistant", call=ToolCall(name="weather_get", arguments={})),
                           Turn(role="tool", content="'city' is a required property", is_error=True)]),
]  # fmt: skip

CALLS = [
    ToolCall(name="notes_add", arguments={"title": "groceries ", "pinned": True}),  # right, one extra argument
    ToolCall(name="notes_list", arguments={"limit": 5.0}),  # exact: 5.0 == 5, and JSON Schema counts 5.0 as an integer
    ToolCall(name="notes_add", arguments={"title": 7}),  # wrong tool, and the title is not a string
    None,  # correct "no tool"
    ToolCall(name="weather_get", arguments={"city": "ROME"}),  # recovered, case-insensitive
]


def test_metrics_by_hand():
    m = evaluate(CALLS, EXAMPLES, CAT)
    assert m.num_samples == 5 and m.num_tool_requests == 4 and m.num_irrelevant == 1 and m.num_recovery == 1
    assert m.tool_accuracy == pytest.approx(4 / 5)  # all but #2
    assert m.exact_call_accuracy == pytest.approx(3 / 5)  # #1, #3, #4 (#0 has an extra argument)
    assert m.param_accuracy == pytest.approx(3 / 4)  # of 4 tool requests: #0, #1, #4
    assert m.irrelevance_accuracy == 1.0
    assert m.error_recovery_rate == 1.0
    assert m.schema_valid_rate == pytest.approx(3 / 4)  # 4 calls; #2 fails "type": "string"
    assert m.accuracy_by_category == {"notes": 1.0, "weather": 0.5, NONE: 1.0}
    assert m.accuracy_by_difficulty == {"Easy": 1.0, "Hard": 1.0, "Medium": 0.5}
    assert m.confusion["weather_get"] == {"notes_add": 1, "weather_get": 1}
    assert m.confusion[NONE] == {NONE: 1}
    # composite reward: #0 0.5 tool (extra arg fails "equal") ... the crate's value set only
    assert 0.0 <= m.avg_reward <= 1.0
    lo, hi = m.confidence_intervals["tool_accuracy"]
    assert lo <= m.tool_accuracy <= hi


def test_bootstrap_is_seeded_and_brackets_the_mean():
    ok = np.array([1, 0, 1, 1, 1, 0, 1, 1] * 10)
    mask = np.ones(len(ok), bool)
    assert bootstrap_ci(ok, mask, seed=3) == bootstrap_ci(ok, mask, seed=3)
    lo, hi = bootstrap_ci(ok, mask)
    assert lo < 0.75 < hi and hi - lo < 0.25


def test_length_mismatch_is_a_bug():
    with pytest.raises(ValueError):
        evaluate(CALLS[:2], EXAMPLES, CAT)


def test_paired_difference_resamples_both_policies_together() -> None:
    # b fixes 3 of a's 10 misses and breaks none: 13/20 - 10/20 = +0.15; no resample goes below 0
    a = np.array([1] * 10 + [0] * 10)
    b = np.array([1] * 13 + [0] * 7)
    diff, lo, hi = paired_difference_ci(a, b, seed=1)
    assert diff == pytest.approx(0.15) and 0.0 <= lo < 0.15 < hi <= 0.4
    # the same policy twice: exactly 0, interval [0, 0]
    assert paired_difference_ci(a, a) == (0.0, 0.0, 0.0)
