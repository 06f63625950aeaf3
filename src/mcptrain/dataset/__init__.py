"""Datasets of tool-calling examples: generation from any catalogue, leakage-free splits, export.

    >>> from mcptrain.dataset import ToolDatasetConfig, generate_splits, write_splits
    >>> splits = generate_splits(Catalogue.builtin("claude-flow"), ToolDatasetConfig.default())
    >>> write_splits("data/claude-flow", splits, catalogue)   # train/val/test.jsonl, tools.json, stats.json
"""

from mcptrain.dataset.generator import (
    DifficultyWeights,
    Generator,
    Job,
    ToolCallDataset,
    ToolDatasetConfig,
    ToolDatasetStats,
    counts,
    derive_rng,
    plan_jobs,
)
from mcptrain.dataset.splits import (
    DatasetSplits,
    PatternPartition,
    SplitStats,
    generate_splits,
    leakage,
    partition_patterns,
    write_splits,
)
from mcptrain.dataset.values import ArgValidator, synth_args, synth_value, value_in_text
from mcptrain.types import DifficultyLevel, ToolCallExample

__all__ = [
    "ArgValidator",
    "DatasetSplits",
    "DifficultyLevel",
    "DifficultyWeights",
    "Generator",
    "Job",
    "PatternPartition",
    "SplitStats",
    "ToolCallDataset",
    "ToolCallExample",
    "ToolDatasetConfig",
    "ToolDatasetStats",
    "counts",
    "derive_rng",
    "generate_splits",
    "leakage",
    "partition_patterns",
    "plan_jobs",
    "synth_args",
    "synth_value",
    "value_in_text",
    "write_splits",
]
