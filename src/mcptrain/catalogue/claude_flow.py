"""Where the real Claude Flow MCP server lives on this machine, and the command that starts it.

`scripts/install_claude_flow.sh` installs npm `claude-flow@3.0.0-alpha.179` (the version the builtin
`claude-flow` catalogue was snapshot from) into a cache folder; this module finds it there.

    >>> server_command()
    'node /home/me/.cache/mcptrain/claude-flow-3.0.0-alpha.179/node_modules/claude-flow/.../mcp-server.js'

The server keeps its state under `./.claude-flow/` of its working directory, so start it with a fresh
temp directory as `cwd` for a fresh sandbox.
"""

from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path

from mcptrain.errors import ServerError

CLAUDE_FLOW_VERSION = "3.0.0-alpha.179"
SERVER_RELPATH = Path("node_modules/claude-flow/v3/@claude-flow/cli/bin/mcp-server.js")
"""The stdio MCP server script, relative to the install folder."""
INSTALL_COMMAND = "bash scripts/install_claude_flow.sh"
_DIR_VARIABLE = "MCPTRAIN_CLAUDE_FLOW_DIR"


def default_install_dir() -> Path:
    """Where the install script puts the package: `$MCPTRAIN_CLAUDE_FLOW_DIR`, else a user cache folder.

        >>> default_install_dir()
        PosixPath('/home/me/.cache/mcptrain/claude-flow-3.0.0-alpha.179')
    """
    # The same variable the install script reads, so the two always agree on one folder.
    override = os.environ.get(_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    return Path.home() / ".cache" / "mcptrain" / f"claude-flow-{CLAUDE_FLOW_VERSION}"


def server_script(install_dir: str | Path | None = None) -> Path | None:
    """The absolute path of `mcp-server.js`, or None when it is not installed there.

        >>> server_script("/nowhere") is None
        True
    """
    base = Path(install_dir).expanduser() if install_dir is not None else default_install_dir()
    script = (base / SERVER_RELPATH).absolute()
    return script if script.is_file() else None


def server_command(install_dir: str | Path | None = None) -> str:
    """The stdio command line that starts the server; ServerError saying how to install it if absent.

        >>> server_command("/opt/cf")
        'node /opt/cf/node_modules/claude-flow/v3/@claude-flow/cli/bin/mcp-server.js'
    """
    script = server_script(install_dir)
    if script is None:
        where = Path(install_dir) if install_dir is not None else default_install_dir()
        prefix = f"{_DIR_VARIABLE}={shlex.quote(str(where))} " if install_dir is not None else ""
        raise ServerError(
            f"the Claude Flow MCP server (claude-flow@{CLAUDE_FLOW_VERSION}) is not installed in {where}; "
            f"run: {prefix}{INSTALL_COMMAND}"
        )
    if shutil.which("node") is None:
        raise ServerError(
            "the Claude Flow MCP server needs Node.js 20+, but 'node' is not on PATH; install it"
        )
    return f"node {shlex.quote(str(script))}"
