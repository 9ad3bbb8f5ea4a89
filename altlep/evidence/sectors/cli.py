"""`altlep evidence …`: sector definitions, Nomis imports and a sector's size in an area."""

import json
from pathlib import Path

import click


def _django() -> None:
    from altlep.django_setup import setup_django

    setup_django()


@click.group()
def sector_commands() -> None:
    """Sector evidence: definitions, official statistics, sizing."""


@sector_commands.command("sectors")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def sectors(as_json: bool) -> None:
    """Every sector definition (every version) with its codes and source."""
    _django()
    from altlep.evidence.models import SectorDefinition

    out = []
    for d in SectorDefinition.objects.prefetch_related("codes").order_by("slug", "version"):
        out.append(
            {
                "name": d.name,
                "slug": d.slug,
                "version": d.version,
                "official": d.official,
                "source": d.source,
                "codes": [
                    {"code": c.code, "share": str(c.share), "published_as": c.published_as}
                    for c in d.codes.all()
                ],
            }
        )
    if as_json:
        click.echo(json.dumps(out, indent=2))
        return
    for d in out:
        codes = ", ".join(
            c["code"] + ("" if c["share"] in {"1", "1.000"} else f"×{c['share']}")
            for c in d["codes"]
        )
        click.echo(f"{d['slug']} v{d['version']}: {d['name']} ({len(d['codes'])} codes)")
        click.echo(f"  source: {d['source']}")
        click.echo(f"  codes: {codes}")


@sector_commands.command("import-nomis")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--dataset",
    type=click.Choice(["enterprises", "local_units", "employment"]),
    default=None,
    help="Which Nomis dataset, when the file does not say.",
)
@click.option("--json", "as_json", is_flag=True)
def import_nomis(files: tuple[Path, ...], dataset: str | None, as_json: bool) -> None:
    """Import UK Business Counts / BRES files from Nomis (API CSV or spreadsheet): all or none."""
    _django()
    from django.db import transaction
    from rich.console import Console
    from rich.progress import Progress

    from altlep.evidence.sectors.importing import NomisImportError, nomis_import

    console = Console(stderr=True)
    done = []
    try:
        with transaction.atomic(), Progress(console=console, transient=True) as bar:
            for path in files:
                task = bar.add_task(path.name, total=None)
                done.append(
                    nomis_import(
                        actor=None,
                        path=path,
                        dataset=dataset or "",
                        progress=lambda n, task=task: bar.update(task, completed=n),
                    )
                )
    except NomisImportError as error:
        raise click.ClickException(f"{error}\nNothing was imported.") from error
    report = [
        {
            "file": s.filename,
            "dataset": s.dataset,
            "layout": s.layout,
            "rows": s.row_count,
            "set_aside": s.set_aside,
        }
        for s in done
    ]
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    for r in report:
        click.echo(f"Imported {r['rows']:,} cells ({r['dataset']}, {r['layout']}) from {r['file']}")
        if r["set_aside"]:
            reasons = {a["reason"] for a in r["set_aside"]}
            click.echo(f"  set aside {len(r['set_aside'])} rows: {'; '.join(sorted(reasons))}")


@sector_commands.command("import-gva")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_gva(path: Path) -> None:
    """Import GVA per job by industry and year (CSV: industry,year,gva_per_job_pounds,source)."""
    _django()
    from altlep.evidence.sectors.importing import NomisImportError, gva_import

    try:
        n = gva_import(actor=None, path=path)
    except NomisImportError as error:
        raise click.ClickException(f"{error}\nNothing was imported.") from error
    click.echo(f"Imported GVA per job for {n} industries and years from {path.name}")


def _fmt(band: dict) -> str:
    if band.get("value") is None:
        bound = band.get("upper_bound")
        extra = f" (upper bound {bound:,})" if bound is not None else ""
        return f"— [{band.get('note')}]{extra}"
    return f"{band['value']:,} [{band['note']}]"


@sector_commands.command("sector-size")
@click.option("--sector", "sector_name", required=True, help="A sector's slug or name, or 'all'.")
@click.option("--area", "areas", multiple=True, required=True, help="District (E06–E09) or E37.")
@click.option("--year", type=int, default=None)
@click.option("--json", "as_json", is_flag=True)
def sector_size(sector_name: str, areas: tuple[str, ...], year: int | None, as_json: bool) -> None:
    """A sector's size in an area, from official statistics and from the platform."""
    _django()
    from altlep.evidence.sectors.selectors import SizingError, sector_named
    from altlep.evidence.sectors.selectors import sector_size as size

    try:
        found = size(sector=sector_named(sector_name), area_codes=list(areas), year=year)
    except SizingError as error:
        raise click.ClickException(str(error)) from error
    if as_json:
        click.echo(json.dumps(found, indent=2, default=str))
        return
    click.echo(f"{found['sector']['name']} in {', '.join(a['name'] for a in found['areas'])}")
    click.echo(f"Year: {found['year']}")
    for band in ("micro", "small", "medium", "large", "total"):
        click.echo(f"  businesses {band:>6}: {_fmt(found['businesses'][band])}")
    if found["micro_share"] is not None:
        click.echo(f"  micro share: {found['micro_share']:.1%}")
    if found["share_of_area_economy"] is not None:
        click.echo(f"  share of the area's businesses: {found['share_of_area_economy']:.1%}")
    click.echo(f"  employment: {_fmt(found['employment'])}")
    gva = found["gva_estimate"]
    if gva["value_pence"] is not None:
        click.echo(f"  GVA estimate: £{gva['value_pence'] / 100:,.0f} — method: {gva['method']}")
    p = found["platform"]
    click.echo(
        f"  on the platform: {p['businesses']['total']} organisations "
        f"({p['businesses']['micro']} micro), {p['employees']:,} employees "
        f"(known for {p['employees_known_for']})"
    )
    click.echo("  each source's total:")
    for s in found["by_source"]:
        total, bound = s.get("total"), s.get("upper_bound")
        figure = (
            f"{total['value']:,} [{total['note']}]"
            if total and total.get("value") is not None
            else f"not sizeable (upper bound {bound['value']:,})"
            if bound and bound.get("value") is not None
            else "not known"
        )
        label = s["source"] + (f" {s['year']}" if s.get("year") else "")
        label += " (synthetic)" if s.get("synthetic") else ""
        click.echo(f"    {label}: {figure}")
    for s in found["sources"]:
        click.echo(f"  source: {s['title']}" + (f" ({s['year']})" if s.get("year") else ""))
        if s.get("coverage"):
            click.echo(f"    {s['coverage']}")
        for note in s.get("area_notes") or []:
            click.echo(f"    {note}")
    click.echo("  why the sources differ:")
    for line in found["differences"]:
        click.echo(f"    - {line}")
