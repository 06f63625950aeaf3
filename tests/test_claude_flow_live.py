"""The real Claude Flow MCP server (npm claude-flow@3.0.0-alpha.179) against the builtin snapshot.

Needs `bash scripts/install_claude_flow.sh`. Skipped when the server is missing, except under CI
(`CI` set), where a missing server is a broken setup and fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import anyio
import pytest

import mcptrain.catalogue
from mcptrain import mcp_sdk
from mcptrain.io import read_json

pytestmark = pytest.mark.integration

SNAPSHOT = Path(mcptrain.catalogue.__file__).parent / "data" / "claude-flow.json"


def test_server_lists_the_snapshot_tools(claude_flow: str, tmp_path: Path) -> None:
    listed = mcp_sdk.list_tools(claude_flow, timeout=60, cwd=tmp_path)
    snapshot = read_json(SNAPSHOT)
    assert len(listed) == 199
    assert [t["name"] for t in listed] == [t["name"] for t in snapshot["tools"]]
    assert [t["inputSchema"] for t in listed] == [t["input_schema"] for t in snapshot["tools"]]


def test_read_only_calls_succeed_and_state_stays_in_the_sandbox(claude_flow: str, tmp_path: Path) -> None:
    async def run() -> tuple[list[mcp_sdk.CallResult], mcp_sdk.CallResult]:
        async with mcp_sdk.open_session(claude_flow, timeout=60, cwd=tmp_path / "a") as s:
            results = [
                await s.call_tool("system_status", {}),
                await s.call_tool("memory_store", {"key": "greeting", "value": "hello"}),
                await s.call_tool("memory_retrieve", {"key": "greeting"}),
                await s.call_tool("memory_stats", {}),
            ]
        # A fresh working directory is a fresh sandbox: nothing stored in "a" is seen in "b".
        async with mcp_sdk.open_session(claude_flow, timeout=60, cwd=tmp_path / "b") as s:
            elsewhere = await s.call_tool("memory_retrieve", {"key": "greeting"})
        return results, elsewhere

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (status, stored, retrieved, stats), elsewhere = anyio.run(run)

    assert not any(r.is_error for r in (status, stored, retrieved, stats, elsewhere))
    assert json.loads(status.text)["status"] == "healthy"
    assert json.loads(retrieved.text)["value"] == "hello"
    assert json.loads(stats.text)["location"].startswith(str((tmp_path / "a").resolve()))
    assert json.loads(elsewhere.text)["found"] is False


def test_unknown_tool_is_an_error_result(claude_flow: str, tmp_path: Path) -> None:
    result = mcp_sdk.call_tool(claude_flow, "no_such_tool", {}, timeout=60, cwd=tmp_path)
    assert result.is_error
    assert "no_such_tool" in result.text
