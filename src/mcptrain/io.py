"""File helpers shared by every module: atomic writes and line-numbered JSON/JSONL reading.

A write goes to a temporary file in the same folder and is renamed over the target, so a crash or
a bad input never leaves a half-written file behind.

    >>> atomic_write_text(Path("out.json"), "{}")   # out.json appears whole, or not at all
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mcptrain.errors import DataError

M = TypeVar("M", bound=BaseModel)
_UMASK = os.umask(0)
os.umask(_UMASK)


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` (UTF-8) through a temp file + rename."""
    atomic_write_many({Path(path): text})


def atomic_write_many(files: dict[Path, str]) -> None:
    """Write several files so that none is renamed into place until all were written whole."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in files.items():
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp, path))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the file a normal file's mode
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_lines(path: Path, lines: Iterable[str]) -> None:
    """Write one line per item (each given without its newline)."""
    atomic_write_text(path, "".join(line + "\n" for line in lines))


def dumps_compact(obj: Any) -> str:
    """The one JSON spelling used for JSONL lines, so the same data gives the same bytes."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def dumps_pretty(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def read_json(path: Path) -> Any:
    """Parse a JSON file; a missing file or bad JSON raises DataError naming the file and line."""
    path = Path(path)
    text = _read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise DataError(
            f"{path}:{e.lineno}:{e.colno}: invalid JSON ({e.msg}); fix the file and run again"
        ) from None


def iter_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    """Yield (line number, parsed object) for each non-blank line of a JSONL file."""
    path = Path(path)
    text = _read_text(path)
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as e:
            raise DataError(
                f"{path}:{lineno}: invalid JSON ({e.msg} at column {e.colno}); fix the line and run again"
            ) from None


def read_jsonl_models(path: Path, model: type[M]) -> list[M]:
    """Read a JSONL file into pydantic records; a bad line raises DataError with its number."""
    out: list[M] = []
    for lineno, obj in iter_jsonl(path):
        try:
            out.append(model.model_validate(obj))
        except ValidationError as e:
            err = e.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "line"
            raise DataError(
                f"{path}:{lineno}: field '{where}': {err['msg']}; fix the line and run again"
            ) from None
    return out


def _read_text(path: Path) -> str:
    if not path.exists():
        raise DataError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise DataError(f"{path}: is a folder, expected a file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise DataError(f"{path}: not UTF-8 text (byte {e.start}); save it as UTF-8") from None
