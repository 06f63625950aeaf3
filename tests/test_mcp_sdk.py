"""mcptrain.mcp_sdk against real servers: the toy server in-process and over stdio, and broken ones.

Every broken server must give one ServerError with a one-line message, quickly: these are the
errors a user sees first when `--server` is wrong.
"""

from __future__ import annotations

import shlex
import sys
import textwrap
import time
from pathlib import Path

import anyio
import pytest
from mcp.server.mcpserver import MCPServer

from mcptrain import mcp_sdk
from mcptrain.errors import ServerError
from mcptrain.mcp_sdk import CallResult, ServerTarget
from tests.servers.toy_server import server as toy

TOY_SCRIPT = Path(__file__).parent / "servers" / "toy_server.py"
TOY_COMMAND = f"{shlex.quote(sys.executable)} {shlex.quote(str(TOY_SCRIPT))}"
PY = shlex.quote(sys.executable)

GET_WEATHER_SCHEMA = {
    "type": "object",
    "properties": {
        "city": {"title": "City", "type": "string"},
        "unit": {"default": "celsius", "enum": ["celsius", "fahrenheit"], "title": "Unit", "type": "string"},
    },
    "required": ["city"],
    "title": "get_weatherArguments",
}


def assert_one_line(err: ServerError) -> str:
    msg = str(err)
    assert "\n" not in msg and "Traceback" not in msg and "ExceptionGroup" not in msg, msg
    return msg


# --- in-process -------------------------------------------------------------------------------


def test_inprocess_lists_three_tools_in_order_with_schemas_and_annotations() -> None:
    tools = mcp_sdk.list_tools(toy)
    assert [t["name"] for t in tools] == ["get_weather", "add", "delete_note"]
    assert set(tools[0]) == {"name", "description", "inputSchema", "annotations"}
    assert tools[0]["description"] == "Get the current weather for a city."
    assert tools[0]["inputSchema"] == GET_WEATHER_SCHEMA
    assert tools[0]["annotations"] is None
    # camelCase MCP hint names, as on the wire
    assert tools[2]["annotations"] == {"readOnlyHint": False, "destructiveHint": True}


def test_inprocess_call_returns_text_and_structured_content() -> None:
    result = mcp_sdk.call_tool(toy, "add", {"a": 2, "b": 3})
    assert isinstance(result, CallResult)
    # 2 + 3 = 5; MCPServer wraps a bare int return as {"result": 5}
    assert (result.is_error, result.text, result.structured) == (False, "5", {"result": 5})
    assert result.duration_ms >= 0.0


def test_unknown_tool_is_an_error_result_not_an_exception() -> None:
    result = mcp_sdk.call_tool(toy, "no_such_tool", {})
    assert result.is_error
    assert "no_such_tool" in result.text


def test_session_makes_many_calls_on_one_connection() -> None:
    async def run() -> list[object]:
        async with mcp_sdk.open_session(toy, timeout=10) as s:
            assert len(await s.list_tools()) == 3
            a = await s.call_tool("add", {"a": 1, "b": 2})
            w = await s.call_tool("get_weather", {"city": "Paris", "unit": "fahrenheit"})
            assert isinstance(w.structured, dict)
            return [a.text, w.structured["temp"]]

    # 1 + 2 = 3; the toy server answers 69.8 °F (21 °C) for every city
    assert anyio.run(run) == ["3", 69.8]


def test_slow_call_times_out_and_the_session_stays_usable() -> None:
    slow = MCPServer("slow-tools")

    @slow.tool()
    async def wait(seconds: float) -> str:
        await anyio.sleep(seconds)
        return "done"

    async def run() -> tuple[ServerError, float, CallResult]:
        async with mcp_sdk.open_session(slow, timeout=10) as s:
            start = time.monotonic()
            with pytest.raises(ServerError) as info:
                await s.call_tool("wait", {"seconds": 30}, timeout=0.3)
            elapsed = time.monotonic() - start
            return info.value, elapsed, await s.call_tool("wait", {"seconds": 0})

    err, elapsed, after = anyio.run(run)
    assert "did not answer within 0.3 s" in assert_one_line(err)
    assert "'wait'" in str(err)
    assert elapsed < 2.0
    assert after.text == "done"


def test_callers_own_exception_comes_back_unwrapped() -> None:
    async def run() -> None:
        async with mcp_sdk.open_session(toy):
            raise KeyError("mine")

    with pytest.raises(KeyError, match="mine"):
        anyio.run(run)


def test_sync_wrappers_work_inside_a_running_event_loop() -> None:
    async def run() -> list[dict[str, object]]:
        return mcp_sdk.list_tools(toy)  # a notebook does this

    assert len(anyio.run(run)) == 3


# --- stdio --------------------------------------------------------------------------------------


def test_stdio_toy_server_lists_the_same_tools_as_in_process() -> None:
    over_stdio = mcp_sdk.list_tools(TOY_COMMAND, timeout=30)
    assert over_stdio == mcp_sdk.list_tools(toy)
    assert over_stdio[0]["inputSchema"] == GET_WEATHER_SCHEMA


def test_stdio_bad_arguments_give_is_error_with_the_validation_message() -> None:
    result = mcp_sdk.call_tool(TOY_COMMAND, "add", {"a": 2, "b": "x"}, timeout=30)
    assert result.is_error
    assert "valid integer" in result.text


def test_stdio_server_runs_in_the_given_cwd_with_the_given_env(tmp_path: Path) -> None:
    script = tmp_path / "where_server.py"
    script.write_text(
        textwrap.dedent(
            """
            import os
            from mcp.server.mcpserver import MCPServer

            server = MCPServer("where")

            @server.tool()
            def where() -> str:
                return os.getcwd() + "|" + os.environ.get("MCPTRAIN_TEST_MARK", "")

            server.run("stdio")
            """
        )
    )
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir()
    result = mcp_sdk.call_tool(
        f"{PY} {shlex.quote(str(script))}",
        "where",
        {},
        timeout=30,
        cwd=sandbox,
        env={"MCPTRAIN_TEST_MARK": "42"},
    )
    assert result.text == f"{sandbox.resolve()}|42"


# --- broken servers: one ServerError, one line, quickly ----------------------------------------


def test_command_not_found() -> None:
    start = time.monotonic()
    with pytest.raises(ServerError) as info:
        mcp_sdk.list_tools("xyz-no-such-command --stdio")
    assert time.monotonic() - start < 1.0
    assert assert_one_line(info.value) == (
        "cannot start MCP server 'xyz-no-such-command --stdio': command not found; check --server"
    )


def test_server_that_exits_immediately() -> None:
    command = f"{PY} -c \"import sys; print('bad config', file=sys.stderr); sys.exit(1)\""
    start = time.monotonic()
    with pytest.raises(ServerError) as info:
        mcp_sdk.list_tools(command, timeout=30)
    assert time.monotonic() - start < 5.0
    msg = assert_one_line(info.value)
    assert "exited before answering" in msg
    assert "bad config" in msg  # the last line of its stderr says why


def test_unreachable_url() -> None:
    start = time.monotonic()
    with pytest.raises(ServerError) as info:
        mcp_sdk.list_tools("http://127.0.0.1:9/mcp", timeout=5)
    assert time.monotonic() - start < 6.0
    msg = assert_one_line(info.value)
    assert msg.startswith("cannot reach MCP server 'http://127.0.0.1:9/mcp'")


def test_server_that_never_speaks_mcp_times_out(tmp_path: Path) -> None:
    script = tmp_path / "silent.py"
    script.write_text("import time\ntime.sleep(600)\n")
    start = time.monotonic()
    with pytest.raises(ServerError) as info:
        mcp_sdk.list_tools(f"{PY} {shlex.quote(str(script))}", timeout=2)
    # 2 s of waiting plus the SDK's bounded shutdown (2 s grace after closing stdin, then SIGTERM)
    assert time.monotonic() - start < 8.0
    assert "did not start and answer within 2 s" in assert_one_line(info.value)


def test_server_that_dies_mid_session(tmp_path: Path) -> None:
    script = tmp_path / "crashy.py"
    script.write_text(
        textwrap.dedent(
            """
            import os, sys
            from mcp.server.mcpserver import MCPServer

            server = MCPServer("crashy")

            @server.tool()
            def crash() -> str:
                print("fatal: out of cheese", file=sys.stderr, flush=True)
                os._exit(3)

            server.run("stdio")
            """
        )
    )

    async def run() -> ServerError:
        async with mcp_sdk.open_session(f"{PY} {shlex.quote(str(script))}", timeout=30) as s:
            with pytest.raises(ServerError) as info:
                await s.call_tool("crash", {})
            return info.value

    msg = assert_one_line(anyio.run(run))
    assert "exited while calling tool 'crash'" in msg
    assert "out of cheese" in msg


def test_missing_working_directory(tmp_path: Path) -> None:
    with pytest.raises(ServerError, match="does not exist"):
        mcp_sdk.list_tools(TOY_COMMAND, cwd=tmp_path / "nope")


# --- targets ------------------------------------------------------------------------------------


def test_target_parsing(tmp_path: Path) -> None:
    http = ServerTarget.parse("https://example.com/mcp")
    assert (http.kind, http.url) == ("http", "https://example.com/mcp")

    stdio = ServerTarget.parse(TOY_COMMAND, cwd=tmp_path, env={"A": "1"})
    assert stdio.kind == "stdio"
    assert stdio.command == [sys.executable, str(TOY_SCRIPT)]
    assert (stdio.cwd, stdio.env) == (tmp_path.resolve(), {"A": "1"})

    inproc = ServerTarget.parse(toy)
    assert (inproc.kind, inproc.label) == ("inproc", "in-process server 'toy-tools'")
