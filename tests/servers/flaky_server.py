"""A real MCP server that misbehaves on request, for the environment's crash and sandbox tests.

    $ python tests/servers/flaky_server.py     # stdio only: `crash` ends the process

Tools: `add`, `delete_note` (annotated destructive), `where` (the working directory), `remember`
(writes a file there), `sleep` (hangs past any timeout), `crash` (the process exits mid-call).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import anyio
from mcp.server.mcpserver import MCPServer
from mcp.types import ToolAnnotations

server = MCPServer("flaky-tools")


@server.tool()
def add(a: int, b: int) -> int:
    """Add two integers."""
    return a + b


@server.tool(annotations=ToolAnnotations(destructive_hint=True, read_only_hint=False))
def delete_note(note_id: str) -> str:
    """Delete a note by its id."""
    return f"deleted {note_id}"


@server.tool()
def where() -> str:
    """The server's working directory (its sandbox)."""
    return os.getcwd()


@server.tool()
def remember(text: str) -> str:
    """Write a note into the working directory; returns every note seen there so far."""
    notes = Path("notes.txt")
    with notes.open("a") as f:
        f.write(text + "\n")
    return notes.read_text()


@server.tool()
async def sleep(seconds: float) -> str:
    """Wait, then answer: a hung server when `seconds` is past the caller's timeout."""
    await anyio.sleep(seconds)
    return "awake"


@server.tool()
def crash() -> str:
    """Exit the whole process mid-call, as a segfaulting server would."""
    print("fatal: crashing on request", file=sys.stderr, flush=True)
    os._exit(3)


if __name__ == "__main__":
    server.run("stdio")
