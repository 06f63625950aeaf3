"""GRPO with the crate's names, doing the real thing: torch autograd, AdamW, clipped gradients.

The ruvllm crate's `GrpoOptimizer` only *reports* loss numbers computed from numbers it is given
(spec §2.5). Here the same names own a torch AdamW over a policy's parameters. A policy is
anything that, given a batch, recomputes per-decision log-probs with autograd: a tool call is a
sequence of decisions (which tool, include this optional argument, which enum value, span
start/end...), so every per-sample tensor is `[N, D]` with a mask of the decisions that exist.

    opt = GrpoOptimizer(policy, GrpoConfig.for_tool_use(), seed=0)
    result = opt.step(batch, logp_fn)   # batch: GrpoBatch; logp_fn(batch) -> (logp [n, D], entropy [n, D])
    result.grad_norm                    # the real pre-clip gradient norm
    opt.kl_coefficient()                # β after the crate's adaptive rule

The maths is in small pure functions (`group_advantages`, `clipped_policy_loss`, `kl_k3`, ...):
no I/O, no config objects, a shape comment on every tensor op. Differences from the crate, on
purpose: the ratio is taken against the *sampling* policy (π_old), not π_ref; KL is the k3
estimator (never negative) instead of k1; entropy is that of the policy's distributions instead
of −mean(log π(taken)); `grad_norm` is the real pre-clip gradient norm instead of sqrt(|loss|);
the stats' EMAs start from the first value instead of from 0, and `avg_reward` and
`reward_history` are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import torch
from pydantic import BaseModel, ConfigDict, Field, model_validator
from torch import Tensor

AdvantageScale = Literal["group", "batch", "none"]
LossType = Literal["grpo", "dr_grpo", "dapo"]

STATE_FORMAT_VERSION = 1
_EMA_DECAY = 0.99  # the crate's 0.99·old + 0.01·new


# --------------------------------------------------------------------------------------------------
# Config


class GrpoConfig(BaseModel):
    """The crate's `GrpoConfig` (same JSON keys, same `Default` and presets) plus our own knobs.

    Every field is read, except three kept so that the crate's JSON round-trips: `group_size` is
    read by the trainer that samples the groups (a batch's `[B, G]` shape decides here),
    `normalize_rewards` and `value_coef` are not read (there is no value head).

        >>> GrpoConfig.for_tool_use().clip_range, GrpoConfig.for_tool_use().epsilon_high
        (0.15, 0.15)
    """

    model_config = ConfigDict(extra="forbid")

    group_size: int = Field(default=8, ge=1)
    """Completions sampled per request (G). Read by the trainer, not by the optimizer."""
    learning_rate: float = Field(default=1e-5, ge=0.0)
    """AdamW learning rate."""
    kl_coefficient: float = Field(default=0.02, ge=0.0)
    """Initial β, the weight of the KL penalty."""
    kl_min: float = Field(default=0.001, ge=0.0)
    """Adaptive-β floor."""
    kl_max: float = Field(default=0.1, ge=0.0)
    """Adaptive-β ceiling."""
    kl_target: float = Field(default=0.01, ge=0.0)
    """KL the adaptive β steers towards."""
    entropy_coefficient: float = 0.01
    """Weight of the entropy bonus (subtracted from the loss)."""
    max_grad_norm: float = Field(default=1.0, gt=0.0)
    """Gradients are clipped to this global L2 norm before each AdamW step."""
    gamma: float = 0.99
    """Discount of `compute_gae` / `compute_returns`."""
    gae_lambda: float = 0.95
    """λ of `compute_gae`."""
    value_coef: float = 0.5
    """Kept for the crate's JSON; not read (no value head)."""
    adaptive_kl: bool = True
    """Adapt β after each step: ×1.5 above 1.5·target, ÷1.5 below 0.5·target, within [kl_min, kl_max]."""
    update_epochs: int = Field(default=4, ge=1)
    """Passes over each batch (PPO-style reuse; TRL's `num_iterations`)."""
    mini_batch_size: int = Field(default=32, ge=1)
    """Samples per optimizer step; a batch of N gives ceil(N / mini_batch_size) steps per epoch."""
    clip_range: float = Field(default=0.2, ge=0.0, lt=1.0)
    """ε of the clipped surrogate; the default of both `clip_range_low` and `clip_range_high`."""
    normalize_rewards: bool = True
    """Kept for the crate's JSON; not read."""
    normalize_advantages: bool = True
    """False divides by no std at all, whatever `advantage_scale` says (rewards minus group mean)."""

    advantage_scale: AdvantageScale = "group"
    """Std that divides the group-centred rewards: the group's, the whole batch's, or none (Dr.GRPO)."""
    clip_range_low: float | None = Field(default=None, ge=0.0, lt=1.0)
    """ε_low; None = `clip_range`."""
    clip_range_high: float | None = Field(default=None, ge=0.0)
    """ε_high; None = `clip_range`. DAPO's clip-higher uses 0.28 with ε_low = 0.2."""
    loss_type: LossType = "grpo"
    """Aggregation over decisions: see `aggregate_decisions`."""
    kl_estimator: Literal["k3"] = "k3"
    """Per-decision KL estimator: k3 = exp(ref − logp) − (ref − logp) − 1 (GRPO paper, TRL)."""
    weight_decay: float = Field(default=0.0, ge=0.0)
    """AdamW decoupled weight decay."""

    @model_validator(mode="after")
    def _check(self) -> GrpoConfig:
        if self.kl_min > self.kl_max:
            raise ValueError(f"kl_min ({self.kl_min}) is above kl_max ({self.kl_max}); swap them")
        return self

    @property
    def epsilon_low(self) -> float:
        return self.clip_range if self.clip_range_low is None else self.clip_range_low

    @property
    def epsilon_high(self) -> float:
        return self.clip_range if self.clip_range_high is None else self.clip_range_high

    @property
    def effective_advantage_scale(self) -> AdvantageScale:
        return self.advantage_scale if self.normalize_advantages else "none"

    @classmethod
    def for_tool_use(cls, **overrides: Any) -> GrpoConfig:
        """The crate's preset for tool use (and `McpTrainingConfig`'s default)."""
        preset: dict[str, Any] = dict(
            group_size=4,
            learning_rate=5e-6,
            kl_coefficient=0.05,
            kl_target=0.02,
            entropy_coefficient=0.005,
            update_epochs=2,
            mini_batch_size=16,
            clip_range=0.15,
        )
        return cls(**{**preset, **overrides})

    @classmethod
    def exploration(cls, **overrides: Any) -> GrpoConfig:
        """The crate's preset with a weak KL, a strong entropy bonus and a wide clip."""
        preset: dict[str, Any] = dict(kl_coefficient=0.01, entropy_coefficient=0.05, clip_range=0.3)
        return cls(**{**preset, **overrides})

    @classmethod
    def stable(cls, **overrides: Any) -> GrpoConfig:
        """The crate's preset with a small learning rate, a strong KL and a narrow clip."""
        preset: dict[str, Any] = dict(learning_rate=1e-6, kl_coefficient=0.1, update_epochs=2, clip_range=0.1)
        return cls(**{**preset, **overrides})


# --------------------------------------------------------------------------------------------------
# Pure maths


def group_advantages(rewards: Tensor, scale: AdvantageScale = "group", eps: float = 1e-8) -> Tensor:
    """Group-relative advantages: each reward minus its group's mean, over a std.  # [B, G] -> [B, G]

    "group" divides by the group's population std (the crate's z-score); "batch" by the population
    std of all rewards in the batch (TRL's Lite-PPO option); "none" by nothing (Dr.GRPO). The std
    is floored at `eps`. A group whose rewards all tie gets exactly 0.

        >>> group_advantages(torch.tensor([[0.8, 0.6, 0.9, 0.5]]))
        tensor([[ 0.6325, -0.6325,  1.2649, -1.2649]])
    """
    centred = rewards - rewards.mean(dim=1, keepdim=True)  # [B, G]
    if scale == "group":
        std = rewards.std(dim=1, correction=0, keepdim=True)  # [B, 1]
        advantages = centred / std.clamp_min(eps)  # [B, G]
    elif scale == "batch":
        std = rewards.std(correction=0)  # []
        advantages = centred / std.clamp_min(eps)  # [B, G]
    elif scale == "none":
        advantages = centred  # [B, G]
    else:
        raise ValueError(f"unknown advantage scale {scale!r}; use 'group', 'batch' or 'none'")
    # [0.1, 0.1, 0.1] has a mean that is not exactly 0.1, and centred/eps would then be ~1e-9
    # instead of 0: a tied group must teach nothing, so zero it exactly.
    tied = rewards.amax(dim=1, keepdim=True) == rewards.amin(dim=1, keepdim=True)  # [B, 1]
    return advantages.masked_fill(tied, 0.0)  # [B, G]


def compute_relative_advantages(rewards: Sequence[float]) -> list[float]:
    """The crate's oracle: z-score within one group (population std, floored at 1e-8).

    >>> [round(a, 4) for a in compute_relative_advantages([0.8, 0.6, 0.9, 0.5])]
    [0.6325, -0.6325, 1.2649, -1.2649]
    """
    if not rewards:
        return []
    r = torch.tensor([list(rewards)], dtype=torch.float64)  # [1, G]
    return group_advantages(r, "group")[0].tolist()


def masked_mean(values: Tensor, mask: Tensor) -> Tensor:
    """Mean over the positions where mask is true; 0 when none is.  # [N, D], [N, D] -> []

    >>> masked_mean(torch.tensor([[1.0, 5.0]]), torch.tensor([[True, False]]))
    tensor(1.)
    """
    m = mask.bool()  # [N, D]
    total = torch.where(m, values, torch.zeros_like(values)).sum()  # []
    return total / m.sum().clamp_min(1)  # []


def aggregate_decisions(
    values: Tensor, mask: Tensor, loss_type: LossType = "grpo", max_decisions: int | None = None
) -> Tensor:
    """Per-decision values -> one scalar, the way TRL's loss types aggregate tokens.  # [N, D] -> []

    grpo: mean over each sample's decisions, then mean over samples (short samples weigh more);
    dr_grpo: sum over all decisions / (N · max_decisions), max_decisions a constant (default D);
    dapo: sum over all decisions / number of decisions in the batch.

        >>> v, m = torch.tensor([[-1.0, -1.0, 9.0], [-2.0, 9.0, 9.0]]), torch.tensor([[1, 1, 0], [1, 0, 0]])
        >>> [aggregate_decisions(v, m, t).item() for t in ("grpo", "dr_grpo", "dapo")]
        [-1.5, -0.6666666865348816, -1.3333333730697632]
    """
    m = mask.bool()  # [N, D]
    v = torch.where(m, values, torch.zeros_like(values))  # [N, D]
    if loss_type == "grpo":
        per_sample = v.sum(dim=1) / m.sum(dim=1).clamp_min(1)  # [N]
        return per_sample.mean()  # []
    if loss_type == "dr_grpo":
        n, d = v.shape
        return v.sum() / (n * (max_decisions or d))  # []
    if loss_type == "dapo":
        return v.sum() / m.sum().clamp_min(1)  # []
    raise ValueError(f"unknown loss type {loss_type!r}; use 'grpo', 'dr_grpo' or 'dapo'")


def clipped_policy_loss(
    logp: Tensor,
    old_logp: Tensor,
    advantages: Tensor,
    mask: Tensor,
    eps_low: float,
    eps_high: float,
    loss_type: LossType = "grpo",
    max_decisions: int | None = None,
) -> tuple[Tensor, Tensor]:
    """PPO's clipped surrogate per decision, aggregated by `loss_type`; returns (loss, clip fraction).

    logp, old_logp, mask: [N, D]; advantages: [N] (one per sample, shared by its decisions).
    Per decision: −min(ρA, clip(ρ, 1−ε_low, 1+ε_high)·A), ρ = exp(logp − old_logp). The clip
    fraction is the share of real decisions with ρ < 1−ε_low or ρ > 1+ε_high (strict, whatever
    the advantage's sign, like the crate). Masked positions may hold any finite value.

        >>> clipped_policy_loss(torch.tensor([[0.0]]), torch.tensor([[0.0]]), torch.tensor([2.0]),
        ...                     torch.tensor([[True]]), 0.2, 0.2)
        (tensor(-2.), tensor(0.))
    """
    m = mask.bool()  # [N, D]
    # Padding may hold -inf log-probs; zeroing them first keeps exp() and its gradient finite.
    logp = logp.masked_fill(~m, 0.0)  # [N, D]
    old_logp = old_logp.detach().masked_fill(~m, 0.0)  # [N, D]
    ratio = torch.exp(logp - old_logp)  # [N, D]
    adv = advantages.detach().to(ratio)[:, None]  # [N] -> [N, 1]
    unclipped = ratio * adv  # [N, D]
    clipped = torch.clamp(ratio, 1.0 - eps_low, 1.0 + eps_high) * adv  # [N, D]
    per_decision = -torch.minimum(unclipped, clipped)  # [N, D]
    loss = aggregate_decisions(per_decision, m, loss_type, max_decisions)  # []
    outside = (ratio < 1.0 - eps_low) | (ratio > 1.0 + eps_high)  # [N, D]
    clip_fraction = masked_mean(outside.to(ratio.dtype), m).detach()  # []
    return loss, clip_fraction


def kl_k3(logp: Tensor, ref_logp: Tensor) -> Tensor:
    """k3 estimator of KL(π‖π_ref) per decision: exp(ref − logp) − (ref − logp) − 1 ≥ 0.  # [N, D] -> [N, D]

    >>> kl_k3(torch.tensor([-0.693147]), torch.tensor([-1.386294]))  # π = 0.5, π_ref = 0.25
    tensor([0.1931])
    """
    # clamped as verl's low_var_kl is: where the policy has left the reference far behind (a call
    # it now gives e^-90 or less), exp() is inf in float32 and its gradient would make the step NaN
    log_ratio = torch.clamp(ref_logp.detach() - logp, min=-20.0, max=20.0)  # [N, D]
    return torch.clamp(torch.exp(log_ratio) - log_ratio - 1.0, max=10.0)  # [N, D]


def entropy_from_logits(logits: Tensor) -> Tensor:
    """Entropy of the categorical distribution over the last axis.  # [..., K] -> [...]

    Choices masked out with -inf logits contribute 0 (not NaN).

        >>> entropy_from_logits(torch.zeros(5))      # uniform over 5: ln 5
        tensor(1.6094)
    """
    logp = torch.log_softmax(logits, dim=-1)  # [..., K]
    # 0·(-inf) is NaN; clamping to the most negative finite value makes those terms 0.
    logp = logp.clamp_min(torch.finfo(logp.dtype).min)  # [..., K]
    return -(logp.exp() * logp).sum(dim=-1)  # [...]


def entropy_bonus(entropy: Tensor, mask: Tensor) -> Tensor:
    """Mean entropy over real decisions; `entropy` is per decision, from the policy.  # [N, D] -> []

    >>> entropy_bonus(torch.tensor([[1.6094, 0.0]]), torch.tensor([[True, False]]))
    tensor(1.6094)
    """
    return masked_mean(entropy, mask)  # []


def adapt_kl_coefficient(beta: float, observed_kl: float, kl_target: float, kl_min: float, kl_max: float) -> float:
    """The crate's adaptive β: ×1.5 above 1.5·target (≤ kl_max), ÷1.5 below 0.5·target (≥ kl_min).

    >>> adapt_kl_coefficient(0.02, 0.05, 0.01, 0.001, 0.1)
    0.03
    """
    if observed_kl > 1.5 * kl_target:
        return min(beta * 1.5, kl_max)
    if observed_kl < 0.5 * kl_target:
        return max(beta / 1.5, kl_min)
    return beta


def compute_gae(
    rewards: Sequence[float],
    values: Sequence[float],
    dones: Sequence[bool],
    next_value: float,
    gamma: float = 0.99,
    gae_lambda: float = 0.95,
) -> list[float]:
    """Generalised advantage estimation, backwards over one rollout (the crate's helper).

    >>> compute_gae([1, 0, 1, 0], [0.5] * 4, [False, False, False, True], 0.5)[3]
    -0.5
    """
    advantages = [0.0] * len(rewards)
    gae = 0.0
    for t in reversed(range(len(rewards))):
        next_v = next_value if t == len(rewards) - 1 else values[t + 1]
        live = 0.0 if dones[t] else 1.0
        delta = rewards[t] + gamma * next_v * live - values[t]
        gae = delta + gamma * gae_lambda * live * gae
        advantages[t] = gae
    return advantages


def compute_returns(rewards: Sequence[float], dones: Sequence[bool], gamma: float = 0.99) -> list[float]:
    """Discounted returns, backwards; an episode end resets the running return before adding r_t.

    >>> [round(g, 4) for g in compute_returns([1, 1, 1], [False, False, True], gamma=0.9)]
    [2.71, 1.9, 1.0]
    """
    returns = [0.0] * len(rewards)
    running = 0.0
    for t in reversed(range(len(rewards))):
        if dones[t]:
            running = 0.0
        running = rewards[t] + gamma * running
        returns[t] = running
    return returns


# --------------------------------------------------------------------------------------------------
# Data types


class GrpoSample(BaseModel):
    """The crate's `GrpoSample`: one scored action with its log-probs under the policy and π_ref."""

    state: list[float] = Field(default_factory=list)
    """State embedding."""
    action: int = 0
    """Tool index in the catalogue."""
    log_prob: float = 0.0
    ref_log_prob: float = 0.0
    reward: float = 0.0
    done: bool = False
    value: float | None = None
    tool_name: str = ""
    parameters: Any = None


@dataclass
class SampleGroup:
    """The crate's `SampleGroup`: samples answering the same request (one GRPO group)."""

    samples: list[GrpoSample]
    group_id: int = 0
    task_context: str = ""

    def __len__(self) -> int:
        return len(self.samples)

    def is_empty(self) -> bool:
        return not self.samples


class GrpoUpdateResult(BaseModel):
    """The crate's `GrpoUpdateResult` plus what TRL logs; metrics are means over optimizer steps.

    `total_loss` used β before this step's adaptation, `kl_coef` is β after it (as in the crate).
    """

    policy_loss: float
    kl_divergence: float
    entropy: float
    total_loss: float
    grad_norm: float
    """Global L2 norm of the gradients before clipping (mean over the step's optimizer steps)."""
    num_samples: int
    avg_advantage: float
    clip_fraction: float
    kl_coef: float
    reward_mean: float = 0.0
    reward_std: float = 0.0
    frac_zero_std_groups: float = 0.0
    """Share of groups whose rewards all tie: they get zero advantage and teach nothing."""
    learning_rate: float = 0.0
    num_optimizer_steps: int = 0


class GrpoStats(BaseModel):
    """The crate's `GrpoStats`. The avg_* fields are EMAs (0.99·old + 0.01·new) that start from the
    first value (the crate starts them from 0); `reward_history` holds each step's mean reward."""

    total_updates: int = 0
    total_samples: int = 0
    avg_reward: float = 0.0
    avg_policy_loss: float = 0.0
    avg_kl_divergence: float = 0.0
    avg_entropy: float = 0.0
    current_kl_coef: float = 0.0
    reward_history: list[float] = Field(default_factory=list)


@dataclass
class GrpoBatch:
    """One rollout batch, policy-agnostic: what the optimizer needs plus an opaque `inputs` payload.

    Samples are in group order: sample i = b·G + g is completion g of request b, so `rewards`
    `[B, G]` flattens to the rows of the `[N, D]` tensors. `inputs` is whatever the policy needs to
    recompute log-probs; `select` slices it per sample when it is a tensor (dim 0), a list (one
    item per sample), or a dict/tuple of those. A mini-batch from `select` carries its samples'
    rewards as `[n, 1]` and `sample_index` (positions in the full batch).

        >>> b = GrpoBatch(old_logp=torch.zeros(4, 2), ref_logp=None, mask=torch.ones(4, 2, dtype=torch.bool),
        ...               rewards=torch.tensor([[1.0, 0.0], [0.5, 0.5]]), inputs=torch.arange(4))
        >>> b.select(torch.tensor([2, 0])).inputs
        tensor([2, 0])
    """

    old_logp: Tensor  # [N, D] log-probs of the taken decisions when sampled (π_old)
    ref_logp: Tensor | None  # [N, D] under the reference policy; None = no KL term
    mask: Tensor  # [N, D] bool, True where a decision exists
    rewards: Tensor  # [B, G]
    inputs: Any = None
    sample_index: Tensor | None = field(default=None, repr=False)  # [N] positions in the full batch

    def __post_init__(self) -> None:
        if self.old_logp.dim() != 2:
            raise ValueError(f"old_logp must be [N, D], got shape {tuple(self.old_logp.shape)}")
        shape = self.old_logp.shape
        if self.mask.shape != shape:
            raise ValueError(f"mask shape {tuple(self.mask.shape)} must equal old_logp's {tuple(shape)}")
        if self.ref_logp is not None and self.ref_logp.shape != shape:
            raise ValueError(f"ref_logp shape {tuple(self.ref_logp.shape)} must equal old_logp's {tuple(shape)}")
        if self.rewards.dim() != 2 or self.rewards.numel() != shape[0]:
            raise ValueError(
                f"rewards must be [B, G] with B·G = N = {shape[0]} samples, got {tuple(self.rewards.shape)}"
            )
        self.mask = self.mask.bool()

    @property
    def num_samples(self) -> int:
        return self.old_logp.shape[0]

    def select(self, idx: Tensor) -> GrpoBatch:
        """The samples at `idx` (a 1-D index tensor), in that order."""
        full = self.sample_index if self.sample_index is not None else torch.arange(self.num_samples)
        return replace(
            self,
            old_logp=self.old_logp[idx.to(self.old_logp.device)],  # [n, D]
            ref_logp=None if self.ref_logp is None else self.ref_logp[idx.to(self.ref_logp.device)],  # [n, D]
            mask=self.mask[idx.to(self.mask.device)],  # [n, D]
            rewards=self.rewards.reshape(-1)[idx.to(self.rewards.device)].reshape(-1, 1),  # [N] -> [n, 1]
            inputs=_select_inputs(self.inputs, idx),
            sample_index=full[idx.to(full.device)],  # [n]
        )

    @classmethod
    def from_samples(cls, samples: Sequence[GrpoSample]) -> GrpoBatch:
        """One group of crate samples -> a batch of one group with one decision per sample;
        `inputs` is the list of samples."""
        old = torch.tensor([[s.log_prob] for s in samples], dtype=torch.float32)  # [G, 1]
        ref = torch.tensor([[s.ref_log_prob] for s in samples], dtype=torch.float32)  # [G, 1]
        rewards = torch.tensor([[s.reward for s in samples]], dtype=torch.float32)  # [1, G]
        mask = torch.ones_like(old, dtype=torch.bool)  # [G, 1]
        return cls(old_logp=old, ref_logp=ref, mask=mask, rewards=rewards, inputs=list(samples))


def _select_inputs(inputs: Any, idx: Tensor) -> Any:
    if inputs is None:
        return None
    if isinstance(inputs, Tensor):
        return inputs[idx.to(inputs.device)]
    if isinstance(inputs, list):
        return [inputs[i] for i in idx.tolist()]
    if isinstance(inputs, Mapping):
        return {k: _select_inputs(v, idx) for k, v in inputs.items()}
    if isinstance(inputs, tuple):
        parts = [_select_inputs(v, idx) for v in inputs]
        return type(inputs)(*parts) if hasattr(inputs, "_fields") else tuple(parts)
    raise TypeError(
        f"cannot split GrpoBatch.inputs of type {type(inputs).__name__} into mini-batches; "
        "use a tensor (samples on dim 0), a list with one item per sample, or a dict/tuple of those"
    )


LogpFn = Callable[[GrpoBatch], tuple[Tensor, Tensor | None]]
"""policy(batch) -> (log-probs of the taken decisions [n, D], their distributions' entropy [n, D] or None)."""


# --------------------------------------------------------------------------------------------------
# Optimizer


class GrpoOptimizer:
    """The crate's `GrpoOptimizer`, owning a torch AdamW over the policy's parameters.

    `step` runs `update_epochs` × shuffled mini-batches; each mini-batch:
    loss = clipped surrogate + β·k3-KL − entropy_coefficient·entropy, backward, clip to
    `max_grad_norm`, AdamW step. β adapts after the whole step (the crate's rule).

        >>> opt = GrpoOptimizer(torch.nn.Linear(3, 5), GrpoConfig(), seed=0)
        >>> opt.kl_coefficient()
        0.02
    """

    def __init__(
        self,
        params_or_module: torch.nn.Module | Iterable[Tensor] | Iterable[dict[str, Any]],
        config: GrpoConfig | None = None,
        seed: int = 0,
    ) -> None:
        self.config = config or GrpoConfig()
        params = params_or_module.parameters() if isinstance(params_or_module, torch.nn.Module) else params_or_module
        self.optimizer = torch.optim.AdamW(params, lr=self.config.learning_rate, weight_decay=self.config.weight_decay)
        self._params = [p for g in self.optimizer.param_groups for p in g["params"]]
        self.seed = seed
        self.generator = torch.Generator().manual_seed(seed)
        self.group_buffer: list[SampleGroup] = []
        self.kl_coef = self.config.kl_coefficient
        self.update_count = 0
        self._stats = GrpoStats(current_kl_coef=self.kl_coef)

    # --- the update -----------------------------------------------------------------------------

    def step(self, batch: GrpoBatch, logp_fn: LogpFn, generator: torch.Generator | None = None) -> GrpoUpdateResult:
        """One GRPO update on a rollout batch; `generator` (default: the optimizer's own, seeded)
        shuffles the mini-batches."""
        cfg = self.config
        gen = generator if generator is not None else self.generator
        beta = self.kl_coef  # the loss uses β from before this step's adaptation, like the crate

        # 1. group-relative advantages, once per batch so mini-batches share the same baseline
        rewards = batch.rewards.detach().float()  # [B, G]
        advantages = group_advantages(rewards, cfg.effective_advantage_scale).reshape(-1)  # [B, G] -> [N]

        # 2. epochs × shuffled mini-batches, one AdamW step each
        totals = dict.fromkeys(("policy", "kl", "entropy", "total", "grad_norm", "clip"), 0.0)
        steps = 0
        for _ in range(cfg.update_epochs):
            order = torch.randperm(batch.num_samples, generator=gen)  # [N]
            for idx in order.split(cfg.mini_batch_size):  # [n]
                mb = batch.select(idx)
                logp, entropy = logp_fn(mb)  # [n, D], [n, D] | None
                mb_adv = advantages[idx.to(advantages.device)].to(logp.device)  # [n]
                mask = mb.mask.to(logp.device)  # [n, D]
                policy_loss, clip_fraction = clipped_policy_loss(
                    logp, mb.old_logp.to(logp), mb_adv, mask, cfg.epsilon_low, cfg.epsilon_high, cfg.loss_type
                )
                if mb.ref_logp is None:
                    kl = logp.new_zeros(())  # []
                else:
                    kl = masked_mean(kl_k3(logp, mb.ref_logp.to(logp)), mask)  # [n, D] -> []
                ent = logp.new_zeros(()) if entropy is None else entropy_bonus(entropy, mask)  # []
                loss = policy_loss + beta * kl - cfg.entropy_coefficient * ent  # []

                self.optimizer.zero_grad(set_to_none=True)
                loss.backward()
                grad_norm = torch.nn.utils.clip_grad_norm_(self._params, cfg.max_grad_norm)
                self.optimizer.step()

                steps += 1
                totals["policy"] += policy_loss.item()
                totals["kl"] += kl.item()
                totals["entropy"] += ent.item()
                totals["total"] += loss.item()
                totals["grad_norm"] += float(grad_norm)
                totals["clip"] += clip_fraction.item()
        means = {k: v / steps for k, v in totals.items()}

        # 3. adapt β on the KL this step measured (not without a reference: nothing was measured)
        if cfg.adaptive_kl and batch.ref_logp is not None:
            self.kl_coef = adapt_kl_coefficient(beta, means["kl"], cfg.kl_target, cfg.kl_min, cfg.kl_max)

        # 4. stats and the result
        reward_mean = rewards.mean().item()
        tied = rewards.amax(dim=1) == rewards.amin(dim=1)  # [B]
        self.update_count += 1
        self._record(reward_mean, means, batch.num_samples)
        return GrpoUpdateResult(
            policy_loss=means["policy"],
            kl_divergence=means["kl"],
            entropy=means["entropy"],
            total_loss=means["total"],
            grad_norm=means["grad_norm"],
            num_samples=batch.num_samples,
            avg_advantage=advantages.mean().item(),
            clip_fraction=means["clip"],
            kl_coef=self.kl_coef,
            reward_mean=reward_mean,
            reward_std=rewards.std(correction=0).item(),
            frac_zero_std_groups=tied.float().mean().item(),
            learning_rate=float(self.optimizer.param_groups[0]["lr"]),
            num_optimizer_steps=steps,
        )

    def _record(self, reward_mean: float, means: dict[str, float], num_samples: int) -> None:
        s = self._stats
        first = s.total_updates == 0

        def ema(old: float, new: float) -> float:
            return new if first else _EMA_DECAY * old + (1.0 - _EMA_DECAY) * new

        s.avg_reward = ema(s.avg_reward, reward_mean)
        s.avg_policy_loss = ema(s.avg_policy_loss, means["policy"])
        s.avg_kl_divergence = ema(s.avg_kl_divergence, means["kl"])
        s.avg_entropy = ema(s.avg_entropy, means["entropy"])
        s.total_updates = self.update_count
        s.total_samples += num_samples
        s.current_kl_coef = self.kl_coef
        s.reward_history.append(reward_mean)

    # --- the crate's group buffer ---------------------------------------------------------------

    def add_group(self, group: SampleGroup) -> None:
        self.group_buffer.append(group)

    def process_groups(self, logp_fn: LogpFn) -> list[GrpoUpdateResult]:
        """One `step` per buffered non-empty group, in insertion order; empties the buffer.
        `logp_fn` gets batches whose `inputs` is the list of that mini-batch's `GrpoSample`s."""
        groups, self.group_buffer = self.group_buffer, []
        return [self.step(GrpoBatch.from_samples(g.samples), logp_fn) for g in groups if not g.is_empty()]

    # --- the crate's helpers with this config's γ and λ -----------------------------------------

    def compute_gae(
        self, rewards: Sequence[float], values: Sequence[float], dones: Sequence[bool], next_value: float
    ) -> list[float]:
        return compute_gae(rewards, values, dones, next_value, self.config.gamma, self.config.gae_lambda)

    def compute_returns(self, rewards: Sequence[float], dones: Sequence[bool]) -> list[float]:
        return compute_returns(rewards, dones, self.config.gamma)

    # --- state ----------------------------------------------------------------------------------

    def kl_coefficient(self) -> float:
        """The current β."""
        return self.kl_coef

    def stats(self) -> GrpoStats:
        """A copy of the running stats."""
        return self._stats.model_copy(deep=True)

    def reset(self) -> None:
        """β, counters, stats, buffer, AdamW moments and the shuffling generator back to their start;
        the policy's parameters are not touched."""
        self.kl_coef = self.config.kl_coefficient
        self.update_count = 0
        self._stats = GrpoStats(current_kl_coef=self.kl_coef)
        self.group_buffer.clear()
        self.optimizer.state.clear()
        self.generator.manual_seed(self.seed)

    def state_dict(self) -> dict[str, Any]:
        """β, counters, stats, AdamW state and the shuffling generator: with the policy's own
        `state_dict`, everything needed to resume exactly. Loadable with `torch.load(weights_only=True)`."""
        return {
            "format_version": STATE_FORMAT_VERSION,
            "kl_coef": self.kl_coef,
            "update_count": self.update_count,
            "stats": self._stats.model_dump(),
            "optimizer": self.optimizer.state_dict(),
            "generator": self.generator.get_state(),
        }

    def load_state_dict(self, state: Mapping[str, Any]) -> None:
        version = state.get("format_version")
        if version != STATE_FORMAT_VERSION:
            raise ValueError(
                f"GrpoOptimizer state has format_version {version!r}, this mcptrain reads "
                f"{STATE_FORMAT_VERSION}; resume with the mcptrain version that wrote it"
            )
        self.kl_coef = float(state["kl_coef"])
        self.update_count = int(state["update_count"])
        self._stats = GrpoStats.model_validate(state["stats"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.generator.set_state(state["generator"])


__all__ = [
    "AdvantageScale",
    "GrpoBatch",
    "GrpoConfig",
    "GrpoOptimizer",
    "GrpoSample",
    "GrpoStats",
    "GrpoUpdateResult",
    "LogpFn",
    "LossType",
    "SampleGroup",
    "adapt_kl_coefficient",
    "aggregate_decisions",
    "clipped_policy_loss",
    "compute_gae",
    "compute_relative_advantages",
    "compute_returns",
    "entropy_bonus",
    "entropy_from_logits",
    "group_advantages",
    "kl_k3",
    "masked_mean",
]
