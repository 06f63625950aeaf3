"""Evaluation: the crate's `EvaluationMetrics`, each field measuring what its name says.

    >>> m = evaluate([ToolCall(name="memory_store", arguments={"key": "k"}), None], examples, catalogue)
    >>> m.tool_accuracy, m.num_samples
    (1.0, 2)

Definitions (n = examples evaluated; "tool requests" = examples whose expected_tool is not None):
- tool_accuracy: predicted tool == expected tool, a correct "no tool" included.
- param_accuracy: over tool requests, right tool AND every expected argument equal (strings
  case-insensitively, numbers numerically); extra arguments are allowed.
- exact_call_accuracy: right tool and exactly the expected arguments (no extras, none missing);
  for requests no tool serves, no call.
- irrelevance_accuracy: over requests no tool serves, share answered with no call.
- schema_valid_rate: over predictions that call a tool, share whose arguments validate.
- error_recovery_rate: over recovery examples, share whose corrected call is exactly right.
- avg_reward: mean of the crate's composite reward of the predictions (not the data's quality label).
The crate filled `avg_reward` with the dataset's own quality score and left param accuracy and
error recovery at 0; these are computed.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from mcptrain.catalogue import Catalogue
from mcptrain.rewards import REWARDS, validate_arguments, values_equal
from mcptrain.types import ToolCall, ToolCallExample, category_short

NONE = "<none>"
"""How "no tool" appears in confusion matrices and per-category maps."""


class EvaluationMetrics(BaseModel):
    """The crate's fields (same names and JSON keys) plus ours, with 95% bootstrap intervals."""

    tool_accuracy: float = 0.0
    accuracy_by_category: dict[str, float] = Field(default_factory=dict)
    accuracy_by_difficulty: dict[str, float] = Field(default_factory=dict)
    param_accuracy: float = 0.0
    error_recovery_rate: float = 0.0
    avg_reward: float = 0.0
    num_samples: int = 0
    confusion: dict[str, dict[str, int]] = Field(default_factory=dict)
    exact_call_accuracy: float = 0.0
    irrelevance_accuracy: float = 0.0
    schema_valid_rate: float = 0.0
    num_tool_requests: int = 0
    num_irrelevant: int = 0
    num_recovery: int = 0
    confidence_intervals: dict[str, tuple[float, float]] = Field(default_factory=dict)
    """Metric name -> (low, high), 95% percentile bootstrap over examples."""


def params_match(call: ToolCall | None, ex: ToolCallExample) -> bool:
    """Right tool and every expected argument present and equal (extras allowed)."""
    if call is None or ex.expected_tool is None or call.name != ex.expected_tool:
        return False
    return all(k in call.arguments and values_equal(call.arguments[k], v) for k, v in ex.expected_params.items())


def evaluate(
    calls: list[ToolCall | None],
    examples: list[ToolCallExample],
    catalogue: Catalogue,
    *,
    n_bootstrap: int = 1000,
    seed: int = 0,
) -> EvaluationMetrics:
    """Score predicted calls against examples (same order)."""
    if len(calls) != len(examples):
        raise ValueError(f"{len(calls)} predictions for {len(examples)} examples")
    n = len(examples)
    if n == 0:
        return EvaluationMetrics()

    pairs = list(zip(calls, examples, strict=True))
    tool_ok = np.array([(c.name if c else None) == ex.expected_tool for c, ex in pairs])
    exact_ok = np.array(REWARDS["exact_match"](calls, examples)) == 1.0  # Tool-N1's binary exact match
    is_tool_req = np.array([ex.expected_tool is not None for ex in examples])
    is_recovery = np.array([ex.kind == "recovery" for ex in examples])
    param_ok = np.array([params_match(c, ex) for c, ex in pairs])
    # a call to a tool the catalogue lacks cannot validate
    valid = np.array([c.name in catalogue and not validate_arguments(catalogue.get(c.name), c.arguments)
                      for c in calls if c is not None])  # fmt: skip
    rewards = REWARDS["composite"](calls, examples, catalogue=catalogue)

    by_cat: dict[str, list[bool]] = defaultdict(list)
    by_diff: dict[str, list[bool]] = defaultdict(list)
    confusion: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c, ex, ok in zip(calls, examples, tool_ok, strict=True):
        tool = ex.expected_tool
        cat = category_short(catalogue.get(tool).category) if tool is not None and tool in catalogue else NONE
        by_cat[cat].append(bool(ok))
        by_diff[ex.difficulty.value].append(bool(ok))
        confusion[ex.expected_tool or NONE][c.name if c else NONE] += 1

    masks: dict[str, tuple[np.ndarray, np.ndarray]] = {
        "tool_accuracy": (tool_ok, np.ones(n, bool)),
        "exact_call_accuracy": (exact_ok, np.ones(n, bool)),
        "param_accuracy": (param_ok, is_tool_req),
        "irrelevance_accuracy": (tool_ok, ~is_tool_req),
        "error_recovery_rate": (exact_ok, is_recovery),
    }
    return EvaluationMetrics(
        tool_accuracy=_mean(tool_ok),
        accuracy_by_category={k: _mean(np.array(v)) for k, v in by_cat.items()},
        accuracy_by_difficulty={k: _mean(np.array(v)) for k, v in sorted(by_diff.items())},
        param_accuracy=_mean(param_ok[is_tool_req]),
        error_recovery_rate=_mean(exact_ok[is_recovery]),
        avg_reward=float(np.mean([r for r in rewards if r is not None])) if rewards else 0.0,
        num_samples=n,
        confusion={k: dict(v) for k, v in confusion.items()},
        exact_call_accuracy=_mean(exact_ok),
        irrelevance_accuracy=_mean(tool_ok[~is_tool_req]),
        schema_valid_rate=_mean(valid),
        num_tool_requests=int(is_tool_req.sum()),
        num_irrelevant=int((~is_tool_req).sum()),
        num_recovery=int(is_recovery.sum()),
        confidence_intervals={
            name: bootstrap_ci(ok, mask, n_bootstrap, seed) for name, (ok, mask) in masks.items() if mask.any()
        },
    )


def bootstrap_ci(
    ok: np.ndarray, mask: np.ndarray, n_bootstrap: int = 1000, seed: int = 0, level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap of mean(ok[mask]) resampling examples.

    >>> bootstrap_ci(np.array([1, 1, 0, 1]), np.ones(4, bool))   # mean 0.75
    (0.25, 1.0)
    """
    values = ok[mask].astype(float)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(values), size=(n_bootstrap, len(values)))  # [R, n]
    means = values[idx].mean(axis=1)  # [R]
    lo, hi = np.quantile(means, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(lo), float(hi)


def paired_difference_ci(
    a_ok: np.ndarray, b_ok: np.ndarray, n_bootstrap: int = 1000, seed: int = 0, level: float = 0.95
) -> tuple[float, float, float]:
    """mean(b_ok) - mean(a_ok) on the same examples, with a percentile bootstrap that resamples
    examples for both at once (two policies on one test set: tighter than two separate intervals).

    >>> paired_difference_ci(np.array([1, 0, 0, 1]), np.array([1, 1, 0, 1]))   # 0.75 - 0.5
    (0.25, 0.0, 0.75)
    """
    diff = b_ok.astype(float) - a_ok.astype(float)  # [n]
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(diff), size=(n_bootstrap, len(diff)))  # [R, n]
    means = diff[idx].mean(axis=1)  # [R]
    lo, hi = np.quantile(means, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(diff.mean()), float(lo), float(hi)


def metrics_table_rows(metrics: EvaluationMetrics) -> list[tuple[str, str, str]]:
    """(metric, value, 95% CI) rows for a rich or Markdown table."""
    rows = []
    for name in ("tool_accuracy", "exact_call_accuracy", "param_accuracy", "irrelevance_accuracy",
                 "error_recovery_rate", "schema_valid_rate", "avg_reward"):  # fmt: skip
        value: Any = getattr(metrics, name)
        ci = metrics.confidence_intervals.get(name)
        rows.append((name, f"{value:.3f}", f"[{ci[0]:.3f}, {ci[1]:.3f}]" if ci else ""))
    return rows


def _mean(a: np.ndarray) -> float:
    return float(a.mean()) if a.size else 0.0
