"""`altlep procurement`: import the CPV 2008 list, and check real OCDS tender notices for how
friendly they are to micro-enterprises. `check` needs no Django."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click


@click.group()
def procurement() -> None:
    """Opportunities, the micro-friendliness check, OCDS in and out."""


@procurement.command("import-cpv")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def import_cpv(path: Path) -> None:
    """Import the CPV 2008 codes from a CSV (code,description or code,check_digit,label,…)."""
    from altlep.django_setup import setup_django

    setup_django()
    from altlep.procurement.cpv import CpvImportError, cpv_import

    try:
        report = cpv_import(path=path)
    except CpvImportError as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(1)
    click.echo(f"{report.created} codes added, {report.updated} updated, from {path}.")


@procurement.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON list of checked releases.")
@click.option(
    "--summary", is_flag=True, help="Print instead the share of releases failing each rule."
)
@click.option("--tag", "only_tag", help="Check only releases with this tag (e.g. tender).")
def check(paths: tuple[Path, ...], as_json: bool, summary: bool, only_tag: str | None) -> None:
    """Check every release with a tender in these OCDS files (packages, records, JSON lines).

    A damaged file is reported by name (and line) and skipped; the exit status is 1 if any was.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from altlep.procurement.check.ocds import (
        OcdsReadError,
        check_release,
        has_tender,
        read_releases,
    )

    console = Console(stderr=True)
    checked = []
    failed_files = 0
    with Progress(
        TextColumn("Checking"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=len(paths) < 5,
    ) as bar:
        task = bar.add_task("files", total=len(paths))
        for path in paths:
            batch = []
            try:
                for _line, release in read_releases(path):
                    if has_tender(release) and (
                        only_tag is None or only_tag in (release.get("tag") or [])
                    ):
                        batch.append(check_release(release))
            except OcdsReadError as error:
                failed_files += 1
                click.echo(f"Error: {error}", err=True)
            else:
                checked.extend(batch)
            bar.advance(task)
    if summary:
        _print_summary(checked, as_json)
    elif as_json:
        click.echo(json.dumps([c.as_dict() for c in checked], indent=1, ensure_ascii=False))
    else:
        for c in checked:
            score = "–" if c.result.score is None else c.result.score
            click.echo(f"{c.ocid}  score {score}  {c.title or '(no title)'}")
            for finding in c.result.findings:
                if finding.severity != "unknown":
                    click.echo(f"    {finding.severity}: {finding.rule}: {finding.message}")
    if failed_files:
        click.echo(f"{failed_files} file(s) could not be read.", err=True)
        sys.exit(1)


def _print_summary(checked: list, as_json: bool) -> None:
    from altlep.procurement.check.table import RULE_NAMES

    total = len(checked)
    counts: dict[str, Counter] = {rule: Counter() for rule in RULE_NAMES}
    for c in checked:
        for rule, outcome in c.result.outcomes.items():
            counts[rule][outcome] += 1
    rows = [
        {
            "rule": rule,
            "pass": counts[rule]["pass"],
            "fail": counts[rule]["fail"],
            "unknown": counts[rule]["unknown"],
            # Not applicable to the notice, or no row of the rule in force on its date.
            "not_judged": total - sum(counts[rule][k] for k in ("pass", "fail", "unknown")),
            "releases": total,
            "fail_share": round(counts[rule]["fail"] / total, 3) if total else None,
        }
        for rule in RULE_NAMES
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=1))
        return
    click.echo(f"{total} releases with a tender")
    click.echo(f"{'rule':38} {'pass':>5} {'fail':>5} {'share':>7} {'unknown':>8} {'n/a':>5}")
    for row in rows:
        share = f"{100 * row['fail_share']:.1f}%" if total else "–"
        click.echo(
            f"{row['rule']:38} {row['pass']:>5} {row['fail']:>5} {share:>7} "
            f"{row['unknown']:>8} {row['not_judged']:>5}"
        )


@procurement.command("import-awards")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--buyer", "slug", required=True, help="The buyer organisation's slug.")
@click.option("--buyer-name", default="", help="Text of the buyer's name in the OCDS files.")
def import_awards(paths: tuple[Path, ...], slug: str, buyer_name: str) -> None:
    """Import a buyer's contract awards from Contracts Finder / Find a Tender OCDS files."""
    from altlep.django_setup import setup_django

    setup_django()
    from django.core.exceptions import ValidationError

    from altlep.members.models import Organisation
    from altlep.procurement.services.awards import awards_import

    buyer = Organisation.objects.filter(slug=slug).first()
    if buyer is None:
        click.echo(f"Error: no organisation with the slug {slug!r}.", err=True)
        sys.exit(1)
    try:
        report = awards_import(actor=None, buyer=buyer, paths=list(paths), buyer_name=buyer_name)
    except ValidationError as error:
        click.echo(f"Error: {' '.join(error.messages)}", err=True)
        sys.exit(1)
    click.echo(
        f"{report.created} awards added, {report.updated} updated for {buyer.name}; "
        f"{report.other_buyers} awards of other buyers left out."
    )
