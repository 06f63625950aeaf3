"""The recording proxy, started as a stdio command in front of real servers, driven by real clients.

Each test starts `python -m mcptrain.proxy` (about 1.5 s with its upstream), so sessions are few
and each checks several things. The store is read back after the proxy has exited, as a trainer
would read it.
"""

from __future__ import annotations

import contextlib
import json
import queue
import shlex
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any, cast

import anyio
import pytest

from mcptrain import mcp_sdk
from mcptrain.proxy import DEFAULT_REDACT, TASK_META_KEY, parse_redact, redact_arguments
from mcptrain.trajectories import TrajectoryStore
from mcptrain.types import ToolTrajectory

TOY_SCRIPT = Path(__file__).parent / "servers" / "toy_server.py"
TOY_COMMAND = shlex.join([sys.executable, str(TOY_SCRIPT)])

# echo proves what the upstream received; crash and sleep are the failures the proxy must survive.
ECHO_SERVER = textwrap.dedent(
    """
    import os, sys, time
    from mcp.server.mcpserver import MCPServer

    server = MCPServer("echo")

    @server.tool()
    def echo(payload: dict) -> dict:
        return payload

    @server.tool()
    def crash() -> str:
        print("fatal: out of cheese", file=sys.stderr, flush=True)
        os._exit(3)

    @server.tool()
    def sleep(seconds: float) -> str:
        time.sleep(seconds)
        return "slept"

    server.run("stdio")
    """
)


@pytest.fixture
def echo_command(tmp_path: Path) -> str:
    script = tmp_path / "echo_server.py"
    script.write_text(ECHO_SERVER)
    return shlex.join([sys.executable, str(script)])


def proxy_command(upstream: str, store: Path, *extra: str) -> str:
    return shlex.join([sys.executable, "-m", "mcptrain.proxy", "--upstream", upstream, "--store", str(store), *extra])


def stored(store: Path) -> list[ToolTrajectory]:
    with TrajectoryStore(store) as db:
        return db.query()


def one_line(text: str) -> str:
    assert "\n" not in text and "Traceback" not in text, text
    return text


# --- pure helpers -------------------------------------------------------------------------------


def test_redact_arguments_masks_keys_at_any_depth_in_any_case() -> None:
    args = {
        "user": "ann",
        "Password": "hunter2",
        "auth": {"API_KEY": "k1", "headers": [{"Authorization": "Bearer x"}, {"note": "keep"}]},
        "token": {"nested": "the whole value goes"},
    }
    assert redact_arguments(args, DEFAULT_REDACT) == {
        "user": "ann",
        "Password": "***",
        "auth": {"API_KEY": "***", "headers": [{"Authorization": "***"}, {"note": "keep"}]},
        "token": "***",
    }
    assert args["Password"] == "hunter2"  # a copy: the upstream still gets the real value
    assert redact_arguments(args, []) == args


def test_parse_redact() -> None:
    assert parse_redact(" password, Token ,,") == ["password", "Token"]
    assert parse_redact("") == []  # mask nothing
    assert parse_redact(None) is None  # the defaults


# --- forwarding and recording -------------------------------------------------------------------


def test_tools_and_calls_pass_through_and_every_call_is_recorded(tmp_path: Path) -> None:
    store = tmp_path / "trajs.db"

    async def run() -> tuple[list[dict[str, Any]], list[mcp_sdk.CallResult]]:
        async with mcp_sdk.open_session(proxy_command(TOY_COMMAND, store), timeout=30) as s:
            tools = await s.list_tools()
            results = [
                await s.call_tool("add", {"a": 2, "b": 3}),
                await s.call_tool("add", {"a": 2, "b": "x"}),
                await s.call_tool("get_weather", {"city": "Paris", "unit": "fahrenheit"}),
                await s.call_tool("no_such_tool", {}),
            ]
        return tools, results

    before = int(time.time())
    tools, (added, bad, weather, unknown) = anyio.run(run)
    after = int(time.time())

    assert tools == mcp_sdk.list_tools(TOY_COMMAND, timeout=30)  # names, schemas, annotations, order
    # 2 + 3 = 5; the toy server answers 21 °C = 69.8 °F for every city
    assert (added.is_error, added.text, added.structured) == (False, "5", {"result": 5})
    assert bad.is_error and "valid integer" in bad.text
    assert (weather.is_error, weather.structured) == (False, {"city": "Paris", "temp": 69.8, "unit": "fahrenheit"})
    assert unknown.is_error and "no_such_tool" in unknown.text

    trajs = stored(store)
    assert len(trajs) == 4  # tools/list is not a call
    session = trajs[0].metadata.session_id
    assert session and all(t.metadata.session_id == session for t in trajs)
    assert [t.id for t in trajs] == [f"{session}-00000{i}" for i in (1, 2, 3, 4)]
    steps = [t.steps[0] for t in trajs]
    assert [len(t.steps) for t in trajs] == [1, 1, 1, 1]
    assert [s.tool_name for s in steps] == ["add", "add", "get_weather", "no_such_tool"]
    assert [s.parameters for s in steps] == [
        {"a": 2, "b": 3},
        {"a": 2, "b": "x"},
        {"city": "Paris", "unit": "fahrenheit"},
        {},
    ]
    assert [t.success for t in trajs] == [s.success for s in steps] == [True, False, True, False]
    assert steps[0].error is None and steps[2].error is None
    assert "valid integer" in one_line(steps[1].error or "")
    assert "no_such_tool" in (steps[3].error or "")
    assert [s.result for s in (steps[0], steps[2])] == ["5", weather.text]
    assert all(0 <= s.duration_ms < 10_000 for s in steps)
    assert all(before <= t.metadata.timestamp <= after for t in trajs)
    assert all(t.metadata.domain == "proxy" and t.metadata.context == {"upstream": TOY_COMMAND} for t in trajs)
    assert all(t.total_reward == 0.0 and t.task == "" for t in trajs)


def test_redaction_masks_the_store_while_the_upstream_gets_real_values(tmp_path: Path, echo_command: str) -> None:
    payload = {
        "user": "ann",
        "Password": "hunter2",
        "auth": {"API_KEY": "k1", "headers": [{"Authorization": "Bearer x"}, {"note": "keep"}]},
    }

    def echo_through(store: Path, *extra: str) -> mcp_sdk.CallResult:
        return mcp_sdk.call_tool(proxy_command(echo_command, store, *extra), "echo", {"payload": payload}, timeout=30)

    default_store, custom_store = tmp_path / "default.db", tmp_path / "custom.db"
    # The echo tool returns what it received: the real secrets reached the upstream.
    assert json.loads(echo_through(default_store).text) == payload
    assert json.loads(echo_through(custom_store, "--redact", "USER").text) == payload

    (default,) = stored(default_store)
    assert default.steps[0].parameters == {
        "payload": {
            "user": "ann",
            "Password": "***",
            "auth": {"API_KEY": "***", "headers": [{"Authorization": "***"}, {"note": "keep"}]},
        }
    }
    # A given list replaces the default one.
    (custom,) = stored(custom_store)
    assert custom.steps[0].parameters == {"payload": {**payload, "user": "***"}}


def test_task_named_in_meta_becomes_the_record_task(tmp_path: Path) -> None:
    from mcp import Client, StdioServerParameters
    from mcp_types import RequestParamsMeta

    store = tmp_path / "trajs.db"
    argv = shlex.split(proxy_command(TOY_COMMAND, store))

    async def run() -> str:
        async with Client(StdioServerParameters(command=argv[0], args=argv[1:])) as client:
            meta = cast(RequestParamsMeta, {TASK_META_KEY: "what is 1 + 2?"})  # an open map: any key
            result = await client.call_tool("add", {"a": 1, "b": 2}, meta=meta)
            return result.content[0].text  # type: ignore[union-attr]

    assert anyio.run(run) == "3"
    (traj,) = stored(store)
    assert traj.task == "what is 1 + 2?"


def test_two_client_sessions_get_different_ids(tmp_path: Path) -> None:
    store = tmp_path / "trajs.db"

    async def client(a: int) -> None:
        async with mcp_sdk.open_session(proxy_command(TOY_COMMAND, store), timeout=30) as s:
            await s.call_tool("add", {"a": a, "b": 0})
            await s.call_tool("add", {"a": a, "b": 1})

    async def run() -> None:
        # Two proxies append to one store at the same time.
        async with anyio.create_task_group() as tg:
            tg.start_soon(client, 10)
            tg.start_soon(client, 20)

    anyio.run(run)
    trajs = stored(store)
    sessions = {t.metadata.session_id for t in trajs}
    assert len(trajs) == 4 and len(sessions) == 2
    with TrajectoryStore(store) as db:
        by_session = {sid: [t.steps[0].result for t in db.query(session_id=sid)] for sid in sessions}
    # each session's calls, in order: a + 0, a + 1
    assert sorted(by_session.values()) == [["10", "11"], ["20", "21"]]


# --- failures -----------------------------------------------------------------------------------


def test_upstream_crash_is_an_error_result_recorded_as_failed_and_the_next_call_reconnects(
    tmp_path: Path, echo_command: str
) -> None:
    store = tmp_path / "trajs.db"

    async def run() -> list[mcp_sdk.CallResult]:
        async with mcp_sdk.open_session(proxy_command(echo_command, store), timeout=30) as s:
            return [
                await s.call_tool("echo", {"payload": {"n": 1}}),
                await s.call_tool("crash", {}),
                await s.call_tool("echo", {"payload": {"n": 2}}),
            ]

    first, crashed, after = anyio.run(run)
    assert json.loads(first.text) == {"n": 1}
    assert crashed.is_error
    msg = one_line(crashed.text)
    assert "exited while calling tool 'crash'" in msg and "out of cheese" in msg
    assert json.loads(after.text) == {"n": 2}  # a fresh upstream answered

    trajs = stored(store)
    assert [t.success for t in trajs] == [True, False, True]
    assert len({t.metadata.session_id for t in trajs}) == 1
    assert trajs[1].steps[0].error == msg
    assert trajs[1].steps[0].result is None


def test_upstream_timeout_is_an_error_result_and_the_next_call_gets_a_fresh_upstream(
    tmp_path: Path, echo_command: str
) -> None:
    store = tmp_path / "trajs.db"

    async def run() -> tuple[mcp_sdk.CallResult, float, mcp_sdk.CallResult]:
        async with mcp_sdk.open_session(proxy_command(echo_command, store, "--timeout", "1"), timeout=30) as s:
            start = time.monotonic()
            slow = await s.call_tool("sleep", {"seconds": 60})
            elapsed = time.monotonic() - start
            return slow, elapsed, await s.call_tool("echo", {"payload": {"n": 1}})

    slow, elapsed, after = anyio.run(run)
    assert slow.is_error and "did not answer within 1 s" in one_line(slow.text)
    assert elapsed < 10  # 1 s, then the hung upstream is stopped
    assert json.loads(after.text) == {"n": 1}
    trajs = stored(store)
    assert [t.success for t in trajs] == [False, True]
    assert trajs[0].steps[0].duration_ms >= 1000


def test_unstartable_upstream_exits_2_with_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        shlex.split(proxy_command("xyz-no-such-command --stdio", tmp_path / "trajs.db")),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""  # stdout is the MCP wire
    assert done.stderr == (
        "error: cannot start MCP server 'xyz-no-such-command --stdio': command not found; check --upstream\n"
    )


# --- abrupt disconnects: a raw JSON-RPC client on the proxy's pipes -----------------------------


class RawClient:
    """Speaks MCP's handshake-era JSON-RPC on a proxy's stdin/stdout, so a test can cut it off anywhere."""

    def __init__(self, command: str, cwd: Path | None = None) -> None:
        self.proc = subprocess.Popen(
            shlex.split(command),
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.next_id = 0

    def close(self) -> None:
        """Kill the proxy if it still runs, and close our ends of its pipes."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)
        self.reader.join(timeout=30)  # the proxy is gone, so its stdout is at EOF
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):  # stdin may hold an unsent line for a dead reader
                    pipe.close()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def send(self, method: str, params: dict[str, Any], *, notify: bool = False) -> int:
        self.next_id += 1
        msg: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if not notify:
            msg["id"] = self.next_id
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(msg) + "\n")
        self.proc.stdin.flush()
        return self.next_id

    def answer(self, id: int) -> dict[str, Any]:
        while True:
            msg = json.loads(self.lines.get(timeout=30))
            if msg.get("id") == id:
                return msg

    def request(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        return self.answer(self.send(method, params))

    def handshake(self) -> None:
        info = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "raw", "version": "0"}}
        assert "result" in self.request("initialize", info)
        self.send("notifications/initialized", {}, notify=True)


def assert_store_intact(store: Path) -> None:
    with sqlite3.connect(store) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.parametrize("how", ["close-stdin", "kill-proxy"])
def test_abrupt_disconnect_keeps_every_answered_call(tmp_path: Path, how: str) -> None:
    store = tmp_path / "trajs.db"
    client = RawClient(proxy_command(TOY_COMMAND, store))
    try:
        client.handshake()
        answers = [client.request("tools/call", {"name": "add", "arguments": {"a": i, "b": 1}}) for i in range(3)]
        assert [a["result"]["content"][0]["text"] for a in answers] == ["1", "2", "3"]
        # A fourth call goes out, and the client vanishes before its answer.
        client.send("tools/call", {"name": "add", "arguments": {"a": 3, "b": 1}})
        if how == "close-stdin":
            assert client.proc.stdin is not None
            client.proc.stdin.close()
            assert client.proc.wait(timeout=30) == 0  # the proxy notices and exits cleanly
        else:
            client.proc.kill()
            client.proc.wait(timeout=30)
    finally:
        client.close()

    assert_store_intact(store)
    trajs = stored(store)
    # The three answered calls are all there; the fourth may or may not have made it.
    assert [t.steps[0].result for t in trajs[:3]] == ["1", "2", "3"]
    assert len(trajs) in (3, 4)
    # The store stays writable for the next session.
    assert mcp_sdk.call_tool(proxy_command(TOY_COMMAND, store), "add", {"a": 5, "b": 5}, timeout=30).text == "10"
    assert len(stored(store)) == len(trajs) + 1


# --- the real Claude Flow server ----------------------------------------------------------------


@pytest.mark.integration
def test_claude_flow_through_the_proxy(claude_flow: str, tmp_path: Path) -> None:
    upstream = claude_flow
    store = tmp_path / "trajs.db"
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir()
    calls = [
        ("system_status", {}),
        ("memory_store", {"key": "greeting", "value": "hello", "api_key": "sk-123"}),
        ("memory_retrieve", {"key": "greeting"}),
        ("memory_stats", {}),
    ]

    async def run() -> tuple[list[dict[str, Any]], list[mcp_sdk.CallResult]]:
        # The proxy, and so Claude Flow, run in the sandbox: its state stays under sandbox/.claude-flow.
        async with mcp_sdk.open_session(proxy_command(upstream, store), timeout=60, cwd=sandbox) as s:
            return await s.list_tools(), [await s.call_tool(name, args) for name, args in calls]

    tools, results = anyio.run(run)
    assert len(tools) == 199
    assert not any(r.is_error for r in results)
    assert json.loads(results[2].text)["value"] == "hello"
    assert (sandbox / ".claude-flow").is_dir()

    trajs = stored(store)
    assert [t.steps[0].tool_name for t in trajs] == [name for name, _ in calls]
    assert all(t.success for t in trajs)
    assert len({t.metadata.session_id for t in trajs}) == 1
    assert trajs[1].steps[0].parameters == {"key": "greeting", "value": "hello", "api_key": "***"}
    assert [t.steps[0].result for t in trajs] == [r.text for r in results]


@pytest.mark.integration
def test_claude_flow_client_vanishing_mid_call_loses_no_answered_call(claude_flow: str, tmp_path: Path) -> None:
    store = tmp_path / "trajs.db"
    client = RawClient(proxy_command(claude_flow, store), cwd=tmp_path)  # Claude Flow's state stays in tmp_path
    try:
        client.handshake()
        names = ["system_status", "memory_stats", "agent_list"]
        answers = [client.request("tools/call", {"name": name, "arguments": {}}) for name in names]
        assert all("result" in a and not a["result"].get("isError") for a in answers)
        client.send("tools/call", {"name": "task_list", "arguments": {}})  # in flight when the client dies
        client.proc.kill()
        client.proc.wait(timeout=30)
    finally:
        client.close()
    assert_store_intact(store)
    trajs = stored(store)
    assert [t.steps[0].tool_name for t in trajs[:3]] == names and len(trajs) in (3, 4)
    assert [t.steps[0].result for t in trajs[:3]] == [a["result"]["content"][0]["text"] for a in answers]
