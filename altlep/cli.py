"""The `altlep` command: demo, serve, and the engines' and apps' subcommands.

The subcommand groups are imported only when named (`LazyGroup`): `altlep pb count` then loads
the counting engine alone, neither the other engines nor Django, which would take longer than
counting a small election.
"""

import importlib
import sys

import click

from altlep.django_setup import setup_django

# name -> "module:attribute" of each group of subcommands, imported when the name is used
GROUPS = {
    "pb": "altlep.pb.cli:pb",
    "flows": "altlep.flows.cli:flows",
    "stv": "altlep.stv.cli:stv",
    "areas": "altlep.core.cli:areas",
    "notify": "altlep.notify.cli:notify",
    "procurement": "altlep.procurement.cli:procurement",
    "supply": "altlep.supply.cli:supply",
    "skills": "altlep.skills.cli:skills",
    "evidence": "altlep.evidence.cli:evidence",
}


class LazyGroup(click.Group):
    """A click group whose `lazy` subcommands are imported on first use (click's documented
    lazy-loading pattern); `--help` imports them all to show their summaries."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module_name, attribute = self.lazy[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{self.lazy[cmd_name]} is not a click command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


def call_django(*args: str) -> None:
    from django.core.management import call_command

    setup_django()
    call_command(*args)


@click.group(cls=LazyGroup, lazy=GROUPS)
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
