"""`altlep flows …`: import spend, OCDS and the register; resolve; report; evaluate.

The store is a DuckDB file (`--store`, default var/flows.duckdb). The partnership area is plain
data here (`--area E08000033,…`, `--region …`), so no command needs Django.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from altlep.flows.errors import FlowsInputError

DEFAULT_STORE = "var/flows.duckdb"


def _store(path: str):
    from altlep.flows.store import Store

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return Store(path)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,}"),
        TimeElapsedColumn(),
        transient=True,
    )


def _codes(text: str) -> frozenset[str]:
    return frozenset(c.strip().upper() for c in (text or "").split(",") if c.strip())


@click.group()
def flows() -> None:
    """Money flows: where anchor institutions' spend goes."""


@flows.group(name="import")
def import_() -> None:
    """Import spend, OCDS awards or the Companies House register."""


def parse_mapping(entries: tuple[str, ...]) -> dict[str, str] | None:
    """FIELD=HEADER pairs from --map into a mapping; a malformed or unknown one is refused."""
    from altlep.flows.columns import FIELDS

    mapping = {}
    for entry in entries:
        name, equals, header = entry.partition("=")
        name = name.strip().lower().replace(" ", "_")
        if not equals or not header.strip():
            raise click.BadParameter(f"“{entry}” is not FIELD=HEADER", param_hint="--map")
        if name not in FIELDS:
            raise click.BadParameter(
                f"“{name}” is not a field; fields are {', '.join(FIELDS)}", param_hint="--map"
            )
        mapping[name] = header.strip()
    return mapping or None


@import_.command("spend")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--body", default=None, help="The anchor institution that published the file.")
@click.option(
    "--map",
    "mapping",
    multiple=True,
    metavar="FIELD=HEADER",
    help="Say which column holds a field, e.g. --map amount='Net' (repeatable).",
)
@click.option("--dry-run", is_flag=True, help="Read and report; import nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the report of each file as JSON.")
@click.option("--store", default=DEFAULT_STORE, show_default=True)
def import_spend(
    files: tuple[str, ...],
    body: str | None,
    mapping: tuple[str, ...],
    dry_run: bool,
    as_json: bool,
    store: str,
) -> None:
    """Import spend FILES (CSV, .xlsx or .ods) for --body, reporting what was detected: the
    encoding, each column and why, lines skipped and rows set aside with their reasons."""
    from altlep.flows.spend import spend_report

    override = parse_mapping(mapping)
    if not body and not dry_run:
        raise click.UsageError("--body is required (unless --dry-run)")
    reports = []
    failed = False
    for file in files:
        try:
            if dry_run:
                report, lines = spend_report(Path(file), override=override)
                reports.append({**report.to_dict(), "imported": 0, "would_import": len(lines)})
                if not as_json:
                    click.echo(report.describe())
                    click.echo(f"  dry run: {len(lines)} rows would be imported; nothing was")
                continue
            with _store(store) as db, _progress() as bar:
                task = bar.add_task(f"reading {Path(file).name}", total=None)
                result = db.import_spend(
                    Path(file),
                    body=body,
                    override=override,
                    progress=lambda n, task=task: bar.update(task, completed=n),
                )
        except FlowsInputError as exc:
            failed = True
            message = f"{exc} — nothing imported from this file"
            reports.append({"path": file, "error": message})
            if not as_json:
                click.echo(f"Error: {message}", err=True)
            continue
        if result.report is not None:
            reports.append({**result.report.to_dict(), "imported": result.rows})
            if not as_json:
                click.echo(result.report.describe())
        else:
            reports.append({"path": file, "already_imported": True, "imported": 0})
        if not as_json:
            click.echo(result.describe())
    if as_json:
        click.echo(json.dumps(reports, indent=2, ensure_ascii=False))
    if failed:
        raise SystemExit(1)


@import_.command("ocds")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--store", default=DEFAULT_STORE, show_default=True)
def import_ocds(files: tuple[str, ...], store: str) -> None:
    """Import awards and suppliers from Contracts Finder OCDS packages."""
    from altlep.flows.ocds import read_ocds
    from altlep.flows.spend import file_digest

    total = 0
    with _store(store) as db, _progress() as bar:
        task = bar.add_task("OCDS files", total=len(files))
        for file in files:
            try:
                total += db.import_awards(
                    list(read_ocds(Path(file))), source=file, digest=file_digest(Path(file))
                )
            except FlowsInputError as exc:
                raise click.ClickException(f"{exc} — nothing imported from this file") from exc
            bar.advance(task)
    click.echo(f"{len(files)} files: {total} awarded suppliers imported")


@import_.command("register")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--store", default=DEFAULT_STORE, show_default=True)
def import_register(file: str, store: str) -> None:
    """Import the Companies House BasicCompanyData CSV (read inside DuckDB)."""
    with _store(store) as db, _progress() as bar:
        task = bar.add_task("register read (%)", total=100)
        try:
            count = db.import_register_file(
                Path(file), progress=lambda done: bar.update(task, completed=done)
            )
        except FlowsInputError as exc:
            raise click.ClickException(f"{exc} — nothing imported") from exc
    click.echo(f"{count:,} companies in the register")


@flows.command()
@click.option("--store", default=DEFAULT_STORE, show_default=True)
@click.option("--accept", default=0.9, show_default=True, help="Match probability to accept.")
@click.option("--review", default=0.5, show_default=True, help="Lowest probability to queue.")
def resolve(store: str, accept: float, review: float) -> None:
    """Resolve suppliers to the register (identifiers, names, then Splink)."""
    from altlep.flows.resolve import resolve as run

    with _store(store) as db, _progress() as bar:
        bar.add_task("resolving suppliers", total=None)
        summary = run(db, accept=accept, review=review)
    click.echo(summary.describe())


@flows.command()
@click.option("--body", default=None, help="One body; the partnership when omitted.")
@click.option("--format", "fmt", type=click.Choice(["html", "json", "csv"]), default="json")
@click.option("--area", default="", help="Comma-separated district codes of the partnership.")
@click.option("--region", default="", help="Comma-separated district codes of the wider region.")
@click.option(
    "--members",
    type=click.Path(dir_okay=False),
    default=None,
    help="Members' directory as JSON (list of {name, company_number, size_band, sic_codes}).",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None)
@click.option("--store", default=DEFAULT_STORE, show_default=True)
def report(
    body: str | None,
    fmt: str,
    area: str,
    region: str,
    members: str | None,
    output: str | None,
    store: str,
) -> None:
    """Classify and analyse spend; write the report as HTML, JSON or CSV."""
    from altlep.flows.analysis import analyse
    from altlep.flows.classify import Area, classify
    from altlep.flows.lm3 import from_analysis
    from altlep.flows.report import RENDERERS

    directory = json.loads(Path(members).read_text()) if members else []
    with _store(store) as db, _progress() as bar:
        bar.add_task("classifying and analysing", total=None)
        if not db.scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'suppliers'"
        ):
            from altlep.flows.resolve import resolve as run

            run(db)
        classify(db, Area(area or "partnership", _codes(area), _codes(region)), members=directory)
        result = analyse(db, body=body, members=directory)
        result["lm3"] = from_analysis(result)
    text = RENDERERS[fmt](result)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")
    else:
        click.echo(text)


@flows.command()
@click.option("--truth", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--register",
    "register_path",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="A BasicCompanyData CSV to use as the register instead.",
)
@click.option(
    "--sample-register",
    type=click.Path(dir_okay=False),
    default=None,
    help="Extra register rows (distractors); default: the shared 31-row sample.",
)
def evaluate(truth: str, register_path: str | None, sample_register: str | None) -> None:
    """Precision and recall of supplier resolution against hand-matched truth."""
    from altlep.flows.evaluate import evaluate as run

    truth_path = Path(truth)
    sample = sample_register or str(
        truth_path.parent.parent / "companies_house" / "BasicCompanyData_sample_31rows.csv"
    )
    click.echo(
        run(
            truth_path,
            sample_register=Path(sample),
            register_path=Path(register_path) if register_path else None,
        ).describe()
    )
