"""The one module that imports the official MCP SDK (`mcp` 2.x): list and call tools on a server.

The SDK's client API changed completely between 1.x and 2.x; keeping every `mcp` import here means
the next such change touches one file. Everything else in mcptrain sees plain dicts, `CallResult`
and `ServerError`.

A server is named by a *target*:
- a string starting with `http://` or `https://`: a Streamable-HTTP endpoint;
- any other string: a command line that starts a stdio server (`"node mcp-server.js"`);
- an in-process `mcp.server.mcpserver.MCPServer` (tests);
- a `ServerTarget` built from one of the above plus a working directory and environment.

    >>> [t["name"] for t in list_tools("python tests/servers/toy_server.py")]
    ['get_weather', 'add', 'delete_note']
    >>> call_tool("python tests/servers/toy_server.py", "add", {"a": 2, "b": 3}).text
    '5'

Sync code that makes many calls (the training environment) keeps sessions open on a
`SessionHost`, an event loop on a background thread:

    >>> with SessionHost() as host:
    ...     host.open("python tests/servers/toy_server.py").result().call_tool("add", {"a": 2, "b": 3}).text
    '5'

Every failure to start, reach or hear from a server raises one `ServerError` with a one-line
message that names the server and says what to do. A tool that *answers* with an error (bad
arguments, unknown tool) is not a failure of the server: it comes back as `CallResult(is_error=True)`,
because bad model output is a low reward, never an exception.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import math
import os
import shlex
import shutil
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any, Literal, TypeVar

import anyio
import httpx2
from anyio.from_thread import BlockingPortal, start_blocking_portal
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.server.mcpserver import MCPServer
from mcp.shared.exceptions import MCPError
from mcp_types import (
    CONNECTION_CLOSED,
    REQUEST_TIMEOUT,
    AudioContent,
    BlobResourceContents,
    EmbeddedResource,
    ImageContent,
    ResourceLink,
    TextContent,
    TextResourceContents,
    Tool,
)
from pydantic import ValidationError

from mcptrain.errors import ServerError

logger = logging.getLogger(__name__)

T = TypeVar("T")

# A server that keeps sending cursors must not loop forever; 1000 pages is far past any real catalogue.
_MAX_PAGES = 1000
_MAX_MESSAGE = 300


@dataclass(frozen=True)
class ServerTarget:
    """Where an MCP server is and how to start it.

        >>> ServerTarget.parse("node server.js --stdio", cwd="/tmp/ep1").command[1:]
        ['server.js', '--stdio']
        >>> ServerTarget.parse("http://127.0.0.1:8000/mcp").kind
        'http'
    """

    kind: Literal["stdio", "http", "inproc"]
    label: str
    """How messages name the server: the command line, the URL, or `in-process server 'name'`."""
    command: list[str] = field(default_factory=list)
    """stdio only: argv, the first word resolved to an absolute path."""
    url: str | None = None
    server: MCPServer | None = None
    cwd: Path | None = None
    """stdio only: the server's working directory (Claude Flow keeps its state under ./.claude-flow)."""
    env: dict[str, str] | None = None
    """stdio only: variables set on top of the SDK's safe defaults (HOME, PATH, USER, ...)."""

    @classmethod
    def parse(
        cls,
        target: Target,
        *,
        cwd: str | Path | None = None,
        env: Mapping[str, str] | None = None,
    ) -> ServerTarget:
        """A target -> ServerTarget; a stdio command that cannot be found raises ServerError now."""
        if isinstance(target, ServerTarget):
            if cwd is None and env is None:
                return target
            # Explicit arguments win: the same server started in another sandbox.
            return cls.parse(target._source(), cwd=cwd or target.cwd, env=env or target.env)
        if isinstance(target, MCPServer):
            return cls(kind="inproc", label=f"in-process server '{target.name}'", server=target)
        if not isinstance(target, str):
            raise ServerError(
                f"cannot use {type(target).__name__} as an MCP server; give a command line, "
                "an http(s) URL or an MCPServer"
            )
        text = target.strip()
        if text.startswith(("http://", "https://")):
            return cls(kind="http", label=text, url=text)
        return cls._stdio(text, cwd=cwd, env=env)

    @classmethod
    def _stdio(cls, text: str, *, cwd: str | Path | None, env: Mapping[str, str] | None) -> ServerTarget:
        try:
            argv = shlex.split(text)
        except ValueError as e:
            raise ServerError(
                f"cannot start MCP server '{text}': {e} in the command line; check --server"
            ) from None
        if not argv:
            raise ServerError("cannot start MCP server: the command line is empty; check --server")
        workdir = Path(cwd).resolve() if cwd is not None else None
        if workdir is not None and not workdir.is_dir():
            raise ServerError(
                f"cannot start MCP server '{text}': working directory {workdir} does not exist; "
                "create it first"
            )
        program = _resolve_program(argv[0], workdir, env)
        if program is None:
            raise ServerError(f"cannot start MCP server '{text}': command not found; check --server")
        return cls(
            kind="stdio",
            label=text,
            command=[program, *argv[1:]],
            cwd=workdir,
            env=dict(env) if env is not None else None,
        )

    def _source(self) -> str | MCPServer:
        if self.kind == "inproc":
            assert self.server is not None
            return self.server
        if self.kind == "http":
            assert self.url is not None
            return self.url
        return self.label


Target = str | ServerTarget | MCPServer
"""What every function here accepts as `target` (see the module docstring)."""


@dataclass(frozen=True)
class CallResult:
    """What one `tools/call` returned.

        >>> CallResult(is_error=False, text="5", structured={"result": 5}, duration_ms=1.2).text
        '5'
    """

    is_error: bool
    """The server said the call failed (bad arguments, unknown tool, the tool raised)."""
    text: str
    """The text content blocks joined by newlines; other blocks appear as `[image image/png]` etc."""
    structured: Any | None
    """`structuredContent` when the server sent one."""
    duration_ms: float
    """Wall time of the round trip, measured here."""


class McpSession:
    """One open connection to a server, for many calls; get one from `open_session`.

        >>> async with open_session("python tests/servers/toy_server.py") as s:
        ...     (await s.call_tool("add", {"a": 1, "b": 2})).text
        '3'
    """

    def __init__(
        self, client: Client, target: ServerTarget, timeout: float, errlog: IO[bytes] | None
    ) -> None:
        self._client = client
        self.target = target
        self.timeout = timeout
        self._errlog = errlog

    @property
    def label(self) -> str:
        return self.target.label

    async def list_tools(self, *, timeout: float | None = None) -> list[dict[str, Any]]:
        """All tools, every page, in server order, as raw `tools/list` dicts (see `list_tools`)."""
        limit = self.timeout if timeout is None else timeout
        tools: list[Tool] = []
        try:
            with anyio.fail_after(limit):
                cursor: str | None = None
                for _ in range(_MAX_PAGES):
                    page = await self._client.list_tools(cursor=cursor)
                    tools.extend(page.tools)
                    cursor = page.next_cursor
                    if not cursor:
                        break
        except Exception as e:
            raise _server_error(e, self.target, "while listing tools", limit, self._errlog) from None
        return [_tool_dict(t) for t in tools]

    async def call_tool(
        self, name: str, arguments: Mapping[str, Any] | None = None, *, timeout: float | None = None
    ) -> CallResult:
        """Call one tool; an error *answer* is `is_error=True`, a dead or silent server is ServerError."""
        limit = self.timeout if timeout is None else timeout
        during = f"while calling tool '{name}'"
        start = time.perf_counter()
        try:
            with anyio.fail_after(limit):
                result = await self._client.call_tool(name, dict(arguments or {}))
        except MCPError as e:
            if e.code in (CONNECTION_CLOSED, REQUEST_TIMEOUT):
                raise _server_error(e, self.target, during, limit, self._errlog) from None
            # A JSON-RPC error answer (unknown tool, invalid params) is about the call, not the
            # server: the connection still works, and training scores it like any failed call.
            return CallResult(
                is_error=True,
                text=f"MCP error {e.code}: {e.message}",
                structured=None,
                duration_ms=(time.perf_counter() - start) * 1000.0,
            )
        except Exception as e:
            raise _server_error(e, self.target, during, limit, self._errlog) from None
        return CallResult(
            is_error=bool(result.is_error),
            text=_content_text(result.content),
            structured=result.structured_content,
            duration_ms=(time.perf_counter() - start) * 1000.0,
        )


@asynccontextmanager
async def open_session(
    target: Target,
    *,
    timeout: float = 30.0,
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
) -> AsyncIterator[McpSession]:
    """Connect once, call many times; the server is stopped when the block ends.

    `timeout` bounds the connection (start + handshake) and is the default for each call.

        >>> async with open_session("node mcp-server.js", cwd=tmp_path, timeout=10) as s:
        ...     tools = await s.list_tools()
        ...     r = await s.call_tool("memory_stats", {})
    """
    spec = ServerTarget.parse(target, cwd=cwd, env=env)
    # stderr goes to a temp file, not the user's terminal: servers log freely there, and its last
    # line is often the best explanation of why a server died.
    errlog = tempfile.TemporaryFile() if spec.kind == "stdio" else None
    # One scope whose deadline covers only the handshake: a fail_after around entering the
    # Client alone would have to exit while the transport's task groups are still open.
    scope = anyio.CancelScope(deadline=anyio.current_time() + timeout)
    connected = False
    body_error: BaseException | None = None
    body_done = False
    try:
        try:
            with scope:
                async with Client(_transport(spec, errlog), cache=None) as client:
                    connected = True
                    scope.deadline = math.inf
                    try:
                        yield McpSession(client, spec, timeout, errlog)
                    except BaseException as e:
                        body_error = e
                        raise
                    body_done = True
        except BaseException as e:
            if body_error is not None and not isinstance(body_error, anyio.get_cancelled_exc_class()):
                if e is body_error or not _contains(e, body_error):
                    raise
                # The caller's own exception came back wrapped in the transport's task groups:
                # hand it back as raised, its own context untouched.
                context = body_error.__context__
                try:
                    raise body_error  # noqa: B904
                finally:
                    body_error.__context__ = context
            if not connected and scope.cancel_called:
                # The handshake deadline passed; whatever the SDK made of the cancellation, the
                # useful news is the timeout.
                raise _server_error(TimeoutError(), spec, "connect", timeout, errlog) from None
            if isinstance(e, Exception | BaseExceptionGroup) and not _only_cancelled(e):
                if body_done:
                    # Every answer arrived; a server that dies while being shut down is not worth
                    # failing the caller's work for.
                    logger.debug("ignoring error while closing %s: %r", spec.label, e)
                    return
                # Not connected: the start or handshake failed. Connected: the transport died
                # under the caller (who saw only a cancellation).
                during = "mid-session" if connected else "connect"
                raise _server_error(e, spec, during, timeout, errlog) from None
            raise
        if not connected:
            raise _server_error(TimeoutError(), spec, "connect", timeout, errlog)
    finally:
        if errlog is not None:
            errlog.close()


def list_tools(
    target: Target,
    *,
    timeout: float = 30.0,
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """The server's tools in its order, as `tools/list` sends them (camelCase keys).

        >>> list_tools("python tests/servers/toy_server.py")[2]
        {'name': 'delete_note', 'description': 'Delete a note by its id.', 'inputSchema': {...},
         'annotations': {'readOnlyHint': False, 'destructiveHint': True}}

    `annotations` is None or MCP's hints (`{"destructiveHint": True, ...}`); `timeout` bounds the
    connection and, separately, the listing.
    """

    async def run() -> list[dict[str, Any]]:
        async with open_session(target, timeout=timeout, cwd=cwd, env=env) as session:
            return await session.list_tools()

    return _run_sync(run)


def call_tool(
    target: Target,
    name: str,
    arguments: Mapping[str, Any] | None = None,
    *,
    timeout: float = 30.0,
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
) -> CallResult:
    """Start (or reach) the server, make one call, stop it. For many calls use `open_session`.

        >>> call_tool("python tests/servers/toy_server.py", "add", {"a": 2, "b": "x"}).is_error
        True
    """

    async def run() -> CallResult:
        async with open_session(target, timeout=timeout, cwd=cwd, env=env) as session:
            return await session.call_tool(name, arguments)

    return _run_sync(run)


# --- long-lived sessions for sync code ----------------------------------------------------------


class HostedSession:
    """A session kept open on a `SessionHost`'s event loop, called from ordinary (sync) code.

    >>> session = host.open("python tests/servers/toy_server.py").result()
    >>> session.call_tool("add", {"a": 1, "b": 2}).text
    '3'
    >>> session.close()
    """

    def __init__(self, portal: BlockingPortal, target: ServerTarget) -> None:
        self._portal = portal
        self.target = target
        self._live: McpSession | None = None
        self._task: concurrent.futures.Future[None] | None = None
        self._stopped = threading.Event()

    @property
    def label(self) -> str:
        return self.target.label

    @property
    def alive(self) -> bool:
        """Connected and not stopped (a server that died unnoticed still counts until a call fails)."""
        return self._live is not None and not self._stopped.is_set()

    def call_tool(
        self, name: str, arguments: Mapping[str, Any] | None = None, *, timeout: float | None = None
    ) -> CallResult:
        """`McpSession.call_tool` from sync code: an error answer is `is_error=True`, a dead or
        silent server (or a stopped session) is ServerError."""
        return self._run(partial(self._require().call_tool, name, arguments, timeout=timeout))

    def list_tools(self, *, timeout: float | None = None) -> list[dict[str, Any]]:
        """`McpSession.list_tools` from sync code."""
        return self._run(partial(self._require().list_tools, timeout=timeout))

    def close(self, wait: float | None = None) -> bool:
        """Stop the server (the SDK closes its stdin, then kills it after a grace period).

        Returns at once unless `wait` is given: then waits up to `wait` seconds for the server to
        be gone and returns whether it is. Idempotent."""
        if self._task is not None:
            self._task.cancel()  # cancels the host task's scope on the loop; shutdown is shielded
        return self._stopped.wait(wait) if wait is not None else self._stopped.is_set()

    def _require(self) -> McpSession:
        live = self._live
        if live is None or self._stopped.is_set():
            raise ServerError(f"MCP server '{self.label}' is no longer running; open a new session")
        return live

    def _run(self, fn: Callable[[], Awaitable[T]]) -> T:
        try:
            return self._portal.call(fn)
        except RuntimeError as e:
            if "portal is not running" not in str(e):
                raise
            raise ServerError(f"MCP server '{self.label}': its session host is closed; open a new one") from None


class SessionHost:
    """An event loop on a background thread that keeps MCP sessions open for sync code.

    Training code is synchronous, and a server started per call would cost far more than the call
    (Claude Flow: about 100 ms to start, under 1 ms a call). The host runs one `open_session` task
    per server; a `HostedSession`'s calls hop onto that loop and back. Several sessions can be open
    at once (one in use, the next one starting).

        >>> with SessionHost() as host:
        ...     session = host.open("python tests/servers/toy_server.py", cwd=sandbox).result()
        ...     session.call_tool("add", {"a": 1, "b": 2}).text
        '3'
    """

    def __init__(self) -> None:
        self._portal_cm = start_blocking_portal(name="mcptrain-sessions")
        self._portal = self._portal_cm.__enter__()
        self._lock = threading.Lock()
        self._sessions: set[HostedSession] = set()
        self._closed = False

    def open(
        self,
        target: Target,
        *,
        timeout: float = 30.0,
        cwd: str | Path | None = None,
        env: Mapping[str, str] | None = None,
        on_stop: Callable[[], None] | None = None,
    ) -> concurrent.futures.Future[HostedSession]:
        """Start connecting in the background; the future gives the open session or a ServerError.

        A stdio command that cannot be found raises ServerError now. `timeout` bounds the
        connection and is each call's default. `on_stop` runs once the server is gone (whatever
        stopped it, failed starts included): the place to remove its working directory.
        """
        spec = ServerTarget.parse(target, cwd=cwd, env=env)
        session = HostedSession(self._portal, spec)
        ready: concurrent.futures.Future[HostedSession] = concurrent.futures.Future()
        with self._lock:
            if self._closed:
                raise ServerError(f"cannot open MCP server '{spec.label}': the session host is closed")
            self._sessions.add(session)
        # Not under the lock: scheduling waits on the loop, whose tasks take the lock as they end.
        session._task = self._portal.start_task_soon(self._host, session, timeout, ready, on_stop)
        return ready

    async def _host(
        self,
        session: HostedSession,
        timeout: float,
        ready: concurrent.futures.Future[HostedSession],
        on_stop: Callable[[], None] | None,
    ) -> None:
        try:
            async with open_session(session.target, timeout=timeout) as live:
                session._live = live
                if not ready.done():  # a caller may have given up on (cancelled) the future
                    ready.set_result(session)
                await anyio.sleep_forever()  # until HostedSession.close cancels this task
        except Exception as e:
            if not ready.done():
                ready.set_exception(e)
            else:
                # The server died while open; the caller hears of it from its next call.
                logger.debug("MCP server '%s' stopped: %s", session.label, e)
        finally:
            session._live = None
            if not ready.done():
                ready.set_exception(ServerError(f"MCP server '{session.label}' was closed before it was ready"))
            with self._lock:
                self._sessions.discard(session)
            try:
                if on_stop is not None:
                    on_stop()
            except Exception as e:  # cleanup must not turn a stop into a crash of the host
                logger.warning("cleanup after MCP server '%s' failed: %s", session.label, e)
            finally:
                session._stopped.set()

    def close(self, wait: float = 10.0) -> None:
        """Stop every server (waiting up to `wait` seconds for them to be gone) and the loop. Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            sessions = list(self._sessions)
        for session in sessions:
            session.close()
        deadline = time.monotonic() + wait
        for session in sessions:
            if not session.close(wait=max(0.0, deadline - time.monotonic())):
                logger.warning("MCP server '%s' did not stop within %g s", session.label, wait)
        # Cancel what is left (an in-flight call, a server that would not stop): the SDK's own
        # shutdown of a server is shielded and bounded, so this cannot hang.
        try:
            self._portal.call(self._portal.stop, True)
        except RuntimeError:
            pass  # the loop is already gone
        self._portal_cm.__exit__(None, None, None)

    def __enter__(self) -> SessionHost:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- helpers ------------------------------------------------------------------------------------


def _resolve_program(word: str, cwd: Path | None, env: Mapping[str, str] | None) -> str | None:
    """argv[0] -> an absolute path, or None when nothing runnable is there."""
    if os.sep in word or (os.altsep and os.altsep in word):
        # A path is looked up where the child will run, as the OS would after chdir.
        path = Path(word).expanduser()
        if not path.is_absolute() and cwd is not None:
            path = cwd / path
        # absolute(), not resolve(): a venv's python is a symlink whose name selects the venv.
        return str(path.absolute()) if path.is_file() else None
    search = (env or {}).get("PATH") or os.environ.get("PATH")
    return shutil.which(word, path=search)


def _transport(spec: ServerTarget, errlog: IO[bytes] | None) -> Any:
    if spec.kind == "inproc":
        return spec.server
    if spec.kind == "http":
        return spec.url
    params = StdioServerParameters(command=spec.command[0], args=spec.command[1:], cwd=spec.cwd, env=spec.env)
    assert errlog is not None
    # The SDK types errlog as TextIO but only hands its file descriptor to the child process.
    return stdio_client(params, errlog=errlog)  # type: ignore[arg-type]


def _tool_dict(tool: Tool) -> dict[str, Any]:
    annotations = tool.annotations.model_dump(by_alias=True, exclude_none=True) if tool.annotations else None
    return {
        "name": tool.name,
        "description": tool.description or "",
        "inputSchema": tool.input_schema,
        "annotations": annotations or None,
    }


def _content_text(blocks: list[Any]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, TextContent):
            parts.append(block.text)
        elif isinstance(block, ImageContent | AudioContent):
            parts.append(f"[{block.type} {block.mime_type}]")
        elif isinstance(block, EmbeddedResource):
            res = block.resource
            if isinstance(res, TextResourceContents):
                parts.append(res.text)
            elif isinstance(res, BlobResourceContents):
                parts.append(f"[resource {res.uri}]")
        elif isinstance(block, ResourceLink):
            parts.append(f"[resource link {block.uri}]")
    return "\n".join(parts)


def _leaves(exc: BaseException) -> list[BaseException]:
    """The exceptions inside (nested) exception groups, depth first."""
    if isinstance(exc, BaseExceptionGroup):
        return [leaf for sub in exc.exceptions for leaf in _leaves(sub)]
    return [exc]


def _contains(exc: BaseException, target: BaseException) -> bool:
    return any(leaf is target for leaf in _leaves(exc))


def _only_cancelled(exc: BaseException) -> bool:
    cancelled = anyio.get_cancelled_exc_class()
    return all(isinstance(leaf, cancelled) for leaf in _leaves(exc))


def _server_error(
    exc: BaseException, spec: ServerTarget, during: str, timeout: float, errlog: IO[bytes] | None
) -> ServerError:
    """Any failure -> one ServerError whose one-line message says what happened and what to do."""
    cancelled = anyio.get_cancelled_exc_class()
    leaves = [leaf for leaf in _leaves(exc) if not isinstance(leaf, cancelled)] or [exc]
    # A timeout explains the others (they are its consequences), so it wins.
    cause = next((leaf for leaf in leaves if isinstance(leaf, TimeoutError)), leaves[0])
    name = spec.label if spec.kind == "inproc" else f"MCP server '{spec.label}'"
    stderr = _stderr_tail(errlog)
    hint = f" (its stderr ends: {stderr!r})" if stderr else ""
    where = "" if during == "connect" else f" {during}"

    if isinstance(cause, TimeoutError) or (isinstance(cause, MCPError) and cause.code == REQUEST_TIMEOUT):
        what = "start and answer" if during == "connect" else "answer"
        advice = (
            "check that the command starts an MCP server on stdio"
            if spec.kind == "stdio" and during == "connect"
            else "check that the server is healthy"
        )
        msg = f"{name} did not {what} within {timeout:g} s{where}{hint}; {advice}, or allow a longer timeout"
    elif isinstance(cause, MCPError) and cause.code == CONNECTION_CLOSED:
        if spec.kind == "stdio":
            state = "exited before answering" if during == "connect" else "exited"
            msg = f"{name} {state}{where}{hint}; run the command by hand to see why"
        else:
            msg = f"{name} closed the connection{where}; check that the server is running"
    elif isinstance(cause, MCPError):
        advice = "check the URL's path (often /mcp)" if spec.kind == "http" else "check the server"
        msg = f"{name} answered with error {cause.code}: {_one_line(cause.message)}{where}; {advice}"
    elif isinstance(cause, httpx2.TransportError):
        msg = (
            f"cannot reach {name}: {_one_line(str(cause)) or type(cause).__name__}; "
            "check that the server is running and the URL is right"
        )
    elif isinstance(cause, httpx2.HTTPStatusError):
        status = cause.response.status_code
        msg = f"{name} answered HTTP {status}{where}; check the URL and the server's endpoint path"
    elif isinstance(cause, OSError) and during == "connect" and spec.kind == "stdio":
        msg = f"cannot start {name}: {cause.strerror or _one_line(str(cause))}; check --server"
    elif isinstance(cause, ValidationError):
        msg = f"{name} sent a message that is not valid MCP{where}; check that it speaks MCP"
    else:
        detail = _one_line(str(cause))
        kind = type(cause).__name__ + (f": {detail}" if detail else "")
        msg = f"{name} failed{where}: {kind}; check the server"
    return ServerError(_one_line(msg, limit=3 * _MAX_MESSAGE))


def _stderr_tail(errlog: IO[bytes] | None) -> str:
    """The last non-blank line the server wrote to stderr, shortened; '' if none."""
    if errlog is None or errlog.closed:
        return ""
    try:
        fd = errlog.fileno()
        size = os.fstat(fd).st_size
        # Only the tail matters (a chatty server may have written megabytes), and pread leaves
        # alone the file offset that the server's process shares with us.
        tail = os.pread(fd, min(size, 4096), max(0, size - 4096)).decode("utf-8", errors="replace")
        lines = [line.strip() for line in tail.splitlines() if line.strip()]
    except (OSError, ValueError):
        return ""
    return _one_line(lines[-1], limit=200) if lines else ""


def _one_line(text: str, limit: int = _MAX_MESSAGE) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def _run_sync(fn: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine function to completion from sync code, even under a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return anyio.run(fn)
    # Inside a running loop (a notebook, an async caller) anyio.run would refuse; a worker
    # thread gets a loop of its own.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(anyio.run, fn).result()
