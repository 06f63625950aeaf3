"""Dataset generator: counts, validity, recoverable values, recovery/multi-step/irrelevant structure,
leakage-free splits, determinism, and the crate's names (presets, weights, split, filters, stats).

The tiny catalogue below has one tool with an enum and integer bounds, one with no arguments and one
with object, array and untyped parameters. With examples_per_tool=10, error_case_ratio=0.2,
multi_step_ratio=0.1 and irrelevant_ratio=0.1:
    recovery per tool = floor(10 * 0.2 + 0.5) = 2      -> 6 recovery, 3 * 8 = 24 single
    multi-step        = floor(3 * 10 * 0.1 + 0.5) = 3
    irrelevant        = ceil(0.1 * (30 + 3) / 0.9) = ceil(3.67) = 4      -> 37 examples
"""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

import pytest

from mcptrain import io as io_mod
from mcptrain.catalogue import Catalogue
from mcptrain.dataset import (
    ArgValidator,
    DifficultyWeights,
    ToolCallDataset,
    ToolDatasetConfig,
    ToolDatasetStats,
    generate_splits,
    partition_patterns,
    synth_value,
    value_in_text,
    write_splits,
)
from mcptrain.dataset import phrasing as ph
from mcptrain.dataset.generator import _STEP_RANK, counts
from mcptrain.dataset.values import is_natural
from mcptrain.errors import McptrainError
from mcptrain.io import read_jsonl_models
from mcptrain.policy.text import list_fragments
from mcptrain.types import DifficultyLevel, ToolCall, ToolCallExample, ToolSpec

TINY_TOOLS = [
    ToolSpec(
        name="swarm_init",
        category="swarm",
        description="Initialize a swarm",
        input_schema={
            "type": "object",
            "properties": {
                "topology": {"type": "string", "enum": ["mesh", "hierarchical", "ring"]},
                "maxAgents": {"type": "integer", "minimum": 1, "maximum": 20},
            },
            "required": ["topology"],
        },
    ),
    ToolSpec(
        name="memory_stats",
        category="memory",
        description="Get memory storage statistics",
        input_schema={"type": "object", "properties": {}},
    ),
    ToolSpec(
        name="memory_store",
        category="memory",
        description="Store a value in memory",
        input_schema={
            "type": "object",
            "properties": {
                "key": {"type": "string", "minLength": 1},
                "value": {"description": "Value to store"},  # no type: any JSON
                "metadata": {"type": "object"},
                "tags": {"type": "array"},  # no items
                "options": {
                    "type": "object",
                    "properties": {"ttl": {"type": "integer", "minimum": 0}, "compress": {"type": "boolean"}},
                },
            },
            "required": ["key", "value"],
        },
    ),
]
TINY_CONFIG = ToolDatasetConfig(examples_per_tool=10, error_case_ratio=0.2, multi_step_ratio=0.1, irrelevant_ratio=0.1)


@pytest.fixture(scope="module")
def tiny() -> Catalogue:
    return Catalogue(TINY_TOOLS, name="tiny")


@pytest.fixture(scope="module")
def tiny_ds(tiny: Catalogue) -> ToolCallDataset:
    return ToolCallDataset.generate(tiny, TINY_CONFIG)


def _builtin(name: str) -> Catalogue:
    try:
        return Catalogue.builtin(name)
    except McptrainError as e:  # claude-flow's data file may not be built yet
        pytest.skip(f"built-in catalogue {name} unavailable: {e}")


def _calls(e: ToolCallExample) -> list[ToolCall]:
    if e.expected_calls:
        return e.expected_calls
    return [ToolCall(name=e.expected_tool, arguments=e.expected_params)] if e.expected_tool else []


def _check_examples(examples: list[ToolCallExample], cat: Catalogue) -> None:
    """Every expected call validates, every value can be read back from the prompt, and above Easy
    no prompt spells a tool's name. A tool's own wordings (a phrasebook) may say an enum value or a
    boolean in words ("put up a proposal" for action=propose, "voting for it" for vote=true): a
    router classifies those, it does not copy them."""
    v = ArgValidator()
    for e in examples:
        for c in _calls(e):
            tool = cat.get(c.name)
            assert v.is_valid(tool, c.arguments), (e.prompt, c)
            worded = is_natural(tool)
            for k, val in c.arguments.items():
                prop = tool.properties.get(k) or {}
                if worded and (isinstance(val, bool) or val in (prop.get("enum") or [])):
                    continue
                if worded and isinstance(val, list) and val in [f.value for f in list_fragments(e.prompt)]:
                    continue  # "0.9 and 0.76", "Paris, Rome and Oslo"
                assert value_in_text(val, e.prompt, prop), (k, val, e.prompt)
                if isinstance(val, bool):
                    assert any(m.lower() in e.prompt.lower() for m in ph.param_mentions(k)), (k, e.prompt)
            if e.difficulty != DifficultyLevel.Easy:
                assert c.name.lower() not in e.prompt.lower(), e.prompt


# --- counts, validity, values -----------------------------------------------------------------


def test_counts_per_kind_match_config(tiny_ds: ToolCallDataset) -> None:
    assert counts(3, TINY_CONFIG) == {"single": 24, "recovery": 6, "multi_step": 3, "irrelevant": 4}
    s = tiny_ds.stats
    assert s.by_kind == {"single": 24, "irrelevant": 4, "recovery": 6, "multi_step": 3}
    assert s.total_examples == len(tiny_ds) == 37
    for t in TINY_TOOLS:  # 10 single + recovery each, plus any multi-step request it starts
        assert s.by_tool[t.name] >= 10


def test_every_expected_call_validates_and_values_are_in_the_prompt(
    tiny: Catalogue, tiny_ds: ToolCallDataset
) -> None:
    _check_examples(tiny_ds.examples, tiny)
    assert tiny_ds.stats.schema_valid_rate == 1.0
    swarm = [e for e in tiny_ds.examples if e.expected_tool == "swarm_init" and e.kind == "single"]
    for e in swarm:
        assert e.expected_params["topology"] in ("mesh", "hierarchical", "ring")
        assert 1 <= e.expected_params.get("maxAgents", 1) <= 20


def test_schema_quirks_get_valid_realistic_values() -> None:
    rng = random.Random(0)
    for _ in range(50):
        n = synth_value("limit", {"type": "number", "exclusiveMinimum": 0, "maximum": 5}, rng)
        assert 0 < n <= 5
        assert synth_value("port", {"type": "integer", "minimum": 1024, "maximum": 65535}, rng) >= 1024
        s = synth_value("code", {"type": "string", "pattern": "^[A-Z]{3}-\\d{2}$"}, rng)
        assert re.fullmatch(r"[A-Z]{3}-\d{2}", s)
        assert "@" in synth_value("contact", {"type": "string", "format": "email"}, rng)
        assert len(synth_value("name", {"type": "string", "maxLength": 4}, rng)) <= 4
        assert isinstance(synth_value("tags", {"type": "array"}, rng), list)
        assert synth_value("flag", {"const": "x"}, rng) == "x"
    # Realistic magnitudes by name: an agent id looks like one, a threshold is a fraction.
    assert re.fullmatch(r"agent-[\w]+", synth_value("agentId", {"type": "string"}, rng))
    assert 0 < synth_value("threshold", {"type": "number"}, rng) < 1


# --- recovery, multi-step, irrelevant ------------------------------------------------------------

_ERROR_FORMS = re.compile(
    r"^(Invalid arguments for tool \S+: |MCP error -3260[12]: |Unknown tool: |Error: tool '|Tool '|"
    r"1 validation error for \w+Arguments\n)"
)


def test_recovery_turns_structure_and_error_text(tiny: Catalogue, tiny_ds: ToolCallDataset) -> None:
    v = ArgValidator()
    recovery = [e for e in tiny_ds.examples if e.kind == "recovery"]
    assert len(recovery) == 6
    for e in recovery:
        assert e.success is False and e.turns is not None and len(e.turns) == 3
        user, assistant, tool = e.turns
        assert (user.role, assistant.role, tool.role) == ("user", "assistant", "tool")
        assert user.content == e.prompt and tool.is_error and tool.content == e.error_message
        assert _ERROR_FORMS.match(e.error_message or ""), e.error_message
        bad = assistant.call
        assert bad is not None
        if bad.name in tiny:  # same tool: the arguments must be what failed
            assert not v.is_valid(tiny.get(bad.name), bad.arguments)
        else:  # a misspelt tool name, and the error names it
            assert bad.name in (e.error_message or "")
        assert v.is_valid(tiny.get(e.expected_tool or ""), e.expected_params)  # the corrected call


def test_multi_step_lengths_and_order(tiny: Catalogue, tiny_ds: ToolCallDataset) -> None:
    multi = [e for e in tiny_ds.examples if e.kind == "multi_step"]
    assert len(multi) == 3
    for e in multi:
        calls = e.expected_calls or []
        assert 2 <= len(calls) <= 4
        assert e.expected_tool == calls[0].name and e.expected_params == calls[0].arguments
        assert len({c.name for c in calls}) == len(calls)
        ranks = [_STEP_RANK[ph.analyse_tool(tiny.get(c.name)).verb_class] for c in calls]
        assert ranks == sorted(ranks)  # set up -> use -> inspect -> tear down


def test_irrelevant_has_no_tool(tiny: Catalogue, tiny_ds: ToolCallDataset) -> None:
    irrelevant = [e for e in tiny_ds.examples if e.kind == "irrelevant"]
    assert len(irrelevant) == 4
    for e in irrelevant:
        assert e.expected_tool is None and e.expected_params == {} and e.category is None
        assert (e.pattern or "").startswith("irr-")


def test_near_miss_guard_drops_requests_a_tool_serves() -> None:
    mail = ToolSpec(name="send_email", description="Send an email to someone")
    index = ph.ToolWordIndex([mail])
    assert index.serves("Send an email to Priya about the release notes.")
    assert not index.serves("What's the capital of Peru?")
    ds = ToolCallDataset.generate(Catalogue([mail, *TINY_TOOLS], name="mail"), ToolDatasetConfig(irrelevant_ratio=0.5))
    email_ids = {t.id for t in ph.IRRELEVANT if "email" in t.template}
    irrelevant = [e for e in ds.examples if e.kind == "irrelevant"]
    assert irrelevant and not [e for e in irrelevant if e.pattern in email_ids]


def test_any_tool_gets_an_intent() -> None:
    i = ph.analyse_tool(ToolSpec(name="hooks_pre-task", description="Record task start and get suggestions"))
    assert (i.verb, i.obj, i.verb_class) == ("record", "task start", "record")
    i = ph.analyse_tool(ToolSpec(name="embeddings_search", description="Semantic search across stored embeddings"))
    assert i.verb == "run" and i.verb_class == "search"
    i = ph.analyse_tool(ToolSpec(name="getUserProfile"))  # no description at all
    assert i.verb == "get" and i.obj == "user profile"
    assert ph.param_label("maxAgents") == "max agents" and ph.param_label("topK") == "top-k"
    for frames in ph.DIFFICULTY_FRAMES.values():
        assert len(frames) >= 15


# --- splits ----------------------------------------------------------------------------------------


def test_test_patterns_never_used_in_train_or_val(tiny: Catalogue) -> None:
    s = generate_splits(tiny, TINY_CONFIG)
    part = s.stats.patterns
    assert not set(part.train) & set(part.test)
    train_val = {e.pattern for e in s.train.examples + s.val.examples}
    assert train_val <= set(part.train)
    assert {e.pattern for e in s.test.examples} <= set(part.test)
    assert s.stats.test_patterns_in_train == 0.0
    assert len(s.train) + len(s.val) + len(s.test) == s.stats.total_examples == 37
    assert (s.stats.recovery_count, s.stats.multi_step_count, s.stats.irrelevant_count) == (6, 3, 4)
    # 18 Easy frames, three of which read the same without arguments: 16 groups -> 5 test groups
    easy_test = [p for p in partition_patterns(42, 0.3).test if p.startswith("easy-")]
    assert 5 <= len(easy_test) <= 7


def test_test_only_wordings_stay_out_of_training() -> None:
    # One tool whose verb has 4 paraphrases (remove, drop, erase, get rid of): the seed reserves one
    # or two for test, and no train or val request may use them.
    cat = Catalogue([ToolSpec(name="cache_delete", description="Delete the cache entry")], name="one")
    config = ToolDatasetConfig(examples_per_tool=60, include_multi_step=False, irrelevant_ratio=0.0)
    s = generate_splits(cat, config)
    reserved = [i.split(":")[2] for i in s.stats.patterns.test if i.startswith("syn:delete:")]
    assert reserved and set(s.stats.patterns.test).isdisjoint(s.stats.patterns.train)
    for e in s.train.examples + s.val.examples:
        assert not any(f"{verb} the cache entry" in e.prompt.lower() for verb in reserved), e.prompt
    assert any(f"{verb} the cache entry" in e.prompt.lower() for e in s.test.examples for verb in reserved)


def test_held_out_tools_only_in_test(tiny: Catalogue) -> None:
    config = TINY_CONFIG.model_copy(update={"held_out_tool_names": ["swarm_init"]})
    s = generate_splits(tiny, config)
    assert s.stats.held_out_tools == ["swarm_init"]
    for e in s.train.examples + s.val.examples:
        assert "swarm_init" not in [c.name for c in _calls(e)]
    assert len([e for e in s.test.examples if e.expected_tool == "swarm_init"]) >= 10
    assert s.stats.test_tools_unseen > 0
    drawn = generate_splits(tiny, TINY_CONFIG.model_copy(update={"held_out_tools": 1}))
    assert len(drawn.stats.held_out_tools) == 1


def test_write_splits_is_deterministic(tiny: Catalogue, tmp_path: Path) -> None:
    progress: list[tuple[int, int]] = []
    a = generate_splits(tiny, TINY_CONFIG, on_progress=lambda i, n: progress.append((i, n)))
    assert progress[-1] == (37, 37)
    write_splits(tmp_path / "a", a, tiny)
    write_splits(tmp_path / "b", generate_splits(tiny, TINY_CONFIG), tiny)
    names = ["train.jsonl", "val.jsonl", "test.jsonl", "tools.json", "stats.json"]
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(names)
    for n in names:
        assert (tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes(), n
    other = generate_splits(tiny, TINY_CONFIG.model_copy(update={"seed": 7}))
    assert [e.prompt for e in other.train] != [e.prompt for e in a.train]
    back = read_jsonl_models(tmp_path / "a" / "train.jsonl", ToolCallExample)
    assert back == a.train.examples
    tools = json.loads((tmp_path / "a" / "tools.json").read_text())
    assert tools["name"] == "tiny" and [t["name"] for t in tools["tools"]] == tiny.names


def test_write_splits_leaves_nothing_half_written(tiny: Catalogue, tmp_path: Path, monkeypatch) -> None:
    s = generate_splits(tiny, TINY_CONFIG)
    real = os.fdopen
    calls = {"n": 0}

    def failing(fd, *a, **k):  # the fourth file cannot be written
        calls["n"] += 1
        if calls["n"] == 4:
            os.close(fd)
            raise OSError("disk full")
        return real(fd, *a, **k)

    monkeypatch.setattr(io_mod.os, "fdopen", failing)
    with pytest.raises(OSError):
        write_splits(tmp_path / "out", s, tiny)
    assert list((tmp_path / "out").iterdir()) == []


# --- the crate's names -------------------------------------------------------------------------------


def test_difficulty_weights_sampling_semantics() -> None:
    w = DifficultyWeights()  # 0.3 / 0.4 / 0.2 / (0.1)
    got = [w.level_for(r).value for r in (0.0, 0.299, 0.3, 0.699, 0.7, 0.899, 0.9, 0.999)]
    assert got == ["Easy", "Easy", "Medium", "Medium", "Hard", "Hard", "Expert", "Expert"]
    # expert is only the remainder: with easy+medium+hard >= 1 it never occurs, whatever its value
    w2 = DifficultyWeights(easy=0.5, medium=0.5, hard=0.5, expert=99.0)
    rng = random.Random(1)
    assert {w2.sample(rng) for _ in range(500)} == {DifficultyLevel.Easy, DifficultyLevel.Medium}
    draws = [w.sample(rng) for _ in range(4000)]
    assert abs(draws.count(DifficultyLevel.Expert) / 4000 - 0.1) < 0.03


def test_crate_split_floor_arithmetic(tiny_ds: ToolCallDataset) -> None:
    train, val, test = tiny_ds.split(0.8, 0.1, seed=3)
    # n = 37: floor(29.6) = 29, floor(3.7) = 3, test = 37 - 32 = 5
    assert (len(train), len(val), len(test)) == (29, 3, 5)
    assert tiny_ds.split(0.8, 0.1, seed=3)[0] == train
    assert sorted(e.prompt for e in train + val + test) == sorted(e.prompt for e in tiny_ds.examples)
    with pytest.raises(McptrainError):
        tiny_ds.split(0.9, 0.2, seed=3)


def test_filters(tiny_ds: ToolCallDataset) -> None:
    mem = tiny_ds.filter_by_category("MemoryOperations")
    assert mem == tiny_ds.filter_by_category("memory") and len(mem) == tiny_ds.stats.by_category["memory"]
    assert all(e.category == "MemoryOperations" for e in mem)
    assert len(tiny_ds.filter_by_category("none")) == 4
    assert len(tiny_ds.filter_by_tool("memory_stats")) == tiny_ds.stats.by_tool["memory_stats"]
    assert sum(len(tiny_ds.filter_by_difficulty(lvl)) for lvl in DifficultyLevel) == len(tiny_ds)
    assert tiny_ds.filter_by_difficulty("Hard") == tiny_ds.filter_by_difficulty(DifficultyLevel.Hard)


def test_presets_keep_the_crate_values() -> None:
    d, m, c = ToolDatasetConfig.default(), ToolDatasetConfig.minimal(), ToolDatasetConfig.comprehensive()
    assert (d.examples_per_tool, m.examples_per_tool, c.examples_per_tool) == (10, 3, 20)
    assert (d.error_case_ratio, m.error_case_ratio, c.error_case_ratio) == (0.15, 0.0, 0.2)
    assert (d.include_error_cases, m.include_error_cases, c.include_error_cases) == (True, False, True)
    assert (d.include_multi_step, m.include_multi_step) == (True, False)
    assert (d.include_alternatives, m.include_alternatives) == (True, False)
    assert d.seed == m.seed == c.seed == 42
    assert d.difficulty_weights == m.difficulty_weights == DifficultyWeights(easy=0.3, medium=0.4, hard=0.2, expert=0.1)
    assert c.difficulty_weights == DifficultyWeights(easy=0.25, medium=0.35, hard=0.25, expert=0.15)
    assert d.irrelevant_ratio == 0.1
    with pytest.raises(ValueError):
        ToolDatasetConfig(val_ratio=0.5, test_ratio=0.5)
    assert ToolDatasetConfig.preset("minimal").with_overrides(seed=7).seed == 7
    with pytest.raises(McptrainError, match="held_out_tools"):
        d.with_overrides(held_out_tools=-1)
    with pytest.raises(McptrainError):
        ToolDatasetConfig.preset("huge")


def test_stats_arithmetic(tiny_ds: ToolCallDataset) -> None:
    s = tiny_ds.stats
    assert s.total_examples == sum(s.by_category.values()) == sum(s.by_kind.values()) == sum(s.by_difficulty.values())
    assert s.success_count + s.error_count == s.total_examples
    assert s.error_count == s.recovery_count == 6
    assert s.irrelevant_count == s.by_category["none"] == 4 and s.multi_step_count == 3
    assert sum(s.by_tool.values()) == s.total_examples - s.irrelevant_count
    assert s.avg_quality == pytest.approx(sum(e.quality_score for e in tiny_ds) / len(tiny_ds), abs=1e-6)
    # hand-made: two examples, one with an invalid call -> schema_valid_rate 1/2
    exs = [
        ToolCallExample(prompt="a", expected_tool="swarm_init", expected_params={"topology": "mesh"}),
        ToolCallExample(prompt="b", expected_tool="swarm_init", expected_params={"topology": "bus"}, quality_score=0.5),
    ]
    two = ToolDatasetStats.compute(exs, TINY_TOOLS)
    assert (two.schema_valid_rate, two.avg_quality, two.by_category) == (0.5, 0.75, {"swarm": 2})


def test_quality_alternatives_and_categories(tiny_ds: ToolCallDataset) -> None:
    ranges = {"Easy": (0.95, 1.0), "Medium": (0.85, 0.95), "Hard": (0.75, 0.90), "Expert": (0.70, 0.90)}
    for e in tiny_ds:
        if e.kind == "recovery":
            assert e.quality_score == 0.7
        else:
            lo, hi = ranges[e.difficulty.value]
            assert lo <= e.quality_score <= hi
    store = tiny_ds.filter_by_tool("memory_store")[0]
    assert store.alternatives == ["memory_stats"] and store.category == "MemoryOperations"
    assert tiny_ds.filter_by_tool("swarm_init")[0].category == "SwarmCoordination"


def test_exports(tiny_ds: ToolCallDataset, tmp_path: Path) -> None:
    tiny_ds.export_jsonl(tmp_path / "d.jsonl")
    assert read_jsonl_models(tmp_path / "d.jsonl", ToolCallExample) == tiny_ds.examples
    first = json.loads((tmp_path / "d.jsonl").read_text().splitlines()[0])
    assert "error_message" in first  # None is written as null, never omitted
    tiny_ds.export_json(tmp_path / "d.json")
    assert len(json.loads((tmp_path / "d.json").read_text())) == 37
    tiny_ds.export_tool_defs(tmp_path / "tools.json")
    defs = json.loads((tmp_path / "tools.json").read_text())
    assert defs[0]["category"] == "SwarmCoordination"
    assert [p["name"] for p in defs[0]["required_params"]] == ["topology"]


# --- the built-in catalogues --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ruvllm", "claude-flow"])
def test_builtin_catalogue_default_preset(name: str) -> None:
    cat = _builtin(name)
    s = generate_splits(cat, ToolDatasetConfig.default())
    examples = s.train.examples + s.val.examples + s.test.examples
    _check_examples(examples, cat)
    total = ToolDatasetStats.compute(examples, cat.tools)
    assert total.schema_valid_rate == 1.0
    assert all(total.by_tool.get(t.name, 0) >= 10 for t in cat.tools)
    assert total.irrelevant_count / total.total_examples >= 0.10
    assert total.recovery_count / total.total_examples >= 0.10
    assert total.multi_step_count > 0
    assert s.stats.test_patterns_in_train == 0.0
    assert len({e.prompt for e in examples}) > 0.97 * len(examples)


# --- natural requests: the general catalogue --------------------------------------------------------

LOAN = ToolSpec(
    name="finance.loan_payment",
    category="finance",
    description="Calculate the monthly payment on a loan.",
    input_schema={
        "type": "object",
        "properties": {
            "principal": {"type": "number", "x-mcptrain-kind": "money", "x-mcptrain-range": [1000, 500000]},
            "rate": {"type": "number", "x-mcptrain-kind": "percent", "x-mcptrain-range": [1, 9]},
            "years": {"type": "integer", "x-mcptrain-unit": "years", "x-mcptrain-range": [1, 30]},
            "insured": {"type": "boolean"},
            "plan": {"type": "string", "enum": ["fixed", "variable_rate"]},
        },
        "required": ["principal", "rate", "years"],
        "x-mcptrain-requests": [
            "work out the payment on a {principal} loan at {rate} over {years}[ {insured?with insurance|uninsured}]"
            "[ on a {plan=fixed:fixed-rate|variable_rate:variable} plan]",
        ],
    },
)


def test_fill_request_writes_values_and_drops_unfilled_optional_parts() -> None:
    rng = random.Random(0)
    text, used = ph.fill_request(
        LOAN.input_schema["x-mcptrain-requests"][0], {"principal": 2500, "rate": 3.5, "years": 5}, LOAN, rng
    )
    assert used == {"principal", "rate", "years"}
    assert text.startswith("work out the payment on a ") and "insur" not in text and "plan" not in text
    assert all(value_in_text(v, text) for v in (2500, 3.5, 5)), text
    args = {"principal": 2500, "rate": 3.5, "years": 5, "insured": False, "plan": "variable_rate"}
    text, used = ph.fill_request(LOAN.input_schema["x-mcptrain-requests"][0], args, LOAN, rng)
    assert text.endswith(" uninsured on a variable plan") and used == set(args)
    assert ph.fill_request("pay {principal} for {missing}", {"principal": 1}, LOAN, rng) is None
    assert ph.template_params("a {x}[ b {y}][ {z?on|off}]") == ({"x"}, {"x", "y", "z"})


def test_natural_numbers_are_written_as_people_do_and_read_back() -> None:
    from mcptrain.dataset.values import number_texts
    from mcptrain.policy.text import parse_number

    rng = random.Random(1)
    props = LOAN.input_schema["properties"]
    money = {ph.natural_number_text(2500, props["principal"], rng) for _ in range(200)}
    assert {"$2,500", "$2500", "2,500 dollars", "2500 USD"} <= money
    assert {ph.natural_number_text(3.5, props["rate"], rng) for _ in range(100)} == {"3.5%", "3.5 percent"}
    years = {ph.natural_number_text(5, props["years"], rng) for _ in range(200)}
    assert years == {"5 years", "five years"}
    assert ph.natural_number_text(1, props["years"], random.Random(0)) in ("1 year", "one year")
    # Every spelling the generator writes is one the router parses back to the same number.
    for n in [*range(0, 21), 30, 40, 50, 60, 70, 80, 90, 1000, 2500, 123456, -3, 0.25]:
        for t in number_texts(n):
            assert parse_number(t) == n, t
    # Lists: JSON, or "a, b and c"; both read back item by item
    lists = {ph.natural_value_text([3, 8, 1], {"type": "array"}, rng) for _ in range(60)}
    assert {"[3, 8, 1]", "3, 8 and 1"} <= lists


@pytest.fixture(scope="module")
def general_splits():
    return generate_splits(_builtin("general"), ToolDatasetConfig.default())


def test_general_catalogue_calls_read_like_real_requests(general_splits) -> None:
    """No call gives two parameters one string ("from Columbus to Columbus"), and its dates come in
    parameter order (a start before its end). Single calls: a later step of a multi-step request
    keeps the values earlier steps set."""
    s = general_splits
    calls = [c for e in s.train.examples + s.val.examples + s.test.examples if not e.expected_calls for c in _calls(e)]
    dated = 0
    for c in calls:
        strings = [v for v in c.arguments.values() if isinstance(v, str)]
        assert len(strings) == len(set(strings)), c
        dates = [v for v in strings if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)]
        assert dates == sorted(dates), c
        dated += len(dates) > 1
    assert dated > 20


def test_general_catalogue_examples_validate_and_values_read_back(general_splits) -> None:
    cat = Catalogue.builtin("general")
    s = general_splits
    examples = s.train.examples + s.val.examples + s.test.examples
    assert s.stats.total.schema_valid_rate == 1.0 and s.stats.test_patterns_in_train == 0.0
    assert all(s.stats.total.by_tool.get(t.name, 0) >= 10 for t in cat)
    # Bare Easy/Medium irrelevant requests repeat ("Why is the sky blue?"); tool requests do not.
    tool_prompts = [e.prompt for e in examples if e.expected_tool]
    assert len(set(tool_prompts)) > 0.99 * len(tool_prompts)
    assert len({e.prompt for e in examples}) > 0.95 * len(examples)
    natural_lists = 0
    for e in examples:
        for c in _calls(e):
            props = cat.get(c.name).properties
            for k, v in c.arguments.items():
                if isinstance(v, bool) or "enum" in props[k]:
                    continue  # said in words ("including tax", "in Celsius"): chosen, not copied
                if isinstance(v, list) and not value_in_text(v, e.prompt):
                    assert all(value_in_text(x, e.prompt) for x in v), (k, v, e.prompt)
                    natural_lists += 1
                    continue
                assert value_in_text(v, e.prompt, props[k]), (k, v, e.prompt)  # dates as people write them
    assert natural_lists > 0
    # Values vary per parameter rather than cycling through a few.
    cities = {e.expected_params["location"] for e in examples if e.expected_tool == "get_current_weather"}
    amounts = {e.expected_params["principal"] for e in examples if e.expected_tool == "finance.loan_payment"}
    assert len(cities) >= 8 and len(amounts) >= 8
    # No "irrelevant" request on a topic the catalogue serves (weather, unit conversion, translation...).
    covered = {t.id for t in ph.IRRELEVANT if ph.IRRELEVANT_DOMAINS.get(t.topic, frozenset()) & set(cat.categories)}
    irrelevant = [e for e in examples if e.kind == "irrelevant"]
    assert irrelevant and not [e for e in irrelevant if e.pattern in covered]


def test_general_catalogue_is_deterministic(general_splits) -> None:
    again = generate_splits(Catalogue.builtin("general"), ToolDatasetConfig.default())
    assert [e.model_dump() for e in again.train] == [e.model_dump() for e in general_splits.train]
    other = generate_splits(Catalogue.builtin("general"), ToolDatasetConfig.default().with_overrides(seed=7))
    assert [e.prompt for e in other.train] != [e.prompt for e in general_splits.train]


def test_candidate_subsets_offer_few_tools_and_sometimes_not_the_right_one() -> None:
    cat = Catalogue.builtin("ruvllm")
    splits = generate_splits(cat, ToolDatasetConfig.default().with_overrides(candidate_subset_ratio=1.0))
    examples = splits.train.examples + splits.test.examples
    subset = [ex for ex in examples if ex.candidate_tools is not None]
    assert len(subset) > 0.6 * len(examples)  # every single-call and irrelevant example
    assert all(1 <= len(ex.candidate_tools) <= 5 for ex in subset)
    offered = [ex for ex in subset if ex.expected_tool is not None]
    assert all(ex.expected_tool in ex.candidate_tools for ex in offered)
    withheld = [ex for ex in subset if "right tool not offered" in (ex.context or "")]
    assert withheld and all(ex.expected_tool is None and ex.kind == "irrelevant" for ex in withheld)
    assert 0.1 < len(withheld) / len(subset) < 0.4
    again = generate_splits(cat, ToolDatasetConfig.default().with_overrides(candidate_subset_ratio=1.0))
    assert [ex.candidate_tools for ex in again.train.examples] == [ex.candidate_tools for ex in splits.train.examples]
    plain = generate_splits(cat, ToolDatasetConfig.default())
    assert all(ex.candidate_tools is None for ex in plain.train.examples)  # off by default


# --- phrasebooks: tools asked for in people's words, some wordings kept for test ------------------

SWARM_WORDS = [
    "bring up a {topology} swarm[ of at most {maxAgents} agents]",
    "I need a swarm wired as a {topology}",
    "get a {topology} swarm going[ with room for {maxAgents} workers]",
    "stand up a fresh swarm, {topology} layout",
    "could you spin up a swarm shaped like a {topology}",
    "kick off a {topology} cluster of agents",
]


def test_phrasebook_wordings_are_used_and_test_wordings_never_reach_training(tiny, tmp_path):
    book = tmp_path / "book.json"
    book.write_text(json.dumps({"swarm_init": SWARM_WORDS}))
    cat = tiny.with_phrasebook(book)
    splits = generate_splits(cat, TINY_CONFIG.with_overrides(examples_per_tool=40))
    held = [i for i in splits.stats.patterns.test if i.startswith("req:swarm_init:")]
    assert len(held) == 2  # round(6 * 0.3)

    def wordings(examples: list[ToolCallExample]) -> set[int]:
        heads = [re.escape(w.split(" {")[0].split("[")[0]) for w in SWARM_WORDS]
        return {i for ex in examples if ex.expected_tool == "swarm_init"
                for i, h in enumerate(heads) if re.search(h, ex.prompt, re.I)}  # fmt: skip

    held_idx = {int(i.rsplit(":", 1)[1]) for i in held}
    assert wordings(splits.test.examples) & held_idx
    assert not wordings(splits.train.examples + splits.val.examples) & held_idx
    assert wordings(splits.train.examples) - held_idx


def test_a_phrasebook_with_few_wordings_shares_them(tiny, tmp_path):
    book = tmp_path / "book.json"
    book.write_text(json.dumps({"swarm_init": SWARM_WORDS[:ph.MIN_SPLIT_REQUESTS - 1]}))
    parts = partition_patterns(42, 0.3, list(tiny.with_phrasebook(book)))
    assert not [i for i in parts.test + parts.train if i.startswith("req:")]


def test_a_sentence_wording_is_asked_on_its_own_and_never_inside_a_frame(tiny, tmp_path):
    book = tmp_path / "book.json"
    book.write_text(json.dumps({"swarm_init": ["is a {topology} swarm up yet?"]}))
    ds = ToolCallDataset.generate(tiny.with_phrasebook(book), TINY_CONFIG.with_overrides(examples_per_tool=60))
    asked = [ex.prompt for ex in ds.examples if "swarm up yet?" in ex.prompt]
    assert asked, "the sentence wording is used"
    for prompt in asked:  # a question stays a question: "Is a mesh swarm up yet?", maybe after a distractor
        assert re.search(r"(^|\. )Is a \w+ swarm up yet\?", prompt), prompt
    multi = [ex.prompt for ex in ds.examples if ex.kind == "multi_step"]
    assert multi and not [p for p in multi if "up yet" in p]
