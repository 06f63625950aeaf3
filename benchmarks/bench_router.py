"""Router benchmark: baselines vs supervised vs supervised + GRPO, on the same held-out data, one run.

    python benchmarks/bench_router.py [--catalog ruvllm] [--preset default] [--examples-per-tool 20]
        [--grpo-reward exact_match] [--grpo-steps 300] [--quick]

Per catalogue it generates the default dataset with 20 examples per tool (the crate's default is 10)
and the catalogue's phrasebook (pattern split: test phrasings, including 30% of each tool's
phrasebook wordings, never seen in training), then measures on its test split (and, for ruvllm, on
the 112 hand-written requests of benchmarks/data/ruvllm_natural.jsonl, never used for training or
tuning):
  - the crate's keyword predictor (ported), BM25, the untrained MiniLM's cosine match (both with a
    no-tool threshold fitted on the training split), the supervised router trained without the
    phrasebook (ruvllm), the supervised router, supervised + GRPO (Tool-N1's binary exact-match
    reward by default: on ruvllm, 2026-11-26, GRPO with the crate's composite reward lowered
    held-out exact-call 0.749 -> 0.723, with exact match it kept 0.753 at 100 steps, 0.757 at 300);
  - tool accuracy, exact-call accuracy, irrelevance accuracy, with 95% bootstrap intervals;
  - training wall time, predict latency p50/p99 (batch 1, one thread), batched throughput (one
    thread, and all threads), latency with all 199 claude-flow tools as candidates, peak RSS.
Writes benchmarks/results/router.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from run_info import run_info, write_report  # noqa: E402

from mcptrain.baselines import Bm25Predictor, EncoderCosinePredictor, KeywordPredictor  # noqa: E402
from mcptrain.catalogue import Catalogue  # noqa: E402
from mcptrain.dataset import ToolDatasetConfig, generate_splits  # noqa: E402
from mcptrain.dataset.values import HINT_REQUESTS  # noqa: E402
from mcptrain.evaluation import EvaluationMetrics, evaluate, paired_difference_ci  # noqa: E402
from mcptrain.io import read_jsonl_models  # noqa: E402
from mcptrain.policy.encoder import Encoder  # noqa: E402
from mcptrain.rewards import REWARDS  # noqa: E402
from mcptrain.trainer import McpToolTrainer, McpTrainingConfig  # noqa: E402
from mcptrain.types import ToolCallExample, ToolSpec  # noqa: E402

ROOT = Path(__file__).resolve().parent
NATURAL = ROOT / "data" / "ruvllm_natural.jsonl"


def summary(m: EvaluationMetrics) -> dict:
    ci = m.confidence_intervals
    return {
        "tool_accuracy": m.tool_accuracy,
        "exact_call_accuracy": m.exact_call_accuracy,
        "param_accuracy": m.param_accuracy,
        "irrelevance_accuracy": m.irrelevance_accuracy,
        "error_recovery_rate": m.error_recovery_rate,
        "schema_valid_rate": m.schema_valid_rate,
        "ci95": {k: list(v) for k, v in ci.items()},
        "n": m.num_samples,
    }


def latency(trainer: McpToolTrainer, examples: list[ToolCallExample], tag: str, repeats: int = 200) -> dict:
    """p50/p99 of one request at a time, and batched throughput, on one thread, cache cold per request;
    batched throughput again on every thread torch has (the machine's cores).

    `tag` makes every timed text new to the encoder cache, also across calls."""
    policy = trainer._policy()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        times = []
        for i in range(repeats):
            ex = examples[i % len(examples)]
            fresh = ToolCallExample(prompt=f"{ex.prompt} #{tag}{i}")  # a new text: no cached encoding
            t0 = time.perf_counter()
            policy.predict([fresh])
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        batch = [ToolCallExample(prompt=f"{ex.prompt} ##{tag}{i}") for i, ex in enumerate(examples * 2)][:512]
        t0 = time.perf_counter()
        policy.predict(batch)
        throughput = len(batch) / (time.perf_counter() - t0)
    finally:
        torch.set_num_threads(threads)
    batch = [ToolCallExample(prompt=f"{ex.prompt} ###{tag}{i}") for i, ex in enumerate(examples * 2)][:512]
    t0 = time.perf_counter()
    policy.predict(batch)  # the same, on every core the machine has
    throughput_all = len(batch) / (time.perf_counter() - t0)
    return {
        "p50_ms": statistics.median(times),
        "p99_ms": times[int(0.99 * (len(times) - 1))],
        "batched_requests_per_s": throughput,
        "batched_requests_per_s_all_threads": throughput_all,
        "candidates": len(policy.catalogue),
        "threads": 1,
        "all_threads": threads,
    }


def without_requests(tool: ToolSpec) -> ToolSpec:
    """The tool without its phrasebook wordings (`x-mcptrain-requests`)."""
    schema = {k: v for k, v in tool.input_schema.items() if k != HINT_REQUESTS}
    return tool.model_copy(update={"input_schema": schema})


def run_catalogue(name: str, preset: str, quick: bool, per_tool: int, reward: str, grpo_steps: int) -> dict:
    cat = Catalogue.builtin(name)
    data_config = ToolDatasetConfig.default().with_overrides(examples_per_tool=per_tool)
    splits = generate_splits(cat, data_config)
    train, test = splits.train.examples, splits.test.examples
    eval_sets = {"test": test}
    if name == "ruvllm" and NATURAL.exists():
        eval_sets["natural"] = read_jsonl_models(NATURAL, ToolCallExample)
    out: dict = {"catalogue": name, "tools": len(cat), "examples_per_tool": per_tool, "train": len(train),
                 "grpo_reward": reward,
                 "test": len(test), "policies": {}}  # fmt: skip

    exact: dict[str, dict[str, np.ndarray]] = {}  # policy -> eval set -> [n] exact call per example

    def record(policy: str, predict, extra: dict | None = None) -> None:
        row = {}
        for s, exs in eval_sets.items():
            calls = predict(exs)
            row[s] = summary(evaluate(calls, exs, cat))
            exact.setdefault(policy, {})[s] = np.array(REWARDS["exact_match"](calls, exs)) == 1.0
        out["policies"][policy] = {**row, **(extra or {})}
        print(f"  {name:12s} {policy:24s} " + "  ".join(
            f"{s}: tool {r['tool_accuracy']:.3f} exact {r['exact_call_accuracy']:.3f} "
            f"irr {r['irrelevance_accuracy']:.3f}"
            for s, r in row.items()), flush=True)  # fmt: skip

    record("keyword (crate)", KeywordPredictor(cat).predict)
    bm25 = Bm25Predictor(cat)
    bm25.fit_threshold(train)
    record("BM25", bm25.predict)
    config = McpTrainingConfig.preset(preset).model_copy(
        update={"reward_weights": {reward: 1.0}, "grpo_steps": grpo_steps}
    )
    if quick:
        config = config.model_copy(update={"epochs": 2, "grpo_steps": 5})
    trainer = McpToolTrainer(config)
    trainer.load_tool_definitions(cat)
    cosine = EncoderCosinePredictor(cat, trainer.encoder)
    cosine.fit_threshold(train)
    record("untrained MiniLM cosine", cosine.predict)

    def router_predict(exs: list[ToolCallExample]) -> list:
        return [p.call for p in trainer._policy().predict(exs)]

    if name == "ruvllm":  # the same router trained on templates alone: what the phrasebook adds
        plain = Catalogue([without_requests(t) for t in cat], cat.name, cat.version, cat.source)
        base = McpToolTrainer(config)
        base.load_tool_definitions(plain)
        t0 = time.perf_counter()
        base.train_supervised(generate_splits(plain, data_config).train.examples)
        record("router, supervised, no phrasebook", lambda exs: [p.call for p in base._policy().predict(exs)],
               {"train_seconds": time.perf_counter() - t0})  # fmt: skip
        del base
    t0 = time.perf_counter()
    trainer.train_supervised(train)
    sup_s = time.perf_counter() - t0
    record("router, supervised", router_predict, {"train_seconds": sup_s})
    t0 = time.perf_counter()
    trainer.train_grpo(train, val=splits.val.examples)  # keep_best: ends on the best of its val evaluations
    kept = trainer.restore_best()
    grpo_s = time.perf_counter() - t0
    record("router, supervised + GRPO", router_predict, {"train_seconds": sup_s + grpo_s, "grpo_seconds": grpo_s,
                                                        "grpo_steps": trainer.config.grpo_steps, "kept_step": kept,
                                                        "best_val_exact": trainer.stats().best_val_exact})  # fmt: skip
    # GRPO against supervised on the same examples: a paired bootstrap of the difference in exact call
    out["grpo_minus_supervised"] = {
        s: dict(zip(("exact_call", "ci_low", "ci_high"), paired_difference_ci(
            exact["router, supervised"][s], exact["router, supervised + GRPO"][s]), strict=True))
        for s in eval_sets
    }  # fmt: skip
    out["latency"] = latency(trainer, test, "a")
    # post-training int8 encoder: the same heads on int8 features (accuracy and latency)
    policy = trainer._policy()
    bf16 = policy.encoder
    policy.set_encoder(Encoder.minilm(dtype="int8"))
    record("router + GRPO, int8 encoder", router_predict)
    out["latency_int8"] = latency(trainer, test, "i")
    if name != "claude-flow":
        trainer.load_tool_definitions(Catalogue.builtin("claude-flow"))
        out["latency_int8_199_candidates"] = latency(trainer, test, "j")
        trainer.load_tool_definitions(cat)
    policy.set_encoder(bf16)
    if name != "claude-flow":  # latency with the 199 real tools as candidates, zero-shot
        trainer.load_tool_definitions(Catalogue.builtin("claude-flow"))
        out["latency_199_candidates"] = latency(trainer, test, "b")
        trainer.load_tool_definitions(cat)
    return out


def table(results: list[dict]) -> str:
    lines = [
        "| catalogue | eval set | policy | tool acc | exact call | irrelevance | train s |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for r in results:
        for policy, row in r["policies"].items():
            for split in ("test", "natural"):
                if split not in row:
                    continue
                m = row[split]
                lo, hi = m["ci95"].get("exact_call_accuracy", [0, 0])
                lines.append(
                    f"| {r['catalogue']} | {split} ({m['n']}) | {policy} | {m['tool_accuracy']:.3f} | "
                    f"{m['exact_call_accuracy']:.3f} [{lo:.3f}, {hi:.3f}] | {m['irrelevance_accuracy']:.3f} | "
                    f"{row.get('train_seconds', 0):.0f} |"
                )
    lines += ["", "| catalogue | eval set | exact call, supervised + GRPO minus supervised [paired 95% CI] |",
              "|---|---|---|"]  # fmt: skip
    for r in results:
        for split, d in r.get("grpo_minus_supervised", {}).items():
            lines.append(f"| {r['catalogue']} | {split} | {d['exact_call']:+.3f} "
                         f"[{d['ci_low']:+.3f}, {d['ci_high']:+.3f}] |")  # fmt: skip
    lines += ["", "| catalogue | encoder | candidates | p50 ms (1 thread) | p99 ms | batched req/s (1 thread) "
              "| batched req/s (all threads) |", "|---|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for r in results:
        for key in ("latency", "latency_199_candidates", "latency_int8", "latency_int8_199_candidates"):
            if key in r:
                lat = r[key]
                enc = "int8" if "int8" in key else "bf16"
                every = f"{lat.get('batched_requests_per_s_all_threads', 0):.0f} ({lat.get('all_threads', 1)})"
                lines.append(f"| {r['catalogue']} | {enc} | {lat['candidates']} | {lat['p50_ms']:.1f} | "
                             f"{lat['p99_ms']:.1f} | {lat['batched_requests_per_s']:.0f} | {every} |")  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--catalog", action="append", help="ruvllm and/or claude-flow (default: both)")
    ap.add_argument("--preset", default="default")
    ap.add_argument("--examples-per-tool", type=int, default=20, help="dataset size (the crate's default: 10)")
    ap.add_argument("--quick", action="store_true", help="2 epochs, 5 GRPO steps: a smoke run, not a result")
    ap.add_argument("--grpo-reward", default="exact_match", help="GRPO's reward (mcptrain.rewards.REWARDS)")
    ap.add_argument("--grpo-steps", type=int, default=300)
    ap.add_argument("--out", type=Path, default=ROOT / "results" / "router.json")
    args = ap.parse_args()
    torch.set_num_threads(os.cpu_count() or 1)
    started = time.perf_counter()
    results = [
        run_catalogue(c, args.preset, args.quick, args.examples_per_tool, args.grpo_reward, args.grpo_steps)
        for c in (args.catalog or ["ruvllm", "claude-flow"])
    ]
    report = {
        **run_info(),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "wall_seconds": time.perf_counter() - started,
        "results": results,
    }
    write_report(args.out, report)
    print(table(results))
    print(f"peak RSS {report['peak_rss_mib']:.0f} MiB, wall {report['wall_seconds']:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
