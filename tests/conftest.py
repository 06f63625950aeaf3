"""Fixtures shared by test modules."""

import os

import pytest

from mcptrain.catalogue.claude_flow import server_command
from mcptrain.errors import ServerError


@pytest.fixture(scope="session")
def claude_flow() -> str:
    """The command line of the real Claude Flow MCP server; skipped where it is not installed,
    except in CI, which must install it (`bash scripts/install_claude_flow.sh`)."""
    try:
        return server_command()
    except ServerError as e:
        if os.environ.get("CI"):
            pytest.fail(f"{e}; CI must install it before running the tests")
        pytest.skip(f"{e}")
