#!/usr/bin/env bash
# Install the Claude Flow MCP server (npm claude-flow@3.0.0-alpha.179) for mcptrain's tests and training.
#
#   bash scripts/install_claude_flow.sh
#   MCPTRAIN_CLAUDE_FLOW_DIR=/tmp/cf bash scripts/install_claude_flow.sh
#
# Idempotent: does nothing when the server script is already there. Prints the server script's path
# as the last line of stdout, so callers can capture it with `tail -n1`.
# --ignore-scripts: the server needs none of the package's install scripts, and they would fetch
# native builds from the network.
set -euo pipefail

VERSION="3.0.0-alpha.179"
DIR="${MCPTRAIN_CLAUDE_FLOW_DIR:-$HOME/.cache/mcptrain/claude-flow-$VERSION}"
SERVER="$DIR/node_modules/claude-flow/v3/@claude-flow/cli/bin/mcp-server.js"

if [[ -f "$SERVER" ]]; then
    echo "claude-flow@$VERSION already installed" >&2
    echo "$SERVER"
    exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm not found; install Node.js 20+ (e.g. apt-get install nodejs npm) and run again" >&2
    exit 2
fi

mkdir -p "$DIR"
# A package.json of its own keeps npm from walking up and installing into an enclosing project.
if [[ ! -f "$DIR/package.json" ]]; then
    echo '{"name": "mcptrain-claude-flow", "private": true}' > "$DIR/package.json"
fi

echo "installing claude-flow@$VERSION into $DIR (about 40 s, 580 MB)" >&2
npm install --prefix "$DIR" --ignore-scripts --no-audit --no-fund --loglevel=error "claude-flow@$VERSION" >&2

if [[ ! -f "$SERVER" ]]; then
    echo "error: npm finished but $SERVER is missing; delete $DIR and run again" >&2
    exit 1
fi
echo "$SERVER"
