"""`altlep supply match`: rank the directory's local suppliers for a need, from the command line."""

import json

import click


@click.group()
def supply() -> None:
    """Local supply: match a need against the supplier directory."""


@supply.command("match")
@click.option("--cpv", "codes", multiple=True, help="A needed CPV code (repeat for several).")
@click.option("--words", default="", help="The need in words, matched against capabilities.")
@click.option("--postcode", default="", help="Delivery postcode (distances are from it).")
@click.option("--value", "value_pounds", type=click.FloatRange(min=0), help="Value in pounds.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="Print the ranking as JSON.")
def match(codes, words, postcode, value_pounds, limit, as_json) -> None:
    """Rank local suppliers for a need, with the reasons for each."""
    from altlep.django_setup import setup_django

    setup_django()
    from rich.console import Console
    from rich.table import Table

    from altlep.geo.postcodes import PostcodeError
    from altlep.supply import cpv, selectors

    try:
        cleaned = [cpv.clean(c) for c in codes]
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--cpv") from None
    if not cleaned and not words.strip():
        raise click.UsageError("Give --cpv codes or --words.")
    try:
        need = selectors.need_from(
            cpv_codes=cleaned,
            words=words,
            postcode=postcode,
            value_pence=None if value_pounds is None else round(value_pounds * 100),
        )
    except PostcodeError as error:
        raise click.BadParameter(str(error), param_hint="--postcode") from None
    with Console(stderr=True).status("Matching the directory"):
        found = selectors.find_suppliers(need, limit=limit)
    rows = [
        {
            "rank": n,
            "supplier": m.supplier.name,
            "slug": m.supplier.key,
            "score": m.score,
            "distance_km": None if m.distance_km is None else round(m.distance_km, 1),
            "size_band": m.supplier.size_band,
            "reasons": list(m.reasons),
        }
        for n, m in enumerate(found, start=1)
    ]
    if as_json:
        click.echo(
            json.dumps(
                {"need": {"cpv": cleaned, "words": words, "postcode": postcode}, "matches": rows},
                indent=2,
            )
        )
        return
    table = Table(title=f"{len(rows)} supplier(s) listed")
    for column in ("#", "Supplier", "Score", "km", "Why"):
        table.add_column(column)
    for r in rows:
        table.add_row(
            str(r["rank"]),
            r["supplier"],
            f"{r['score']:.2f}",
            "" if r["distance_km"] is None else str(r["distance_km"]),
            "; ".join(r["reasons"]),
        )
    Console().print(table)
