"""Bar charts of counts for the sector page (inline SVG, labels in text, a table beside each)."""

import html

BAR_MAX = 380
CHART_WIDTH = 480


def count_bars_svg(rows: list[tuple[str, int | None, str]], *, title: str) -> str:
    """Horizontal bars of counts; a missing count draws no bar and says why in words."""
    height = 44 * len(rows) + 6
    top = max((v for _, v, _ in rows if v), default=0) or 1
    parts = [
        f'<svg role="img" aria-label="{html.escape(title)}" width="{CHART_WIDTH}" '
        f'height="{height}" viewBox="0 0 {CHART_WIDTH} {height}" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, value, note) in enumerate(rows):
        y = i * 44
        width = int(BAR_MAX * (value or 0) / top)
        shown = f"{value:,}" if value is not None else "not known"
        if note and note not in {"exact"}:
            shown += f" ({note})"
        parts.append(
            f'<text x="0" y="{y + 16}" font-size="16">{html.escape(label[:52])}</text>'
            f'<rect x="0" y="{y + 21}" width="{width}" height="18" fill="#2b6cb0"/>'
            f'<text x="{width + 6}" y="{y + 36}" font-size="15">{html.escape(shown)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
