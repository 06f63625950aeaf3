"""Checkpoint folders: safetensors for every tensor, JSON for everything else, written atomically.

A nested state (an optimizer's `state_dict`, say) is split into a flat `{path: tensor}` map for
safetensors and a JSON skeleton in which each tensor is replaced by `{"__tensor__": path}`;
`join_state` puts them back together.

    >>> tensors, skeleton = split_state({"kl_coef": 0.05, "optimizer": {"state": {0: {"exp_avg": t}}}})
    >>> skeleton["optimizer"]["state"]
    {'__int_keys__': {'0': {'exp_avg': {'__tensor__': 'optimizer.state.0.exp_avg'}}}}
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from mcptrain.errors import McptrainError

CHECKPOINT_FORMAT_VERSION = 1


class CheckpointError(McptrainError):
    """A checkpoint folder is missing, corrupt, or from an incompatible version or catalogue."""


def split_state(state: Any, prefix: str = "") -> tuple[dict[str, torch.Tensor], Any]:
    """Nested dict/list/tuple of tensors and JSON values -> (flat tensors, JSON skeleton)."""
    tensors: dict[str, torch.Tensor] = {}

    def walk(node: Any, path: str) -> Any:
        if isinstance(node, torch.Tensor):
            tensors[path] = node.detach().cpu().contiguous()
            return {"__tensor__": path}
        if isinstance(node, dict):
            if node and all(isinstance(k, int) for k in node):  # torch optimizers key state by int
                return {"__int_keys__": {str(k): walk(v, f"{path}.{k}") for k, v in node.items()}}
            return {str(k): walk(v, f"{path}.{k}" if path else str(k)) for k, v in node.items()}
        if isinstance(node, list | tuple):
            items = [walk(v, f"{path}.{i}") for i, v in enumerate(node)]
            return {"__tuple__": items} if isinstance(node, tuple) else items
        if node is None or isinstance(node, bool | int | float | str):
            return node
        raise TypeError(f"cannot checkpoint a {type(node).__name__} at '{path}'")

    return tensors, walk(state, prefix)


def join_state(tensors: dict[str, torch.Tensor], skeleton: Any) -> Any:
    """The inverse of `split_state`."""
    if isinstance(skeleton, dict):
        if set(skeleton) == {"__tensor__"}:
            return tensors[skeleton["__tensor__"]]
        if set(skeleton) == {"__int_keys__"}:
            return {int(k): join_state(tensors, v) for k, v in skeleton["__int_keys__"].items()}
        if set(skeleton) == {"__tuple__"}:
            return tuple(join_state(tensors, v) for v in skeleton["__tuple__"])
        return {k: join_state(tensors, v) for k, v in skeleton.items()}
    if isinstance(skeleton, list):
        return [join_state(tensors, v) for v in skeleton]
    return skeleton


def save_state(state: Any, folder: Path, name: str) -> None:
    """`folder/name.safetensors` (the tensors) + `folder/name.json` (the rest)."""
    tensors, skeleton = split_state(state)
    save_file(tensors, str(folder / f"{name}.safetensors"))
    (folder / f"{name}.json").write_text(json.dumps(skeleton, indent=1) + "\n")


def load_state(folder: Path, name: str) -> Any:
    json_path, st_path = folder / f"{name}.json", folder / f"{name}.safetensors"
    for p in (json_path, st_path):
        if not p.exists():
            raise CheckpointError(f"{folder}: {p.name} is missing; the checkpoint is incomplete")
    try:
        skeleton = json.loads(json_path.read_text())
        tensors = load_file(str(st_path))
        return join_state(tensors, skeleton)
    except (json.JSONDecodeError, KeyError, OSError, RuntimeError, ValueError, SafetensorError) as e:
        raise CheckpointError(
            f"{folder}: {name} is corrupt ({type(e).__name__}: {e}); use another checkpoint"
        ) from None


def write_folder_atomically(target: Path, fill: Any) -> Path:
    """Build a checkpoint in a temp folder beside `target` via `fill(tmp_dir)`, then swap it in.

    An interrupted save leaves the previous checkpoint (if any) untouched.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        fill(tmp)
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
        tmp.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def read_manifest(folder: Path) -> dict[str, Any]:
    """`checkpoint.json`, checked for presence and format version."""
    folder = Path(folder)
    path = folder / "checkpoint.json"
    if not folder.is_dir():
        raise CheckpointError(f"{folder}: no such checkpoint folder; check --checkpoint")
    if not path.exists():
        raise CheckpointError(f"{folder}: no checkpoint.json; is this a folder written by `mcptrain train`?")
    try:
        manifest = json.loads(path.read_text())
    except json.JSONDecodeError as e:
        raise CheckpointError(f"{path}:{e.lineno}: corrupt JSON ({e.msg}); use another checkpoint") from None
    version = manifest.get("format_version")
    if version != CHECKPOINT_FORMAT_VERSION:
        raise CheckpointError(
            f"{path}: format_version {version!r}, this mcptrain reads {CHECKPOINT_FORMAT_VERSION}; "
            "use the mcptrain version that wrote it"
        )
    return manifest
