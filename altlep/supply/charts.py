"""Before/after charts of a scenario as inline SVG, drawn as the flows report draws its bars
(label above each bar, value in text beside it), with the table beside them in the template."""

import html

WIDTH, BAR_MAX = 360, 250


def bars(rows: list[tuple[str, float, str]], *, title: str, top: float) -> str:
    """Horizontal bars for (label, value, value as shown); `top` is the full bar's value."""
    height = 44 * len(rows) + 6
    parts = [
        f'<svg role="img" aria-label="{html.escape(title)}" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, value, shown) in enumerate(rows):
        y = i * 44
        width = int(BAR_MAX * min(max(value, 0) / (top or 1), 1))
        colour = "#2b6cb0" if i == 0 else "#276749"
        parts.append(
            f'<text x="0" y="{y + 16}" font-size="16">{html.escape(label)}</text>'
            f'<rect x="0" y="{y + 21}" width="{width}" height="18" fill="{colour}"/>'
            f'<text x="{width + 6}" y="{y + 36}" font-size="15">{html.escape(shown)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def scenario_charts(f: dict) -> dict:
    return {
        "share_svg": bars(
            [
                ("Now", f["local_share_before"], f"{f['local_share_before']:.1%}"),
                ("In the scenario", f["local_share_after"], f"{f['local_share_after']:.1%}"),
            ],
            title="Share of spend with local suppliers, now and in the scenario",
            top=1.0,
        ),
        "lm3_svg": bars(
            [
                ("Now", f["lm3_before"], f"{f['lm3_before']:.3f}"),
                ("In the scenario", f["lm3_after"], f"{f['lm3_after']:.3f}"),
            ],
            # LM3 runs from 1 (nothing local) to 3 (everything local, all re-spent).
            title="LM3 now and in the scenario, on a scale of 1 to 3",
            top=3.0,
        ),
    }
