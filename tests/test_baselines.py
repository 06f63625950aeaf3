"""Baselines: the crate's keyword predictor (its own unit oracles) and BM25."""

from mcptrain.baselines import Bm25Predictor, KeywordPredictor, tokenize
from mcptrain.catalogue import Catalogue
from mcptrain.types import ToolCallExample

RUVLLM = Catalogue.builtin("ruvllm")


def test_keyword_predictor_reproduces_the_crate():
    k = KeywordPredictor(RUVLLM)
    assert k.predict_tool("spawn a coder agent") == "agent_spawn"  # fallback rule (spec §4.10)
    assert k.predict_tool("store this in memory") == "memory_store"
    # a use case verbatim wins over the fallbacks
    assert k.predict_tool("Please initialize a mesh-based hive-mind now") == "hive-mind_init"
    # "restore" contains "store": the crate sends session_restore requests to memory_store (spec §4.6)
    assert k.predict_tool("Call session_restore") == "memory_store"
    assert k.predict_tool("what is the weather") == "system_status"  # never "no tool"


def test_tokenize_splits_names():
    assert tokenize("hooks_pre-task maxAgents") == ["hooks", "pre", "task", "max", "agents"]


def test_bm25_threshold_learns_no_tool():
    bm = Bm25Predictor(RUVLLM)
    train = [
        ToolCallExample(prompt="terminate the agent now", expected_tool="agent_terminate"),
        ToolCallExample(prompt="a recipe for pancakes please", expected_tool=None),
    ]
    bm.fit_threshold(train)
    calls = bm.predict(train)
    assert calls[0] is not None and calls[0].name == "agent_terminate"
    assert calls[1] is None
