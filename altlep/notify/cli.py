"""`altlep notify send`: email every member whose digest is due what changed in what they
follow. Run it from a scheduler (README: a cron line or a systemd timer)."""

import json

import click


@click.group()
def notify() -> None:
    """Email digests of what changed in what members follow."""


@notify.command()
@click.option(
    "--dry-run", is_flag=True, help="Say who would get a digest; send and record nothing."
)
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
def send(dry_run: bool, as_json: bool) -> None:
    """Send the digests that are due (daily or weekly); never the same change twice."""
    from altlep.django_setup import setup_django

    setup_django()
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from altlep.notify.services import digests_send

    console = Console(stderr=True)
    with Progress(
        TextColumn("Digests"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=as_json,
    ) as bar:
        task = bar.add_task("digests", total=None)
        report = digests_send(
            dry_run=dry_run,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        _describe(report)
    if report.failed:
        raise SystemExit(1)


def _describe(report) -> None:
    verb = "Would send" if report.dry_run else "Sent"
    click.echo(f"Members due a digest: {report.due}")
    click.echo(f"{verb} {len(report.sent)} digest(s); {report.nothing_new} had nothing new.")
    for row in report.sent:
        click.echo(f"  {row['email']}: {row['changes']} change(s)")
    for row in report.failed:
        click.echo(f"  FAILED {row['email']}: {row['error']}", err=True)
