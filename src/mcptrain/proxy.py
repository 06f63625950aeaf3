"""A recording MCP proxy: an MCP server (stdio) that forwards tools to an upstream server and stores each call.

Point an agent at the proxy instead of the server it uses; the agent sees the same tools, the same
answers, and every call lands in a trajectory store as it completes:

    $ python -m mcptrain.proxy --upstream "node mcp-server.js" --store trajs.db --redact password,token

On start the proxy connects to the upstream (a stdio command line or an http(s) URL, through
`mcptrain.mcp_sdk`); a failure there is a ServerError before the proxy serves anything.
`tools/list` returns the upstream's tools (name, description, inputSchema, annotations) and
`tools/call` passes the arguments through and returns the upstream's text, structured content and
isError. When the upstream crashes or does not answer within `timeout`, the client gets an error
result with a one-line message, the call is stored as failed, and the next call starts a fresh
upstream connection.

Record mapping: **one ToolTrajectory per call**, grouped by `metadata.session_id`. The store only
appends whole trajectories, each in its own transaction, so a record written per call is committed
before the client sees its answer: a client that disconnects abruptly, or a proxy that is killed,
loses nothing already answered, and no record is ever rewritten. A session's calls, in order, are
`store.query(session_id=sid)`; the id's suffix numbers them. One call (`add(2, 3)` on the toy server):

    ToolTrajectory(
        id="9f1c...e2-000001",              # <session id>-<call number in the session, from 1>
        task="",                            # the proxy never sees the request; see TASK_META_KEY
        steps=[TrajectoryStep(tool_name="add", parameters={"a": 2, "b": 3}, success=True,
                              error=None, duration_ms=3, result="5")],
        success=True,                       # not isError, and the upstream answered
        total_reward=0.0,                   # rewards are assigned later, by whoever trains on it
        metadata=TrajectoryMetadata(timestamp=1767225600, session_id="9f1c...e2", domain="proxy",
                                    context={"upstream": "python toy_server.py"}),
    )

A session is one client connection: over stdio, one proxy process. `duration_ms` is the upstream
round trip (for a failed call, the time until the failure, reconnecting included); `timestamp` is
when the call completed, in whole seconds. A tool that reports failure *inside* a successful
result (Claude Flow's `"success": false`) is stored as a success: the proxy reads only isError.

Redaction: argument keys in the redaction list (case-insensitive, at any depth of nested objects
and arrays) are stored as "***"; the upstream receives the real values. Results are stored as sent.
"""

from __future__ import annotations

import logging
import math
import os
import sys
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import anyio
import anyio.abc
import anyio.to_thread
import mcp_types
import typer
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server
from mcp.shared.exceptions import MCPError

from mcptrain.errors import McptrainError, ServerError
from mcptrain.mcp_sdk import CallResult, McpSession, ServerTarget, open_session
from mcptrain.trajectories import TrajectoryStore
from mcptrain.types import ToolTrajectory, TrajectoryMetadata, TrajectoryStep

__all__ = ["DEFAULT_REDACT", "REDACTED", "TASK_META_KEY", "redact_arguments", "run_proxy", "serve_stdio"]

logger = logging.getLogger(__name__)

DEFAULT_REDACT = ("password", "token", "api_key", "apikey", "secret", "authorization")
"""Argument keys masked in the store unless the caller gives its own list."""

REDACTED = "***"

TASK_META_KEY = "mcptrain/task"
"""A client may name the request a call serves in the call's `_meta`; it becomes the record's task."""

_MAX_ERROR = 300


def redact_arguments(value: Any, keys: Iterable[str]) -> Any:
    """A copy of `value` with the value of every key in `keys` (any case, any depth) replaced by "***".

    >>> redact_arguments({"user": "ann", "auth": {"Password": "pw", "tokens": [{"token": "t"}]}}, ["password", "token"])
    {'user': 'ann', 'auth': {'Password': '***', 'tokens': [{'token': '***'}]}}
    """
    masked = {k.lower() for k in keys}

    def walk(v: Any) -> Any:
        if isinstance(v, Mapping):
            return {k: REDACTED if isinstance(k, str) and k.lower() in masked else walk(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [walk(x) for x in v]
        return v

    return walk(value)


# --- the upstream connection ---------------------------------------------------------------------


@dataclass
class _Job:
    """One request for the upstream; the worker fills `result` or `error`, then sets `done`."""

    kind: Literal["list", "call"]
    name: str = ""
    arguments: dict[str, Any] = field(default_factory=dict)
    done: anyio.Event = field(default_factory=anyio.Event)
    result: Any = None
    error: ServerError | None = None
    duration_ms: float = 0.0
    start: float = field(default_factory=time.perf_counter)

    def finish(self, result: Any = None, error: ServerError | None = None) -> None:
        self.result, self.error = result, error
        self.duration_ms = (time.perf_counter() - self.start) * 1000.0
        self.done.set()


class _Upstream:
    """Owns the one connection to the upstream server; handlers hand it jobs, run one at a time.

    The SDK's connection is a context manager that must be entered and left in one task, so a
    worker task holds it. After a failure the connection is closed (a hung server is stopped) and
    the next job opens a new one; nothing reconnects while no call needs it.
    """

    def __init__(self, target: ServerTarget, timeout: float, connect_timeout: float) -> None:
        self.target = target
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self._send, self._receive = anyio.create_memory_object_stream[_Job](math.inf)

    async def list_tools(self) -> list[dict[str, Any]]:
        job = await self._submit(_Job("list"))
        if job.error is not None:
            raise job.error
        return job.result

    async def call_tool(self, name: str, arguments: dict[str, Any]) -> _Job:
        return await self._submit(_Job("call", name, arguments))

    async def _submit(self, job: _Job) -> _Job:
        await self._send.send(job)
        await job.done.wait()
        return job

    async def run(self, *, task_status: anyio.abc.TaskStatus[None] = anyio.TASK_STATUS_IGNORED) -> None:
        """Connect (a failure raises ServerError), report started, then serve jobs until cancelled."""
        job: _Job | None = None
        started = False
        while True:
            try:
                async with open_session(self.target, timeout=self.connect_timeout) as session:
                    if not started:
                        task_status.started()
                        started = True
                    while True:
                        if job is None:
                            job = await self._take()
                        await self._run(session, job)
                        job = None
            except (Exception, BaseExceptionGroup) as e:
                # open_session turns nearly every failure into ServerError; whatever else escapes
                # must not take the proxy down with it. A cancellation of this task raises again
                # at the next await (anyio's cancellation is level-triggered).
                if not started:
                    raise
                err = e if isinstance(e, ServerError) else _as_server_error(e, self.target)
                logger.warning("%s", err)
                if job is not None and not job.done.is_set():
                    job.finish(error=err)
            # Reconnect only when a call needs the upstream again.
            job = await self._take()

    async def _take(self) -> _Job:
        job = await self._receive.receive()
        job.start = time.perf_counter()  # queueing behind other calls is not the call's time
        return job

    async def _run(self, session: McpSession, job: _Job) -> None:
        try:
            if job.kind == "list":
                job.finish(await session.list_tools(timeout=self.timeout))
            else:
                job.finish(await session.call_tool(job.name, job.arguments, timeout=self.timeout))
        except ServerError as e:
            job.finish(error=e)
            raise  # the connection is not to be trusted any more: close it


# --- recording -----------------------------------------------------------------------------------


class _Recorder:
    """Turns each answered call into one ToolTrajectory and commits it before the answer goes out."""

    def __init__(self, store: TrajectoryStore, session_id: str, upstream: str, redact: Iterable[str]) -> None:
        self.store = store
        self.session_id = session_id
        self.upstream = upstream
        self.redact = tuple(redact)
        self._calls = 0

    async def record(self, name: str, arguments: dict[str, Any], job: _Job, task: str) -> None:
        self._calls += 1
        outcome: CallResult | None = job.result
        error: str | None
        text: str | None
        if job.error is not None or outcome is None:
            success, error, text, duration = False, str(job.error), None, job.duration_ms
        else:
            success, text, duration = not outcome.is_error, outcome.text, outcome.duration_ms
            error = None if success else (_one_line(outcome.text) or "the tool reported an error")
        step = TrajectoryStep(
            tool_name=name,
            parameters=redact_arguments(arguments, self.redact),
            success=success,
            error=error,
            duration_ms=round(duration),
            result=text,
        )
        traj = ToolTrajectory(
            id=f"{self.session_id}-{self._calls:06d}",
            task=task,
            steps=[step],
            success=success,
            total_reward=0.0,
            metadata=TrajectoryMetadata(
                timestamp=int(time.time()),
                session_id=self.session_id,
                domain="proxy",
                context={"upstream": self.upstream},
            ),
        )
        # Shielded: once the upstream has answered, a client going away must not cut the write short.
        with anyio.CancelScope(shield=True):
            try:
                await anyio.to_thread.run_sync(self.store.append, traj)
            except McptrainError as e:
                # The agent's work goes on; the operator sees the lost record on stderr.
                logger.error("call %s to %s not recorded: %s", traj.id, name, e)


# --- the proxy server ----------------------------------------------------------------------------


def _build_server(upstream: _Upstream, recorder: _Recorder) -> Server[Any]:
    async def on_list_tools(ctx: Any, params: mcp_types.PaginatedRequestParams | None) -> mcp_types.ListToolsResult:
        try:
            tools = await upstream.list_tools()
        except ServerError as e:
            raise MCPError(code=mcp_types.INTERNAL_ERROR, message=str(e)) from None
        return mcp_types.ListToolsResult(tools=[mcp_types.Tool.model_validate(t) for t in tools])

    async def on_call_tool(ctx: Any, params: mcp_types.CallToolRequestParams) -> mcp_types.CallToolResult:
        arguments = dict(params.arguments or {})
        task = (params.meta or {}).get(TASK_META_KEY)
        job = await upstream.call_tool(params.name, arguments)
        await recorder.record(params.name, arguments, job, task if isinstance(task, str) else "")
        if job.error is not None:
            return mcp_types.CallToolResult(content=[mcp_types.TextContent(text=str(job.error))], is_error=True)
        result: CallResult = job.result
        return mcp_types.CallToolResult(
            content=[mcp_types.TextContent(text=result.text)] if result.text else [],
            structured_content=result.structured,
            is_error=result.is_error,
        )

    return Server("mcptrain-proxy", on_list_tools=on_list_tools, on_call_tool=on_call_tool)


async def serve_stdio(
    upstream: str,
    store: TrajectoryStore,
    redact: Iterable[str] = DEFAULT_REDACT,
    timeout: float = 30.0,
    connect_timeout: float | None = None,
) -> str:
    """Serve one client on this process's stdin/stdout until it disconnects; returns its session id.

    The upstream inherits this process's environment and working directory, as if the client had
    started it. A failure to start or reach it raises ServerError before anything is served.
    `timeout` bounds each call; `connect_timeout` (default: the larger of `timeout` and 30 s) each
    start of the upstream, so a short call limit does not fail a slow-starting server.
    """
    target = ServerTarget.parse(upstream, env=dict(os.environ))
    session_id = uuid.uuid4().hex
    recorder = _Recorder(store, session_id, target.label, redact)
    link = _Upstream(target, timeout, max(timeout, 30.0) if connect_timeout is None else connect_timeout)
    try:
        async with anyio.create_task_group() as tg:
            await tg.start(link.run)
            server = _build_server(link, recorder)
            async with stdio_server() as (read, write):
                await server.run(read, write, server.create_initialization_options())
            tg.cancel_scope.cancel()
    except BaseExceptionGroup as group:
        # The task group wraps the failed start; the caller wants the one-line error inside.
        error = next((e for e in _leaves(group) if isinstance(e, McptrainError)), None)
        if error is None:
            raise
        raise error from None
    return session_id


def run_proxy(
    upstream: str,
    store: Path,
    redact: list[str] | None = None,
    timeout: float = 30.0,
    *,
    connect_timeout: float | None = None,
) -> None:
    """Serve the recording proxy over stdio until the client disconnects (the `mcptrain proxy` command).

    `redact=None` masks DEFAULT_REDACT; a list replaces it (`[]` masks nothing). `timeout` bounds
    each call, `connect_timeout` each start of the upstream (see `serve_stdio`). Raises ServerError
    when the upstream cannot be started or reached, StoreError when the store cannot be opened.

        >>> run_proxy("python tests/servers/toy_server.py", Path("trajs.db"), ["password"], 30.0)
    """
    keys = list(DEFAULT_REDACT) if redact is None else redact
    with TrajectoryStore(store) as db:
        try:
            anyio.run(serve_stdio, upstream, db, keys, timeout, connect_timeout)
        except ServerError as e:
            # mcp_sdk's advice names the option the other commands use.
            raise ServerError(str(e).replace("check --server", "check --upstream")) from None


def parse_redact(text: str | None) -> list[str] | None:
    """`--redact` text -> key list; None (option absent) keeps the defaults.

    >>> parse_redact(" password, Token ,,"), parse_redact(""), parse_redact(None)
    (['password', 'Token'], [], None)
    """
    if text is None:
        return None
    return [k.strip() for k in text.split(",") if k.strip()]


def _as_server_error(exc: BaseException, target: ServerTarget) -> ServerError:
    cancelled = anyio.get_cancelled_exc_class()
    cause = next((e for e in _leaves(exc) if not isinstance(e, cancelled)), exc)
    return ServerError(
        _one_line(f"MCP server '{target.label}' failed: {type(cause).__name__}: {cause}; check the server")
    )


def _leaves(exc: BaseException) -> list[BaseException]:
    if isinstance(exc, BaseExceptionGroup):
        return [leaf for sub in exc.exceptions for leaf in _leaves(sub)]
    return [exc]


def _one_line(text: str, limit: int = _MAX_ERROR) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


# --- `python -m mcptrain.proxy` ------------------------------------------------------------------

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


@app.command()
def proxy(
    upstream: Annotated[str, typer.Option(help="The MCP server to record: a stdio command line or an http(s) URL.")],
    store: Annotated[Path, typer.Option(help="SQLite trajectory store to append calls to (created if absent).")],
    redact: Annotated[
        str | None,
        typer.Option(
            help=f"Comma-separated argument keys stored as ***; replaces the default {','.join(DEFAULT_REDACT)}."
        ),
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds for the upstream to answer each call.")] = 30.0,
) -> None:
    """Serve an MCP proxy on stdio that records every tool call into a trajectory store."""
    run_proxy(upstream, store, parse_redact(redact), timeout)


def main() -> None:
    """Entry point: McptrainError -> one line on stderr, exit 2 (stdout is the MCP wire)."""
    try:
        app()
    except McptrainError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
