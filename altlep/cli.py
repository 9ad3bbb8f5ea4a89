"""The `altlep` command: demo, serve, and the engines' and apps' subcommands."""

import sys

import click

from altlep.django_setup import setup_django
from altlep.flows.cli import flows
from altlep.pb.cli import pb
from altlep.stv.cli import stv


def call_django(*args: str) -> None:
    from django.core.management import call_command

    setup_django()
    call_command(*args)


@click.group()
@click.version_option(package_name="altlep")
def main() -> None:
    """Alternative LEP: run a co-produced local economic partnership."""


@main.command()
@click.option("--serve/--no-serve", default=True, help="Serve the site after loading the demo.")
@click.option("--addr", default="127.0.0.1:8000", show_default=True)
def demo(serve: bool, addr: str) -> None:
    """Migrate, load the demo partnership (idempotent) and serve it."""
    setup_django()
    from django.core.management import call_command

    from altlep.demo import demo_load

    call_command("migrate", interactive=False, verbosity=0)
    summary = demo_load(progress=True)
    click.echo(summary.describe())
    if serve:
        _serve(addr)


@main.command()
@click.option("--addr", default="127.0.0.1:8000", show_default=True)
def serve(addr: str) -> None:
    """Serve the site with Django's development server (use gunicorn in production)."""
    setup_django()
    _serve(addr)


def _serve(addr: str) -> None:
    from django.core.management import call_command

    click.echo(f"Serving at http://{addr}/  (Ctrl-C to stop)")
    call_command("runserver", addr, use_reloader=False)


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def manage(ctx: click.Context) -> None:
    """Run a Django management command (altlep manage migrate, createsuperuser, …)."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line([f"{sys.argv[0]} manage", *ctx.args])


main.add_command(pb)
main.add_command(flows)
main.add_command(stv)


def _register_app_commands() -> None:
    # Imported late so `altlep pb …` works without touching Django.
    from altlep.core.cli import areas
    from altlep.notify.cli import notify

    main.add_command(areas)
    main.add_command(notify)
    from altlep.evidence.sectors.cli import evidence

    main.add_command(evidence)


_register_app_commands()
