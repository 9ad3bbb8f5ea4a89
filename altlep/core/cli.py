"""`altlep areas …`: import official ONS area lookups and choose a partnership area."""

from pathlib import Path

import click


def _django() -> None:
    # Late, so that `altlep --help` and the engines' commands never start Django.
    from altlep.django_setup import setup_django

    setup_django()


@click.group()
def areas() -> None:
    """ONS area lookups: import them, list LEPs, list a LEP's districts."""


@areas.command("import")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def import_(files: tuple[Path, ...]) -> None:
    """Import ONS lookup CSVs (LSOA→LEP, LSOA→LAD, LEP names): all of them, or none."""
    _django()
    from django.db import transaction
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from altlep.core.areas import AreaImportError, area_lookup_import

    console = Console()
    imported = []
    try:
        # One transaction over every file: a bad second file leaves the first unimported too,
        # so a re-run of the same command starts from a clean slate.
        with (
            transaction.atomic(),
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=console,
                transient=True,
            ) as bar,
        ):
            for path in files:
                task = bar.add_task(path.name, total=None)

                def advance(done: int, total: int, task=task) -> None:
                    bar.update(task, completed=done, total=total)

                imported.append(area_lookup_import(path=path, progress=advance))
    except AreaImportError as error:
        raise click.ClickException(f"{error}\nNothing was imported.") from error
    for source in imported:
        console.print(
            f"Imported {source.row_count:,} rows: {source.get_kind_display()} "
            f"(20{source.vintage}) from {source.filename}"
        )


@areas.command("leps")
@click.option("--vintage", help="Only LEPs of this vintage, e.g. 17.")
def leps_(vintage: str | None) -> None:
    """List the LEPs known from imported lookups."""
    _django()
    from rich.console import Console
    from rich.table import Table

    from altlep.core.areas import leps
    from altlep.core.areas.selectors import HOW_TO_IMPORT

    found = leps(vintage=vintage)
    if not found:
        raise click.ClickException(f"No LEPs imported yet: {HOW_TO_IMPORT}.")
    table = Table("code", "name", "vintage", "LSOAs", title="Local enterprise partnerships")
    for lep in found:
        table.add_row(
            lep.code,
            lep.name,
            f"20{lep.vintage}",
            f"{lep.lsoa_count:,}" if lep.lsoa_count else "names only",
        )
    Console().print(table)


@areas.command("districts")
@click.argument("lep_code")
@click.option("--vintage", help="LEP vintage, e.g. 17 (default: the newest that has the LEP).")
def districts_(lep_code: str, vintage: str | None) -> None:
    """List the districts with LSOAs in a LEP, and the share of each district inside it."""
    _django()
    from rich.console import Console
    from rich.table import Table

    from altlep.core import districts
    from altlep.core.areas import AreaLookupMissing, districts_of_lep
    from altlep.core.areas.selectors import lep_named

    try:
        rows = districts_of_lep(lep_code.strip().upper(), vintage)
    except AreaLookupMissing as error:
        raise click.ClickException(str(error)) from error
    lep = lep_named(lep_code.strip().upper(), vintage)
    table = Table(
        "code",
        "district",
        "LSOAs in LEP",
        "LSOAs",
        "share",
        "now part of",
        title=f"Districts of {lep.label if lep else lep_code}",
    )
    for d in rows:
        now = ""
        if d.current_code != d.code:
            now = f"{districts.name(d.current_code)} ({d.current_code})"
        table.add_row(
            d.code, d.name, str(d.lsoas_in_lep), str(d.lsoas_in_district), f"{d.share:.1%}", now
        )
    Console().print(table)


@areas.command("set-partnership")
@click.option("--lep", "lep_code", help="Use the districts of this former LEP.")
@click.option("--vintage", help="LEP vintage, e.g. 17 (default: the newest that has the LEP).")
@click.option(
    "--min-share",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="With --lep, leave out districts with less than this share of their LSOAs in the LEP.",
)
@click.option("--district", "district_codes", multiple=True, help="A district code (repeatable).")
@click.option("--name", help="The partnership's name, when there is none yet.")
def set_partnership(
    lep_code: str | None,
    vintage: str | None,
    min_share: float,
    district_codes: tuple[str, ...],
    name: str | None,
) -> None:
    """Set the partnership's area to a former LEP's districts, or to districts one by one."""
    if bool(lep_code) == bool(district_codes):
        raise click.UsageError("give either --lep CODE or one or more --district CODE")
    _django()
    from django.core.exceptions import ValidationError

    from altlep.core.areas import AreaLookupMissing, lep_current_districts, partnership_set_area
    from altlep.core.areas.selectors import lep_named
    from altlep.core.models import Partnership

    partnership = Partnership.objects.current()
    if partnership is None:
        if not name:
            raise click.UsageError("there is no partnership yet: give it a --name")
        partnership = Partnership(name=name)
    try:
        if lep_code:
            lep_code = lep_code.strip().upper()
            codes = lep_current_districts(lep_code, vintage, min_share=min_share)
            lep = lep_named(lep_code, vintage)
            description = f"the districts of the former {lep.name if lep else lep_code} LEP"
        else:
            codes = list(district_codes)
            description = "chosen district by district"
        partnership_set_area(
            partnership=partnership, codes=codes, description=description, actor=None
        )
    except AreaLookupMissing as error:
        raise click.ClickException(str(error)) from error
    except ValidationError as error:
        raise click.ClickException("; ".join(error.messages)) from error
    click.echo(f"{partnership.name}: {partnership.area_description}")
    for code, district in partnership.districts():
        click.echo(f"  {code}  {district}")
