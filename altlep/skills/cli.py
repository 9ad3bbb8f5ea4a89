"""`altlep skills …`: the funding rules from the command line, and the standards import."""

import datetime
import json
from pathlib import Path

import click

from altlep.skills.funding import RULES, FundingError, funding, pounds, to_pence


@click.group()
def skills() -> None:
    """Apprenticeships: England's funding rules and the standards the partnership uses."""


def _yes_no(value: str) -> bool:
    return value.lower() in {"yes", "y", "true", "1"}


@skills.command("funding")
@click.option("--start", required=True, type=click.DateTime(["%Y-%m-%d"]), help="Start date.")
@click.option("--age", required=True, type=int, help="The apprentice's age at the start.")
@click.option("--levy", required=True, type=click.Choice(["yes", "no"]), help="Levy payer?")
@click.option("--employees", required=True, type=int, help="The employer's headcount.")
@click.option("--band-max", required=True, help="The standard's funding band maximum, in pounds.")
@click.option("--price", required=True, help="The agreed price for training and assessment (£).")
@click.option("--level", type=int, help="The standard's level (only level 7 changes the result).")
@click.option("--ehcp", is_flag=True, help="The apprentice has an EHC plan.")
@click.option(
    "--care-leaver", is_flag=True, help="The apprentice has been in local-authority care."
)
@click.option("--foundation", is_flag=True, help="A foundation apprenticeship.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def funding_(
    start: datetime.datetime,
    age: int,
    levy: str,
    employees: int,
    band_max: str,
    price: str,
    level: int | None,
    ehcp: bool,
    care_leaver: bool,
    foundation: bool,
    as_json: bool,
) -> None:
    """Who pays what for an apprenticeship, by the funding rules in force on its start date."""
    try:
        result = funding(
            start=start.date(),
            age=age,
            levy_payer=_yes_no(levy),
            employees=employees,
            band_max_pence=to_pence(band_max, name="band-max"),
            price_pence=to_pence(price, name="price"),
            ehcp=ehcp,
            care_leaver=care_leaver,
            foundation=foundation,
            level=level,
        )
    except FundingError as error:
        raise click.ClickException(str(error)) from error
    if as_json:
        click.echo(json.dumps(result.as_json(), indent=2))
        return
    click.echo(f"Government pays: £{pounds(result.government_pence)}")
    click.echo(
        f"Employer pays:   £{pounds(result.employer_pence)} "
        f"(of which £{pounds(result.above_band_pence)} above the band maximum)"
    )
    click.echo(f"Minimum duration: {result.minimum_duration_months} months")
    for incentive in result.incentives:
        click.echo(
            f"Incentive: £{pounds(incentive.amount_pence)} to the {incentive.to} "
            f"on {incentive.when.isoformat()} ({incentive.rule})"
        )
    click.echo("Rules applied:")
    for rule in result.rules:
        click.echo(f"  [{rule.id}] {rule.text}\n      source: {rule.source}")
    for assumption in result.assumptions:
        click.echo(f"Assumed: {assumption}")


@skills.command("rules")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def rules_(as_json: bool) -> None:
    """The dated table of funding rules, each with its source and status."""
    rows = [
        {
            "id": r.id,
            "first_start": r.first_start.isoformat(),
            "last_start": r.last_start.isoformat() if r.last_start else None,
            "status": r.status,
            "text": r.text,
            "source": r.source,
            "assumption": r.assumption,
        }
        for r in RULES
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        click.echo(
            f"{row['id']}  {row['first_start']} → {row['last_start'] or 'open'}  [{row['status']}]"
        )
        click.echo(f"  {row['text']}\n  source: {row['source']}")
        if row["assumption"]:
            click.echo(f"  assumed: {row['assumption']}")


@skills.command("import-standards")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_standards(file: Path) -> None:
    """Import apprenticeship standards from the Institute's CSV or the standards service JSON."""
    from altlep.django_setup import setup_django

    setup_django()
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from altlep.skills.standards_import import StandardsImportError, standards_import

    console = Console()
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
        ) as bar:
            task = bar.add_task(file.name, total=None)

            def advance(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            report = standards_import(path=file, actor=None, progress=advance)
    except StandardsImportError as error:
        raise click.ClickException(f"{error}\nNothing was imported.") from error
    console.print(report.describe())
