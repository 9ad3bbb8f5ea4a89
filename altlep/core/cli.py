"""`altlep areas …`: import official ONS area lookups and choose a partnership area."""

import click


@click.group()
def areas() -> None:
    """ONS area lookups: import them, list LEPs, list a LEP's districts."""
