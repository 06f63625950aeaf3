"""A tiny real MCP server for tests: three tools, one of them annotated destructive.

Import it for in-process tests, or run it as a stdio server:

    >>> from tests.servers.toy_server import server   # in-process: mcp_sdk.list_tools(server)
    $ python tests/servers/toy_server.py               # stdio: list_tools("python <this file>")
"""

from __future__ import annotations

from typing import Literal

from mcp.server.mcpserver import MCPServer
from mcp.types import ToolAnnotations

server = MCPServer("toy-tools")


@server.tool()
def get_weather(city: str, unit: Literal["celsius", "fahrenheit"] = "celsius") -> dict[str, object]:
    """Get the current weather for a city."""
    # A fixed answer keeps tests hand-checkable: 21 °C is 69.8 °F.
    temp = 21.0 if unit == "celsius" else 69.8
    return {"city": city, "temp": temp, "unit": unit}


@server.tool()
def add(a: int, b: int) -> int:
    """Add two integers."""
    return a + b


@server.tool(annotations=ToolAnnotations(destructive_hint=True, read_only_hint=False))
def delete_note(note_id: str) -> str:
    """Delete a note by its id."""
    # Nothing is stored; the annotation is what tests check.
    return f"deleted {note_id}"


if __name__ == "__main__":
    server.run("stdio")
