"""Snapshot the real Claude Flow MCP server's tools into the builtin `claude-flow` catalogue.

For developers, not CI. Installs npm claude-flow@3.0.0-alpha.179 into a temp folder (or reuses an
install), starts its stdio server in a throwaway working directory, takes `tools/list`, adds the
categories and destructive/external flags of the hand-checked reference, cross-checks both, and
writes `src/mcptrain/catalogue/data/claude-flow.json` atomically.

    $ .venv/bin/python scripts/snapshot_claude_flow.py                    # fresh install in a temp dir
    $ .venv/bin/python scripts/snapshot_claude_flow.py --reuse-install    # the default install dir
    tools: 199 (reference 199)  categories: 23  names: identical  schemas: identical ...

Exit status: 0 when the server lists exactly the reference's names, 1 when count or names differ,
2 when the server cannot be installed or started.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from mcptrain import mcp_sdk
from mcptrain.catalogue.claude_flow import CLAUDE_FLOW_VERSION, default_install_dir, server_command
from mcptrain.errors import McptrainError
from mcptrain.io import atomic_write_text, dumps_pretty, read_json
from mcptrain.types import ToolAnnotations, ToolSpec

REPO = Path(__file__).resolve().parent.parent
INSTALL_SCRIPT = REPO / "scripts" / "install_claude_flow.sh"
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference" / "claude-flow-tools.json"
DEFAULT_OUTPUT = REPO / "src" / "mcptrain" / "catalogue" / "data" / "claude-flow.json"
SERVER_FILE = "v3/@claude-flow/cli/bin/mcp-server.js"
EXPECTED_COUNT = 199
EXPECTED_CATEGORIES = 23

# "no network" (the analyze_* tools run local git) must not count as network.
_NETWORK = re.compile(r"\bnetwork\b|\bURLs?\b|\bdownloads?\b|\bAPI\b|\bgateways?\b", re.IGNORECASE)
_NO_NETWORK = re.compile(r"\bno network\b", re.IGNORECASE)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    reference = read_json(args.reference)

    # 1. Install the exact version (or reuse one) and list the server's tools in a sandbox.
    temp_install: Path | None = None
    try:
        if args.install_dir is not None:
            install_dir = args.install_dir
        elif args.reuse_install:
            install_dir = default_install_dir()
        else:
            temp_install = Path(tempfile.mkdtemp(prefix="mcptrain-claude-flow-"))
            install_dir = temp_install / f"claude-flow-{CLAUDE_FLOW_VERSION}"
        if args.install_dir is None:
            _install(install_dir)
        command = server_command(install_dir)
        # The server writes ./.claude-flow under its cwd; a throwaway folder keeps the repo clean.
        with tempfile.TemporaryDirectory(prefix="mcptrain-cf-sandbox-") as sandbox:
            listing = mcp_sdk.list_tools(command, timeout=args.timeout, cwd=sandbox)
    except (McptrainError, subprocess.CalledProcessError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    finally:
        if temp_install is not None:
            # 580 MB of node_modules is not worth keeping after one listing.
            shutil.rmtree(temp_install, ignore_errors=True)

    # 2. Merge the reference's categories, flags and notes into our catalogue records.
    tools = build_tools(listing, reference)
    snapshot = {
        "name": "claude-flow",
        "version": CLAUDE_FLOW_VERSION,
        "source": (
            f"npm claude-flow@{CLAUDE_FLOW_VERSION}, tools/list of {SERVER_FILE} (stdio), "
            f"snapshot {dt.date.today().isoformat()}"
        ),
        "tools": [t.model_dump(mode="json") for t in tools],
    }

    # 3. Cross-check against the reference; write only what the checks let through.
    ok, report = cross_check(listing, tools, reference)
    print("\n".join(report))
    if not ok:
        print(f"not written: the server's tools differ from {args.reference}", file=sys.stderr)
        return 1
    atomic_write_text(args.output, dumps_pretty(snapshot))
    print(f"wrote {args.output} ({len(tools)} tools)")
    return 0


def build_tools(listing: list[dict[str, Any]], reference: dict[str, Any]) -> list[ToolSpec]:
    """Server listing + reference -> ToolSpecs in server order.

        >>> build_tools([{"name": "memory_delete", "description": "d", "inputSchema": s}], ref)[0].annotations
        ToolAnnotations(..., destructive=True, ..., notes=['destructive: deletes a memory entry'])
    """
    ref_by_name = {t["name"]: t for t in reference["tools"]}
    flags = reference.get("flags", {})
    destructive: dict[str, str] = flags.get("destructive", {})
    external: dict[str, str] = flags.get("external", {})
    behaviour: dict[str, str] = flags.get("behaviour_notes", {})

    tools: list[ToolSpec] = []
    for entry in listing:
        name = entry["name"]
        ref = ref_by_name.get(name, {})
        notes: list[str] = []
        if name in destructive:
            notes.append(f"destructive: {destructive[name]}")
        if name in external:
            notes.append(f"needs external: {external[name]}")
        if name in behaviour:
            notes.append(f"behaviour: {behaviour[name]}")
        ext_note = external.get(name, "")
        network = bool(_NETWORK.search(ext_note)) and not _NO_NETWORK.search(ext_note)
        annotations = ToolAnnotations(
            destructive=True if name in destructive else None,
            needs_external=True if name in external else None,
            open_world=True if network else None,
            notes=notes,
        )
        tools.append(
            ToolSpec(
                name=name,
                # The reference's category is the tool's own field where it has one; the server
                # does not send it, so a tool new to the server falls back to its name prefix.
                category=ref.get("category") or name.split("_", 1)[0],
                description=entry.get("description") or "",
                input_schema=entry["inputSchema"],
                use_cases=[],
                annotations=annotations,
                source=f"claude-flow@{CLAUDE_FLOW_VERSION}",
            )
        )
    return tools


def cross_check(
    listing: list[dict[str, Any]], tools: list[ToolSpec], reference: dict[str, Any]
) -> tuple[bool, list[str]]:
    """(names and count match, report lines); schema or description drift is reported, not fatal."""
    ref_tools = reference["tools"]
    ref_by_name = {t["name"]: t for t in ref_tools}
    server_names = [t["name"] for t in listing]
    ref_names = [t["name"] for t in ref_tools]
    lines: list[str] = []
    ok = True

    count_ok = len(server_names) == EXPECTED_COUNT == len(ref_names)
    ok &= count_ok
    lines.append(
        f"tools: {len(server_names)} (reference {len(ref_names)}, expected {EXPECTED_COUNT})"
        + ("" if count_ok else "  MISMATCH")
    )
    dupes = sorted(n for n, c in Counter(server_names).items() if c > 1)
    if dupes:
        ok = False
        lines.append(f"duplicate names from the server: {dupes}")

    missing = [n for n in ref_names if n not in set(server_names)]
    extra = [n for n in server_names if n not in ref_by_name]
    if missing or extra:
        ok = False
        lines.append(f"names: DIFFER: missing from server {missing}; not in reference {extra}")
    elif server_names != ref_names:
        lines.append("names: identical set, different order (server order kept)")
    else:
        lines.append("names: identical, same order")

    categories = Counter(t.category for t in tools)
    ref_categories = reference.get("categories", {})
    cat_ok = len(categories) == EXPECTED_CATEGORIES and dict(categories) == ref_categories
    lines.append(
        f"categories: {len(categories)} (expected {EXPECTED_CATEGORIES})"
        + (", counts identical to the reference" if cat_ok else f"  DIFFER: {dict(categories)}")
    )

    listed = {t["name"]: t for t in listing}
    shared = [n for n in server_names if n in ref_by_name]
    schema_diff = [n for n in shared if listed[n]["inputSchema"] != ref_by_name[n]["inputSchema"]]
    lines.append(
        "schemas: identical" if not schema_diff else f"schemas: {len(schema_diff)} DIFFER: {schema_diff}"
    )
    for name in schema_diff[:10]:
        lines.append(f"  {name}: server    {listed[name]['inputSchema']}")
        lines.append(f"  {name}: reference {ref_by_name[name]['inputSchema']}")
    desc_diff = [n for n in shared if (listed[n].get("description") or "") != ref_by_name[n]["description"]]
    lines.append(
        "descriptions: identical" if not desc_diff else f"descriptions: {len(desc_diff)} DIFFER: {desc_diff}"
    )
    with_annotations = [t["name"] for t in listing if t.get("annotations")]
    lines.append(f"server annotations: {len(with_annotations)} tools send any {with_annotations[:5]}")

    flags = reference.get("flags", {})
    n_destructive = sum(1 for t in tools if t.annotations.destructive)
    n_external = sum(1 for t in tools if t.annotations.needs_external)
    n_open = sum(1 for t in tools if t.annotations.open_world)
    unknown_flagged = sorted(
        n
        for kind in ("destructive", "external", "behaviour_notes")
        for n in flags.get(kind, {})
        if n not in listed
    )
    lines.append(
        f"flags: destructive {n_destructive} (reference {len(flags.get('destructive', {}))}), "
        f"needs_external {n_external} (reference {len(flags.get('external', {}))}), open_world {n_open}, "
        f"behaviour notes {sum(1 for n in flags.get('behaviour_notes', {}) if n in listed)}"
        + (f"; flagged but unknown: {unknown_flagged}" if unknown_flagged else "")
    )
    return ok, lines


def _install(install_dir: Path) -> None:
    """Run the install script into `install_dir` (it skips when the server is already there)."""
    env = {**os.environ, "MCPTRAIN_CLAUDE_FLOW_DIR": str(install_dir)}
    print(f"installing claude-flow@{CLAUDE_FLOW_VERSION} into {install_dir}", file=sys.stderr)
    subprocess.run(["bash", str(INSTALL_SCRIPT)], env=env, check=True, stdout=subprocess.DEVNULL)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--reuse-install",
        action="store_true",
        help=f"install into (or reuse) the default folder {default_install_dir()} instead of a temp dir",
    )
    where.add_argument(
        "--install-dir", type=Path, help="use an existing install in this folder; install nothing"
    )
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE, help="claude-flow-tools.json")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to start the server and list")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
