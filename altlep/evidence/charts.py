"""Turn a stored analysis into the dashboard's charts (inline SVG from the engine's report
helpers) and the tables beside them."""

from altlep.flows.kinds import LABELS as KIND_LABELS
from altlep.flows.report import bars_svg, money

FLOW_LABELS = {
    "local": "Local",
    "regional": "Regional",
    "national": "National",
    "unknown": "Not yet located",
}


def dashboard(result: dict) -> dict:
    """Charts and table rows for the dashboard template."""
    full = result["full"]
    economy = full["economy_pence"]
    flows = [
        (FLOW_LABELS[k], full["shares"][k], money(full["flows_pence"][k]))
        for k in ("local", "regional", "national", "unknown")
    ]
    sizes = sorted(full["size_bands_pence"].items(), key=lambda kv: -kv[1])
    size_rows = [(k, v / economy if economy else 0.0, money(v)) for k, v in sizes]
    months = [(m["month"], m["local_share"], money(m["economy_pence"])) for m in result["months"]]
    leakage = result["leakage"][:10]
    social = [
        ("Social economy", full["social_share"]),
        ("Micro-enterprises", full["micro_share"]),
        ("Small and medium firms", full["sme_share"]),
    ]
    return {
        **known_without_location(result),
        "full": full,
        "top_300": result["top_300"],
        "flows": flows,
        "flows_svg": bars_svg(
            [(label, s) for label, s, _ in flows],
            title="Share of spend by where suppliers are",
            percent=True,
        ),
        "sizes": size_rows,
        "sizes_svg": bars_svg(
            [(k, s) for k, s, _ in size_rows], title="Share of spend by supplier size", percent=True
        ),
        "social": social,
        "social_svg": bars_svg(
            social, title="Shares with the social economy, micro and SMEs", percent=True
        ),
        "months": months,
        "months_svg": bars_svg(
            [(m, s) for m, s, _ in months], title="Local share of spend by month", percent=True
        ),
        "leakage": leakage,
        "leakage_svg": bars_svg(
            [(r["category"], r["amount_pence"]) for r in leakage],
            title="Spend leaking out of the area by category",
        ),
    }


def known_without_location(result: dict) -> dict:
    """Charts and tables that need no supplier's place: spend by category, by kind of
    supplier, and its concentration among the largest suppliers. Analyses stored before these
    existed have none of them (refreshing the analysis adds them)."""
    charts: dict = {}
    if kinds := result.get("kinds"):
        rows = [(k["label"], k["share"], money(k["pence"]), k["suppliers"]) for k in kinds]
        charts["kinds"] = rows
        charts["kinds_svg"] = bars_svg(
            [(label, share) for label, share, _, _ in rows],
            title="Share of spend by kind of supplier",
            percent=True,
        )
    if categories := result.get("categories"):
        rows = [
            (c["category"], c["share"], money(c["pence"]), money(c["local_pence"]))
            for c in categories
        ]
        charts["categories"] = rows
        charts["categories_svg"] = bars_svg(
            [(name, share) for name, share, _, _ in rows],
            title="Share of spend by category",
            percent=True,
        )
    if (concentration := result.get("concentration")) and concentration["top"]:
        rows = [
            (t["name"], t["share"], money(t["pence"]), KIND_LABELS.get(t["kind"], t["kind"]))
            for t in concentration["top"]
        ]
        charts["concentration"] = concentration
        charts["top_suppliers"] = rows
        charts["top_suppliers_svg"] = bars_svg(
            [(name, share) for name, share, _, _ in rows],
            title="Share of spend taken by each of the largest suppliers",
            percent=True,
        )
    return charts
