"""The crate's `ToolCallDataset`, generated for real from any catalogue.

Where the crate fills 4 fixed templates with 2 use cases per tool (a dataset string lookup solves
100%), this generator builds each request from the tool's description, name and schema, words it in
one of ~70 frames across four difficulties, weaves the argument values into the text, and adds the
kinds of example the crate lacks: irrelevant requests (no tool applies), modelled error recovery
(a failed first call and the server's error, then the corrected call) and multi-step requests.

    >>> ds = ToolCallDataset.generate(Catalogue.builtin("ruvllm"), ToolDatasetConfig.minimal())
    >>> len(ds), ds.stats.schema_valid_rate
    (160, 1.0)

Counts are exact quotas, not coin flips (the crate draws `is_error` per example), so a small
catalogue gets the configured proportions too:
    recovery per tool   = floor(examples_per_tool * error_case_ratio + 0.5)   (if include_error_cases)
    single per tool     = examples_per_tool - recovery per tool
    multi-step          = floor(tools * examples_per_tool * multi_step_ratio + 0.5)   (if include_multi_step)
    irrelevant          = ceil(irrelevant_ratio * (tool examples + multi-step) / (1 - irrelevant_ratio))
"""

from __future__ import annotations

import hashlib
import math
import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, ValidationError, model_validator

from mcptrain.dataset import phrasing as ph
from mcptrain.dataset.values import ArgValidator, format_number, is_natural, json_text, split_words, synth_args
from mcptrain.errors import McptrainError
from mcptrain.io import atomic_write_lines, atomic_write_text, dumps_compact, dumps_pretty
from mcptrain.types import (
    DifficultyLevel,
    ExampleKind,
    ToolCall,
    ToolCallExample,
    ToolSpec,
    Turn,
    category_label,
    category_short,
)

if TYPE_CHECKING:
    from mcptrain.catalogue import Catalogue

ProgressFn = Callable[[int, int], None]
KINDS: tuple[ExampleKind, ...] = ("single", "irrelevant", "recovery", "multi_step")
LEVELS = (DifficultyLevel.Easy, DifficultyLevel.Medium, DifficultyLevel.Hard, DifficultyLevel.Expert)


def derive_rng(seed: int, *parts: object) -> random.Random:
    """An independent, reproducible stream per purpose (`derive_rng(42, "job", "single", "memory_store", 3)`).

    A stable hash (never Python's `hash()`, which is salted per process) keeps files byte-identical
    across runs, and one stream per example keeps an example unchanged when others are added.
    """
    key = "\x1f".join([str(seed), *(str(p) for p in parts)]).encode()
    return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:8], "big"))


# --- config --------------------------------------------------------------------------------------


class DifficultyWeights(BaseModel):
    """The crate's weights. Sampling draws r ~ U[0,1): Easy if r < easy, Medium if r < easy+medium,
    Hard if r < easy+medium+hard, else Expert — so `expert` is the remainder and never read.

        >>> DifficultyWeights().level_for(0.75)
        <DifficultyLevel.Hard: 'Hard'>
    """

    easy: float = 0.3
    medium: float = 0.4
    hard: float = 0.2
    expert: float = 0.1

    def level_for(self, r: float) -> DifficultyLevel:
        if r < self.easy:
            return DifficultyLevel.Easy
        if r < self.easy + self.medium:
            return DifficultyLevel.Medium
        if r < self.easy + self.medium + self.hard:
            return DifficultyLevel.Hard
        return DifficultyLevel.Expert

    def sample(self, rng: random.Random) -> DifficultyLevel:
        return self.level_for(rng.random())


class ToolDatasetConfig(BaseModel):
    """The crate's `ToolDatasetConfig` (first seven fields, same presets) plus what the real
    generator needs. Unlike the crate, `include_multi_step` is read.

        >>> ToolDatasetConfig.comprehensive().examples_per_tool
        20
    """

    examples_per_tool: int = Field(default=10, ge=1)
    include_error_cases: bool = True
    error_case_ratio: float = Field(default=0.15, ge=0.0, le=1.0)
    seed: int = 42
    include_multi_step: bool = True
    include_alternatives: bool = True
    difficulty_weights: DifficultyWeights = Field(default_factory=DifficultyWeights)
    irrelevant_ratio: float = Field(default=0.1, ge=0.0, lt=1.0)
    """Share of the final dataset whose request no tool serves (`expected_tool: null`)."""
    multi_step_ratio: float = Field(default=0.1, ge=0.0, le=1.0)
    """Multi-step examples per single-call tool example."""
    max_steps: int = Field(default=4, ge=2, le=4)
    optional_param_prob: float = Field(default=0.5, ge=0.0, le=1.0)
    """Probability that each optional parameter is filled (the crate's `gen_bool(0.5)`)."""
    val_ratio: float = Field(default=0.1, ge=0.0, lt=1.0)
    test_ratio: float = Field(default=0.2, ge=0.0, lt=1.0)
    test_pattern_ratio: float = Field(default=0.3, gt=0.0, lt=1.0)
    """Share of each family of phrasing patterns reserved for test (never used in train or val)."""
    held_out_tools: int = Field(default=0, ge=0)
    """How many tools (chosen by seed) appear only in test."""
    held_out_tool_names: list[str] = Field(default_factory=list)
    """Explicit held-out tools; overrides `held_out_tools` when given."""
    candidate_subset_ratio: float = Field(default=0.0, ge=0.0, le=1.0)
    """Share of single-call and irrelevant examples offered only 1-5 candidate tools instead of the
    whole catalogue (as BFCL and agents do). A quarter of the subsets leave the right tool out:
    those examples expect no call."""

    @model_validator(mode="after")
    def _ratios(self) -> ToolDatasetConfig:
        if self.val_ratio + self.test_ratio >= 1.0:
            raise ValueError(
                f"val_ratio + test_ratio must be below 1 (got {self.val_ratio} + {self.test_ratio}); "
                "lower one of them so training keeps some examples"
            )
        return self

    @classmethod
    def default(cls) -> ToolDatasetConfig:
        return cls()

    @classmethod
    def minimal(cls) -> ToolDatasetConfig:
        return cls(
            examples_per_tool=3, include_error_cases=False, error_case_ratio=0.0,
            include_multi_step=False, include_alternatives=False,
        )

    @classmethod
    def comprehensive(cls) -> ToolDatasetConfig:
        return cls(
            examples_per_tool=20, error_case_ratio=0.2, multi_step_ratio=0.15,
            difficulty_weights=DifficultyWeights(easy=0.25, medium=0.35, hard=0.25, expert=0.15),
        )

    def with_overrides(self, **changes: Any) -> ToolDatasetConfig:
        """A validated copy with some fields changed (`preset(...).with_overrides(seed=7)`).

        Raises McptrainError naming the bad field, so the CLI can print one line."""
        try:
            return type(self).model_validate({**self.model_dump(), **changes})
        except ValidationError as e:
            err = e.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or "config"
            raise McptrainError(f"dataset config: {field}: {err['msg']}") from None

    @classmethod
    def preset(cls, name: str) -> ToolDatasetConfig:
        """`default`, `minimal` or `comprehensive` (what the CLI's `--preset` accepts)."""
        presets = {"default": cls.default, "minimal": cls.minimal, "comprehensive": cls.comprehensive}
        if name not in presets:
            raise McptrainError(f"unknown dataset preset '{name}'; use one of {', '.join(presets)}")
        return presets[name]()


# --- stats ---------------------------------------------------------------------------------------


class ToolDatasetStats(BaseModel):
    """The crate's `ToolDatasetStats` plus kind counts and the share of valid expected calls.

    `by_category` is keyed by short name (`"hive-mind"`), irrelevant examples under `"none"`, so
    its values sum to `total_examples`; `by_tool` counts examples by `expected_tool`.
    """

    total_examples: int = 0
    by_category: dict[str, int] = Field(default_factory=dict)
    by_tool: dict[str, int] = Field(default_factory=dict)
    by_difficulty: dict[str, int] = Field(default_factory=dict)
    success_count: int = 0
    error_count: int = 0
    avg_quality: float = 0.0
    by_kind: dict[str, int] = Field(default_factory=dict)
    irrelevant_count: int = 0
    recovery_count: int = 0
    multi_step_count: int = 0
    schema_valid_rate: float = 1.0
    """Share of tool examples whose expected call(s) all validate against the tools' schemas."""

    @classmethod
    def compute(cls, examples: Sequence[ToolCallExample], tools: Iterable[ToolSpec] = ()) -> ToolDatasetStats:
        """Stats of `examples`; `tools` (the catalogue) orders `by_tool` and checks the schemas.

            >>> ToolDatasetStats.compute([ToolCallExample(prompt="hi")]).by_category
            {'none': 1}
        """
        tool_list = list(tools)
        by_name = {t.name: t for t in tool_list}
        validator = ArgValidator()
        by_category: dict[str, int] = {}
        by_tool: dict[str, int] = {}
        by_kind: dict[str, int] = dict.fromkeys(KINDS, 0)
        by_difficulty = {lvl.value: 0 for lvl in LEVELS}
        valid = checked = 0
        for ex in examples:
            if ex.category:
                cat = category_short(ex.category)
            else:  # files that carry only prompt/expected_*: the tool's own category
                cat = by_name[ex.expected_tool].category if ex.expected_tool in by_name else "none"
            by_category[cat] = by_category.get(cat, 0) + 1
            if ex.expected_tool is not None:
                by_tool[ex.expected_tool] = by_tool.get(ex.expected_tool, 0) + 1
                checked += 1
                calls = ex.expected_calls or [ToolCall(name=ex.expected_tool, arguments=ex.expected_params)]
                if all(c.name in by_name and validator.is_valid(by_name[c.name], c.arguments) for c in calls):
                    valid += 1
            by_kind[ex.kind] = by_kind.get(ex.kind, 0) + 1
            by_difficulty[ex.difficulty.value] += 1
        order = {t.name: i for i, t in enumerate(tool_list)}
        n = len(examples)
        return cls(
            total_examples=n,
            by_category=dict(sorted(by_category.items())),
            by_tool=dict(sorted(by_tool.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))),
            by_difficulty=by_difficulty,
            success_count=sum(1 for e in examples if e.success),
            error_count=sum(1 for e in examples if not e.success),
            avg_quality=round(sum(e.quality_score for e in examples) / n, 6) if n else 0.0,
            by_kind=by_kind,
            irrelevant_count=by_kind["irrelevant"],
            recovery_count=by_kind["recovery"],
            multi_step_count=by_kind["multi_step"],
            schema_valid_rate=round(valid / checked, 6) if checked else 1.0,
        )


# --- the dataset ---------------------------------------------------------------------------------


class ToolCallDataset:
    """Examples, the tool definitions they were made for, and their stats (the crate's names).

        >>> ds = ToolCallDataset.generate(catalogue, ToolDatasetConfig())
        >>> train, val, test = ds.split(0.8, 0.1, seed=7)   # the crate's random split
    """

    def __init__(
        self,
        examples: list[ToolCallExample],
        tool_definitions: list[ToolSpec],
        stats: ToolDatasetStats | None = None,
    ) -> None:
        self.examples = examples
        self.tool_definitions = tool_definitions
        self.stats = stats or ToolDatasetStats.compute(examples, tool_definitions)

    @classmethod
    def generate(
        cls,
        catalogue: Catalogue,
        config: ToolDatasetConfig | None = None,
        on_progress: ProgressFn | None = None,
    ) -> ToolCallDataset:
        """Every kind of example for every tool, all phrasing patterns, shuffled (no split)."""
        config = config or ToolDatasetConfig.default()
        gen = Generator(catalogue, config)
        jobs = plan_jobs(catalogue.tools, config)
        examples = []
        for i, job in enumerate(jobs):
            examples.append(gen.realise(job, allowed=None, exclude=frozenset()))
            if on_progress is not None:
                on_progress(i + 1, len(jobs))
        derive_rng(config.seed, "shuffle", "all").shuffle(examples)
        return cls(examples, list(catalogue.tools))

    def __len__(self) -> int:
        return len(self.examples)

    def __iter__(self) -> Iterator[ToolCallExample]:
        return iter(self.examples)

    def is_empty(self) -> bool:
        return not self.examples

    def filter_by_category(self, category: str) -> list[ToolCallExample]:
        """Variant (`"HiveMind"`) or short name (`"hive-mind"`); irrelevant examples are `"none"`."""
        want = category_short(category)
        return [e for e in self.examples if (category_short(e.category) if e.category else "none") == want]

    def filter_by_tool(self, name: str) -> list[ToolCallExample]:
        return [e for e in self.examples if e.expected_tool == name]

    def filter_by_difficulty(self, difficulty: DifficultyLevel | str) -> list[ToolCallExample]:
        want = DifficultyLevel(difficulty)
        return [e for e in self.examples if e.difficulty == want]

    def split(
        self, train_ratio: float, val_ratio: float, seed: int
    ) -> tuple[list[ToolCallExample], list[ToolCallExample], list[ToolCallExample]]:
        """The crate's split: shuffle a copy with `seed`, then train = floor(n*train_ratio),
        val = floor(n*val_ratio), test = the rest. A *random* split: the same phrasing patterns
        land on both sides, so it measures memorisation; `splits.generate_splits` measures
        generalisation. Unlike the crate (which panics), ratios summing past 1 raise an error.

            >>> [len(p) for p in ds.split(0.8, 0.1, seed=1)]   # n = 45
            [36, 4, 5]
        """
        if train_ratio < 0 or val_ratio < 0 or train_ratio + val_ratio > 1.0 + 1e-12:
            raise McptrainError(
                f"split ratios must be non-negative and sum to at most 1 (got {train_ratio} + {val_ratio})"
            )
        items = list(self.examples)
        random.Random(seed).shuffle(items)
        n = len(items)
        train_end = math.floor(n * train_ratio)
        val_end = min(n, train_end + math.floor(n * val_ratio))
        return items[:train_end], items[train_end:val_end], items[val_end:]

    def export_jsonl(self, path: str | Path) -> None:
        """One compact JSON example per line (crate field names; None written as null), atomically."""
        atomic_write_lines(Path(path), example_lines(self.examples))

    def export_json(self, path: str | Path) -> None:
        atomic_write_text(Path(path), dumps_pretty([e.model_dump(mode="json") for e in self.examples]))

    def export_tool_defs(self, path: str | Path) -> None:
        """The crate's `McpToolDef` records (category variant, required/optional params, use cases)
        with the JSON Schema added as `input_schema`."""
        atomic_write_text(Path(path), dumps_pretty([crate_tool_def(t) for t in self.tool_definitions]))


def example_lines(examples: Iterable[ToolCallExample]) -> Iterator[str]:
    for e in examples:
        yield dumps_compact(e.model_dump(mode="json"))


def crate_tool_def(tool: ToolSpec) -> dict[str, Any]:
    return {
        "name": tool.name,
        "category": category_label(tool.category),
        "description": tool.description,
        "required_params": [p.model_dump() for p in tool.required_params],
        "optional_params": [p.model_dump() for p in tool.optional_params],
        "use_cases": list(tool.use_cases),
        "input_schema": tool.input_schema,
    }


# --- planning ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One example to build: its kind, its (first) tool, a per-(kind, tool) index, and its split.

    The index and names seed the example's own random stream, so the example does not depend on
    the order jobs run in."""

    kind: ExampleKind
    tool: str | None
    index: int
    split: str = "all"


def counts(n_tools: int, config: ToolDatasetConfig) -> dict[str, int]:
    """Exact example counts per kind (see the module docstring for the formulas).

        >>> counts(3, ToolDatasetConfig(error_case_ratio=0.2))
        {'single': 24, 'recovery': 6, 'multi_step': 3, 'irrelevant': 4}
    """
    per = config.examples_per_tool
    rec = math.floor(per * config.error_case_ratio + 0.5) if config.include_error_cases else 0
    multi = (
        math.floor(n_tools * per * config.multi_step_ratio + 0.5)
        if config.include_multi_step and n_tools >= 2
        else 0
    )
    tool_examples = n_tools * per + multi
    r = config.irrelevant_ratio
    irr = math.ceil(r * tool_examples / (1 - r) - 1e-9) if r > 0 else 0
    return {"single": n_tools * (per - rec), "recovery": n_tools * rec, "multi_step": multi, "irrelevant": irr}


def plan_jobs(tools: Sequence[ToolSpec], config: ToolDatasetConfig) -> list[Job]:
    """All jobs, in catalogue order: per tool its recovery then single examples, then multi-step
    (seeds cycle through a seeded tool order), then irrelevant."""
    c = counts(len(tools), config)
    per = config.examples_per_tool
    rec = c["recovery"] // len(tools) if tools else 0
    jobs: list[Job] = []
    for t in tools:
        jobs += [Job("recovery", t.name, i) for i in range(rec)]
        jobs += [Job("single", t.name, i) for i in range(per - rec)]
    order = [t.name for t in tools]
    derive_rng(config.seed, "multi-seeds").shuffle(order)
    jobs += [Job("multi_step", order[i % len(order)], i) for i in range(c["multi_step"])]
    jobs += [Job("irrelevant", None, i) for i in range(c["irrelevant"])]
    return jobs


# --- realising one job ---------------------------------------------------------------------------

_QUALITY = {
    DifficultyLevel.Easy: (0.95, 1.0),
    DifficultyLevel.Medium: (0.85, 0.95),
    DifficultyLevel.Hard: (0.75, 0.90),
    DifficultyLevel.Expert: (0.70, 0.90),
}
_CONTEXTS = {
    DifficultyLevel.Easy: ("Simple {cat} operation", "Basic use of {tool}"),
    DifficultyLevel.Medium: ("Standard {cat} workflow", "Common {tool} scenario"),
    DifficultyLevel.Hard: ("Complex {cat} integration", "Multi-step {tool} scenario"),
    DifficultyLevel.Expert: ("Edge case handling for {tool}", "Production scenario with {cat} error handling"),
}
# Order of a plausible sequence: set things up, change them, use them, look at them, tear down.
_STEP_RANK = {
    "init": 0, "create": 0, "navigate": 1, "join": 1, "claim": 1, "import": 1, "restore": 1,
    "save": 2, "update": 2, "record": 2, "run": 3, "route": 3, "generate": 3, "train": 3, "send": 3,
    "interact": 3, "resume": 3, "manage": 3, "analyze": 4, "predict": 4, "compare": 4, "optimize": 4,
    "sync": 4, "read": 5, "status": 5, "list": 5, "search": 5, "export": 5, "pause": 6, "cancel": 7,
    "stop": 8, "delete": 8, "reset": 8,
}
# Parameters so common that sharing one says nothing about two tools belonging together.
_GENERIC_PARAMS = {
    "verbose", "limit", "offset", "detailed", "force", "format", "timeRange", "status", "type", "name",
    "description", "query", "action", "context", "priority", "scope", "mode", "target", "input", "text",
    "metric", "category", "deep", "threshold", "topK", "session", "success", "reason", "data", "config",
}
_RECOVERY_MODES = (("missing", 0.35), ("wrong_type", 0.25), ("bad_enum", 0.2), ("unknown_tool", 0.2))


class Generator:
    """Builds examples for one catalogue and config; `realise(job)` is pure given the job."""

    def __init__(self, catalogue: Catalogue, config: ToolDatasetConfig) -> None:
        self.tools: list[ToolSpec] = list(catalogue.tools)
        self.by_name = {t.name: t for t in self.tools}
        self.config = config
        self.intents = {t.name: ph.analyse_tool(t) for t in self.tools}
        self.validator = ArgValidator()
        self.words = ph.ToolWordIndex(self.tools)
        self.names = set(self.by_name)
        cats: dict[str, list[str]] = {}
        for t in self.tools:
            cats.setdefault(t.category, []).append(t.name)
        self.categories = cats
        self.related = {t.name: self._related(t) for t in self.tools}
        self.lexical = frozenset(i for ids in ph.lexical_families().values() for i in ids) | frozenset(
            i for t in self.tools for i in ph.split_request_ids(t)
        )
        # Irrelevant templates whose wording already overlaps a tool are dropped for this catalogue, and
        # those on a topic that natural tools cover (a weather question when there is a forecast tool).
        covered = {t.category for t in self.tools if is_natural(t)}
        self.irrelevant = [
            t for t in ph.IRRELEVANT
            if not self.words.serves(_slotless(t.template))
            and not ph.IRRELEVANT_DOMAINS.get(t.topic, frozenset()) & covered
        ]
        # Natural tools cover most everyday topics, so their catalogues also draw from OPEN_IRRELEVANT,
        # split here by seed the way splits.partition_patterns splits every other family.
        self.open_irrelevant: dict[str, list[ph.IrrelevantTemplate]] = {}
        if covered:
            pool = [t for t in ph.OPEN_IRRELEVANT if not self.words.serves(_slotless(t.template))]
            ids = sorted(t.id for t in pool)
            derive_rng(config.seed, "patterns", "open").shuffle(ids)
            n_test = min(len(ids) - 1, max(1, math.floor(len(ids) * config.test_pattern_ratio + 0.5)))
            test_ids = set(ids[:n_test])
            self.open_irrelevant = {
                "all": pool,
                "train": [t for t in pool if t.id not in test_ids],
                "test": [t for t in pool if t.id in test_ids],
            }

    # -- public -------------------------------------------------------------------------------

    def realise(
        self, job: Job, allowed: frozenset[str] | None, exclude: frozenset[str]
    ) -> ToolCallExample:
        """Build the example for `job`, using only pattern ids in `allowed` (None = all) and never
        mentioning tools in `exclude` (held-out tools, for train and val)."""
        rng = derive_rng(self.config.seed, "job", job.kind, job.tool, job.index)
        difficulty = self.config.difficulty_weights.sample(rng)
        if job.kind == "irrelevant":
            return self._irrelevant(rng, difficulty, allowed, exclude, job.split)
        assert job.tool is not None
        tool = self.by_name[job.tool]
        if job.kind == "multi_step":
            return self._multi_step(tool, rng, difficulty, allowed, exclude)
        if job.kind == "recovery":
            return self._recovery(tool, rng, difficulty, allowed, exclude)
        return self._single(tool, rng, difficulty, allowed, exclude)

    # -- kinds ----------------------------------------------------------------------------------

    def _single(
        self, tool: ToolSpec, rng: random.Random, difficulty: DifficultyLevel,
        allowed: frozenset[str] | None, exclude: frozenset[str],
    ) -> ToolCallExample:
        args = self._args(tool, rng)
        prompt, pattern = self._prompt(tool, args, difficulty, rng, allowed, exclude)
        return ToolCallExample(
            prompt=prompt,
            expected_tool=tool.name,
            expected_params=args,
            success=True,
            category=category_label(tool.category),
            difficulty=difficulty,
            alternatives=self._alternatives(tool),
            context=rng.choice(_CONTEXTS[difficulty]).format(cat=tool.category, tool=tool.name),
            quality_score=round(rng.uniform(*_QUALITY[difficulty]), 4),
            kind="single",
            pattern=pattern,
        )

    def _recovery(
        self, tool: ToolSpec, rng: random.Random, difficulty: DifficultyLevel,
        allowed: frozenset[str] | None, exclude: frozenset[str],
    ) -> ToolCallExample:
        args = self._args(tool, rng)
        prompt, pattern = self._prompt(tool, args, difficulty, rng, allowed, exclude)
        bad_name, bad_args, error, what = self._break(tool, args, rng)
        turns = [
            Turn(role="user", content=prompt),
            Turn(role="assistant", call=ToolCall(name=bad_name, arguments=bad_args)),
            Turn(role="tool", content=error, is_error=True),
        ]
        return ToolCallExample(
            prompt=prompt,
            expected_tool=tool.name,
            expected_params=args,
            success=False,
            category=category_label(tool.category),
            difficulty=difficulty,
            error_message=error,
            alternatives=self._alternatives(tool),
            context=f"Error recovery scenario for {tool.name}: {what}",
            quality_score=0.7,  # the crate's fixed score for error examples
            kind="recovery",
            turns=turns,
            pattern=pattern,
        )

    def _multi_step(
        self, first: ToolSpec, rng: random.Random, difficulty: DifficultyLevel,
        allowed: frozenset[str] | None, exclude: frozenset[str],
    ) -> ToolCallExample:
        chain = self._chain(first, rng, exclude)
        allow = self._allow(allowed)
        shared: dict[str, Any] = {}
        calls: list[ToolCall] = []
        steps: list[str] = []
        for tool in chain:
            args = synth_args(tool, rng, self.config.optional_param_prob, shared=shared, validator=self.validator)
            shared.update({k: v for k, v in args.items() if k != "action"})
            calls.append(ToolCall(name=tool.name, arguments=args))
            intent = self.intents[tool.name]
            natural = is_natural(tool)
            request = (
                ph.pick_request(tool, args, rng, allow, sentences=False)
                if natural and rng.random() < ph.NATURAL_REQUEST_RATE
                else None
            )
            if request is not None:
                vp, rest = request[0], {k: v for k, v in args.items() if k not in request[1]}
            elif difficulty == DifficultyLevel.Easy:
                vp, rest = ph.direct_vp(intent, rng, args, tool), args
            else:
                vp, rest = self._hide_name(ph.paraphrase_vp(intent, rng, args, tool, allow), tool), args
            steps.append(vp + ph.render_args(rest, tool, rng.choice(("with", "with", "colon")), rng, natural=natural))
        frames = self._allowed(ph.MULTI, allowed)
        frame = rng.choice(frames)
        text = frame.join(steps)
        if difficulty in (DifficultyLevel.Hard, DifficultyLevel.Expert):
            skip = exclude | {t.name for t in chain}
            n = 1 if difficulty == DifficultyLevel.Hard else 2
            dis = [_cap(ph.distractor_clause(o, rng, allow)) for o in self._distractors(chain[0], n, rng, skip)]
            text = ". ".join(dis) + ". " + text
        head = chain[0]
        return ToolCallExample(
            prompt=text,
            expected_tool=head.name,
            expected_params=calls[0].arguments,
            success=True,
            category=category_label(head.category),
            difficulty=difficulty,
            alternatives=self._alternatives(head),
            context=f"Multi-step {head.category} sequence: {' -> '.join(t.name for t in chain)}",
            quality_score=round(rng.uniform(*_QUALITY[difficulty]), 4),
            kind="multi_step",
            expected_calls=calls,
            pattern=frame.id,
        )

    def _irrelevant(
        self, rng: random.Random, difficulty: DifficultyLevel,
        allowed: frozenset[str] | None, exclude: frozenset[str], split: str = "all",
    ) -> ToolCallExample:
        pool = [t for t in self.irrelevant if allowed is None or t.id in allowed] or self.irrelevant
        families = sorted({t.family for t in pool})
        if self.open_irrelevant:  # natural catalogues only: half the irrelevant requests are open ones
            side = "all" if allowed is None else ("test" if split == "test" else "train")
            opened = self.open_irrelevant[side]
            if rng.random() < 0.5 or not pool:
                pool, families = opened, ["open"]
        family = families[0] if len(families) == 1 else ("everyday" if rng.random() < 0.6 else "near_miss")
        choices = [t for t in pool if t.family == family]
        template = rng.choice(choices)
        text = template.fill(rng)
        for _ in range(8):  # a slot value can make an otherwise safe template overlap a tool
            if not self.words.serves(text):
                break
            template = rng.choice(choices)
            text = template.fill(rng)
        if difficulty in (DifficultyLevel.Hard, DifficultyLevel.Expert) and self.tools:
            n = 1 if difficulty == DifficultyLevel.Hard else 2
            others = [t for t in self.tools if t.name not in exclude] or self.tools
            picks = rng.sample(others, k=min(n, len(others)))
            clauses = []
            for o in picks:
                clauses.append(_cap(ph.irrelevant_distractor(self.intents[o.name], rng, self._allow(allowed))))
            text = ". ".join(clauses) + ". " + text
        return ToolCallExample(
            prompt=text,
            expected_tool=None,
            expected_params={},
            success=True,
            category=None,
            difficulty=difficulty,
            context=f"No tool applies: {template.family.replace('_', '-')} request ({template.topic})",
            quality_score=round(rng.uniform(*_QUALITY[difficulty]), 4),
            kind="irrelevant",
            pattern=template.id,
        )

    # -- pieces ---------------------------------------------------------------------------------

    def _allow(self, allowed: frozenset[str] | None) -> ph.Allow:
        """Lexical ids outside the partition are free; inside it, only this split's side."""
        if allowed is None:
            return lambda _id: True
        return lambda i: i in allowed or i not in self.lexical

    def _args(self, tool: ToolSpec, rng: random.Random) -> dict[str, Any]:
        return synth_args(tool, rng, self.config.optional_param_prob, validator=self.validator)

    def _allowed(self, frames: Sequence[Any], allowed: frozenset[str] | None) -> list[Any]:
        ok = [f for f in frames if allowed is None or f.id in allowed]
        if not ok:
            raise McptrainError("no phrasing pattern left for a split; raise test_pattern_ratio below 1")
        return ok

    def _prompt(
        self, tool: ToolSpec, args: dict[str, Any], difficulty: DifficultyLevel, rng: random.Random,
        allowed: frozenset[str] | None, exclude: frozenset[str],
    ) -> tuple[str, str]:
        frame: ph.Frame = rng.choice(self._allowed(ph.DIFFICULTY_FRAMES[difficulty.value], allowed))
        intent = self.intents[tool.name]
        allow = self._allow(allowed)
        need = set(frame.fields)
        fields: dict[str, str] = {}
        # A natural tool is mostly asked for in its own words, which write some values themselves;
        # the others are added as labelled slots. Other tools draw exactly as they always did.
        natural = is_natural(tool)
        request = None
        if natural and need & {"vp", "VP", "goal", "Goal"} and rng.random() < ph.NATURAL_REQUEST_RATE:
            request = ph.pick_request(tool, args, rng, allow)
        rest = args if request is None else {k: v for k, v in args.items() if k not in request[1]}
        if request is not None and ph.is_sentence(request[0]):  # a whole sentence is asked on its own
            return self._sentence_prompt(request[0], rest, tool, difficulty, rng, allow, exclude), frame.id
        if need & {"vp", "VP"}:
            if request is not None:
                vp = request[0]
            elif difficulty == DifficultyLevel.Easy:
                vp = ph.direct_vp(intent, rng, args, tool)
            else:
                vp = ph.paraphrase_vp(intent, rng, args, tool, allow)
            fields["vp"], fields["VP"] = vp, _cap(vp)
        if need & {"goal", "Goal"}:
            if request is not None:
                goal = rng.choice(ph.NATURAL_GOALS).format(vp=request[0])
            else:
                goal = ph.goal_clause(intent, rng, allow)
            fields["goal"], fields["Goal"] = goal, _cap(goal)
        dis_keys = sorted(k for k in need if k.lower().startswith("dis"))
        n_dis = len({k.lower() for k in dis_keys})
        if n_dis:
            others = self._distractors(tool, n_dis, rng, exclude | {tool.name})
            for i, other in enumerate(others):
                clause = ph.distractor_clause(other, rng, allow)
                suffix = "" if "dis" in need or "Dis" in need else str(i + 1)
                fields[f"dis{suffix}"], fields[f"Dis{suffix}"] = clause, _cap(clause)
        if difficulty != DifficultyLevel.Easy:
            fields = {k: self._hide_name(v, tool) for k, v in fields.items()}
        shuffle = difficulty in (DifficultyLevel.Hard, DifficultyLevel.Expert)
        for style in ("with", "colon", "sent", "pass"):
            if f"args_{style}" in need:
                fields[f"args_{style}"] = ph.render_args(rest, tool, style, rng, shuffle=shuffle, natural=natural)
        fields["tool"] = tool.name
        text = re.sub(r" {2,}", " ", frame.template.format(**fields)).strip()
        return text, frame.id

    def _sentence_prompt(
        self, sentence: str, rest: dict[str, Any], tool: ToolSpec, difficulty: DifficultyLevel,
        rng: random.Random, allow: ph.Allow, exclude: frozenset[str],
    ) -> str:
        """A request that is one of the tool's own sentences, the values it does not write after it
        as sentences; above Medium a distractor before it ("Forget the logs for now. Is agent ...?")."""
        parts = []
        if difficulty in (DifficultyLevel.Hard, DifficultyLevel.Expert):
            other = self._distractors(tool, 1, rng, exclude | {tool.name})[0]
            parts.append(_cap(ph.distractor_clause(other, rng, allow)).rstrip(".") + ".")
        parts.append(_cap(sentence) + ph.render_args(rest, tool, "sent", rng, natural=is_natural(tool)))
        return " ".join(parts)

    def _hide_name(self, text: str, tool: ToolSpec) -> str:
        """Above Easy a request never spells the tool's name; a description that does gets its words."""
        if tool.name.lower() in text.lower():
            text = re.sub(re.escape(tool.name), " ".join(split_words(tool.name)), text, flags=re.IGNORECASE)
        return text

    def _distractors(
        self, tool: ToolSpec, n: int, rng: random.Random, exclude: frozenset[str] | set[str]
    ) -> list[ph.ToolIntent | None]:
        """Intents of `n` other tools, from other categories where possible (None = generic)."""
        pool = [t for t in self.tools if t.category != tool.category and t.name not in exclude]
        if len(pool) < n:
            pool += [t for t in self.tools if t.category == tool.category and t.name not in exclude]
        picks: list[ph.ToolIntent | None] = [self.intents[t.name] for t in rng.sample(pool, k=min(n, len(pool)))]
        while len(picks) < n:
            picks.append(None)
        return picks

    def _alternatives(self, tool: ToolSpec) -> list[str]:
        if not self.config.include_alternatives:
            return []
        return [n for n in self.categories.get(tool.category, []) if n != tool.name][:2]

    def _related(self, tool: ToolSpec) -> list[str]:
        """Same category, or a shared id parameter (`agentId`, `workflowId`): tools that act on the
        same thing. Other shared names (`count`, `key`, `session`) mean different things per tool."""
        links = {p for p in tool.properties if p not in _GENERIC_PARAMS and _is_id(p)}
        out = []
        for other in self.tools:
            if other.name == tool.name:
                continue
            if other.category == tool.category or links & set(other.properties):
                out.append(other.name)
        return out

    def _chain(self, first: ToolSpec, rng: random.Random, exclude: frozenset[str]) -> list[ToolSpec]:
        """2-4 plausibly related tools (same category or a shared id-like parameter), in a
        set-up -> use -> inspect -> tear-down order."""
        candidates = [n for n in self.related[first.name] if n not in exclude]
        if not candidates:  # an isolated tool: pair it with any other rather than drop the example
            candidates = [t.name for t in self.tools if t.name != first.name and t.name not in exclude]
        if not candidates:
            raise McptrainError("multi-step examples need at least two tools outside the held-out set")
        k = rng.randint(2, min(self.config.max_steps, len(candidates) + 1))
        names = [first.name, *rng.sample(candidates, k=k - 1)]
        ranked = sorted(
            enumerate(names), key=lambda p: (_STEP_RANK.get(self.intents[p[1]].verb_class, 3), p[0])
        )
        return [self.by_name[n] for _, n in ranked]

    # -- failed calls ----------------------------------------------------------------------------

    def _break(self, tool: ToolSpec, args: dict[str, Any], rng: random.Random) -> tuple[str, dict[str, Any], str, str]:
        """A plausible failed first call and the error an MCP server would answer with."""
        props = tool.properties
        options: dict[str, list[str]] = {
            "missing": [p for p in tool.required if p in args],
            "wrong_type": [p for p in args if isinstance((props.get(p) or {}).get("type"), str)],
            "bad_enum": [p for p in args if isinstance((props.get(p) or {}).get("enum"), list)],
            "unknown_tool": ["*"],
        }
        modes = [(m, w) for m, w in _RECOVERY_MODES if options[m]]
        order = list(modes)
        rng.shuffle(order)
        first = rng.choices([m for m, _ in modes], weights=[w for _, w in modes])[0]
        for mode in [first] + [m for m, _ in order if m != first]:
            for param in rng.sample(options[mode], k=len(options[mode])):
                broken = self._try_break(tool, args, mode, param, rng)
                if broken is not None:
                    return broken
        raise AssertionError("unreachable: an unknown tool name always breaks a call")

    def _try_break(
        self, tool: ToolSpec, args: dict[str, Any], mode: str, param: str, rng: random.Random
    ) -> tuple[str, dict[str, Any], str, str] | None:
        name = tool.name
        style = rng.randrange(4)
        if mode == "unknown_tool":
            bad = _misspell(name, rng, self.names)
            text = (
                f"Unknown tool: {bad}",
                f"MCP error -32601: Tool {bad} not found",
                f"Error: tool '{bad}' is not registered on this server",
                f"Tool '{bad}' not found",
            )[style]
            return bad, dict(args), text, f"unknown tool name '{bad}'"
        prop = tool.properties.get(param) or {}
        bad_args = dict(args)
        if mode == "missing":
            del bad_args[param]
        elif mode == "wrong_type":
            bad_args[param] = _wrong_type(args[param], prop["type"], rng)
        else:
            bad_args[param] = _bad_enum(args[param], prop["enum"], rng)
        err = self.validator.first_error(tool, bad_args)
        if err is None:
            return None  # the mutation happened to stay valid (e.g. a union type); try another
        t = str(prop["type"]) if isinstance(prop.get("type"), str) else "any"
        if mode == "missing":
            what = f"missing required argument '{param}'"
            text = (
                f"Invalid arguments for tool {name}: {err.message}",
                f"MCP error -32602: Invalid params for tool '{name}': missing required argument '{param}'",
                f'Invalid arguments for tool {name}: [{{"code": "invalid_type", "expected": "{t}", '
                f'"received": "undefined", "path": ["{param}"], "message": "Required"}}]',
                f"1 validation error for {_camel(name)}Arguments\n{param}\n  Field required "
                f"[type=missing, input_value={json_text(bad_args)}, input_type=dict]",
            )[style]
        elif mode == "wrong_type":
            got = _json_type(bad_args[param])
            what = f"wrong type for '{param}' ({got} instead of {t})"
            text = (
                f"Invalid arguments for tool {name}: {param}: {err.message}",
                f"MCP error -32602: Invalid params for tool '{name}': '{param}' must be of type {t}",
                f'Invalid arguments for tool {name}: [{{"code": "invalid_type", "expected": "{t}", '
                f'"received": "{got}", "path": ["{param}"], "message": "Expected {t}, received {got}"}}]',
                f"1 validation error for {_camel(name)}Arguments\n{param}\n  Input should be a valid "
                f"{_py_type(t)} [type={_py_type(t)}_type, input_value={_py_repr(bad_args[param])}, "
                f"input_type={type(bad_args[param]).__name__}]",
            )[style]
        else:
            members = [m for m in prop["enum"]]
            quoted = " | ".join(f"'{m}'" for m in members)
            what = f"invalid enum value for '{param}'"
            text = (
                f"Invalid arguments for tool {name}: {param}: {err.message}",
                f"MCP error -32602: Invalid params for tool '{name}': '{param}' must be one of "
                + ", ".join(str(m) for m in members),
                f'Invalid arguments for tool {name}: [{{"code": "invalid_enum_value", "received": '
                f'"{bad_args[param]}", "path": ["{param}"], "message": "Invalid enum value. Expected {quoted}, '
                f"received '{bad_args[param]}'\"}}]",
                f"1 validation error for {_camel(name)}Arguments\n{param}\n  Input should be "
                + _or_list([f"'{m}'" for m in members])
                + f" [type=enum, input_value={_py_repr(bad_args[param])}, input_type=str]",
            )[style]
        return name, bad_args, text, what


# --- small helpers -------------------------------------------------------------------------------


def _is_id(param: str) -> bool:
    words = split_words(param)
    return len(words) > 1 and words[-1] in ("id", "ids")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _slotless(template: str) -> str:
    return re.sub(r"\{[^}]*\}", " ", template)


def _camel(name: str) -> str:
    return "".join(w.capitalize() for w in split_words(name))


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if value is None:
        return "null"
    return "object"


def _py_type(json_type: str) -> str:
    return {"string": "string", "number": "number", "integer": "integer", "boolean": "boolean",
            "object": "dictionary", "array": "list"}.get(json_type, json_type)


def _py_repr(value: Any) -> str:
    return repr(value)


def _or_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _wrong_type(value: Any, json_type: str, rng: random.Random) -> Any:
    """The slips models make: numbers as strings, objects as JSON strings, a lone string for a list."""
    if json_type in ("number", "integer"):
        return format_number(value) if isinstance(value, (int, float)) else "10"
    if json_type == "boolean":
        return rng.choice(["yes", "true", "on"]) if value else rng.choice(["no", "false", "off"])
    if json_type == "string":
        return int(value) if isinstance(value, str) and value.isdigit() else [value]
    if json_type == "object":
        return json_text(value)
    if json_type == "array":
        scalars = isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)
        return ", ".join(str(v) for v in value) if scalars and value else json_text(value)
    return None


def _bad_enum(value: Any, members: list[Any], rng: random.Random) -> Any:
    text = str(value)
    typo = _misspell(text, rng, set()) if len(text) > 3 else text + "x"
    candidates = [text.capitalize(), text.upper(), text + "s", typo]
    candidates += ["default", "auto", "fully-connected", "all"]
    rng.shuffle(candidates)
    for c in candidates:
        if c not in members and c != text:
            return c
    return text + "-invalid"


def _misspell(name: str, rng: random.Random, taken: set[str]) -> str:
    """A near-miss spelling: a dropped, swapped or doubled letter, another separator, camelCase, or
    a synonym for the verb (`memory_store` -> `memory_save`)."""
    letters = [i for i, ch in enumerate(name) if ch.isalpha()]
    for _ in range(30):
        op = rng.randrange(6)
        out = name
        if op == 0 and len(letters) > 3:
            i = rng.choice(letters[1:])
            out = name[:i] + name[i + 1:]
        elif op == 1 and len(name) > 3:
            i = rng.randrange(1, len(name) - 1)
            out = name[:i] + name[i + 1] + name[i] + name[i + 2:]
        elif op == 2 and letters:
            i = rng.choice(letters)
            out = name[:i] + name[i] + name[i:]
        elif op == 3 and "_" in name:
            out = name.replace("_", rng.choice(["-", ".", ""]), 1)
        elif op == 4 and ("_" in name or "-" in name):
            words = split_words(name)
            out = words[0] + "".join(w.capitalize() for w in words[1:])
        elif op == 5:
            words = re.split(r"([_\-])", name)
            for j, w in enumerate(words):
                if w.lower() in ph.VERBS:
                    alts = [s for s in ph.VERBS[w.lower()][1] if " " not in s and s != w.lower()]
                    if alts:
                        words[j] = rng.choice(alts)
                        break
            out = "".join(words)
        if out != name and out not in taken:
            return out
    return name + "_v2"


__all__ = [
    "DifficultyLevel",
    "DifficultyWeights",
    "Generator",
    "Job",
    "ToolCallDataset",
    "ToolDatasetConfig",
    "ToolDatasetStats",
    "counts",
    "crate_tool_def",
    "derive_rng",
    "example_lines",
    "plan_jobs",
]
