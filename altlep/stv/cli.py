"""`altlep stv …`: count and check BLT ballot files, and run over the shared real elections.

The group is registered in the top-level `altlep` command; `python -m altlep.stv` runs it alone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from altlep.stv.blt import problems_in, read_blt
from altlep.stv.corpus import catalogue_rows, check_catalogue, count_files
from altlep.stv.count import RULE_DESCRIPTIONS, RULES, count
from altlep.stv.model import BltError
from altlep.stv.results import CountResult


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _shared_stv() -> Path:
    configured = os.environ.get("ALTLEP_SHARED_DATA")
    root = (
        Path(configured)
        if configured
        else Path(__file__).resolve().parents[2].parent / "shared" / "data"
    )
    return root / "stv"


def _sheet(result: CountResult) -> Table:
    """The count sheet: a row per candidate, a column per stage."""
    table = Table(
        title=f"{result.title or 'Election'}: {RULE_DESCRIPTIONS[result.rule]}",
        caption=f"{result.seats} seats, {result.valid_votes} valid votes, quota {result.quota}",
    )
    table.add_column("Candidate")
    for stage in result.stages:
        table.add_column(str(stage.number), justify="right")
    status = result.elected_at()
    for name in result.candidates:
        label = f"{name} (elected)" if name in status else name
        table.add_row(label, *[str(stage.votes[name]) for stage in result.stages])
    table.add_row("Non-transferable", *[str(s.non_transferable) for s in result.stages])
    if result.rule == "meek":
        table.add_row("Threshold", *[str(s.quota) for s in result.stages])
    return table


@click.group(name="stv")
def stv() -> None:
    """Single transferable vote: count and check BLT ballot files."""


@stv.command(name="count")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--rule",
    type=click.Choice(list(RULES)),
    default="scottish",
    show_default=True,
    help="scottish = SSI 2011/399 Sch. 1; meek = Meek STV as OpenSTV 1.7.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Seed for drawing lots, should a tie need one.",
)
def count_command(file: str, rule: str, as_json: bool, seed: int) -> None:
    """Count FILE and show who is elected, stage by stage."""
    try:
        election = read_blt(file)
    except BltError as exc:
        raise click.ClickException(str(exc)) from exc
    result = count(election, rule, seed)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        return
    console = _console()
    console.print(_sheet(result))
    for stage in result.stages:
        notes = "".join(f"\n    {note}" for note in stage.notes)
        console.print(f"Stage {stage.number}: {stage.description}{notes}")
    console.print("Elected, in order: " + ", ".join(result.elected))


@stv.command(name="check")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def check_command(files: tuple[str, ...]) -> None:
    """List every problem in each FILE; exit 1 if any file has an error."""
    console, failed = _console(), False
    for file in files:
        problems = problems_in(file)
        errors = [p for p in problems if p.severity == "error"]
        failed = failed or bool(errors)
        verdict = "[red]cannot be counted[/]" if errors else "[green]ok[/]"
        console.print(f"{file}: {verdict}")
        for problem in problems:
            console.print(
                f"  line {problem.line}: {problem.severity}: {problem.message}", markup=False
            )
    if failed:
        raise SystemExit(1)


@stv.command(name="verify")
@click.option(
    "--data",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="The shared stv folder (default: $ALTLEP_SHARED_DATA/stv, else ../shared/data/stv).",
)
def verify_command(data: str | None) -> None:
    """Count every Scottish BLT file, and reproduce the catalogue's known results."""
    root = Path(data) if data else _shared_stv()
    if not root.is_dir():
        raise click.ClickException(f"shared STV data not found at {root}")
    console = _console()
    files = sorted((root / "scot_elex_mccune").rglob("*.blt"))
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Counting Scottish contests", total=len(files))
        outcomes = list(count_files(files, advance=lambda: progress.advance(task)))
    errors = [o for o in outcomes if o.error]
    console.print(
        f"Scottish BLT files: {len(outcomes) - len(errors)} of {len(outcomes)} "
        "counted without error"
    )
    for outcome in errors:
        console.print(f"  {outcome.error}", markup=False)
    rows = catalogue_rows(root)
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Checking known results", total=len(rows))
        known = list(check_catalogue(root, advance=lambda: progress.advance(task)))
    reproduced = [o for o in known if o.reproduced]
    console.print(
        f"Known results (DERIVED_catalogue.csv): {len(reproduced)} of {len(known)} reproduced"
    )
    for outcome in known:
        if not outcome.reproduced:
            console.print(
                f"  {outcome.path}: expected {list(outcome.expected or ())}, got "
                f"{list(outcome.elected)} {outcome.error}",
                markup=False,
            )
