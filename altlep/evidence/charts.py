"""Turn a stored analysis into the dashboard's charts (inline SVG from the engine's report
helpers) and the tables beside them."""

import html
import math

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


RADAR_SIZE, RADAR_RADIUS = (720, 460), 150


def _wrapped(label: str, width: int = 22) -> list[str]:
    lines = [""]
    for word in label.split():
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def radar_svg(axes: list[tuple[str, float | None]], *, title: str, desc: str) -> str:
    """A radar chart of shares (0-1) as inline SVG, one axis per label, with rings at 25%,
    50%, 75% and 100%. An axis with no value (None) is labelled "no data" and the shape skips
    it, since drawing it at the centre would read as 0%. Each point carries its value in
    text, so the chart reads without colour; the table beside it says the same."""
    width, height = RADAR_SIZE
    cx, cy, r = width / 2, height / 2, RADAR_RADIUS
    n = max(len(axes), 1)

    def point(i: int, share: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return cx + r * share * math.cos(angle), cy + r * share * math.sin(angle)

    parts = [
        f'<svg role="img" aria-labelledby="radar-title radar-desc" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="radar-title">{html.escape(title)}</title>',
        f'<desc id="radar-desc">{html.escape(desc)}</desc>',
    ]
    for ring in (0.25, 0.5, 0.75, 1.0):
        ring_points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, ring) for i in range(n)))
        parts.append(f'<polygon points="{ring_points}" fill="none" stroke="#a0aec0"/>')
    parts.append(f'<text x="{cx + 4:.1f}" y="{cy - r - 4:.1f}" font-size="12">100%</text>')
    known = []
    for i, (label, share) in enumerate(axes):
        x, y = point(i, 1.0)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#a0aec0"/>')
        lx, ly = point(i, 1.18)
        anchor = "middle" if abs(lx - cx) < 10 else ("start" if lx > cx else "end")
        shown = "no data" if share is None else f"{share:.0%}"
        lines = [*_wrapped(label), shown]
        # Above the chart a label grows upwards, below it downwards, at the sides both ways.
        if ly < cy - r:
            top = ly - 16 * (len(lines) - 1)
        elif ly > cy + r:
            top = ly + 4
        else:
            top = ly - 8 * (len(lines) - 1)
        spans = "".join(
            f'<tspan x="{lx:.1f}" y="{top + 16 * k:.1f}">{html.escape(text)}</tspan>'
            for k, text in enumerate(lines)
        )
        parts.append(f'<text font-size="14" text-anchor="{anchor}">{spans}</text>')
        if share is not None:
            known.append((label, share, point(i, max(0.0, min(share, 1.0)))))
    if len(known) >= 2:
        shape = " ".join(f"{x:.1f},{y:.1f}" for _, _, (x, y) in known)
        parts.append(
            f'<polygon points="{shape}" fill="#2b6cb0" fill-opacity="0.25" stroke="#2b6cb0" '
            'stroke-width="2"/>'
        )
    for label, share, (x, y) in known:
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#2b6cb0">'
            f"<title>{html.escape(label)}: {share:.0%}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)
