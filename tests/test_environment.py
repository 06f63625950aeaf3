"""McpEnvironment against real servers: the toy server in-process, a flaky one over stdio, Claude Flow.

Unit tests use `tests/servers/toy_server.py` (in-process: no start-up cost) for what a call goes
through, and `tests/servers/flaky_server.py` over stdio for sandboxes, hangs and crashes. The
`integration` tests drive the real Claude Flow server (`bash scripts/install_claude_flow.sh`).
"""

from __future__ import annotations

import os
import shlex
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcptrain.catalogue import Catalogue
from mcptrain.environment import (
    EnvironmentConfig,
    ExecutionResult,
    McpEnvironment,
    claude_flow_judge,
    error_recovery_rate,
    execution_success,
    is_error_judge,
)
from mcptrain.errors import ServerError
from mcptrain.mcp_sdk import CallResult
from mcptrain.types import ToolCall, ToolCallExample, ToolSpec, ToolTrajectory, TrajectoryStep, Turn
from tests.servers.toy_server import server as toy

FLAKY = Path(__file__).parent / "servers" / "flaky_server.py"
FLAKY_COMMAND = f"{shlex.quote(sys.executable)} {shlex.quote(str(FLAKY))}"


@pytest.fixture(scope="module")
def toy_catalogue() -> Catalogue:
    return Catalogue.from_mcp(toy)


@pytest.fixture(scope="module")
def flaky_catalogue() -> Catalogue:
    return Catalogue.from_mcp(FLAKY_COMMAND, timeout=30)


@pytest.fixture
def toy_env(toy_catalogue: Catalogue) -> Iterator[McpEnvironment]:
    with McpEnvironment(toy, toy_catalogue, EnvironmentConfig(prestart=False)) as env:
        yield env


def wait_until(condition: object, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


# --- what a call goes through (toy server, in-process) -------------------------------------------


def test_a_valid_call_is_executed_and_succeeds(toy_env: McpEnvironment) -> None:
    toy_env.reset()
    result = toy_env.execute(ToolCall(name="add", arguments={"a": 2, "b": 3}))
    # 2 + 3 = 5; MCPServer also sends the int as {"result": 5}
    assert (result.executed, result.success, result.blocked, result.error, result.text) == (
        True,
        True,
        False,
        None,
        "5",
    )
    assert result.structured == {"result": 5}
    assert result.duration_ms > 0


def test_an_error_answer_is_a_failed_execution(toy_catalogue: Catalogue) -> None:
    # A catalogue whose `add` takes anything lets the bad call through to the server, which refuses it.
    loose = Catalogue([ToolSpec(name="add", input_schema={"type": "object"})])
    with McpEnvironment(toy, loose, EnvironmentConfig(prestart=False)) as env:
        result = env.execute(ToolCall(name="add", arguments={"a": 2, "b": "x"}))
    assert (result.executed, result.success, result.blocked) == (True, False, False)
    assert result.error is not None and "valid integer" in result.error
    # the is_error judge hands the server's own words to the policy, on one line
    assert result.error == " ".join(result.text.split()) and "\n" in result.text


def test_invalid_arguments_are_not_sent(toy_env: McpEnvironment) -> None:
    toy_env.reset()
    result = toy_env.execute(ToolCall(name="add", arguments={"a": 1}))
    assert (result.executed, result.success, result.blocked, result.text) == (False, False, False, "")
    assert result.error == "invalid arguments for 'add': (root): 'b' is a required property"
    wrong_type = toy_env.execute(ToolCall(name="get_weather", arguments={"city": "Oslo", "unit": "kelvin"}))
    assert wrong_type.error is not None and "unit: 'kelvin' is not one of ['celsius', 'fahrenheit']" in wrong_type.error
    assert (toy_env.counts["invalid"], toy_env.counts["executed"]) == (2, 0)


def test_an_unknown_tool_is_not_sent(toy_env: McpEnvironment) -> None:
    result = toy_env.execute(ToolCall(name="launch_rocket", arguments={}))
    assert (result.executed, result.success, result.blocked) == (False, False, False)
    assert result.error == "Unknown tool: launch_rocket"  # what the toy server itself answers
    assert toy_env.counts["executed"] == 0


def test_destructive_tool_is_blocked_unless_allowed(toy_catalogue: Catalogue) -> None:
    delete = ToolCall(name="delete_note", arguments={"note_id": "n1"})
    assert toy_catalogue.get("delete_note").annotations.destructive is True  # the server's destructiveHint

    configs = {
        "default": EnvironmentConfig(prestart=False),
        "by name": EnvironmentConfig(prestart=False, allow={"delete_note"}),
        "by kind": EnvironmentConfig(prestart=False, allow_destructive=True),
        "denied": EnvironmentConfig(prestart=False, allow_destructive=True, deny={"delete_note"}),
    }
    results: dict[str, ExecutionResult] = {}
    for name, config in configs.items():
        with McpEnvironment(toy, toy_catalogue, config) as env:
            results[name] = env.execute(delete)

    blocked = results["default"]
    assert (blocked.executed, blocked.success, blocked.blocked) == (False, False, True)
    assert blocked.error == "blocked: tool 'delete_note' is destructive and not allowed in this environment"
    assert results["by name"].text == results["by kind"].text == "deleted n1"
    assert results["denied"].blocked and "not allowed" in (results["denied"].error or "")


def test_the_servers_own_destructive_hint_blocks_even_without_catalogue_flags() -> None:
    # A catalogue from a plain JSON file knows no annotations; the server's listing still says destructive.
    bare = Catalogue([ToolSpec(name="delete_note", input_schema={"type": "object"})])
    with McpEnvironment(toy, bare, EnvironmentConfig(prestart=False)) as env:
        result = env.execute(ToolCall(name="delete_note", arguments={"note_id": "n1"}))
    assert result.blocked and not result.executed


def test_outside_tools_are_blocked_unless_allowed(toy_catalogue: Catalogue) -> None:
    tools = [t.model_copy(deep=True) for t in toy_catalogue]
    tools[0].annotations.needs_external = True  # pretend get_weather calls a web API
    cat = Catalogue(tools)
    call = ToolCall(name="get_weather", arguments={"city": "Oslo"})
    with McpEnvironment(toy, cat, EnvironmentConfig(prestart=False)) as env:
        assert env.execute(call).blocked
    with McpEnvironment(toy, cat, EnvironmentConfig(prestart=False, allow_outside=True)) as env:
        assert env.execute(call).success


def test_a_custom_judge_decides_success(toy_catalogue: Catalogue) -> None:
    def odd_sums_fail(tool: str, result: CallResult) -> str | None:
        return "odd sum" if tool == "add" and int(result.text) % 2 else None

    with McpEnvironment(toy, toy_catalogue, EnvironmentConfig(prestart=False, judge=odd_sums_fail)) as env:
        # 1 + 2 = 3 is odd: executed, but judged a failure; 2 + 2 = 4 passes
        odd = env.execute(ToolCall(name="add", arguments={"a": 1, "b": 2}))
        even = env.execute(ToolCall(name="add", arguments={"a": 2, "b": 2}))
    assert (odd.executed, odd.success, odd.error, odd.text) == (True, False, "odd sum", "3")
    assert (even.success, even.error) == (True, None)


def test_judges() -> None:
    def answer(text: str, is_error: bool = False) -> CallResult:
        return CallResult(is_error=is_error, text=text, structured=None, duration_ms=1.0)

    assert is_error_judge("t", answer("fine")) is None
    assert is_error_judge("t", answer("boom", is_error=True)) == "boom"
    assert claude_flow_judge("t", answer('{"status": "healthy"}')) is None
    assert claude_flow_judge("t", answer("plain text")) is None
    assert claude_flow_judge("t", answer('{"success": true, "error": null}')) is None
    assert claude_flow_judge("t", answer('{"success": false, "message": "no hive"}')) == "no hive"
    assert claude_flow_judge("t", answer('{"success": false}')) == 't: failed: {"success": false}'
    assert claude_flow_judge("t", answer('{"error": "Workflow not found"}')) == "Workflow not found"
    assert (
        claude_flow_judge("m", answer('{"key": "k", "found": false}')) == 'm: not found: {"key": "k", "found": false}'
    )
    assert claude_flow_judge("t", answer("Tool not found: t", is_error=True)) == "Tool not found: t"


def test_config_rejects_contradictions() -> None:
    with pytest.raises(ValueError, match="both allowed and denied: add"):
        EnvironmentConfig(allow={"add"}, deny={"add"})
    with pytest.raises(ValueError, match="unknown judge 'strict'"):
        EnvironmentConfig(judge="strict")


# --- episodes -------------------------------------------------------------------------------------


def test_run_episode_recovers_after_an_error_with_the_error_as_context(toy_env: McpEnvironment) -> None:
    seen: list[list[Turn]] = []

    def policy(prompt: str, turns: list[Turn]) -> tuple[ToolCall, float]:
        seen.append(turns)
        if len(turns) == 1:  # first try forgets b
            return ToolCall(name="add", arguments={"a": 2}), -0.5
        return ToolCall(name="add", arguments={"a": 2, "b": 3}), -0.25

    traj = toy_env.run_episode(policy, ToolCallExample(prompt="add 2 and 3", expected_tool="add"))

    assert [s.tool_name for s in traj.steps] == ["add", "add"]
    first, second = traj.steps
    assert (first.success, first.error, first.log_prob) == (
        False,
        "invalid arguments for 'add': (root): 'b' is a required property",
        -0.5,
    )
    assert (second.success, second.error, second.result, second.log_prob) == (True, None, "5", -0.25)
    assert second.parameters == {"a": 2, "b": 3}
    assert traj.success and traj.task == "add 2 and 3"
    # The second try saw the request, its own failed call, and the error text
    assert [t.role for t in seen[1]] == ["user", "assistant", "tool"]
    assert seen[1][1].call == ToolCall(name="add", arguments={"a": 2})
    assert seen[1][2].is_error and seen[1][2].content == first.error


def test_run_episode_stops_at_max_turns_and_on_no_call(toy_env: McpEnvironment) -> None:
    always_wrong = toy_env.run_episode(lambda p, t: ToolCall(name="nope"), "do it", max_turns=2)
    assert [s.error for s in always_wrong.steps] == ["Unknown tool: nope"] * 2
    assert not always_wrong.success

    nothing = toy_env.run_episode(lambda p, t: None, "hello there")
    assert nothing.steps == []


def test_error_recovery_rate_and_execution_success() -> None:
    ok, bad = TrajectoryStep(tool_name="a"), TrajectoryStep(tool_name="a", success=False)
    trajs = [
        ToolTrajectory(id="1", task="t", steps=[bad, ok], success=True),  # failed, recovered
        ToolTrajectory(id="2", task="t", steps=[bad, bad], success=False),  # failed, not recovered
        ToolTrajectory(id="3", task="t", steps=[ok], success=True),  # never failed: not counted
    ]
    assert error_recovery_rate(trajs) == 0.5  # 1 of the 2 episodes with a failure
    assert error_recovery_rate(trajs[2:]) == 0.0
    done = ExecutionResult(executed=True, success=True, blocked=False, error=None, text="5", duration_ms=1.0)
    assert execution_success([None, done]) == [None, True]


# --- sandboxes, hangs and crashes (flaky server over stdio) --------------------------------------


def test_each_episode_gets_its_own_sandbox_removed_afterwards(flaky_catalogue: Catalogue, tmp_path: Path) -> None:
    config = EnvironmentConfig(sandbox_root=tmp_path / "boxes")
    with McpEnvironment(FLAKY_COMMAND, flaky_catalogue, config) as env:
        first = env.reset()
        assert env.execute(ToolCall(name="where")).text == str(first.sandbox)
        assert env.execute(ToolCall(name="remember", arguments={"text": "one"})).text == "one\n"
        # state persists inside the episode (one server, one connection)...
        assert env.execute(ToolCall(name="remember", arguments={"text": "two"})).text == "one\ntwo\n"

        second = env.reset()
        assert second.sandbox != first.sandbox
        assert env.execute(ToolCall(name="where")).text == str(second.sandbox)
        # ...and not across episodes
        assert env.execute(ToolCall(name="remember", arguments={"text": "three"})).text == "three\n"
        assert first.sandbox is not None and wait_until(lambda: not first.sandbox.exists())
        boxes = list((tmp_path / "boxes").iterdir())
    assert boxes and not any(b.exists() for b in boxes)  # close() removed every sandbox


def test_reused_server_keeps_state_across_episodes(flaky_catalogue: Catalogue) -> None:
    with McpEnvironment(FLAKY_COMMAND, flaky_catalogue, EnvironmentConfig(fresh_sandbox=False)) as env:
        first = env.reset()
        env.execute(ToolCall(name="remember", arguments={"text": "one"}))
        second = env.reset()
        assert second.sandbox == first.sandbox
        assert env.execute(ToolCall(name="remember", arguments={"text": "two"})).text == "one\ntwo\n"


def test_a_hung_call_fails_the_step_and_restarts_the_server(flaky_catalogue: Catalogue) -> None:
    with McpEnvironment(FLAKY_COMMAND, flaky_catalogue, EnvironmentConfig(call_timeout=0.5)) as env:
        episode = env.reset()
        before = episode.sandbox
        start = time.monotonic()
        hung = env.execute(ToolCall(name="sleep", arguments={"seconds": 60}))
        assert time.monotonic() - start < 3.0
        assert (hung.executed, hung.success, hung.blocked) == (True, False, False)
        assert hung.error is not None and hung.error.startswith("server crashed/timeout: ")
        assert "did not answer within 0.5 s" in hung.error

        after = env.execute(ToolCall(name="where"))  # a fresh server in a fresh sandbox
        assert after.success and after.text == str(episode.sandbox)
        assert (episode.restarts, episode.sandbox != before) == (1, True)

        env.reset()
        assert env.execute(ToolCall(name="add", arguments={"a": 1, "b": 1})).text == "2"
        assert env.counts["crashed"] == 1


def test_a_crashing_server_fails_the_step_and_the_next_episode_is_fine(flaky_catalogue: Catalogue) -> None:
    with McpEnvironment(FLAKY_COMMAND, flaky_catalogue) as env:
        traj = env.run_episode(
            lambda p, turns: (
                ToolCall(name="crash") if len(turns) == 1 else ToolCall(name="add", arguments={"a": 1, "b": 2})
            ),
            "crash, then add",
        )
        assert [(s.tool_name, s.success) for s in traj.steps] == [("crash", False), ("add", True)]
        assert "exited while calling tool 'crash'" in (traj.steps[0].error or "")
        assert "crashing on request" in (traj.steps[0].error or "")  # the server's last stderr line
        assert traj.success and error_recovery_rate([traj]) == 1.0

        env.reset()
        assert env.execute(ToolCall(name="add", arguments={"a": 2, "b": 2})).text == "4"


def test_a_server_that_cannot_start_raises_one_server_error(flaky_catalogue: Catalogue) -> None:
    broken = f"{shlex.quote(sys.executable)} -c \"import sys; print('no config', file=sys.stderr); sys.exit(1)\""
    with McpEnvironment(broken, flaky_catalogue, EnvironmentConfig(prestart=False)) as env:
        with pytest.raises(ServerError, match="exited before answering"):
            env.reset()


def test_relative_paths_in_the_command_still_work_from_the_sandbox(
    flaky_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(FLAKY.parent)
    with McpEnvironment(f"{shlex.quote(sys.executable)} flaky_server.py", flaky_catalogue) as env:
        assert env.label.endswith(str(FLAKY))
        assert env.execute(ToolCall(name="add", arguments={"a": 1, "b": 1})).success


# --- the real Claude Flow server -----------------------------------------------------------------


@pytest.fixture(scope="module")
def claude_flow_catalogue() -> Catalogue:
    return Catalogue.builtin("claude-flow")


def pids_running_in(folder: Path) -> list[int]:
    """Our processes whose working directory is `folder` (the episode's server)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.readlink(entry / "cwd") == str(folder):
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


@pytest.mark.integration
def test_claude_flow_episode_recovers_from_a_missing_argument(
    claude_flow: str, claude_flow_catalogue: Catalogue
) -> None:
    def policy(prompt: str, turns: list[Turn]) -> ToolCall:
        if len(turns) == 1:  # forgets the required value
            return ToolCall(name="memory_store", arguments={"key": "greeting"})
        return ToolCall(name="memory_store", arguments={"key": "greeting", "value": "hello"})

    with McpEnvironment(claude_flow, claude_flow_catalogue) as env:
        traj = env.run_episode(policy, "remember that the greeting is hello")
        # the judge reads Claude Flow's answers: a missing key is a failure though is_error is False
        missing = env.execute(ToolCall(name="memory_retrieve", arguments={"key": "nothing-here"}))
        stored = env.execute(ToolCall(name="memory_retrieve", arguments={"key": "greeting"}))

    assert [s.success for s in traj.steps] == [False, True]
    assert traj.steps[0].error == "invalid arguments for 'memory_store': (root): 'value' is a required property"
    assert traj.success and error_recovery_rate([traj]) == 1.0
    assert (missing.executed, missing.success) == (True, False)
    assert missing.error is not None and missing.error.startswith("memory_retrieve: not found")
    assert stored.success and '"hello"' in stored.text


@pytest.mark.integration
def test_claude_flow_killed_mid_episode_is_survived(claude_flow: str, claude_flow_catalogue: Catalogue) -> None:
    with McpEnvironment(claude_flow, claude_flow_catalogue) as env:
        episode = env.reset()
        assert env.execute(ToolCall(name="system_status")).success
        assert episode.sandbox is not None
        pids = pids_running_in(episode.sandbox)
        assert len(pids) == 1
        os.kill(pids[0], signal.SIGKILL)
        assert wait_until(lambda: not pids_running_in(episode.sandbox))  # type: ignore[arg-type]

        killed = env.execute(ToolCall(name="memory_stats"))
        assert (killed.executed, killed.success) == (True, False)
        assert killed.error is not None and killed.error.startswith("server crashed/timeout: ")

        again = env.execute(ToolCall(name="memory_stats"))
        assert again.success and episode.restarts == 1
        assert str(episode.sandbox) in again.text  # the new server keeps its state in the new sandbox

        env.reset()
        assert env.execute(ToolCall(name="agent_list")).success


@pytest.mark.integration
def test_claude_flow_destructive_and_outside_tools_are_blocked_unless_allowed(
    claude_flow: str, claude_flow_catalogue: Catalogue
) -> None:
    delete = ToolCall(name="memory_delete", arguments={"key": "greeting"})
    browse = ToolCall(name="browser_open", arguments={"url": "https://example.com"})
    with McpEnvironment(claude_flow, claude_flow_catalogue) as env:
        blocked = env.execute(delete)
        outside = env.execute(browse)
    assert (blocked.blocked, blocked.executed) == (True, False)
    assert (outside.blocked, outside.executed) == (True, False)
    assert outside.error is not None and "outside" in outside.error

    with McpEnvironment(claude_flow, claude_flow_catalogue, EnvironmentConfig(allow={"memory_delete"})) as env:
        env.execute(ToolCall(name="memory_store", arguments={"key": "greeting", "value": "hello"}))
        allowed = env.execute(delete)
        still_blocked = env.execute(browse)
    assert (allowed.blocked, allowed.executed, allowed.success) == (False, True, True)
    assert still_blocked.blocked
