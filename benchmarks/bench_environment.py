"""Environment benchmark: how many tool calls per second McpEnvironment runs on a real stdio server.

    python benchmarks/bench_environment.py [--calls 2000] [--episodes 40] [--repeats 3]

Against tests/servers/toy_server.py (Python, stdio) and, when installed, the real Claude Flow
server (npm claude-flow@3.0.0-alpha.179, `bash scripts/install_claude_flow.sh`), it measures:
  - the raw SDK: calls/s on one `open_session`, async, no checks (the ceiling);
  - `env.execute` inside one episode (sandbox and connection reused): calls/s with the full path
    (catalogue lookup, safety rules, jsonschema validation, background-loop hop, judge);
  - `env.preflight` alone (calls that are refused and never sent);
  - whole episodes (`run_episode`, one call each, a fresh server in a fresh sandbox per episode),
    with and without prestarting the next episode's server.
Only read-only tools are called (Claude Flow: memory_search, system_status, agent_list, memory_stats,
task_list, swarm_status). Writes benchmarks/results/environment.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import anyio
from run_info import run_info, write_report

from mcptrain import mcp_sdk
from mcptrain.catalogue import Catalogue
from mcptrain.catalogue.claude_flow import server_command
from mcptrain.environment import EnvironmentConfig, McpEnvironment
from mcptrain.errors import ServerError
from mcptrain.types import ToolCall, Turn

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent
RESULTS = ROOT / "results" / "environment.json"
TOY = REPO / "tests" / "servers" / "toy_server.py"

TOY_CALLS = [
    ToolCall(name="add", arguments={"a": 2, "b": 3}),
    ToolCall(name="get_weather", arguments={"city": "Oslo", "unit": "celsius"}),
]
CLAUDE_FLOW_CALLS = [
    ToolCall(name="memory_search", arguments={"query": "deploy notes", "limit": 5}),
    ToolCall(name="system_status", arguments={}),
    ToolCall(name="agent_list", arguments={}),
    ToolCall(name="memory_stats", arguments={}),
    ToolCall(name="task_list", arguments={}),
    ToolCall(name="swarm_status", arguments={}),
]


def raw_sdk(command: str, calls: list[ToolCall], n: int, workdir: Path) -> float:
    """Calls/s straight on one async SDK session: no checks, no thread hop."""

    async def run() -> float:
        async with mcp_sdk.open_session(command, timeout=60, cwd=workdir) as s:
            for c in calls:  # warm-up
                await s.call_tool(c.name, c.arguments)
            start = time.perf_counter()
            for i in range(n):
                c = calls[i % len(calls)]
                await s.call_tool(c.name, c.arguments)
            return n / (time.perf_counter() - start)

    return anyio.run(run)


def env_execute(env: McpEnvironment, calls: list[ToolCall], n: int) -> tuple[float, float, int]:
    """(calls/s, p50 latency ms, failures) of env.execute in one episode."""
    env.reset()
    for c in calls:
        env.execute(c)
    latencies = []
    failures = 0
    start = time.perf_counter()
    for i in range(n):
        t0 = time.perf_counter()
        result = env.execute(calls[i % len(calls)])
        latencies.append((time.perf_counter() - t0) * 1000)
        failures += not result.success
    rate = n / (time.perf_counter() - start)
    return rate, statistics.median(latencies), failures


def preflight_only(env: McpEnvironment, n: int) -> float:
    """Refused calls/s (an invalid, an unknown and a blocked-looking one): nothing is sent."""
    bad = [ToolCall(name="no_such_tool"), ToolCall(name=env.catalogue.names[0], arguments={"x": {"y": 1}})]
    start = time.perf_counter()
    for i in range(n):
        env.preflight(bad[i % len(bad)])
    return n / (time.perf_counter() - start)


def episodes(env: McpEnvironment, calls: list[ToolCall], n: int) -> float:
    """Episodes/s of run_episode with one successful call each: what single-turn GRPO with a fresh
    sandbox per sampled call pays (dominated by starting a server per episode)."""

    def policy(prompt: str, turns: list[Turn]) -> ToolCall:
        return calls[len(prompt) % len(calls)]

    env.run_episode(policy, "warm-up")
    start = time.perf_counter()
    for i in range(n):
        traj = env.run_episode(policy, f"request {i}")
        assert traj.success, traj.steps
    return n / (time.perf_counter() - start)


def bench_server(
    name: str, command: str, catalogue: Catalogue, calls: list[ToolCall], args: argparse.Namespace
) -> dict:
    with tempfile.TemporaryDirectory(prefix="mcptrain-bench-") as workdir:
        raw = [raw_sdk(command, calls, args.calls, Path(workdir)) for _ in range(args.repeats)]

    execute, p50, failures, refused = [], [], 0, []
    with McpEnvironment(command, catalogue, EnvironmentConfig(prestart=False)) as env:
        for _ in range(args.repeats):
            rate, lat, fails = env_execute(env, calls, args.calls)
            execute.append(rate)
            p50.append(lat)
            failures += fails
            refused.append(preflight_only(env, args.calls))

    per_episode: dict[str, float] = {}
    for prestart in (False, True):
        with McpEnvironment(command, catalogue, EnvironmentConfig(prestart=prestart)) as env:
            per_episode["prestart" if prestart else "no_prestart"] = episodes(env, calls, args.episodes)

    return {
        "server": name,
        "command": command,
        "tools_called": sorted({c.name for c in calls}),
        "calls": args.calls,
        "raw_sdk_calls_per_s": statistics.median(raw),
        "env_execute_calls_per_s": statistics.median(execute),
        "env_execute_calls_per_s_all": [round(r, 1) for r in execute],
        "env_execute_p50_ms": statistics.median(p50),
        "env_execute_failures": failures,
        "preflight_refused_calls_per_s": statistics.median(refused),
        "episodes": args.episodes,
        "run_episode_per_s": per_episode,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--calls", type=int, default=2000)
    ap.add_argument("--episodes", type=int, default=40)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()

    toy_command = f"{shlex.quote(sys.executable)} {shlex.quote(str(TOY))}"
    runs = [bench_server("toy (python, stdio)", toy_command, Catalogue.from_mcp(toy_command), TOY_CALLS, args)]
    try:
        cf_command = server_command()
    except ServerError as e:
        print(f"skipping Claude Flow: {e}", file=sys.stderr)
    else:
        cf = Catalogue.builtin("claude-flow")
        runs.append(bench_server("claude-flow@3.0.0-alpha.179 (node, stdio)", cf_command, cf, CLAUDE_FLOW_CALLS, args))

    result: dict[str, Any] = {
        **run_info(),
        "repeats": args.repeats,
        "runs": runs,
    }
    write_report(RESULTS, result)

    print(
        f"machine: {result['machine']['platform']}, {result['machine']['cpu_count']} CPUs; median of {args.repeats}\n"
    )
    print(
        "| server | raw SDK calls/s | env.execute calls/s | p50 ms | refused calls/s | episodes/s (prestart) "
        "| episodes/s (no prestart) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in runs:
        ep = r["run_episode_per_s"]
        print(
            f"| {r['server']} | {r['raw_sdk_calls_per_s']:.0f} | {r['env_execute_calls_per_s']:.0f} "
            f"| {r['env_execute_p50_ms']:.2f} | {r['preflight_refused_calls_per_s']:.0f} "
            f"| {ep['prestart']:.1f} | {ep['no_prestart']:.1f} |"
        )


if __name__ == "__main__":
    main()
