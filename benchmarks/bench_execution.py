"""Execution benchmark on the real Claude Flow server: GRPO with vs without execution rewards, and
live error recovery before vs after training on recovery examples. One run, same data, same seed.

    python benchmarks/bench_execution.py [--grpo-steps 30] [--limit-test 300]

Needs the server (`bash scripts/install_claude_flow.sh`). Steps:
  1. generate the claude-flow default dataset (pattern split);
  2. supervised warm start twice: without recovery examples ("before") and with them ("after");
  3. from the "after" warm start, GRPO for --grpo-steps without a server, and again with every sampled
     call run on the server (composite reward with its execution term); exact-call accuracy on the
     held-out test split for both, with 95% bootstrap intervals;
  4. live recovery: for each held-out recovery example whose corrected call succeeds on a fresh
     server, its failed call really runs on the server (or is refused by the environment's schema
     check, as in training), the real error text goes back to the policy, which gets
     `max_turns - 1` more tries. Recovery rate = share of those episodes that end in a successful
     call; for both warm starts.
Writes benchmarks/results/execution.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import torch  # noqa: E402
from run_info import run_info, write_report  # noqa: E402

from mcptrain.catalogue import Catalogue  # noqa: E402
from mcptrain.catalogue.claude_flow import server_command  # noqa: E402
from mcptrain.dataset import ToolDatasetConfig, generate_splits  # noqa: E402
from mcptrain.environment import EnvironmentConfig, McpEnvironment  # noqa: E402
from mcptrain.rewards import exact_match_reward  # noqa: E402
from mcptrain.trainer import McpToolTrainer, McpTrainingConfig  # noqa: E402
from mcptrain.types import ToolCall, ToolCallExample, Turn  # noqa: E402

ROOT = Path(__file__).resolve().parent


def live_recovery(trainer: McpToolTrainer, env: McpEnvironment, examples: list[ToolCallExample], turns: int) -> dict:
    """Episodes that start with a really failed call; the share that end in a successful call.

    Only recoverable episodes count: the example's corrected (gold) call must itself succeed in a fresh
    sandbox (a tool that the environment blocks, or one about an entity a fresh server does not have,
    "Task not found", cannot be recovered by any policy)."""
    policy = trainer._policy()
    started = recovered = exact = unrecoverable = 0
    for ex in examples:
        failed = next((t.call for t in ex.turns or [] if t.role == "assistant" and t.call), None)
        if failed is None or ex.expected_tool is None:
            continue
        gold = ToolCall(name=ex.expected_tool, arguments=ex.expected_params)
        env.reset()
        if not env.execute(gold).success:
            unrecoverable += 1
            continue
        env.reset()
        first = env.execute(failed)
        if first.success:  # the server accepted what the generator thought would fail: no recovery case
            continue
        started += 1
        context = [Turn(role="user", content=ex.prompt), Turn(role="assistant", call=failed),
                   Turn(role="tool", content=first.error or first.text, is_error=True)]  # fmt: skip
        for _ in range(turns - 1):
            pred = policy.predict([ToolCallExample(prompt=ex.prompt, turns=context)])[0]
            if pred.tool is None:
                break
            call = ToolCall(name=pred.tool, arguments=pred.arguments)
            result = env.execute(call)
            if result.success:
                recovered += 1
                exact += exact_match_reward([call], [ex])[0] == 1.0
                break
            context += [Turn(role="assistant", call=call),
                        Turn(role="tool", content=result.error or result.text, is_error=True)]  # fmt: skip
    return {
        "episodes": started,
        "recovered": recovered,
        "recovered_with_the_expected_call": exact,
        "unrecoverable_skipped": unrecoverable,
        "rate": recovered / started if started else 0.0,
    }


def exact(trainer: McpToolTrainer, test: list[ToolCallExample]) -> dict:
    m = trainer.evaluate_tool_accuracy(test)
    return {
        "tool_accuracy": m.tool_accuracy,
        "exact_call_accuracy": m.exact_call_accuracy,
        "ci95_exact": list(m.confidence_intervals.get("exact_call_accuracy", (0.0, 0.0))),
        "schema_valid_rate": m.schema_valid_rate,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--grpo-steps", type=int, default=30)
    ap.add_argument("--turns", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "results" / "execution.json")
    args = ap.parse_args()
    torch.set_num_threads(os.cpu_count() or 1)
    started = time.perf_counter()
    cat = Catalogue.builtin("claude-flow")
    splits = generate_splits(cat, ToolDatasetConfig.default())
    train, test = splits.train.examples, splits.test.examples
    plain_test = [ex for ex in test if ex.kind != "recovery"]
    recovery_test = [ex for ex in test if ex.kind == "recovery"]
    config = McpTrainingConfig.default().model_copy(update={"grpo_steps": args.grpo_steps})
    env = McpEnvironment(server_command(), cat, EnvironmentConfig(max_turns=args.turns))
    out: dict = {"train": len(train), "test": len(plain_test), "recovery_test": len(recovery_test)}
    warm_dir = Path(tempfile.mkdtemp(prefix="mcptrain-bench-")) / "warm"
    try:
        arms = {}
        for name, keep_recovery in (("without recovery examples", False), ("with recovery examples", True)):
            trainer = McpToolTrainer(config.model_copy(update={"train_error_recovery": keep_recovery}))
            trainer.load_tool_definitions(cat)
            t0 = time.perf_counter()
            trainer.train_supervised(train)
            arms[name] = {"supervised_seconds": time.perf_counter() - t0,
                          "live_recovery": live_recovery(trainer, env, recovery_test, args.turns)}  # fmt: skip
            print(name, arms[name], flush=True)
            if keep_recovery:
                trainer.export_checkpoint(warm_dir)
        out["recovery"] = arms
        grpo = {}
        for name, with_env in (("GRPO without execution", False), ("GRPO with execution reward", True)):
            trainer = McpToolTrainer.from_checkpoint(warm_dir)
            trainer.load_tool_definitions(cat)
            if with_env:
                trainer.attach_environment(env)
            t0 = time.perf_counter()
            trainer.train_grpo(train, steps=args.grpo_steps)
            grpo[name] = {"grpo_seconds": time.perf_counter() - t0, **exact(trainer, plain_test)}
            trainer.attach_environment(None)
            print(name, grpo[name], flush=True)
        warm = McpToolTrainer.from_checkpoint(warm_dir)
        warm.load_tool_definitions(cat)
        grpo["supervised only"] = exact(warm, plain_test)
        out["grpo"] = grpo
        out["environment_counts"] = dict(env.counts)
    finally:
        env.close()
    report = {
        **run_info(),
        "server": "claude-flow@3.0.0-alpha.179 (stdio)",
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "wall_seconds": time.perf_counter() - started,
        **out,
    }
    write_report(args.out, report)
    lines = ["| arm | tool acc | exact call [95% CI] | seconds |", "|---|---:|---:|---:|"]
    for name, r in grpo.items():
        lo, hi = r["ci95_exact"]
        lines.append(f"| {name} | {r['tool_accuracy']:.3f} | {r['exact_call_accuracy']:.3f} [{lo:.3f}, {hi:.3f}] | "
                     f"{r.get('grpo_seconds', 0):.0f} |")  # fmt: skip
    lines += ["", "| warm start | recoverable episodes | recovered | with the expected call | rate |",
              "|---|---:|---:|---:|---:|"]  # fmt: skip
    for name, r in arms.items():
        lr = r["live_recovery"]
        lines.append(f"| {name} | {lr['episodes']} | {lr['recovered']} | {lr['recovered_with_the_expected_call']} | "
                     f"{lr['rate']:.3f} |")  # fmt: skip
    print("\n".join(lines))


if __name__ == "__main__":
    main()
