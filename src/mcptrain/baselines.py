"""Baselines the benchmark measures the router against. They choose a tool only (no arguments).

- `KeywordPredictor`: the ruvllm crate's `predict_tool`, ported rule for rule (spec §4.4): the
  first tool whose use case is a substring of the request, then seven hard-wired fallbacks, then
  `system_status`. It never answers "no tool".
- `Bm25Predictor`: BM25 (rank_bm25) over each tool's name, description, parameter names and use
  cases, with a "no tool" score threshold fitted on training examples.
- `EncoderCosinePredictor`: the untrained sentence encoder's cosine between request and tool
  document, with the same fitted threshold.

    >>> KeywordPredictor(Catalogue.builtin("ruvllm")).predict_tool("spawn a coder agent")
    'agent_spawn'
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from mcptrain.catalogue import Catalogue
from mcptrain.types import ToolCall, ToolCallExample, ToolSpec

# The crate's fallback rules, in its order: (any of these substrings, tool).
_FALLBACKS = [
    (("spawn", "agent"), "agent_spawn"),
    (("memory", "store"), "memory_store"),
    (("search",), "memory_search"),
    (("swarm", "initialize"), "swarm_init"),
    (("task",), "task_create"),
    (("hook", "route"), "hooks_route"),
]
_DEFAULT = "system_status"


class KeywordPredictor:
    """The crate's keyword matcher: substring lookup of use cases, then fallbacks."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.use_cases = [(t.name, [u.lower() for u in t.use_cases]) for t in catalogue]

    def predict_tool(self, prompt: str) -> str:
        p = prompt.lower()
        for name, cases in self.use_cases:
            if any(case in p for case in cases):
                return name
        for needles, tool in _FALLBACKS:
            if any(n in p for n in needles):
                return tool
        return _DEFAULT

    def predict(self, examples: list[ToolCallExample]) -> list[ToolCall | None]:
        return [ToolCall(name=self.predict_tool(ex.prompt)) for ex in examples]


def tokenize(text: str) -> list[str]:
    """Lower-case word pieces, splitting snake_case, kebab-case and camelCase.

    >>> tokenize("hive-mind_init agentType")
    ['hive', 'mind', 'init', 'agent', 'type']
    """
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    return re.findall(r"[a-z0-9]+", text.lower())


def tool_document(tool: ToolSpec) -> str:
    """The text a lexical or embedding baseline sees for a tool."""
    params = " ".join(f"{n} {p.get('description', '')}" for n, p in tool.properties.items())
    return " ".join([tool.name, tool.description, params, *tool.use_cases])


class ScoringPredictor:
    """A score per (request, tool); the best tool unless its score is under a fitted threshold."""

    names: list[str]
    threshold: float = float("-inf")

    def scores_of(self, examples: list[ToolCallExample]) -> np.ndarray:  # [N, T]
        raise NotImplementedError

    def fit_threshold(self, examples: list[ToolCallExample]) -> float:
        """Choose the "no tool" threshold that maximises tool accuracy on `examples`."""
        scores = self.scores_of(examples)  # [N, T]
        top, pred = scores.max(axis=1), scores.argmax(axis=1)  # [N], [N]
        gold = [ex.expected_tool for ex in examples]
        candidates = np.unique(np.concatenate([[-np.inf], top]))
        accs = [
            np.mean([(None if s < th else self.names[i]) == g for s, i, g in zip(top, pred, gold, strict=True)])
            for th in candidates
        ]
        self.threshold = float(candidates[int(np.argmax(accs))])
        return self.threshold

    def predict(self, examples: list[ToolCallExample]) -> list[ToolCall | None]:
        out: list[ToolCall | None] = []
        for row in self.scores_of(examples):
            i = int(row.argmax())
            out.append(None if row[i] < self.threshold else ToolCall(name=self.names[i]))
        return out


class Bm25Predictor(ScoringPredictor):
    """BM25 over tool documents; below a fitted score threshold it answers "no tool"."""

    def __init__(self, catalogue: Catalogue) -> None:
        from rank_bm25 import BM25Okapi  # benchmark-only dependency

        self.names = catalogue.names
        self.bm25 = BM25Okapi([tokenize(tool_document(t)) for t in catalogue])

    def scores_of(self, examples: list[ToolCallExample]) -> np.ndarray:
        return np.stack([np.asarray(self.bm25.get_scores(tokenize(ex.prompt))) for ex in examples])  # [N, T]


class EncoderCosinePredictor(ScoringPredictor):
    """The untrained sentence encoder: cosine between the request and each tool's document."""

    def __init__(self, catalogue: Catalogue, encoder: Any) -> None:
        self.names = catalogue.names
        self.encoder = encoder
        self.tools = encoder.embed([tool_document(t) for t in catalogue]).float()  # [T, H], normalised

    def scores_of(self, examples: list[ToolCallExample]) -> np.ndarray:
        requests = self.encoder.embed([ex.prompt for ex in examples]).float()  # [N, H]
        return (requests @ self.tools.T).numpy()  # [N, T]
