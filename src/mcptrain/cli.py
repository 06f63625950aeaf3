"""The `mcptrain` command line (typer + rich).

    $ mcptrain tools list --catalog claude-flow --json | jq length
    199
    $ mcptrain generate --catalog ruvllm --out data/

Bad input or environment prints one line on stderr and exits 2; nothing half-written is left.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from mcptrain.catalogue import Catalogue
from mcptrain.errors import McptrainError
from mcptrain.io import atomic_write_lines, atomic_write_text, dumps_compact, iter_jsonl, read_jsonl_models
from mcptrain.types import ToolCallExample, ToolSpec, category_label

if TYPE_CHECKING:  # the trainer pulls in torch: loaded by the commands that train
    from mcptrain.trainer import McpToolTrainer

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
    typer.Option("--catalog", "-c", help="Built-in catalogue (ruvllm, claude-flow, general) or a tools JSON file."),
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
    candidate_subsets: Annotated[
        float,
        typer.Option(
            "--candidate-subsets",
            help="Share of examples offered only 1-5 candidate tools (a quarter without the right one).",
        ),
    ] = 0.0,
    phrasebook: Annotated[
        Path | None,
        typer.Option(
            "--phrasebook",
            help='A JSON object {"tool": ["request in people\'s words, with {param} slots", ...]}: '
            "the generator asks for those tools mostly in these words.",
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("data"),
) -> None:
    """Generate train/val/test JSONL, tools.json and stats.json from a catalogue."""
    from mcptrain.dataset import ToolDatasetConfig, generate_splits, write_splits

    cat = resolve_catalogue(catalog, server, timeout)
    if phrasebook is not None:
        cat = cat.with_phrasebook(phrasebook)
    config = ToolDatasetConfig.preset(preset).with_overrides(
        seed=seed, held_out_tools=held_out_tools, candidate_subset_ratio=candidate_subsets
    )
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


# --- train / eval / predict / demo ----------------------------------------------------------------

DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data", "-d", help="A folder from `mcptrain generate` (train/val/test.jsonl) or a train JSONL file."
    ),
]


@app.command()
def train(
    catalog: CatalogOpt = None,
    server: ServerOpt = None,
    data: DataOpt = None,
    timeout: TimeoutOpt = 30.0,
    preset: Annotated[str, typer.Option(help="Training preset: quick, default or production.")] = "default",
    out: Annotated[Path, typer.Option("--out", "-o", help="Checkpoint folder to write.")] = Path("runs/latest"),
    seed: Annotated[int | None, typer.Option(help="Override the preset's seed.")] = None,
    epochs: Annotated[int | None, typer.Option(help="Override the supervised epochs.")] = None,
    grpo_steps: Annotated[int | None, typer.Option("--grpo-steps", help="Override the GRPO steps.")] = None,
    reward: Annotated[
        str | None,
        typer.Option(help="GRPO reward: a registered name (composite, toolrl, exact_match, schema_valid, "
                     "execution) or weights, e.g. composite=0.5,exact_match=0.5. Default: the preset's."),
    ] = None,  # fmt: skip
    encoder: Annotated[
        str, typer.Option(help="minilm (default) or tiny (a small random encoder, for tests).")
    ] = "minilm",
    resume: Annotated[bool, typer.Option(help="Continue from the checkpoint in --out if there is one.")] = False,
    trajectories: Annotated[
        Path | None,
        typer.Option("--trajectories", help="A trajectory store (e.g. from `mcptrain proxy`) to learn from after."),
    ] = None,
    env: Annotated[
        str | None,
        typer.Option("--env", help="Run GRPO's sampled calls on this live MCP server (command line or URL)."),
    ] = None,
    allow: Annotated[
        str, typer.Option(help="With --env: comma-separated destructive/outside tools that may run anyway.")
    ] = "",
    record: Annotated[
        Path | None, typer.Option(help="With --env: store every executed call in this trajectory store.")
    ] = None,
) -> None:
    """Supervised warm start, then GRPO; writes a checkpoint, curves.png and metrics.json to --out.

    With --trajectories, the policy then learns from recorded use: it imitates the successful calls
    and makes off-policy GRPO updates over all of them."""
    from mcptrain.plots import save_curves
    from mcptrain.rewards import parse_weights
    from mcptrain.trainer import McpToolTrainer, McpTrainingConfig

    weights = parse_weights(reward) if reward is not None else None  # a wrong name fails before any work
    if env is not None and not (catalog or server or data):
        server = env  # the tools come from the server the calls run on
    cat, train_set, val_set = _training_data(catalog, server, data, timeout, seed)
    allowed = {t.strip() for t in allow.split(",") if t.strip()}
    unknown = sorted(allowed - set(cat.names))
    if unknown:
        raise McptrainError(f"--allow: {unknown[:3]} are not tools of '{cat.name}'; check the names")
    overrides: dict[str, Any] = {}
    for key, value in (("seed", seed), ("epochs", epochs), ("grpo_steps", grpo_steps), ("reward_weights", weights)):
        if value is not None:
            overrides[key] = value
    if resume and (out / "checkpoint.json").exists():
        trainer = McpToolTrainer.from_checkpoint(out)
        # A resumed run continues exactly, so it keeps its own settings: a different one is an error, not ignored.
        for key, value in overrides.items():
            if getattr(trainer.config, key) != value:
                option = {"reward_weights": "reward", "grpo_steps": "grpo-steps"}.get(key, key)
                raise McptrainError(
                    f"--{option}: {out} was trained with {key}={getattr(trainer.config, key)!r}, and a resumed run "
                    f"keeps its checkpoint's settings; drop --{option}, or train into a new --out"
                )
        trainer.load_tool_definitions(cat)
        console.print(f"resuming {out} at GRPO step {trainer.stats().grpo_steps}")
    else:
        overrides["encoder"] = encoder
        config = McpTrainingConfig.preset(preset).model_copy(update=overrides)
        trainer = McpToolTrainer(config)
        trainer.load_tool_definitions(cat)
    cfg = trainer.config
    with contextlib.ExitStack() as stack, _progress() as progress:
        if env is not None:
            stack.enter_context(_attach_environment(trainer, env, cat, allowed, record, timeout))
        if trainer.stats().supervised_epochs == 0:
            task = progress.add_task("supervised warm start", total=cfg.supervised_steps(len(train_set)))
            trainer.train_supervised(train_set, on_step=lambda step, log: progress.update(task, completed=step))
            trainer.export_checkpoint(out)
        remaining = cfg.grpo_steps - trainer.stats().grpo_steps
        if remaining > 0:
            task = progress.add_task("GRPO", total=cfg.grpo_steps, completed=trainer.stats().grpo_steps)
            trainer.train_grpo(
                train_set, steps=remaining, val=val_set, checkpoint_dir=out,
                on_step=lambda step, log: progress.update(
                    task, completed=step, description=f"GRPO reward {log['reward_mean']:.3f}"),
            )  # fmt: skip
        _restore_best(trainer)
        if trajectories is not None:
            recorded = _recorded_use(trajectories)
            task = progress.add_task(f"learning from {len(recorded)} recorded trajectories", total=None)
            result = trainer.train_on_recorded_use(
                recorded, on_step=lambda step, log: progress.update(task, completed=step)
            )
        if trajectories is not None:
            console.print(f"learned from recorded use in {trajectories}: last off-policy batch of "
                          f"{result.samples_processed} calls, tool accuracy {result.tool_accuracy:.3f}")  # fmt: skip
    trainer.export_checkpoint(out)
    save_curves(trainer.stats().curves, out / "curves.png", title=f"GRPO on {cat.name}")
    metrics = trainer.evaluate_tool_accuracy(val_set) if val_set else None
    if metrics is not None:
        atomic_write_text(out / "metrics.json", metrics.model_dump_json(indent=2) + "\n")
        _print_metrics(metrics, f"validation ({len(val_set)} examples)")
    console.print(f"checkpoint written to {out}/")


def _restore_best(trainer: McpToolTrainer) -> None:
    """End on the policy GRPO's val evaluations scored best (`McpTrainingConfig.keep_best`), and say which."""
    step = trainer.restore_best()
    stats = trainer.stats()
    if step is not None and stats.best_val_exact is not None:
        console.print(f"kept the policy of GRPO step {step} of {stats.grpo_steps}: the best val exact call "
                      f"({stats.best_val_exact:.3f}) of GRPO's evaluations")  # fmt: skip


@app.command("eval")
def eval_cmd(
    checkpoint: Annotated[Path, typer.Option("--checkpoint", help="Checkpoint folder from `mcptrain train`.")],
    data: Annotated[Path, typer.Option("--data", "-d", help="Examples JSONL (prompt + expected_tool/params).")],
    catalog: CatalogOpt = None,
    as_json: Annotated[Path | None, typer.Option("--json", help="Write the metrics JSON here.")] = None,
    plot: Annotated[Path | None, typer.Option(help="Confusion heatmap PNG (default: beside --json).")] = None,
) -> None:
    """Evaluate a checkpoint on labelled examples: metrics table, CIs, confusion heatmap."""
    from mcptrain.plots import save_confusion

    trainer = _load_trainer(checkpoint, catalog)
    examples = read_jsonl_models(data, ToolCallExample)
    _check_tools(examples, trainer.catalogue, data)
    with _progress() as progress:
        progress.add_task(f"evaluating {len(examples)} examples", total=None)
        metrics = trainer.evaluate_tool_accuracy(examples)
    _print_metrics(metrics, f"{data} ({len(examples)} examples)")
    if as_json:
        atomic_write_text(as_json, metrics.model_dump_json(indent=2) + "\n")
    plot = plot or (as_json.with_name(as_json.stem + "_confusion.png") if as_json else None)
    if plot:
        save_confusion(metrics.confusion, plot)
        console.print(f"confusion heatmap: {plot}")


@app.command()
def predict(
    checkpoint: Annotated[Path, typer.Option("--checkpoint", help="Checkpoint folder from `mcptrain train`.")],
    request: Annotated[str | None, typer.Argument(help="One request (or use --input).")] = None,
    catalog: CatalogOpt = None,
    input: Annotated[Path | None, typer.Option("--input", "-i", help="JSONL with a `prompt` per line.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Predictions JSONL to write.")] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help="The year of a date written without one (\"on March 14th\"); unset: no date."),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="YYYY-MM-DD: the day \"tomorrow\" or \"next Monday\" counts from, where a request does not say "
            "(\"today is ...\"); also the year of dates written without one unless --year says. Unset: no date.",
        ),
    ] = None,
) -> None:
    """Predict the call for one request, or for every line of --input into --output."""
    if year is not None and not 1 <= year <= 9999:
        raise McptrainError(f"--year {year}: give a year from 1 to 9999 (the year of dates written without one)")
    try:
        day = date.fromisoformat(today) if today is not None else None
    except ValueError:
        raise McptrainError(f"--today {today!r}: give a day as YYYY-MM-DD (relative dates count from it)") from None
    if (request is None) == (input is None):
        raise McptrainError("give one request as an argument, or --input FILE.jsonl (not both)")
    if input is not None and output is None:
        raise McptrainError("--input needs --output FILE.jsonl")
    trainer = _load_trainer(checkpoint, catalog)
    if request is not None:
        examples = [ToolCallExample(prompt=request)]
    else:
        assert input is not None  # one of the two, checked above
        examples = [_prompt_line(obj, input, lineno) for lineno, obj in iter_jsonl(input)]
    policy = trainer._policy()
    policy.year = year if year is not None or day is None else day.year
    policy.today = day
    preds = policy.predict(examples)
    rows = [{"prompt": ex.prompt, "tool": p.tool, "arguments": p.arguments, "confidence": round(p.confidence, 6)}
            for ex, p in zip(examples, preds, strict=True)]  # fmt: skip
    if output is None:
        print(json.dumps(rows[0], ensure_ascii=False))
        return
    atomic_write_lines(output, [dumps_compact(r) for r in rows])
    console.print(f"wrote {len(rows)} predictions to {output}")


@app.command()
def demo(
    catalog: Annotated[str, typer.Option("--catalog", "-c", help="Built-in catalogue.")] = "ruvllm",
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for data, checkpoint and plots.")] = Path(
        "runs/demo"
    ),
    preset: Annotated[str, typer.Option(help="Training preset.")] = "default",
    encoder: Annotated[str, typer.Option(help="minilm (default) or tiny.")] = "minilm",
) -> None:
    """Generate data, train, and compare before/after on the held-out test split."""
    from mcptrain.baselines import KeywordPredictor
    from mcptrain.dataset import ToolDatasetConfig, generate_splits, write_splits
    from mcptrain.evaluation import evaluate
    from mcptrain.plots import save_confusion, save_curves
    from mcptrain.trainer import McpToolTrainer, McpTrainingConfig

    start = time.perf_counter()
    cat = Catalogue.load(catalog)
    splits = generate_splits(cat, ToolDatasetConfig.default())
    write_splits(out / "data", splits, cat)
    console.print(f"1. generated {len(splits.train)} train / {len(splits.test)} test examples for {len(cat)} tools")
    trainer = McpToolTrainer(McpTrainingConfig.preset(preset).model_copy(update={"encoder": encoder}))
    trainer.load_tool_definitions(cat)
    test = splits.test.examples
    rows = {"crate keyword matcher": evaluate(KeywordPredictor(cat).predict(test), test, cat)}
    rows["untrained router"] = trainer.evaluate_tool_accuracy(test)
    cfg = trainer.config
    with _progress() as progress:
        task = progress.add_task("2. supervised warm start", total=cfg.supervised_steps(len(splits.train)))
        trainer.train_supervised(splits.train.examples, on_step=lambda s, _: progress.update(task, completed=s))
    rows["supervised"] = trainer.evaluate_tool_accuracy(test)
    with _progress() as progress:
        task = progress.add_task("3. GRPO", total=cfg.grpo_steps)
        trainer.train_grpo(
            splits.train.examples, val=splits.val.examples, on_step=lambda s, _: progress.update(task, completed=s)
        )
    _restore_best(trainer)
    rows["supervised + GRPO"] = trainer.evaluate_tool_accuracy(test)
    trainer.export_checkpoint(out / "checkpoint")
    save_curves(trainer.stats().curves, out / "curves.png", title=f"GRPO on {cat.name}")
    save_confusion(rows["supervised + GRPO"].confusion, out / "confusion.png")
    table = Table(title=f"{cat.name}: held-out test split ({len(test)} examples, unseen phrasings)")
    for col in ("policy", "tool acc", "exact call", "params", "irrelevance", "recovery", "95% CI exact"):
        table.add_column(col)
    for name, m in rows.items():
        lo, hi = m.confidence_intervals.get("exact_call_accuracy", (0.0, 0.0))
        table.add_row(name, f"{m.tool_accuracy:.3f}", f"{m.exact_call_accuracy:.3f}", f"{m.param_accuracy:.3f}",
                      f"{m.irrelevance_accuracy:.3f}", f"{m.error_recovery_rate:.3f}",
                      f"[{lo:.3f}, {hi:.3f}]")  # fmt: skip
    console.print(table)
    console.print(f"done in {time.perf_counter() - start:.0f} s; checkpoint, curves.png, confusion.png in {out}/")


@app.command()
def bfcl(
    checkpoint: Annotated[Path, typer.Option("--checkpoint", help="Checkpoint folder from `mcptrain train`.")],
    categories: Annotated[
        str, typer.Option("--categories", help="Comma-separated BFCL categories (default: all single-turn).")
    ] = "",
    as_json: Annotated[Path | None, typer.Option("--json", help="Write the report JSON here.")] = None,
    predictions: Annotated[
        Path | None, typer.Option("--predictions", help="JSONL: one line per entry, BFCL's answer shape.")
    ] = None,
    split_parallel: Annotated[
        bool,
        typer.Option(
            "--split-parallel",
            help="Also cut requests into parts (' and ', '; ', sentences) and answer with several calls when "
            "the parts give them. Off by default: it costs more single-call entries than it wins parallel ones.",
        ),
    ] = False,
) -> None:
    """Score a checkpoint on BFCL v4 (from the bfcl-eval package): AST and tool-selection accuracy."""
    from mcptrain.bfcl import CATEGORIES
    from mcptrain.bfcl.run import router_calls, run_bfcl

    cats = [c.strip() for c in categories.split(",") if c.strip()] or list(CATEGORIES)
    unknown = [c for c in cats if c not in CATEGORIES]
    if unknown:
        raise McptrainError(f"--categories: unknown BFCL categories {unknown}; use some of {', '.join(CATEGORIES)}")
    trainer = _load_trainer(checkpoint, None)
    with _progress() as progress:
        task = progress.add_task("BFCL", total=None)

        def on_entry(cat: str, done: int, total: int) -> None:
            progress.update(task, description=f"BFCL {cat}", completed=done, total=total)

        report, calls = run_bfcl(router_calls(trainer._policy(), parallel=split_parallel), cats, on_entry=on_entry)
    console.print(report.markdown())
    if as_json:
        atomic_write_text(as_json, json.dumps(report.to_dict(), indent=2) + "\n")
    if predictions:
        rows = [{"id": i, "calls": [{c.name: c.arguments} for c in cs]} for i, cs in calls.items()]
        atomic_write_lines(predictions, [dumps_compact(r) for r in rows])
        console.print(f"wrote {len(rows)} predictions to {predictions}")


@app.command()
def proxy(
    upstream: Annotated[str, typer.Option("--upstream", help="The MCP server to front: a command line or URL.")],
    store: StoreOpt = Path("trajectories.db"),
    redact: Annotated[
        str | None,
        typer.Option(help="Comma-separated argument keys to mask in the store (default: password, token, ...)."),
    ] = None,
    timeout: TimeoutOpt = 30.0,
) -> None:
    """Serve MCP on stdio, forward every call to --upstream, and record each call in --store."""
    from mcptrain.proxy import parse_redact, run_proxy

    run_proxy(upstream, store, parse_redact(redact), timeout)  # stdout is the MCP channel: print nothing


def _training_data(
    catalog: str | None, server: str | None, data: Path | None, timeout: float, seed: int | None
) -> tuple[Catalogue, list[ToolCallExample], list[ToolCallExample]]:
    """--data (a generate folder or a JSONL file) or generated from --catalog/--server."""
    from mcptrain.dataset import ToolDatasetConfig, generate_splits

    if data is not None and data.is_dir():
        cat = (
            resolve_catalogue(catalog, server, timeout) if (catalog or server) else Catalogue.load(data / "tools.json")
        )
        train_set = read_jsonl_models(data / "train.jsonl", ToolCallExample)
        val_path = data / "val.jsonl"
        val_set = read_jsonl_models(val_path, ToolCallExample) if val_path.exists() else []
    elif data is not None:
        cat = resolve_catalogue(catalog, server, timeout)
        train_set, val_set = read_jsonl_models(data, ToolCallExample), []
    else:
        cat = resolve_catalogue(catalog, server, timeout)
        config = (
            ToolDatasetConfig.default().with_overrides(seed=seed) if seed is not None else ToolDatasetConfig.default()
        )
        splits = generate_splits(cat, config)
        train_set, val_set = splits.train.examples, splits.val.examples
    _check_tools(train_set + val_set, cat, data or Path(cat.name))
    return cat, train_set, val_set


@contextlib.contextmanager
def _attach_environment(
    trainer: Any, target: str, cat: Catalogue, allowed: set[str], record: Path | None, timeout: float
) -> Iterator[None]:
    from mcptrain.environment import EnvironmentConfig, McpEnvironment
    from mcptrain.trajectories import TrajectoryStore

    config = EnvironmentConfig(allow=allowed, call_timeout=timeout)
    with McpEnvironment(target, cat, config) as environment, contextlib.ExitStack() as stack:
        store = stack.enter_context(TrajectoryStore(record)) if record is not None else None
        trainer.attach_environment(environment, store)
        try:
            yield
        finally:
            trainer.attach_environment(None)


def _recorded_use(path: Path) -> list[Any]:
    from mcptrain.trajectories import TrajectoryStore

    with TrajectoryStore(_existing(path, "--trajectories")) as store:
        return [t for batch in store.iter_batches(1000) for t in batch]


def _check_tools(examples: list[ToolCallExample], cat: Catalogue, where: Path) -> None:
    for i, ex in enumerate(examples):
        for name in [ex.expected_tool, *(ex.candidate_tools or [])]:
            if name is not None and name not in cat:
                raise McptrainError(
                    f"{where}: example {i + 1} names tool '{name}', which catalogue '{cat.name}' lacks; "
                    "pass the matching --catalog"
                )


def _load_trainer(checkpoint: Path, catalog: str | None) -> Any:
    from mcptrain.trainer import McpToolTrainer

    trainer = McpToolTrainer.from_checkpoint(checkpoint)
    if catalog:
        trainer.load_tool_definitions(Catalogue.load(catalog))
    return trainer


def _prompt_line(obj: Any, path: Path, lineno: int) -> ToolCallExample:
    if not isinstance(obj, dict) or not isinstance(obj.get("prompt"), str):
        raise McptrainError(f"{path}:{lineno}: each line needs a string field 'prompt'")
    try:
        return ToolCallExample.model_validate(obj)
    except ValueError:
        return ToolCallExample(prompt=obj["prompt"])


def _print_metrics(metrics: Any, title: str) -> None:
    from mcptrain.evaluation import metrics_table_rows

    table = Table(title=title)
    for col in ("metric", "value", "95% CI"):
        table.add_column(col)
    for row in metrics_table_rows(metrics):
        table.add_row(*row)
    console.print(table)


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

    if on_conflict not in ("error", "skip", "replace"):
        raise McptrainError(f"--on-conflict must be error, skip or replace, not {on_conflict!r}")
    with TrajectoryStore(store) as db:
        n = db.import_jsonl(file, on_conflict=on_conflict)  # type: ignore[arg-type]
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


def _existing(path: Path, flag: str = "--store") -> Path:
    if not path.exists():
        raise McptrainError(f"{path}: no such trajectory store; check {flag}")
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
