"""The command line as a user meets it: real subprocesses, exit codes, one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

TOY_SERVER = Path(__file__).parent / "servers" / "toy_server.py"


def mcptrain(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mcptrain", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def assert_bad_input(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit 2, one line on stderr naming the problem, no traceback."""
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_tools_list_json_ruvllm():
    r = mcptrain("tools", "list", "--catalog", "ruvllm", "--json")
    assert r.returncode == 0, r.stderr
    tools = json.loads(r.stdout)
    assert len(tools) == 48
    assert tools[20]["name"] == "hooks_pre-task"
    assert (tools[0]["category"], tools[0]["category_variant"]) == ("agent", "AgentManagement")
    assert {t["category_variant"] for t in tools if t["name"].startswith("hive-mind")} == {"HiveMind"}


def test_tools_list_json_claude_flow():
    r = mcptrain("tools", "list", "--catalog", "claude-flow", "--json")
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)) == 199


def test_tools_list_live_stdio_server():
    r = mcptrain("tools", "list", "--server", f"{sys.executable} {TOY_SERVER}", "--json")
    assert r.returncode == 0, r.stderr
    names = [t["name"] for t in json.loads(r.stdout)]
    assert len(names) == 3 and "get_weather" in names


def test_tools_show_table():
    r = mcptrain("tools", "show", "memory_store", "--catalog", "ruvllm")
    assert r.returncode == 0, r.stderr
    assert "key (String, required)" in r.stdout


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["tools", "list", "--catalog", "nope"], ["unknown catalogue 'nope'"]),
        (["tools", "list", "--catalog", "missing.json"], ["missing.json", "no such file"]),
        (["tools", "show", "no_such_tool"], ["no tool 'no_such_tool'"]),
        (["tools", "list", "--server", "no-such-command-xyz"], ["no-such-command-xyz"]),
        (["tools", "list", "--server", "http://127.0.0.1:9/mcp", "--timeout", "5"], ["127.0.0.1:9"]),
        (["tools", "list", "--catalog", "ruvllm", "--server", "x"], ["not both"]),
        (["train", "--catalog", "ruvllm", "--reward", "exact"], ["unknown reward(s) exact", "exact_match"]),
        (["train", "--catalog", "ruvllm", "--reward", "composite=high"], ["'composite=high'", "name=0.5"]),
    ],
)
def test_bad_input_exits_2_with_one_line(args, needles):
    assert_bad_input(mcptrain(*args), *needles)


def test_malformed_json_names_the_line(tmp_path):
    (tmp_path / "t.json").write_text('[{"name": "a"},\n {"name": "b",}]')
    assert_bad_input(mcptrain("tools", "list", "--catalog", "t.json", cwd=tmp_path), "t.json:2:", "invalid JSON")


def test_invalid_schema_names_the_tool(tmp_path):
    (tmp_path / "t.json").write_text(json.dumps([{"name": "f", "inputSchema": {"type": "object", "required": 3}}]))
    assert_bad_input(mcptrain("tools", "list", "--catalog", "t.json", cwd=tmp_path), "tool 'f'", "invalid input schema")


def test_trajectories_import_stats_export(tmp_path):
    from mcptrain.trajectories import StepBuilder, TrajectoryBuilder

    lines = []
    for i, ok in enumerate([True, False]):
        step = StepBuilder("memory_store").with_params({"key": f"k{i}"}).with_reward(1.0 if ok else 0.0)
        if not ok:
            step = step.with_error("Missing required parameter: value")
        traj = TrajectoryBuilder(f"t{i}", "store it").add_step(step.build()).with_session("s1").build()
        lines.append(traj.model_dump_json())
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")

    r = mcptrain("trajectories", "import", "in.jsonl", "--store", "t.db", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = mcptrain("trajectories", "stats", "--store", "t.db", "--json", cwd=tmp_path)
    stats = json.loads(r.stdout)
    assert (stats["trajectories"], stats["success_rate"]) == (2, 0.5)
    r = mcptrain("trajectories", "export", "ok.jsonl", "--store", "t.db", "--success", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert [json.loads(x)["id"] for x in (tmp_path / "ok.jsonl").read_text().splitlines()] == ["t0"]


def test_trajectories_bad_line_imports_nothing(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "task": "x"}\n{"id": "b", "task": \n')
    r = mcptrain("trajectories", "import", "bad.jsonl", "--store", "t.db", cwd=tmp_path)
    assert_bad_input(r, "bad.jsonl:2:")
    r = mcptrain("trajectories", "stats", "--store", "t.db", "--json", cwd=tmp_path)
    assert json.loads(r.stdout)["trajectories"] == 0


def test_trajectories_missing_store(tmp_path):
    assert_bad_input(mcptrain("trajectories", "stats", "--store", "none.db", cwd=tmp_path), "none.db")


def test_generate_train_eval_predict_end_to_end(tmp_path):
    """The user's path in miniature: generate -> train (tiny encoder, few steps) -> eval -> predict."""
    tools = [
        {"name": "notes_add", "description": "Add a note with a title",
         "inputSchema": {"type": "object", "properties": {"title": {"type": "string"}}, "required": ["title"]}},
        {"name": "weather_get", "description": "Get the weather forecast for a city",
         "inputSchema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}},
    ]  # fmt: skip
    (tmp_path / "tools.json").write_text(json.dumps(tools))
    r = mcptrain("generate", "-c", "tools.json", "--preset", "minimal", "-o", "data", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = mcptrain("train", "--data", "data", "--encoder", "tiny", "--epochs", "1", "--grpo-steps", "2",
                 "-o", "ck", cwd=tmp_path)  # fmt: skip
    assert r.returncode == 0, r.stderr
    for name in ("checkpoint.json", "curves.png", "metrics.json", "policy/weights.safetensors"):
        assert (tmp_path / "ck" / name).exists(), name
    r = mcptrain("eval", "--checkpoint", "ck", "--data", "data/test.jsonl", "--json", "m.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    metrics = json.loads((tmp_path / "m.json").read_text())
    assert 0.0 <= metrics["tool_accuracy"] <= 1.0 and metrics["num_samples"] > 0
    assert (tmp_path / "m_confusion.png").exists()
    (tmp_path / "in.jsonl").write_text('{"prompt": "weather in Oslo"}\n{"prompt": "add a note called Milk"}\n')
    r = mcptrain("predict", "--checkpoint", "ck", "--input", "in.jsonl", "--output", "out.jsonl", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [row["prompt"] for row in rows] == ["weather in Oslo", "add a note called Milk"]
    assert set(rows[0]) == {"prompt", "tool", "arguments", "confidence"}
    r = mcptrain("predict", "--checkpoint", "ck", "--year", "2026", "--today", "2026-03-13", "weather in Oslo tomorrow",
                 cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert_bad_input(mcptrain("predict", "--checkpoint", "ck", "--year", "0", "hi", cwd=tmp_path), "--year 0")
    assert_bad_input(mcptrain("predict", "--checkpoint", "ck", "--today", "27/11", "hi", cwd=tmp_path), "--today")
    # bad input: a line without a prompt, and a checkpoint folder that is not one
    (tmp_path / "bad.jsonl").write_text('{"prompt": "x"}\n{"text": "y"}\n')
    bad = mcptrain("predict", "--checkpoint", "ck", "--input", "bad.jsonl", "--output", "o2.jsonl", cwd=tmp_path)
    assert_bad_input(bad, "bad.jsonl:2:", "prompt")
    assert not (tmp_path / "o2.jsonl").exists()
    assert_bad_input(mcptrain("predict", "--checkpoint", "data", "hi", cwd=tmp_path), "checkpoint.json")
    # learning from recorded use (what `mcptrain proxy` stores): resume the checkpoint, then the store
    from mcptrain.trajectories import StepBuilder, TrajectoryBuilder, TrajectoryStore

    with TrajectoryStore(tmp_path / "use.db") as store:
        step = StepBuilder("weather_get").with_params({"city": "Oslo"}).with_success(True).build()
        store.append(TrajectoryBuilder("s-1", "weather in Oslo").add_step(step).build())
    r = mcptrain("train", "--data", "data", "--resume", "-o", "ck", "--trajectories", "use.db", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "recorded" in r.stdout
    assert_bad_input(mcptrain("train", "--data", "data", "--resume", "-o", "ck", "--trajectories", "no.db",
                              cwd=tmp_path), "no.db", "--trajectories")  # fmt: skip
    # a resumed run keeps its checkpoint's settings: a different reward or seed is an error, not ignored
    assert_bad_input(mcptrain("train", "--data", "data", "--resume", "-o", "ck", "--reward", "toolrl",
                              cwd=tmp_path), "--reward", "ck", "new --out")  # fmt: skip
    assert_bad_input(mcptrain("train", "--data", "data", "--resume", "-o", "ck", "--seed", "7", cwd=tmp_path), "--seed")
    # BFCL on two small categories: a report, and one prediction line per entry in BFCL's answer shape
    r = mcptrain("bfcl", "--checkpoint", "ck", "--categories", "live_relevance,live_parallel",
                 "--json", "bfcl.json", "--predictions", "bfcl.jsonl", cwd=tmp_path)  # fmt: skip
    assert r.returncode == 0, r.stderr
    report = json.loads((tmp_path / "bfcl.json").read_text())
    assert set(report["categories"]) == {"live_relevance", "live_parallel"} and "live_ast" in report["summary"]
    lines = [json.loads(x) for x in (tmp_path / "bfcl.jsonl").read_text().splitlines()]
    assert len(lines) == 32 and all(isinstance(x["calls"], list) for x in lines)
    assert_bad_input(mcptrain("bfcl", "--checkpoint", "ck", "--categories", "nope", cwd=tmp_path), "nope")


def test_train_with_a_live_environment_records_every_call(tmp_path):
    """GRPO's sampled calls run on the toy server; delete_note (destructive) is blocked, never run."""
    from mcptrain.trajectories import TrajectoryStore

    server = f"{sys.executable} {TOY_SERVER}"
    r = mcptrain("train", "--env", server, "--encoder", "tiny", "--epochs", "1", "--grpo-steps", "1",
                 "--record", "calls.db", "-o", "ck", cwd=tmp_path)  # fmt: skip
    assert r.returncode == 0, r.stderr
    with TrajectoryStore(tmp_path / "calls.db") as store:
        steps = [s for t in store.query() for s in t.steps]
    assert steps and all(s.log_prob < 0 for s in steps)
    assert {s.tool_name for s in steps} <= {"get_weather", "add", "delete_note"}
    blocked = [s for s in steps if s.tool_name == "delete_note"]
    assert all(not s.success and "destructive" in (s.error or "") for s in blocked)
    assert_bad_input(mcptrain("train", "--env", server, "--allow", "nope", "-o", "ck2", cwd=tmp_path), "--allow")


def test_generate_with_a_bad_phrasebook_names_tool_and_template(tmp_path):
    book = tmp_path / "book.json"
    book.write_text(json.dumps({"memory_store": ["keep {valu} under {key}"]}))
    r = mcptrain("generate", "--catalog", "ruvllm", "--phrasebook", str(book), "--out", str(tmp_path / "d"))
    assert_bad_input(r, "memory_store", "'{valu}' is not a parameter")
    assert not (tmp_path / "d").exists()
