"""Benchmark dataset generation: time and memory, plus how much the split leaks.

    .venv/bin/python benchmarks/bench_generate.py            # all four runs, ~10 s on 2 cores
    .venv/bin/python benchmarks/bench_generate.py --repeats 5

For each catalogue (ruvllm, claude-flow) and preset (default, comprehensive) a fresh subprocess times
`generate_splits` + `write_splits` (median of the repeats) and reports its peak RSS, so one run's
memory does not hide another's. Then, on the default preset, it measures leakage:

- share of test examples whose phrasing pattern also occurs in train (0 by construction);
- a lookup baseline (each test prompt takes the tool of the train prompt with the most word overlap,
  Jaccard over lower-cased words) on our pattern split, on the crate's random split of the same
  examples, and on held-out tools. A split that measures generalisation should make lookup worse.

Writes benchmarks/results/generate.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from run_info import run_info, write_report

from mcptrain.catalogue import Catalogue
from mcptrain.dataset import ToolCallDataset, ToolCallExample, ToolDatasetConfig, generate_splits, write_splits

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results" / "generate.json"
RUNS = [
    ("ruvllm", "default"), ("ruvllm", "comprehensive"), ("claude-flow", "default"), ("claude-flow", "comprehensive"),
]


def time_one(catalogue: str, preset: str, repeats: int) -> dict[str, Any]:
    """Run in a child process: median seconds of generate + write, and this process's peak RSS."""
    cat = Catalogue.builtin(catalogue)
    config = ToolDatasetConfig.preset(preset)
    times = []
    sizes: dict[str, int] = {}
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            splits = generate_splits(cat, config)
            write_splits(tmp, splits, cat)
            times.append(time.perf_counter() - t0)
            sizes = {p.name: p.stat().st_size for p in Path(tmp).iterdir()}
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    s = splits.stats
    return {
        "catalogue": catalogue,
        "preset": preset,
        "tools": len(cat),
        "examples": {"train": s.train.total_examples, "val": s.val.total_examples, "test": s.test.total_examples},
        "seconds_median": round(statistics.median(times), 3),
        "seconds_all": [round(t, 3) for t in times],
        "peak_rss_mib": round(peak_kib / 1024, 1),
        "bytes_written": sum(sizes.values()),
        "schema_valid_rate": min(s.train.schema_valid_rate, s.val.schema_valid_rate, s.test.schema_valid_rate),
    }


_WORD = re.compile(r"[a-z0-9]+")


def lookup_accuracy(train: list[ToolCallExample], test: list[ToolCallExample], weighting: str = "jaccard") -> float:
    """Each test prompt gets the expected tool of its nearest train prompt: `jaccard` over word sets,
    or `tfidf` cosine (rare words count more, so shared sentence frames matter less)."""
    if not test:
        return float("nan")
    words = [set(_WORD.findall(e.prompt.lower())) for e in train]
    index: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in ws:
            index.setdefault(w, []).append(i)
    idf = {w: math.log(len(train) / len(ids)) + 1.0 for w, ids in index.items()}
    norms = [math.sqrt(sum(idf[w] ** 2 for w in ws)) or 1.0 for ws in words]
    hits = 0
    for e in test:
        q = set(_WORD.findall(e.prompt.lower()))
        score: dict[int, float] = {}
        for w in q:
            for i in index.get(w, ()):
                score[i] = score.get(i, 0.0) + (1.0 if weighting == "jaccard" else idf[w] ** 2)
        best, best_score = None, -1.0
        q_norm = math.sqrt(sum(idf.get(w, 0.0) ** 2 for w in q)) or 1.0
        for i, s in score.items():
            sim = s / (len(q) + len(words[i]) - s) if weighting == "jaccard" else s / (q_norm * norms[i])
            if sim > best_score:
                best, best_score = i, sim
        predicted = train[best].expected_tool if best is not None else None
        hits += predicted == e.expected_tool
    return round(hits / len(test), 4)


_CRATE_TEMPLATES = {
    "Easy": "I need to {u} using the {t} tool",
    "Medium": "Help me {u}. I want to use the appropriate MCP tool for this task.",
    "Hard": "I have a complex requirement: {u}. Determine the best tool and parameters.",
    "Expert": "Given the scenario: {u} - what tool should I use and how should I handle potential edge cases?",
}


def crate_style(cat: Catalogue, config: ToolDatasetConfig) -> list[ToolCallExample]:
    """What the crate's generator writes (§3.6 of the spec): 4 templates x the tool's use cases (or
    its description), params left out. The reference point for a split that only measures lookup."""
    rng = random.Random(config.seed)
    out = []
    for t in cat.tools:
        cases = t.use_cases or [t.description]
        for i in range(config.examples_per_tool):
            level = config.difficulty_weights.sample(rng)
            prompt = _CRATE_TEMPLATES[level.value].format(u=cases[i % len(cases)], t=t.name)
            out.append(ToolCallExample(prompt=prompt, expected_tool=t.name, difficulty=level))
    rng.shuffle(out)
    return out


def _share_in(examples: list[ToolCallExample], prompts: set[str]) -> float:
    return round(sum(e.prompt in prompts for e in examples) / (len(examples) or 1), 6)


def leakage_report(catalogue: str) -> dict[str, Any]:
    cat = Catalogue.builtin(catalogue)
    config = ToolDatasetConfig.default()
    ours = generate_splits(cat, config)
    # The crate's random split of the unsplit dataset, with the same train/val/test proportions.
    full = ToolCallDataset.generate(cat, config)
    r_train, _, r_test = full.split(1 - config.val_ratio - config.test_ratio, config.val_ratio, seed=config.seed)
    held = generate_splits(cat, config.model_copy(update={"held_out_tools": max(1, len(cat) // 10)}))
    held_names = set(held.stats.held_out_tools)
    held_test = [e for e in held.test.examples if e.expected_tool in held_names]
    crate = ToolCallDataset(crate_style(cat, config), list(cat.tools))
    c_train, _, c_test = crate.split(1 - config.val_ratio - config.test_ratio, config.val_ratio, seed=config.seed)
    train_patterns = {e.pattern for e in ours.train.examples}
    random_train_patterns = {e.pattern for e in r_train}
    return {
        "catalogue": catalogue,
        "preset": "default",
        "crate_style_random_split": {
            "test_prompts_in_train": _share_in(c_test, {e.prompt for e in c_train}),
            "lookup_accuracy": lookup_accuracy(c_train, c_test),
            "lookup_accuracy_tfidf": lookup_accuracy(c_train, c_test, "tfidf"),
        },
        "random_split": {
            "test_patterns_in_train": round(sum(e.pattern in random_train_patterns for e in r_test) / len(r_test), 6),
            "test_prompts_in_train": _share_in(r_test, {e.prompt for e in r_train}),
            "lookup_accuracy": lookup_accuracy(r_train, r_test),
            "lookup_accuracy_tfidf": lookup_accuracy(r_train, r_test, "tfidf"),
        },
        "pattern_split": {
            "test_patterns_in_train": ours.stats.test_patterns_in_train,
            "check_patterns_recomputed": round(
                sum(e.pattern in train_patterns for e in ours.test.examples) / len(ours.test), 6
            ),
            "test_prompts_in_train": ours.stats.test_prompts_in_train,
            "lookup_accuracy": lookup_accuracy(ours.train.examples, ours.test.examples),
            "lookup_accuracy_tfidf": lookup_accuracy(ours.train.examples, ours.test.examples, "tfidf"),
        },
        "held_out_tools": {
            "count": len(held_names),
            "test_tools_unseen": held.stats.test_tools_unseen,
            "lookup_accuracy_on_held_out": lookup_accuracy(held.train.examples, held_test),
            "lookup_accuracy_on_held_out_tfidf": lookup_accuracy(held.train.examples, held_test, "tfidf"),
        },
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--one", nargs=2, metavar=("CATALOGUE", "PRESET"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(time_one(args.one[0], args.one[1], args.repeats)))
        return

    timings = []
    for catalogue, preset in RUNS:
        out = subprocess.run(
            [sys.executable, __file__, "--one", catalogue, preset, "--repeats", str(args.repeats)],
            check=True, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "random"},
        )
        timings.append(json.loads(out.stdout))
    leakage = [leakage_report(c) for c in ("ruvllm", "claude-flow")]
    result: dict[str, Any] = {
        **run_info(),
        "repeats": args.repeats,
        "timings": timings,
        "leakage": leakage,
    }
    write_report(RESULTS, result)

    print(f"machine: {result['machine']['platform']}, {result['machine']['cpu_count']} CPUs; "
          f"median of {args.repeats}\n")
    print("| catalogue | preset | tools | train / val / test | generate + write (s) | peak RSS (MiB) | valid |")
    print("|---|---|---:|---|---:|---:|---:|")
    for t in timings:
        ex = t["examples"]
        print(f"| {t['catalogue']} | {t['preset']} | {t['tools']} | {ex['train']} / {ex['val']} / {ex['test']} "
              f"| {t['seconds_median']:.2f} | {t['peak_rss_mib']:.0f} | {t['schema_valid_rate']:.0%} |")
    print()
    print("| catalogue | data / split | test patterns in train | test prompts in train "
          "| lookup acc. (Jaccard) | lookup acc. (TF-IDF) |")
    print("|---|---|---:|---:|---:|---:|")
    for lk in leakage:
        c, r, p, h = lk["crate_style_random_split"], lk["random_split"], lk["pattern_split"], lk["held_out_tools"]
        name = lk["catalogue"]
        print(f"| {name} | crate-style data, random split | — | {c['test_prompts_in_train']:.1%} "
              f"| {c['lookup_accuracy']:.1%} | {c['lookup_accuracy_tfidf']:.1%} |")
        print(f"| {name} | ours, random split (crate `split()`) | {r['test_patterns_in_train']:.1%} "
              f"| {r['test_prompts_in_train']:.1%} | {r['lookup_accuracy']:.1%} | {r['lookup_accuracy_tfidf']:.1%} |")
        print(f"| {name} | ours, pattern split | {p['test_patterns_in_train']:.1%} | {p['test_prompts_in_train']:.1%} "
              f"| {p['lookup_accuracy']:.1%} | {p['lookup_accuracy_tfidf']:.1%} |")
        print(f"| {name} | ours, {h['count']} held-out tools (their test examples) | 0.0% | — "
              f"| {h['lookup_accuracy_on_held_out']:.1%} | {h['lookup_accuracy_on_held_out_tfidf']:.1%} |")
    print(f"\nwrote {RESULTS.relative_to(ROOT.parent)}")


if __name__ == "__main__":
    main()
