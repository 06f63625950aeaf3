"""PNG plots: training curves and the confusion heatmap (matplotlib, headless).

>>> save_curves({"reward_mean": [0.2, 0.5, 0.7]}, Path("out/curves.png"))
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no screen on training machines
import matplotlib.pyplot as plt  # noqa: E402

from mcptrain.evaluation import NONE  # noqa: E402


def save_curves(curves: dict[str, list[float]], path: Path, title: str = "training") -> None:
    """One small panel per logged series (loss, reward, KL, ...), x = step."""
    names = [n for n, v in curves.items() if v]
    if not names:
        return
    cols = min(3, len(names))
    rows = (len(names) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4 * cols, 2.8 * rows), squeeze=False)
    for ax, name in zip(axes.flat, names, strict=False):
        ax.plot(range(1, len(curves[name]) + 1), curves[name], lw=1.2)
        ax.set_title(name, fontsize=9)
        ax.set_xlabel("step", fontsize=8)
        ax.tick_params(labelsize=7)
    for ax in list(axes.flat)[len(names) :]:
        ax.axis("off")
    fig.suptitle(title)
    fig.tight_layout()
    _save(fig, path)


def save_confusion(confusion: dict[str, dict[str, int]], path: Path, max_labels: int = 60) -> None:
    """Row-normalised heatmap of expected (rows) vs predicted (columns) tools.

    Large catalogues keep the `max_labels` most frequent expected tools (plus "no tool").
    """
    expected = sorted(confusion, key=lambda k: -sum(confusion[k].values()))[:max_labels]
    if NONE in confusion and NONE not in expected:
        expected.append(NONE)
    predicted = sorted({p for row in expected for p in confusion[row]} | set(expected))
    col = {p: j for j, p in enumerate(predicted)}
    grid = [[0.0] * len(predicted) for _ in expected]
    for i, row in enumerate(expected):
        total = sum(confusion[row].values()) or 1
        for p, n in confusion[row].items():
            grid[i][col[p]] = n / total
    size = max(6.0, 0.18 * max(len(expected), len(predicted)))
    fig, ax = plt.subplots(figsize=(size, size))
    ax.imshow(grid, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(predicted)), predicted, rotation=90, fontsize=6)
    ax.set_yticks(range(len(expected)), expected, fontsize=6)
    ax.set_xlabel("predicted")
    ax.set_ylabel("expected")
    fig.tight_layout()
    _save(fig, path)


def _save(fig: plt.Figure, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".png", dir=path.parent)
    os.close(fd)
    try:
        fig.savefig(tmp, dpi=120)
        os.replace(tmp, path)
    finally:
        plt.close(fig)
        Path(tmp).unlink(missing_ok=True)
