"""`altlep evidence …`: evidence engines from the command line."""

import json

import click


@click.group()
def evidence() -> None:
    """Evidence: sectors and official statistics, the cross-sector network."""


def _print(result: dict) -> None:
    click.echo(
        f"Organisations: {result['nodes']}   ties: {result['ties']} ({result['edges']} pairs)"
    )
    click.echo(f"Density: {result['density']:.4f}   components: {result['components']}")
    share = result["cross_sector_share"]
    click.echo("Ties across sectors: " + ("none" if share is None else f"{share:.1%}"))
    ei = result["ei_index"]
    fmt = lambda v: "n/a" if v is None else f"{v:+.3f}"  # noqa: E731
    click.echo(f"E–I index: {fmt(ei['overall'])}")
    for sector, v in ei["sectors"].items():
        click.echo(
            f"  {sector}: {fmt(v['ei_index'])} ({v['nodes']} nodes, {v['internal']} within, "
            f"{v['external']} across)"
        )
    click.echo(f"No tie to another sector: {result['isolated_from_other_sectors']}")
    click.echo(f"Brokers (betweenness {result['basis']['betweenness']}):")
    for b in result["brokers"]:
        c = "n/a" if b["constraint"] is None else f"{b['constraint']:.3f}"
        click.echo(f"  {b['name']} ({b['sector']}): {b['betweenness']:.4f}, constraint {c}")


@evidence.command()
@click.option(
    "--nodes", "nodes_path", type=click.Path(dir_okay=False), help="CSV: id,sector[,name]"
)
@click.option(
    "--ties", "ties_path", type=click.Path(dir_okay=False), help="CSV: source,target,type"
)
@click.option("--sample", type=int, default=None, help="Betweenness from this many pivots.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
def network(nodes_path, ties_path, sample, as_json) -> None:
    """Metrics of the platform's network, or of a network given as two CSV files."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from altlep.evidence.network.engine import metrics
    from altlep.evidence.network.files import NetworkFileError, read_network

    if bool(nodes_path) != bool(ties_path):
        raise click.UsageError("Give both --nodes and --ties, or neither.")
    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
        disable=as_json,
    ) as bar:
        task = bar.add_task("Reading the network", total=None)
        if nodes_path:
            try:
                net = read_network(nodes_path, ties_path)
            except NetworkFileError as error:
                raise click.ClickException(str(error)) from None
        else:
            from altlep.django_setup import setup_django

            setup_django()
            from altlep.evidence.network.sources import platform_network

            net = platform_network()
        bar.update(task, description=f"Measuring {len(net.sectors):,} organisations")
        result = metrics(net, k=sample)
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        _print(result)


# The sector commands live beside the sector evidence code; one `evidence` group serves both.
from altlep.evidence.sectors.cli import sector_commands  # noqa: E402

for _command in sector_commands.commands.values():
    evidence.add_command(_command)
