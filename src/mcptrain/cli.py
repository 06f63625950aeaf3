"""The `mcptrain` command line (typer + rich).

    $ mcptrain tools list --catalog claude-flow --json | jq length
    199
    $ mcptrain generate --catalog ruvllm --out data/

Bad input or environment prints one line on stderr and exits 2; nothing half-written is left.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from mcptrain.catalogue import Catalogue
from mcptrain.errors import McptrainError
from mcptrain.types import ToolSpec, category_label

app = typer.Typer(
    help="Train models to call MCP tools well.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
tools_app = typer.Typer(help="List and inspect tool catalogues.", no_args_is_help=True)
traj_app = typer.Typer(help="Import, export and summarise stored trajectories.", no_args_is_help=True)
app.add_typer(tools_app, name="tools")
app.add_typer(traj_app, name="trajectories")

console = Console()
err_console = Console(stderr=True)

CatalogOpt = Annotated[
    str | None,
    typer.Option("--catalog", "-c", help="Built-in catalogue (ruvllm, claude-flow) or a tools JSON file."),
]
ServerOpt = Annotated[
    str | None,
    typer.Option("--server", "-s", help="A live MCP server: a stdio command line or an http(s) URL."),
]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Seconds to wait for a server to answer.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def resolve_catalogue(catalog: str | None, server: str | None, timeout: float = 30.0) -> Catalogue:
    """`--catalog` or `--server` (not both) -> Catalogue; the default is the crate's `ruvllm`."""
    if catalog and server:
        raise McptrainError("give either --catalog or --server, not both")
    if server:
        return Catalogue.from_mcp(server, timeout=timeout)
    return Catalogue.load(catalog or "ruvllm")


def tool_record(tool: ToolSpec) -> dict[str, Any]:
    """A tool as `tools list --json` prints it: the spec plus the crate's category variant."""
    record = tool.model_dump(mode="json")
    record["category_variant"] = category_label(tool.category)
    return record


# --- tools ---------------------------------------------------------------------------------------


@tools_app.command("list")
def tools_list(
    catalog: CatalogOpt = None, server: ServerOpt = None, timeout: TimeoutOpt = 30.0, as_json: JsonOpt = False
) -> None:
    """List the tools of a catalogue or a live MCP server."""
    cat = resolve_catalogue(catalog, server, timeout)
    if as_json:
        print(json.dumps([tool_record(t) for t in cat], ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{cat.name}: {len(cat)} tools, {len(cat.categories)} categories")
    table.add_column("#", justify="right")
    table.add_column("tool")
    table.add_column("category")
    table.add_column("args (required*)")
    table.add_column("flags")
    table.add_column("description", overflow="fold")
    for i, t in enumerate(cat):
        args = ", ".join(f"{n}*" if n in t.required else n for n in t.properties)
        flags = " ".join(f for f, on in (("destructive", t.annotations.destructive),
                                          ("external", t.annotations.needs_external),
                                          ("read-only", t.annotations.read_only)) if on)  # fmt: skip
        table.add_row(str(i), t.name, t.category, args, flags, t.description)
    console.print(table)


@tools_app.command("show")
def tools_show(
    name: Annotated[str, typer.Argument(help="Tool name.")],
    catalog: CatalogOpt = None,
    server: ServerOpt = None,
    timeout: TimeoutOpt = 30.0,
    as_json: JsonOpt = False,
) -> None:
    """Show one tool: description, schema, use cases and annotations."""
    tool = resolve_catalogue(catalog, server, timeout).get(name)
    record = tool_record(tool)
    if as_json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return
    console.print(f"[bold]{tool.name}[/bold]  ({tool.category}, {record['category_variant']})")
    console.print(tool.description)
    for p in tool.required_params + tool.optional_params:
        mark = "required" if p.name in tool.required else "optional"
        ex = f"  e.g. {', '.join(p.examples[:3])}" if p.examples else ""
        console.print(f"  • {p.name} ({p.param_type}, {mark}): {p.description}{ex}")
    for case in tool.use_cases:
        console.print(f"  use case: {case}")
    notes = tool.annotations.model_dump(exclude_none=True, exclude_defaults=True)
    if notes:
        console.print(f"  annotations: {notes}")
    console.print_json(json.dumps(tool.input_schema))


# --- generate ------------------------------------------------------------------------------------


@app.command()
def generate(
    catalog: CatalogOpt = None,
    server: ServerOpt = None,
    timeout: TimeoutOpt = 30.0,
    preset: Annotated[str, typer.Option(help="default, minimal or comprehensive.")] = "default",
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives byte-identical files.")] = 42,
    held_out_tools: Annotated[
        int, typer.Option("--held-out-tools", help="Tools whose examples appear only in the test split.")
    ] = 0,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("data"),
) -> None:
    """Generate train/val/test JSONL, tools.json and stats.json from a catalogue."""
    from mcptrain.dataset import ToolDatasetConfig, generate_splits, write_splits

    cat = resolve_catalogue(catalog, server, timeout)
    config = ToolDatasetConfig.preset(preset).with_overrides(seed=seed, held_out_tools=held_out_tools)
    with _progress() as progress:
        task = progress.add_task(f"generating from {cat.name}", total=None)
        splits = generate_splits(
            cat, config, on_progress=lambda done, total: progress.update(task, completed=done, total=total)
        )
    write_splits(out, splits, cat)
    s = splits.stats
    console.print(
        f"wrote {out}/: train {len(splits.train)}, val {len(splits.val)}, test {len(splits.test)} examples "
        f"({s.irrelevant_count} irrelevant, {s.recovery_count} recovery, {s.multi_step_count} multi-step) "
        f"for {len(cat)} tools"
    )


# --- trajectories --------------------------------------------------------------------------------

StoreOpt = Annotated[Path, typer.Option("--store", help="SQLite trajectory store file.")]


@traj_app.command("import")
def trajectories_import(
    file: Annotated[Path, typer.Argument(help="JSONL file, one ToolTrajectory per line.")],
    store: StoreOpt = Path("trajectories.db"),
    on_conflict: Annotated[str, typer.Option(help="error, skip or replace an existing id.")] = "error",
) -> None:
    """Import trajectories from JSONL (all or nothing)."""
    from mcptrain.trajectories import TrajectoryStore

    with TrajectoryStore(store) as db:
        n = db.import_jsonl(file, on_conflict=on_conflict)
    console.print(f"imported {n} trajectories into {store}")


@traj_app.command("export")
def trajectories_export(
    out: Annotated[Path, typer.Argument(help="JSONL file to write.")],
    store: StoreOpt = Path("trajectories.db"),
    session: Annotated[str | None, typer.Option(help="Only this session id.")] = None,
    tool: Annotated[str | None, typer.Option(help="Only trajectories that call this tool.")] = None,
    success: Annotated[bool | None, typer.Option("--success/--failed", help="Only successes / failures.")] = None,
) -> None:
    """Export stored trajectories to JSONL."""
    from mcptrain.trajectories import TrajectoryStore

    with TrajectoryStore(_existing(store)) as db:
        n = db.export_jsonl(out, session_id=session, tool=tool, success=success)
    console.print(f"exported {n} trajectories to {out}")


@traj_app.command("stats")
def trajectories_stats(store: StoreOpt = Path("trajectories.db"), as_json: JsonOpt = False) -> None:
    """Summarise a trajectory store: counts, success rates, per-tool calls."""
    from mcptrain.trajectories import TrajectoryStore

    with TrajectoryStore(_existing(store)) as db:
        stats = db.stats()
    if as_json:
        print(json.dumps(stats, indent=2))
        return
    console.print(
        f"{stats['trajectories']} trajectories, {stats['steps']} steps, "
        f"success rate {stats['success_rate']:.1%}, mean total reward {stats['avg_total_reward']:.3f}"
    )
    table = Table(title="calls by tool")
    for col in ("tool", "calls", "success rate", "mean ms"):
        table.add_column(col)
    for name, row in stats["steps_by_tool"].items():
        table.add_row(name, str(row["calls"]), f"{row['success_rate']:.1%}", f"{row['avg_duration_ms']:.1f}")
    console.print(table)


def _existing(path: Path) -> Path:
    if not path.exists():
        raise McptrainError(f"{path}: no such trajectory store; check --store")
    return path


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


def main() -> None:
    """Console entry point: McptrainError -> one line on stderr, exit 2."""
    try:
        app()
    except McptrainError as e:
        err_console.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
