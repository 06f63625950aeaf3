"""Train / val / test splits that measure generalisation, not memorisation.

A random split (the crate's `split()`) puts the same sentence patterns on both sides, so a model
that learns "this frame + these nouns -> that tool" looks perfect. Here:

- every family of phrasing patterns (Easy/Medium/Hard/Expert frames, multi-step joins, everyday and
  near-miss irrelevant templates) is partitioned by the seed: test patterns never appear in train or
  val, and every example records its `pattern` id (its frame or template);
- below the frame, each verb's paraphrases, each class of goal wordings and the distractor wordings
  are partitioned the same way, so test requests also use verbs and wordings training never saw;
- optionally some tools are held out: their examples (and any multi-step request that uses them)
  exist only in test, and train/val requests never mention them, not even as distractors;
- per tool, test and val get their share of that tool's examples (cumulative rounding, so the
  totals match the ratios and every tool is split as evenly as whole numbers allow).

    >>> splits = generate_splits(Catalogue.builtin("ruvllm"), ToolDatasetConfig())
    >>> write_splits("data/ruvllm", splits, catalogue)
    [PosixPath('data/ruvllm/train.jsonl'), ..., PosixPath('data/ruvllm/stats.json')]

Written files (all or none):
    train.jsonl  val.jsonl  test.jsonl   one ToolCallExample per line
    tools.json   {"name", "version", "source", "tools": [ToolSpec, ...]}
    stats.json   SplitStats: config, held-out tools, pattern partition, per-split ToolDatasetStats, leakage
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from mcptrain.dataset import phrasing as ph
from mcptrain.dataset.generator import (
    Generator,
    Job,
    ProgressFn,
    ToolCallDataset,
    ToolDatasetConfig,
    ToolDatasetStats,
    derive_rng,
    example_lines,
    plan_jobs,
)
from mcptrain.errors import McptrainError
from mcptrain.io import atomic_write_many, dumps_pretty
from mcptrain.types import ToolCallExample, ToolSpec

if TYPE_CHECKING:
    from mcptrain.catalogue import Catalogue

SPLITS = ("train", "val", "test")


class PatternPartition(BaseModel):
    """Pattern ids usable in train/val and those reserved for test (sorted lists, for stable files)."""

    train: list[str] = Field(default_factory=list)
    test: list[str] = Field(default_factory=list)


def pattern_families(tools: Sequence[ToolSpec] = ()) -> dict[str, list[list[str]]]:
    """Every pattern id by family, in groups that must stay on one side of the split.

    Frames that differ only in how arguments are written (`{VP}{args_with}.` and `{VP}.{args_sent}`)
    give the same words for a tool without arguments, so they form one group. A tool with at least
    `ph.MIN_SPLIT_REQUESTS` requests in its own words (a phrasebook) is a family of its own.
    """
    fams: dict[str, list[list[str]]] = {}
    for level, frames in ph.DIFFICULTY_FRAMES.items():
        groups: dict[str, list[str]] = {}
        for f in frames:
            groups.setdefault(re.sub(r"\{args_\w+\}", "", f.template), []).append(f.id)
        fams[level] = list(groups.values())
    fams["multi"] = [[f.id] for f in ph.MULTI]
    for family in ("everyday", "near_miss"):
        fams[family] = [[t.id] for t in ph.IRRELEVANT if t.family == family]
    for family, ids in ph.lexical_families().items():
        fams[family] = [[i] for i in ids]
    for tool in tools:
        if ids := ph.split_request_ids(tool):
            fams[f"req:{tool.name}"] = [[i] for i in ids]
    return fams


def partition_patterns(seed: int, test_ratio: float, tools: Sequence[ToolSpec] = ()) -> PatternPartition:
    """Reserve round(groups * test_ratio) pattern groups of each family for test (at least 1, at
    most all but one); `tools` adds each tool's own wordings (see `pattern_families`).

        >>> p = partition_patterns(42, 0.3)
        >>> len([i for i in p.test if i.startswith("multi-")])   # 14 multi-step joins -> 4 for test
        4
    """
    train: list[str] = []
    test: list[str] = []
    for family, groups in pattern_families(tools).items():
        groups = sorted(groups)
        derive_rng(seed, "patterns", family).shuffle(groups)
        n = len(groups)
        n_test = min(n - 1, max(1, math.floor(n * test_ratio + 0.5))) if n > 1 else 0
        test += [i for g in groups[:n_test] for i in g]
        train += [i for g in groups[n_test:] for i in g]
    return PatternPartition(train=sorted(train), test=sorted(test))


def choose_held_out(tools: Sequence[ToolSpec], config: ToolDatasetConfig) -> list[str]:
    """The held-out tools, in catalogue order: the named ones, else `held_out_tools` drawn by seed."""
    names = [t.name for t in tools]
    if config.held_out_tool_names:
        unknown = [n for n in config.held_out_tool_names if n not in names]
        if unknown:
            raise McptrainError(f"held-out tools not in the catalogue: {', '.join(unknown)}; check the names")
        wanted = set(config.held_out_tool_names)
    else:
        if config.held_out_tools >= len(names):
            raise McptrainError(
                f"held_out_tools={config.held_out_tools} leaves no tool for training "
                f"(the catalogue has {len(names)}); hold out fewer"
            )
        pool = list(names)
        derive_rng(config.seed, "held-out").shuffle(pool)
        wanted = set(pool[: config.held_out_tools])
    return [n for n in names if n in wanted]


def _quotas(sizes: list[int], ratio: float) -> list[int]:
    """Cumulative rounding: group i gets round(ratio * sum(sizes[:i+1])) - round(ratio * sum(sizes[:i])),
    so the total is round(ratio * sum(sizes)) and each group is within one of its exact share.

        >>> _quotas([10, 10, 10], 0.15)   # 1.5, 3.0, 4.5 -> 2, 3, 5
        [2, 1, 2]
    """
    out, cum, prev = [], 0, 0
    for s in sizes:
        cum += s
        now = math.floor(cum * ratio + 0.5)
        out.append(now - prev)
        prev = now
    return out


def assign_splits(jobs: list[Job], config: ToolDatasetConfig, held_out: Sequence[str]) -> list[Job]:
    """Give every job a split. Held-out tools' jobs go to test. The rest are split by group (each
    tool's single + recovery jobs, in catalogue order; the multi-step jobs; the irrelevant jobs),
    with cumulative rounding across the tool groups so the totals follow the ratios."""
    held = set(held_out)
    groups: dict[str, list[Job]] = {}
    out: list[Job] = []
    for job in jobs:
        if job.tool in held:
            out.append(Job(job.kind, job.tool, job.index, "test"))
            continue
        key = f"tool:{job.tool}" if job.kind in ("single", "recovery") else job.kind
        groups.setdefault(key, []).append(job)
    keys = list(groups)
    tool_keys = [k for k in keys if k.startswith("tool:")]
    sizes = [len(groups[k]) for k in tool_keys]
    n_test = dict(zip(tool_keys, _quotas(sizes, config.test_ratio), strict=True))
    n_val = dict(zip(tool_keys, _quotas(sizes, config.val_ratio), strict=True))
    for k in keys:
        members = list(groups[k])
        derive_rng(config.seed, "assign", k).shuffle(members)
        t = n_test.get(k, math.floor(len(members) * config.test_ratio + 0.5))
        v = min(n_val.get(k, math.floor(len(members) * config.val_ratio + 0.5)), len(members) - t)
        labels = ["test"] * t + ["val"] * v + ["train"] * (len(members) - t - v)
        out += [Job(j.kind, j.tool, j.index, lab) for j, lab in zip(members, labels, strict=True)]
    return out


class SplitStats(BaseModel):
    """What `stats.json` holds: enough to know how the files were made and what they contain."""

    catalogue: str
    catalogue_version: str | None = None
    tool_count: int
    seed: int
    config: ToolDatasetConfig
    held_out_tools: list[str] = Field(default_factory=list)
    patterns: PatternPartition
    total: ToolDatasetStats
    """All three splits together."""
    train: ToolDatasetStats
    val: ToolDatasetStats
    test: ToolDatasetStats
    test_patterns_in_train: float = 0.0
    """Share of test examples whose pattern id also occurs in train (0 by construction)."""
    test_prompts_in_train: float = 0.0
    """Share of test prompts that occur verbatim in train."""
    test_tools_unseen: float = 0.0
    """Share of test tool examples whose expected tool never appears in train (held-out tools)."""

    @property
    def total_examples(self) -> int:
        return self.total.total_examples

    @property
    def irrelevant_count(self) -> int:
        return self.total.irrelevant_count

    @property
    def recovery_count(self) -> int:
        return self.total.recovery_count

    @property
    def multi_step_count(self) -> int:
        return self.total.multi_step_count


@dataclass
class DatasetSplits:
    train: ToolCallDataset
    val: ToolCallDataset
    test: ToolCallDataset
    stats: SplitStats


def restrict_candidates(
    example: ToolCallExample, tools: list[ToolSpec], ratio: float, rng: random.Random
) -> ToolCallExample:
    """With probability `ratio`, offer a single-call or irrelevant example only 1-5 candidate tools,
    half of the others from the right tool's category (the hard neighbours). One subset in four
    leaves the right tool out, and the example then expects no call (kind "irrelevant").

        >>> restrict_candidates(ex, tools, 1.0, random.Random(0)).candidate_tools
        ['memory_store', 'memory_delete']
    """
    if example.kind not in ("single", "irrelevant") or rng.random() >= ratio:
        return example
    k = rng.randint(1, 5)
    gold = example.expected_tool
    others = [t for t in tools if t.name != gold]
    if gold is None:
        return example.model_copy(update={"candidate_tools": [t.name for t in rng.sample(others, min(k, len(others)))]})
    category = next(t.category for t in tools if t.name == gold)
    near = [t for t in others if t.category == category]
    picked = rng.sample(near, min(len(near), k // 2)) if near else []
    rest = [t for t in others if t not in picked]
    picked += rng.sample(rest, min(len(rest), k - len(picked)))
    names = [t.name for t in picked]
    if rng.random() < 0.25 and names:  # the right tool is not offered: nothing serves the request
        return example.model_copy(
            update={"candidate_tools": names, "expected_tool": None, "expected_params": {}, "kind": "irrelevant",
                    "expected_calls": None, "context": f"{example.context or ''} (right tool not offered)".strip()}
        )  # fmt: skip
    names = names[: k - 1]
    names.insert(rng.randint(0, len(names)), gold)
    return example.model_copy(update={"candidate_tools": names})


def generate_splits(
    catalogue: Catalogue,
    config: ToolDatasetConfig | None = None,
    on_progress: ProgressFn | None = None,
) -> DatasetSplits:
    """Plan, split and build every example; `on_progress(done, total)` is called once per example.

        >>> s = generate_splits(catalogue, ToolDatasetConfig(held_out_tools=5))
        >>> s.stats.test_patterns_in_train, len(s.stats.held_out_tools)
        (0.0, 5)
    """
    config = config or ToolDatasetConfig.default()
    tools = list(catalogue.tools)
    if not tools:
        raise McptrainError(f"catalogue '{catalogue.name}' has no tools; nothing to generate")
    held_out = choose_held_out(tools, config)
    partition = partition_patterns(config.seed, config.test_pattern_ratio, tools)
    seen, unseen = frozenset(partition.train), frozenset(partition.test)
    allowed = {"train": seen, "val": seen, "test": unseen}
    exclude = {"train": frozenset(held_out), "val": frozenset(held_out), "test": frozenset()}
    # Multi-step jobs seeded by a held-out tool go to test; the others never pick one up (exclude).
    jobs = assign_splits(plan_jobs(tools, config), config, held_out)
    gen = Generator(catalogue, config)
    parts: dict[str, list[ToolCallExample]] = {s: [] for s in SPLITS}
    for i, job in enumerate(jobs):
        parts[job.split].append(gen.realise(job, allowed[job.split], exclude[job.split]))
        if on_progress is not None:
            on_progress(i + 1, len(jobs))
    if config.candidate_subset_ratio > 0:
        for name in SPLITS:
            rng = derive_rng(config.seed, "candidates", name)
            parts[name] = [restrict_candidates(ex, tools, config.candidate_subset_ratio, rng) for ex in parts[name]]
    for name in SPLITS:
        derive_rng(config.seed, "shuffle", name).shuffle(parts[name])
    datasets = {name: ToolCallDataset(parts[name], tools) for name in SPLITS}
    stats = SplitStats(
        catalogue=catalogue.name,
        catalogue_version=catalogue.version,
        tool_count=len(tools),
        seed=config.seed,
        config=config,
        held_out_tools=held_out,
        patterns=partition,
        total=ToolDatasetStats.compute(parts["train"] + parts["val"] + parts["test"], tools),
        train=datasets["train"].stats,
        val=datasets["val"].stats,
        test=datasets["test"].stats,
        **leakage(parts["train"], parts["test"]),
    )
    return DatasetSplits(datasets["train"], datasets["val"], datasets["test"], stats)


def leakage(train: Sequence[ToolCallExample], test: Sequence[ToolCallExample]) -> dict[str, float]:
    """How much of test a model could have memorised from train (patterns, prompts, tools)."""
    train_patterns = {e.pattern for e in train}
    train_prompts = {e.prompt for e in train}
    train_tools = {e.expected_tool for e in train}
    n = len(test) or 1
    tool_tests = [e for e in test if e.expected_tool is not None]
    return {
        "test_patterns_in_train": round(sum(e.pattern in train_patterns for e in test) / n, 6),
        "test_prompts_in_train": round(sum(e.prompt in train_prompts for e in test) / n, 6),
        "test_tools_unseen": round(
            sum(e.expected_tool not in train_tools for e in tool_tests) / (len(tool_tests) or 1), 6
        ),
    }


def write_splits(out_dir: str | Path, splits: DatasetSplits, catalogue: Catalogue) -> list[Path]:
    """Write the five files into `out_dir`: every file goes to a temp file first and all are renamed
    only once all were written, so a failure leaves no half-written set behind."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    contents: dict[str, str] = {}
    for name, ds in (("train", splits.train), ("val", splits.val), ("test", splits.test)):
        contents[f"{name}.jsonl"] = "".join(line + "\n" for line in example_lines(ds.examples))
    contents["tools.json"] = dumps_pretty(catalogue.to_dict())
    contents["stats.json"] = dumps_pretty(splits.stats.model_dump(mode="json"))
    atomic_write_many({out / name: text for name, text in contents.items()})
    return [out / name for name in contents]


__all__ = [
    "SPLITS",
    "DatasetSplits",
    "PatternPartition",
    "SplitStats",
    "assign_splits",
    "choose_held_out",
    "generate_splits",
    "leakage",
    "partition_patterns",
    "pattern_families",
    "write_splits",
]
