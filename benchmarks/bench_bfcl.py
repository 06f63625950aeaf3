"""BFCL v4 benchmark: baselines and the trained router, zero-shot on BFCL's functions, one run.

    python benchmarks/bench_bfcl.py --checkpoint runs/general [--categories simple_python,multiple]

The router checkpoint must come from our generated data only (e.g. `mcptrain train --catalog general`);
BFCL's functions are never seen in training. Per category: AST accuracy (our checker, cross-checked
against bfcl-eval's in tests/test_bfcl.py), tool-selection accuracy and wall time, for
  - the crate's keyword predictor, BM25 and the untrained MiniLM's cosine match (tools only, no
    arguments; a "no call" threshold fitted on the checkpoint's own training data when given),
  - the router (per-entry catalogue; one call or none), and the router with requests also cut into
    parts for parallel calls (`mcptrain bfcl --split-parallel`).
Writes benchmarks/results/bfcl.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import torch  # noqa: E402
from run_info import run_info, write_report  # noqa: E402

from mcptrain.baselines import Bm25Predictor, EncoderCosinePredictor, KeywordPredictor  # noqa: E402
from mcptrain.bfcl import CATEGORIES  # noqa: E402
from mcptrain.bfcl.run import router_calls, run_bfcl, scorer_calls  # noqa: E402
from mcptrain.io import read_jsonl_models  # noqa: E402
from mcptrain.trainer import McpToolTrainer  # noqa: E402
from mcptrain.types import ToolCallExample  # noqa: E402

ROOT = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoint", type=Path, required=True)
    ap.add_argument("--categories", default=",".join(CATEGORIES))
    ap.add_argument("--train-data", type=Path, help="JSONL the no-call thresholds of the baselines are fitted on")
    ap.add_argument("--out", type=Path, default=ROOT / "results" / "bfcl.json")
    args = ap.parse_args()
    torch.set_num_threads(os.cpu_count() or 1)
    cats = [c for c in args.categories.split(",") if c]
    started = time.perf_counter()
    trainer = McpToolTrainer.from_checkpoint(args.checkpoint)
    encoder = trainer.encoder
    fit = read_jsonl_models(args.train_data, ToolCallExample)[:2000] if args.train_data else []
    thresholds: dict[str, float] = {}
    if fit:
        cat = trainer.catalogue
        bm25 = Bm25Predictor(cat)
        thresholds["BM25"] = bm25.fit_threshold(fit)
        cos = EncoderCosinePredictor(cat, encoder)
        thresholds["untrained MiniLM cosine"] = cos.fit_threshold(fit)

    def with_threshold(predictor, name: str):
        predictor.threshold = thresholds.get(name, float("-inf"))
        return predictor

    policies = {
        "keyword (crate)": scorer_calls(KeywordPredictor),
        "BM25": scorer_calls(lambda c: with_threshold(Bm25Predictor(c), "BM25")),
        "untrained MiniLM cosine": scorer_calls(
            lambda c: with_threshold(EncoderCosinePredictor(c, encoder), "untrained MiniLM cosine")
        ),
        "router (ours)": router_calls(trainer._policy()),
        "router, --split-parallel": router_calls(trainer._policy(), parallel=True),
    }
    results = {}
    for name, fn in policies.items():
        report, _ = run_bfcl(fn, cats)
        results[name] = report.to_dict()
        print(f"## {name}\n{report.markdown()}\n", flush=True)
    out = {
        **run_info(),
        "checkpoint": str(args.checkpoint),
        "thresholds": thresholds,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "wall_seconds": time.perf_counter() - started,
        "results": results,
    }
    write_report(args.out, out)
    print(table(results))


def table(results: dict) -> str:
    cats = list(next(iter(results.values()))["categories"])
    head = "| policy | " + " | ".join(cats) + " |"
    lines = [head, "|---|" + "---:|" * len(cats)]
    for name, r in results.items():
        cells = [f"{r['categories'][c]['ast_accuracy']:.3f} / {r['categories'][c]['tool_accuracy']:.3f}" for c in cats]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n\n(AST accuracy / tool-selection accuracy)"


if __name__ == "__main__":
    main()
