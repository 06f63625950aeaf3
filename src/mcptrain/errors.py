"""One base error and a few subclasses. Library code raises; the CLI prints one line and exits 2.

Every message names the thing at fault (file, field, tool, server) and says what to do.
Bad *model output* is never an exception: it is a low reward and a counted metric.
"""


class McptrainError(Exception):
    """Base class: bad input or environment that the user can fix."""


class CatalogueError(McptrainError):
    """A tool catalogue could not be loaded: unknown name, bad file, duplicate or invalid tool."""


class SchemaError(CatalogueError):
    """A tool's input schema is not a valid JSON Schema."""


class ServerError(McptrainError):
    """An MCP server could not be started, reached, or did not answer in time."""


class DataError(McptrainError):
    """A dataset or trajectory file is missing or malformed (the message gives the line)."""


class StoreError(McptrainError):
    """The trajectory store could not be opened or written."""
