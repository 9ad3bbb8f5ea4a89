"""The network map as inline SVG drawn on the server (pure): a spring layout with a fixed
seed, nodes coloured and shaped by sector (shape too, so colour is not the only signal)."""

from __future__ import annotations

import html

import networkx as nx

from altlep.evidence.network.engine import SEED, Network

WIDTH, HEIGHT, PAD = 720, 520, 24
STYLE = {  # sector -> (fill, shape)
    "public": ("#2b6cb0", "square"),
    "private": ("#b7791f", "circle"),
    "social": ("#2f855a", "diamond"),
}
OTHER = ("#6b46c1", "circle")


def layout(network: Network) -> dict[str, tuple[float, float]]:
    g = network.graph()
    if not g.number_of_nodes():
        return {}
    pos = nx.spring_layout(g, seed=SEED, k=None, iterations=60)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {
        n: (
            PAD + (x - min(xs)) / span_x * (WIDTH - 2 * PAD),
            PAD + (y - min(ys)) / span_y * (HEIGHT - 2 * PAD),
        )
        for n, (x, y) in pos.items()
    }


def _marker(x: float, y: float, sector: str, label: str) -> str:
    fill, shape = STYLE.get(sector, OTHER)
    title = f"<title>{html.escape(label)} ({html.escape(sector)})</title>"
    if shape == "square":
        return (
            f'<rect x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" '
            f'fill="{fill}">{title}</rect>'
        )
    if shape == "diamond":
        pts = f"{x:.1f},{y - 8:.1f} {x + 8:.1f},{y:.1f} {x:.1f},{y + 8:.1f} {x - 8:.1f},{y:.1f}"
        return f'<polygon points="{pts}" fill="{fill}">{title}</polygon>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{fill}">{title}</circle>'


def map_svg(network: Network, *, title: str = "The cross-sector network") -> str:
    pos = layout(network)
    parts = [
        f'<svg role="img" aria-label="{html.escape(title)}" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for a, b in sorted(network.edges()):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        cross = network.sectors[a] != network.sectors[b]
        colour, dash = ("#1a202c", "") if cross else ("#a0aec0", ' stroke-dasharray="4 3"')
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour}" stroke-width="1.2"{dash}/>'
        )
    for node in sorted(network.sectors):
        x, y = pos[node]
        parts.append(_marker(x, y, network.sectors[node], network.labels.get(node, node)))
    parts.append("</svg>")
    return "".join(parts)
