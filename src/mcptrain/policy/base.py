"""The `Policy` protocol: what GRPO, the trainer and evaluation need from any tool-calling policy.

A tool call is a sequence of *decisions* (which tool or none, include this optional argument,
which enum value, span start, span end, ...). A call's log-prob is the sum of its decisions'
log-probs. Per-sample tensors are padded to a fixed number of decisions D with a mask, so GRPO
can stack them into `[N, D]`.

    >>> calls = policy.sample(examples, group_size=4, generator=torch.Generator().manual_seed(0))
    >>> len(calls), len(calls[0]), calls[0][0].logp.shape     # B requests x G calls, each [D]
    (2, 4, torch.Size([49]))
    >>> logp, entropy, mask = policy.log_prob([examples[0]] * 4, calls[0])   # [4, D] each, differentiable
    >>> policy.predict(examples)[0]
    Prediction(tool='memory_store', arguments={'key': 'greeting', 'value': 'hi'}, confidence=0.93, schema_valid=True)

This module does not import torch at run time, so predictions can be read and written without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from mcptrain.types import ToolCall, ToolCallExample

if TYPE_CHECKING:
    import torch
    from torch import Tensor


@dataclass(frozen=True)
class Prediction:
    """A greedy answer to one request.

    `tool` None = no tool applies. `confidence` is the probability of the tool decision (of "none"
    when `tool` is None). `schema_valid` says whether `arguments` validate against the chosen tool's
    input schema (True for "no tool": there is nothing to validate).
    """

    tool: str | None
    arguments: dict[str, Any]
    confidence: float
    schema_valid: bool

    @property
    def call(self) -> ToolCall | None:
        return None if self.tool is None else ToolCall(name=self.tool, arguments=self.arguments)


@dataclass
class SampledCall:
    """One sampled call with what GRPO needs about each of its decisions, padded to D.

    `logp`/`entropy` are detached (sampling runs without autograd): they are π_old for the ratio.
    `actions` are the decisions' indices (-1 on padding); passing this object back to
    `Policy.log_prob` replays exactly these decisions, so recomputed log-probs match even when a
    span's text occurs twice in the request. `labels` name the real decisions ("tool",
    "include:force", "start:agentId", ...).
    """

    call: ToolCall | None
    logp: Tensor  # [D] log-probs of the taken decisions, 0 on padding
    entropy: Tensor  # [D] entropy of each decision's distribution, 0 on padding
    mask: Tensor  # [D] bool, True where a decision exists
    actions: Tensor  # [D] long, the decision indices, -1 on padding
    labels: list[str] = field(default_factory=list)

    @property
    def total_logp(self) -> float:
        """The call's log-prob: the sum of its decisions' log-probs."""
        return float(self.logp[self.mask].sum())


@runtime_checkable
class Policy(Protocol):
    """Any tool-calling policy: the router (encoder + heads) or a language model."""

    max_decisions: int
    """D: the padded length of every per-decision tensor this policy returns."""

    def sample(
        self,
        examples: Sequence[ToolCallExample],
        group_size: int,
        generator: torch.Generator | None = None,
    ) -> list[list[SampledCall]]:
        """G sampled calls per request, without autograd: `[B][G]`."""
        ...

    def predict(self, examples: Sequence[ToolCallExample]) -> list[Prediction]:
        """The greedy call per request."""
        ...

    def log_prob(
        self,
        examples: Sequence[ToolCallExample],
        calls: Sequence[ToolCall | SampledCall | None],
    ) -> tuple[Tensor, Tensor, Tensor]:
        """Log-probs of given calls under the current parameters, with autograd.

        `calls[i]` answers `examples[i]` (repeat an example to score a group). Returns
        `(logp [N, D], entropy [N, D], mask [N, D] bool)`. A decision whose value cannot be
        derived from a plain ToolCall (a string not found in the request, say) is masked out.
        """
        ...


def stack_sampled(calls: Sequence[SampledCall]) -> tuple[Tensor, Tensor, Tensor]:
    """Flatten sampled calls into GRPO's tensors: N calls -> (logp, entropy, mask), each [N, D].

    Use the `[B][G]` list from `sample` flattened in group order (call i = b·G + g).
    """
    import torch

    logp = torch.stack([c.logp for c in calls])  # [N, D]
    entropy = torch.stack([c.entropy for c in calls])  # [N, D]
    mask = torch.stack([c.mask for c in calls])  # [N, D]
    return logp, entropy, mask


__all__ = ["Policy", "Prediction", "SampledCall", "stack_sampled"]
