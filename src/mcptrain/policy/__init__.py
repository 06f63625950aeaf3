"""Tool-calling policies: the `Policy` protocol and the router (a sentence encoder + small heads).

    >>> from mcptrain.policy import Router, Encoder
    >>> router = Router(Encoder.minilm(), Catalogue.builtin("ruvllm"))
    >>> router.predict([ToolCallExample(prompt="list all agents")])[0].tool
    'agent_list'

`Policy`, `Prediction` and `SampledCall` import without torch; `Router`, `RouterConfig` and
`Encoder` load torch (and transformers) on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mcptrain.policy.base import Policy, Prediction, SampledCall, stack_sampled

if TYPE_CHECKING:
    from mcptrain.policy.encoder import Encoder
    from mcptrain.policy.router import Router, RouterConfig

_LAZY = {
    "Encoder": "mcptrain.policy.encoder",
    "Router": "mcptrain.policy.router",
    "RouterConfig": "mcptrain.policy.router",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'mcptrain.policy' has no attribute {name!r}")


__all__ = ["Encoder", "Policy", "Prediction", "Router", "RouterConfig", "SampledCall", "stack_sampled"]
