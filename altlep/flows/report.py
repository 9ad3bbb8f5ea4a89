"""Render an analysis as JSON, CSV (section, key, value rows) or a standalone HTML page whose
bar charts are inline SVG, each beside the table it draws."""

from __future__ import annotations

import html
import io
import json

from altlep import safe_csv


def money(pence: int) -> str:
    return f"£{pence / 100:,.0f}"


def to_json(result: dict) -> str:
    return json.dumps(result, indent=2, sort_keys=True, default=str)


def to_csv(result: dict) -> str:
    out = io.StringIO()
    writer = safe_csv.writer(out)
    writer.writerow(["section", "key", "value"])
    for basis in ("full", "top_300"):
        for key, value in result[basis]["shares"].items():
            writer.writerow([f"{basis} share", key, value])
        for key, value in result[basis]["flows_pence"].items():
            writer.writerow([f"{basis} pence", key, value])
        for key in (
            "sme_share",
            "micro_share",
            "social_share",
            "public_body_pence",
            "redacted_pence",
        ):
            writer.writerow([basis, key, result[basis][key]])
    for row in result["leakage"]:
        writer.writerow(["leakage pence", row["category"], row["amount_pence"]])
    for row in result["months"]:
        writer.writerow(["local share by month", row["month"], row["local_share"]])
    for row in result["departments"]:
        writer.writerow(["pence by department", row["department"], row["amount_pence"]])
    for row in result.get("kinds", []):
        writer.writerow(["pence by kind of supplier", row["kind"], row["pence"]])
    for row in result.get("categories", []):
        writer.writerow(["pence by category", row["category"], row["pence"]])
    if concentration := result.get("concentration"):
        for key in ("suppliers", "top_share", "hhi"):
            writer.writerow(["concentration", key, concentration[key]])
    for part in ("unlocated", "unresolved"):
        for row in (result.get("gaps") or {}).get(part, {}).get("reasons", []):
            writer.writerow([f"{part} pence by reason", row["reason"], row["pence"]])
    for key, value in (result.get("lm3") or {}).items():
        if key != "scenarios":
            writer.writerow(["lm3", key, value])
    return out.getvalue()


# Bars are drawn this long at most, inside a chart this wide: narrow enough that on a phone the
# chart scales down only a little and its text stays readable.
BAR_MAX = 380
CHART_WIDTH = 480


def bars_svg(rows: list[tuple[str, float]], *, title: str, percent: bool = False) -> str:
    """A horizontal bar chart as inline SVG (labels in text, so it reads without colour).

    Each label sits on its own line above its bar, so long labels need no column of their own.
    """
    height = 44 * len(rows) + 6
    # Shares are drawn against the whole (100%), so a 5% bar looks like 5%; amounts against
    # the largest amount.
    top = 1.0 if percent else (max((v for _, v in rows), default=0) or 1)
    parts = [
        f'<svg role="img" aria-label="{html.escape(title)}" width="{CHART_WIDTH}" '
        f'height="{height}" viewBox="0 0 {CHART_WIDTH} {height}" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, value) in enumerate(rows):
        y = i * 44
        width = int(BAR_MAX * min(max(value, 0) / top, 1))
        shown = f"{value:.1%}" if percent else money(int(value))
        parts.append(
            f'<text x="0" y="{y + 16}" font-size="16">{html.escape(label[:52])}</text>'
            f'<rect x="0" y="{y + 21}" width="{width}" height="18" fill="#2b6cb0"/>'
            f'<text x="{width + 6}" y="{y + 36}" font-size="15">{shown}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th scope='col'>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def to_html(result: dict) -> str:
    full = result["full"]
    shares = [(k, v) for k, v in full["shares"].items()]
    leak = [(r["category"], r["amount_pence"]) for r in result["leakage"][:10]]
    months = [(r["month"], r["local_share"]) for r in result["months"]]
    sizes = sorted(full["size_bands_pence"].items())
    sections = [
        f"<h1>Where {html.escape(result['body'])}'s spend goes</h1>",
        f"<p>{result['lines']} lines; total {money(full['total_pence'])}; with the private and "
        f"social economy {money(full['economy_pence'])}; public-body transfers "
        f"{money(full['public_body_pence'])}; redacted {money(full['redacted_pence'])}; "
        f"{result['unresolved_lines']} lines with unresolved suppliers.</p>",
        "<h2>Local, regional, national</h2>",
        bars_svg(shares, title="Shares", percent=True),
        _table(
            ["where", "share", "full basis", "top-300 basis"],
            [
                [
                    k,
                    f"{v:.1%}",
                    money(full["flows_pence"][k]),
                    f"{result['top_300']['shares'][k]:.1%}",
                ]
                for k, v in shares
            ],
        ),
        "<h2>Local share by month</h2>",
        bars_svg(months, title="Local share", percent=True),
        _table(["month", "local share"], [[m, f"{v:.1%}"] for m, v in months]),
        "<h2>Leakage by category</h2>",
        bars_svg(leak, title="Leakage"),
        _table(
            ["category", "leaking", "top non-local suppliers"],
            [
                [
                    r["category"],
                    money(r["amount_pence"]),
                    "; ".join(s["name"] for s in r["top_suppliers"]),
                ]
                for r in result["leakage"]
            ],
        ),
        "<h2>Size bands and social economy</h2>",
        bars_svg(sizes, title="Size bands"),
        _table(["size band", "spend"], [[k, money(v)] for k, v in sizes]),
        f"<p>Social economy share: {full['social_share']:.1%}. "
        f"Micro: {full['micro_share']:.1%}. SME: {full['sme_share']:.1%}.</p>",
    ]
    sections += _known_without_location(result)
    if lm3 := result.get("lm3"):
        sections += [
            "<h2>Local Multiplier 3</h2>",
            f"<p>LM3 {lm3['lm3']} (re-spend: {html.escape(lm3['respend_basis'])}).</p>",
            _table(
                ["if this share of leaking spend moved local", "LM3"],
                [[f"{s['moved_share']:.0%}", s["lm3"]] for s in lm3["scenarios"]],
            ),
        ]
    return (
        "<!doctype html><html lang='en'><meta charset='utf-8'><title>Money flows: "
        f"{html.escape(result['body'])}</title><body>{''.join(sections)}</body></html>"
    )


def _known_without_location(result: dict) -> list[str]:
    """Kinds of supplier, concentration and why suppliers are not located (newer analyses)."""
    out = []
    if kinds := result.get("kinds"):
        out += [
            "<h2>Kinds of supplier</h2>",
            bars_svg([(k["label"], k["share"]) for k in kinds], title="Kinds", percent=True),
            _table(
                ["kind", "share", "spend", "suppliers"],
                [
                    [k["label"], f"{k['share']:.1%}", money(k["pence"]), k["suppliers"]]
                    for k in kinds
                ],
            ),
        ]
    if (c := result.get("concentration")) and c["top"]:
        out += [
            "<h2>The largest suppliers</h2>",
            f"<p>The {len(c['top'])} largest of {c['suppliers']} suppliers take "
            f"{c['top_share']:.1%} of the spend; HHI {c['hhi']}.</p>",
            _table(
                ["supplier", "share", "spend"],
                [[t["name"], f"{t['share']:.1%}", money(t["pence"])] for t in c["top"]],
            ),
        ]
    if (gaps := result.get("gaps")) and gaps["unlocated"]["reasons"]:
        out += [
            "<h2>Suppliers not located, and why</h2>",
            _table(
                ["why", "suppliers", "spend", "how to fix it"],
                [
                    [r["why"], r["suppliers"], money(r["pence"]), r["fix"]]
                    for r in gaps["unlocated"]["reasons"]
                ],
            ),
        ]
    return out


RENDERERS = {"json": to_json, "csv": to_csv, "html": to_html}
