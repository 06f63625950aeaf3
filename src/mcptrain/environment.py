"""Run a policy's tool calls on a live MCP server, safely, for training: `McpEnvironment`.

    >>> cat = Catalogue.from_mcp("python /abs/toy_server.py")
    >>> with McpEnvironment("python /abs/toy_server.py", cat) as env:
    ...     episode = env.reset()
    ...     env.execute(ToolCall(name="add", arguments={"a": 2, "b": 3}))
    ExecutionResult(executed=True, success=True, blocked=False, error=None, text='5', duration_ms=0.9, ...)

What happens to a call, in order:

1. a tool the catalogue lacks is not sent; the error is what an MCP server says (`Unknown tool: x`);
2. a destructive tool, one that reaches outside (network, other programs) or one on the deny list
   is not sent (`blocked=True`), unless the config allows it by name or by kind. The flags come
   from the catalogue's annotations and from the server's own MCP hints (`destructiveHint`,
   `openWorldHint`);
3. arguments that do not validate against the tool's JSON Schema are not sent; jsonschema's
   message is the error the policy sees;
4. the call goes to the episode's server; a *judge* reads the answer and says whether it failed
   (`is_error`; for Claude Flow also `"success": false`, `"found": false` or an `"error"` key);
5. a server that dies or does not answer within `call_timeout` fails that step
   (`server crashed/timeout: ...`); it is stopped, and the next call gets a fresh server in a fresh
   sandbox. Nothing is raised to the training loop for that.

Episodes: `reset()` gives each episode its own server process in a fresh temporary working
directory (stdio servers keep their state there; Claude Flow under `./.claude-flow/`), removed when
that server stops. Calls inside an episode reuse one connection (over 1000 calls/s to Claude Flow
on 2 cores). With `prestart` the next episode's server starts while this one runs. Only the
configured target is ever contacted.

`run_episode(policy_fn, example)` records a multi-turn episode: a failed call's error goes back to
the policy as context (`Turn`s) and it may try again, up to `max_turns` calls.
"""

from __future__ import annotations

import concurrent.futures
import json
import logging
import shlex
import shutil
import tempfile
import threading
import time
import uuid
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from mcptrain.catalogue import Catalogue
from mcptrain.errors import McptrainError, ServerError
from mcptrain.mcp_sdk import CallResult, HostedSession, ServerTarget, SessionHost, Target
from mcptrain.rewards import validate_arguments
from mcptrain.trajectories import StepBuilder, TrajectoryBuilder
from mcptrain.types import ToolCall, ToolCallExample, ToolTrajectory, TrajectoryMetadata, TrajectoryStep, Turn

logger = logging.getLogger(__name__)

__all__ = [
    "JUDGES",
    "Episode",
    "EnvironmentConfig",
    "ExecutionResult",
    "Judge",
    "McpEnvironment",
    "PolicyFn",
    "claude_flow_judge",
    "error_recovery_rate",
    "execution_success",
    "is_error_judge",
]

# --------------------------------------------------------------------------------------------------
# Judges: did an answered call fail?

Judge = Callable[[str, CallResult], "str | None"]
"""`(tool name, the server's answer) -> None` when the call succeeded, else the error text the
policy should see."""

_MAX_REASON = 500


def is_error_judge(tool: str, result: CallResult) -> str | None:
    """MCP's own verdict: failed iff the server set `is_error`.

    >>> is_error_judge("add", CallResult(is_error=True, text="bad b", structured=None, duration_ms=1))
    'bad b'
    """
    if not result.is_error:
        return None
    return _short(result.text) or f"tool '{tool}' failed"


def claude_flow_judge(tool: str, result: CallResult) -> str | None:
    """`is_error`, plus Claude Flow's failures inside a successful answer: a JSON object with
    `"success": false`, `"found": false` or an `"error"` key that is set.

    >>> claude_flow_judge("workflow_status", CallResult(False, '{"error": "Workflow not found"}', None, 1))
    'Workflow not found'
    >>> claude_flow_judge("memory_retrieve", CallResult(False, '{"key": "k", "found": false}', None, 1))
    'memory_retrieve: not found: {"key": "k", "found": false}'
    """
    failed = is_error_judge(tool, result)
    if failed is not None:
        return failed
    data = result.structured if isinstance(result.structured, dict) else _json_object(result.text)
    if data is None:
        return None
    error = data.get("error")
    if error not in (None, False, "", {}, []):
        return _short(error if isinstance(error, str) else json.dumps(error))
    if data.get("success") is False:
        message = data.get("message")
        return _short(message) if isinstance(message, str) and message else f"{tool}: failed: {_compact(data)}"
    if data.get("found") is False:
        return f"{tool}: not found: {_compact(data)}"
    return None


JUDGES: dict[str, Judge] = {"is_error": is_error_judge, "claude-flow": claude_flow_judge}
"""Judges by name, for config files and the command line."""


def _resolve_judge(judge: str | Judge, catalogue: Catalogue) -> Judge:
    if callable(judge):
        return judge
    if judge == "auto":
        return claude_flow_judge if catalogue.name == "claude-flow" else is_error_judge
    return JUDGES[judge]


def _json_object(text: str) -> dict[str, Any] | None:
    stripped = text.lstrip()
    if not stripped.startswith("{"):
        return None  # cheap: most non-JSON answers never reach the parser
    try:
        data = json.loads(stripped)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _compact(data: Any) -> str:
    return _short(json.dumps(data, separators=(", ", ": "), default=str))


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _MAX_REASON else line[: _MAX_REASON - 3] + "..."


# --------------------------------------------------------------------------------------------------
# Records


class EnvironmentConfig(BaseModel):
    """How the environment runs calls: time limits, what it refuses to run, how it judges answers.

    >>> EnvironmentConfig(allow={"memory_delete"}, judge="claude-flow").max_turns
    3
    """

    model_config = ConfigDict(extra="forbid")

    call_timeout: float = Field(default=10.0, gt=0)
    """Seconds one call may take; past it the step fails and the server is restarted."""
    start_timeout: float = Field(default=30.0, gt=0)
    """Seconds a server may take to start and answer the MCP handshake."""
    max_turns: int = Field(default=3, ge=1)
    """Calls per recovery episode: the first try plus retries after errors."""
    allow: set[str] = Field(default_factory=set)
    """Tools run even though destructive or reaching outside."""
    deny: set[str] = Field(default_factory=set)
    """Tools never run, on top of the destructive / outside rules."""
    allow_destructive: bool = False
    """Run tools flagged destructive (MCP `destructiveHint`, the catalogue's `destructive`)."""
    allow_outside: bool = False
    """Run tools that need the network or other programs (`needs_external`, MCP `openWorldHint`)."""
    judge: str | Callable[[str, CallResult], str | None] = "auto"
    """A name from `JUDGES`, a function `(tool, CallResult) -> error text or None`, or `"auto"`:
    `claude-flow` for the Claude Flow catalogue, else `is_error`."""
    fresh_sandbox: bool = True
    """A new server in a new working directory per episode. False keeps one server (and its state)
    across episodes: no start-up cost, no isolation; a crash still brings a fresh one."""
    prestart: bool = True
    """Start the next episode's server while the current episode runs (with `fresh_sandbox`)."""
    sandbox_root: Path | None = None
    """Where episode working directories are made (default: the system temp folder)."""
    server_env: dict[str, str] | None = None
    """Environment variables for a stdio server, on top of the SDK's safe defaults (HOME, PATH, ...)."""

    @field_validator("judge")
    @classmethod
    def _known_judge(cls, judge: str | Judge) -> str | Judge:
        if isinstance(judge, str) and judge != "auto" and judge not in JUDGES:
            raise ValueError(f"unknown judge '{judge}'; use auto, {', '.join(JUDGES)} or a function")
        return judge

    @model_validator(mode="after")
    def _allow_deny_disjoint(self) -> EnvironmentConfig:
        both = sorted(self.allow & self.deny)
        if both:
            raise ValueError(f"tools both allowed and denied: {', '.join(both)}; keep each in one list")
        return self


@dataclass(frozen=True)
class ExecutionResult:
    """What became of one call.

    `executed`: it was sent to the server. `success`: the server ran it and the judge found no
    failure. `blocked`: refused as unsafe. `error`: the text the policy sees when it failed (server
    error, validation message, block reason, crash). `text`: the server's answer ('' if not sent).

        >>> ExecutionResult(executed=False, success=False, blocked=True, error="blocked: ...",
        ...                 text="", duration_ms=0.0).success
        False
    """

    executed: bool
    success: bool
    blocked: bool
    error: str | None
    text: str
    duration_ms: float
    structured: Any | None = None
    """The server's `structuredContent`, when it sent one."""

    def step(self, call: ToolCall, log_prob: float | None = None) -> TrajectoryStep:
        """This outcome of `call` as a trajectory step (the log-prob where the policy gave one).

        >>> ExecutionResult(True, True, False, None, "5", 1.2).step(ToolCall(name="add"), -0.3).log_prob
        -0.3
        """
        step = (
            StepBuilder(call.name)
            .with_params(dict(call.arguments))
            .with_success(self.success)
            .with_duration(round(self.duration_ms))
            .with_result(self.text)
        )
        if log_prob is not None:
            step.with_log_prob(log_prob)
        if self.error is not None:
            step.with_error(self.error)
        return step.build()


@dataclass
class Episode:
    """The episode in progress: what `reset()` returns.

    `sandbox` is the working directory of the episode's server (None for http and in-process
    servers); it changes when a crash forces a restart, counted in `restarts`.
    """

    id: str
    index: int
    sandbox: Path | None
    restarts: int = 0
    calls: int = 0


def execution_success(results: Sequence[ExecutionResult | None]) -> list[bool | None]:
    """What the `execution` reward reads (`execution_success=`): None where no call was made.

    >>> execution_success([None, ExecutionResult(True, True, False, None, "5", 1.0)])
    [None, True]
    """
    return [None if r is None else r.success for r in results]


def error_recovery_rate(trajectories: Iterable[ToolTrajectory]) -> float:
    """Of the episodes with at least one failed step, the share that end in success; 0.0 if none failed.

    >>> ok, bad = TrajectoryStep(tool_name="a"), TrajectoryStep(tool_name="a", success=False)
    >>> error_recovery_rate([ToolTrajectory(id="1", task="t", steps=[bad, ok], success=True),
    ...                      ToolTrajectory(id="2", task="t", steps=[bad], success=False),
    ...                      ToolTrajectory(id="3", task="t", steps=[ok], success=True)])
    0.5
    """
    with_failure = [t for t in trajectories if any(not s.success for s in t.steps)]
    if not with_failure:
        return 0.0  # as EvaluationMetrics.error_recovery_rate: no recovery cases scores 0
    return sum(t.success for t in with_failure) / len(with_failure)


PolicyFn = Callable[[str, list[Turn]], Any]
"""`(prompt, context turns) -> ToolCall | None | (ToolCall | None, log_prob)`, or any object with
`.call` and `.total_logp` (a router `SampledCall`). The turns start with the user's request and
gain an assistant call and a tool error for each failed try."""


# --------------------------------------------------------------------------------------------------
# The environment


@dataclass
class _Server:
    """One server being started or running, and the sandbox it runs in."""

    ready: concurrent.futures.Future[HostedSession]
    sandbox: Path | None

    def close(self) -> None:
        # The session stops in the background; its on_stop removes the sandbox once it is gone.
        if self.ready.done() and self.ready.exception() is None:
            self.ready.result().close()
        else:
            self.ready.add_done_callback(_close_when_ready)


def _close_when_ready(future: concurrent.futures.Future[HostedSession]) -> None:
    if not future.cancelled() and future.exception() is None:
        future.result().close()


class McpEnvironment:
    """Executes tool calls on one MCP server (a stdio command line or an http(s) URL), one episode
    at a time, from synchronous code. See the module docstring for the rules a call goes through.

        >>> with McpEnvironment(server_command(), Catalogue.builtin("claude-flow")) as env:
        ...     traj = env.run_episode(policy_fn, example)
        ...     [(s.tool_name, s.success) for s in traj.steps]
        [('memory_retrieve', False), ('memory_retrieve', True)]

    A server that cannot be started at all (twice in a row) raises ServerError: that is a broken
    setup, not a bad call. Not thread-safe beyond a lock: one caller at a time.
    """

    def __init__(self, target: Target, catalogue: Catalogue, config: EnvironmentConfig | None = None) -> None:
        self.config = config or EnvironmentConfig()
        self.catalogue = catalogue
        if isinstance(target, str) and not target.strip().startswith(("http://", "https://")):
            target = _absolute_paths(target)  # the server runs in a sandbox, not in our folder
        self._target = ServerTarget.parse(target)  # a command that cannot be found fails here
        self._judge = _resolve_judge(self.config.judge, catalogue)
        self._host = SessionHost()
        self._root: Path | None = None
        if self._target.kind == "stdio":
            base = self.config.sandbox_root
            if base is not None:
                Path(base).mkdir(parents=True, exist_ok=True)
            self._root = Path(tempfile.mkdtemp(prefix="mcptrain-env-", dir=base))
        # Whoever forgets close() still gets the servers stopped and the sandboxes removed.
        self._finalizer = weakref.finalize(self, _shutdown, self._host, self._root)
        self._lock = threading.RLock()
        self._current: _Server | None = None
        self._spare: _Server | None = None
        self._episode: Episode | None = None
        self._episodes = 0
        self._server_hints: dict[str, dict[str, Any]] | None = None
        self._run_id = uuid.uuid4().hex[:12]
        self.counts: Counter[str] = Counter()
        """calls, executed, succeeded, unknown, blocked, invalid, crashed, servers_started."""

    @property
    def label(self) -> str:
        """The server's command line or URL."""
        return self._target.label

    # --- episodes ---------------------------------------------------------------------------------

    def reset(self) -> Episode:
        """Start an episode: a fresh server in a fresh sandbox (the last one is stopped in the
        background), ready when this returns."""
        with self._lock:
            self._check_open()
            self._episode = None
            if self.config.fresh_sandbox or self._current is None:
                if self._current is not None:
                    self._current.close()
                    self._current = None
                self._current = self._next_server()
            self._live_session()
            self._episodes += 1
            self._episode = Episode(
                id=f"{self._run_id}-{self._episodes:06d}",
                index=self._episodes - 1,
                sandbox=self._current.sandbox if self._current else None,
            )
            return self._episode

    def execute(self, call: ToolCall) -> ExecutionResult:
        """Check the call, then run it on the episode's server (starting an episode if none is open).

        Never raises for anything the call or the server does; see the module docstring.
        """
        with self._lock:
            self._check_open()
            if self._episode is None:
                self.reset()
            episode = self._episode
            assert episode is not None
            episode.calls += 1
            self.counts["calls"] += 1
            refused = self.preflight(call)
            if refused is not None:
                return refused
            session = self._live_session()
            start = time.perf_counter()
            try:
                result = session.call_tool(call.name, call.arguments, timeout=self.config.call_timeout)
            except ServerError as e:
                self.counts["crashed"] += 1
                self._drop_current()
                return ExecutionResult(
                    executed=True,
                    success=False,
                    blocked=False,
                    error=f"server crashed/timeout: {e}",
                    text="",
                    duration_ms=(time.perf_counter() - start) * 1000.0,
                )
            self.counts["executed"] += 1
            failure = self._judge(call.name, result)
            if failure is None:
                self.counts["succeeded"] += 1
            return ExecutionResult(
                executed=True,
                success=failure is None,
                blocked=False,
                error=failure,
                text=result.text,
                duration_ms=result.duration_ms,
                structured=result.structured,
            )

    def preflight(self, call: ToolCall) -> ExecutionResult | None:
        """The result of a call that must not be sent (unknown tool, blocked, invalid arguments),
        or None when it may go to the server. Contacts nothing.

            >>> env.preflight(ToolCall(name="add", arguments={"a": 1})).error
            "invalid arguments for 'add': (root): 'b' is a required property"
        """
        start = time.perf_counter()
        if call.name not in self.catalogue:
            self.counts["unknown"] += 1
            return _refused(f"Unknown tool: {call.name}", start)
        blocked = self.blocked_reason(call.name)
        if blocked is not None:
            self.counts["blocked"] += 1
            return _refused(blocked, start, blocked=True)
        problems = validate_arguments(self.catalogue.get(call.name), call.arguments)
        if problems:
            self.counts["invalid"] += 1
            return _refused(f"invalid arguments for '{call.name}': {'; '.join(problems)}", start)
        return None

    def blocked_reason(self, tool: str) -> str | None:
        """Why `tool` may not run here, or None when it may. An allowed name beats the destructive
        and outside rules; the deny list beats everything."""
        cfg = self.config
        if tool in cfg.deny:
            return f"blocked: tool '{tool}' is not allowed in this environment"
        if tool in cfg.allow:
            return None
        ann = self.catalogue.get(tool).annotations if tool in self.catalogue else None
        hints = (self._server_hints or {}).get(tool) or {}
        destructive = (ann is not None and ann.destructive is True) or hints.get("destructiveHint") is True
        outside = (ann is not None and (ann.needs_external is True or ann.open_world is True)) or (
            hints.get("openWorldHint") is True
        )
        if destructive and not cfg.allow_destructive:
            return f"blocked: tool '{tool}' is destructive and not allowed in this environment"
        if outside and not cfg.allow_outside:
            return f"blocked: tool '{tool}' reaches outside programs or the network and is not allowed here"
        return None

    def run_episode(
        self, policy_fn: PolicyFn, example: ToolCallExample | str, max_turns: int | None = None
    ) -> ToolTrajectory:
        """One episode in a fresh sandbox: ask the policy for a call, run it, and on failure show it
        the error and let it try again, up to `max_turns` calls (default: the config's). Stops at the
        first success or when the policy returns None. Every call becomes a step.

            >>> traj = env.run_episode(lambda prompt, turns: ToolCall(name="memory_stats"), "memory stats?")
            >>> traj.success, traj.steps[0].result[:1]
            (True, '{')
        """
        turns_left = self.config.max_turns if max_turns is None else max_turns
        if isinstance(example, str):
            example = ToolCallExample(prompt=example)
        prompt = example.prompt
        turns = list(example.turns) if example.turns else [Turn(role="user", content=prompt)]
        episode = self.reset()
        builder = TrajectoryBuilder(episode.id, prompt).with_metadata(
            TrajectoryMetadata(
                timestamp=int(time.time()),
                session_id=self._run_id,
                complexity=example.difficulty,
                domain=example.category,
                context={"server": self.label},
            )
        )
        for _ in range(turns_left):
            call, log_prob = _unpack(policy_fn(prompt, list(turns)))
            if call is None:
                break
            result = self.execute(call)
            builder.add_step(result.step(call, log_prob))
            if result.success:
                break
            turns += [
                Turn(role="assistant", call=call),
                Turn(role="tool", content=result.error or result.text, is_error=True),
            ]
        return builder.build()

    # --- lifetime ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop every server and remove every sandbox. Idempotent."""
        with self._lock:
            self._current = self._spare = None
            self._episode = None
            self._finalizer()

    def __enter__(self) -> McpEnvironment:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- servers ----------------------------------------------------------------------------------

    def _check_open(self) -> None:
        if not self._finalizer.alive:
            raise McptrainError("this McpEnvironment is closed; create a new one")

    def _launch(self) -> _Server:
        sandbox = Path(tempfile.mkdtemp(prefix="ep-", dir=self._root)) if self._root is not None else None
        try:
            ready = self._host.open(
                self._target,
                timeout=self.config.start_timeout,
                cwd=sandbox,
                env=self.config.server_env,
                on_stop=partial(shutil.rmtree, sandbox, True) if sandbox is not None else None,
            )
        except BaseException:
            if sandbox is not None:
                shutil.rmtree(sandbox, ignore_errors=True)
            raise
        self.counts["servers_started"] += 1
        return _Server(ready, sandbox)

    def _next_server(self) -> _Server:
        """The prestarted server if there is one, else a new one; then prestart the one after."""
        server, self._spare = self._spare, None
        if server is None:
            server = self._launch()
        if self.config.prestart and self.config.fresh_sandbox:
            self._spare = self._launch()
        return server

    def _drop_current(self) -> None:
        if self._current is not None:
            self._current.close()
            self._current = None

    def _live_session(self) -> HostedSession:
        """The current server's session, starting one if it crashed; a second failed start raises."""
        for attempt in (1, 2):
            if self._current is None:
                self._current = self._next_server()
                if self._episode is not None:  # replacing a server that died mid-episode
                    self._episode.restarts += 1
                    self._episode.sandbox = self._current.sandbox
            try:
                session = self._current.ready.result(timeout=self.config.start_timeout + 15.0)
                if self._server_hints is None:
                    self._server_hints = {
                        t["name"]: t.get("annotations") or {}
                        for t in session.list_tools(timeout=self.config.start_timeout)
                    }
                return session
            except (ServerError, concurrent.futures.TimeoutError) as e:
                self._drop_current()
                if attempt == 2:
                    if isinstance(e, ServerError):
                        raise
                    raise ServerError(
                        f"MCP server '{self.label}' did not start within {self.config.start_timeout:g} s; "
                        "check that it starts on its own, or allow a longer start_timeout"
                    ) from None
                logger.warning("MCP server '%s' failed to start (%s); trying once more", self.label, e)
        raise AssertionError("unreachable")


def _refused(error: str, start: float, *, blocked: bool = False) -> ExecutionResult:
    return ExecutionResult(
        executed=False,
        success=False,
        blocked=blocked,
        error=error,
        text="",
        duration_ms=(time.perf_counter() - start) * 1000.0,
    )


def _unpack(output: Any) -> tuple[ToolCall | None, float | None]:
    """A policy's answer -> (call, log-prob or None)."""
    if output is None or isinstance(output, ToolCall):
        return output, None
    if isinstance(output, tuple) and len(output) == 2:
        call, log_prob = output
        return call, None if log_prob is None else float(log_prob)
    if hasattr(output, "call"):  # the router's SampledCall
        log_prob = getattr(output, "total_logp", None)
        return output.call, None if log_prob is None else float(log_prob)
    raise McptrainError(f"policy_fn returned {type(output).__name__}; return a ToolCall, None, or (ToolCall, log_prob)")


def _absolute_paths(command: str) -> str:
    """Relative file paths in a stdio command -> absolute, since the server starts in a sandbox.

    >>> _absolute_paths("python tests/servers/toy_server.py --flag")  # run from the repository root
    'python /repo/tests/servers/toy_server.py --flag'
    """
    try:
        words = shlex.split(command)
    except ValueError:
        return command  # ServerTarget.parse says what is wrong with it
    out: list[str] = []
    for word in words:
        path = Path(word)
        looks_like_path = "/" in word or path.suffix in (".py", ".js", ".mjs", ".cjs", ".ts")
        if looks_like_path and not path.is_absolute() and not word.startswith("-") and path.exists():
            word = str(path.absolute())
        out.append(word)
    return shlex.join(out)


def _shutdown(host: SessionHost, root: Path | None) -> None:
    try:
        host.close()
    finally:
        if root is not None:
            shutil.rmtree(root, ignore_errors=True)
