"""Where a buyer's contracts went: by supplier scale, VCSE and locality, by year, against the
30% SME ambition of PPN 001; a chart with a table beside it, and CSV."""

from __future__ import annotations

from collections import defaultdict

from django.shortcuts import get_object_or_404, render

from altlep.core.exports import csv_response
from altlep.core.models import Partnership
from altlep.members.models import Organisation
from altlep.procurement.models import AwardRecord

SME_AMBITION = 30  # percent of spend with SMEs, PPN 001 (February 2025)
SCALES = ("micro", "sme", "large", "unknown")


def contract_rows(buyer: Organisation) -> list[dict]:
    """One row per year: value and count by scale, VCSE and local, and the SME share."""
    partnership = Partnership.objects.current()
    area = set(partnership.area_codes) if partnership else set()
    years: dict[int | None, dict] = defaultdict(lambda: defaultdict(int))
    for record in AwardRecord.objects.filter(buyer=buyer):
        year = record.awarded_on.year if record.awarded_on else None
        row = years[year]
        amount = record.amount_pence or 0
        row[f"{record.scale}_pence"] += amount
        row[f"{record.scale}_count"] += 1
        row["total_pence"] += amount
        row["total_count"] += 1
        if record.vcse:
            row["vcse_pence"] += amount
            row["vcse_count"] += 1
        if record.district_code and record.district_code in area:
            row["local_pence"] += amount
            row["local_count"] += 1
    rows = []
    for year in sorted(years, key=lambda y: (y is None, y)):
        row = years[year]
        total = row["total_pence"]
        sme = row["micro_pence"] + row["sme_pence"]
        rows.append(
            {
                "year": year if year is not None else "unknown",
                **{f"{s}_pence": row[f"{s}_pence"] for s in SCALES},
                **{f"{s}_count": row[f"{s}_count"] for s in SCALES},
                "vcse_pence": row["vcse_pence"],
                "local_pence": row["local_pence"],
                "total_pence": total,
                "total_count": row["total_count"],
                "sme_share": round(100 * sme / total, 1) if total else None,
            }
        )
    return rows


def bars(rows: list[dict]) -> str:
    """A horizontal bar per year of the SME (micro + SME) share, with the 30% line."""
    height = 28 * max(1, len(rows)) + 30
    parts = [
        f'<svg class="chart" viewBox="0 0 420 {height}" role="img" '
        'aria-labelledby="sme-chart-title"><title id="sme-chart-title">Share of contract value '
        "won by micro and small or medium suppliers, by year, against the 30% ambition</title>"
    ]
    for index, row in enumerate(rows):
        y = 10 + index * 28
        share = row["sme_share"] or 0
        parts.append(f'<text x="0" y="{y + 14}" class="label">{row["year"]}</text>')
        parts.append(
            f'<rect x="70" y="{y}" width="{3 * share:.1f}" height="18" class="bar"></rect>'
        )
        parts.append(f'<text x="{76 + 3 * share:.1f}" y="{y + 14}">{share}%</text>')
    line = 70 + 3 * SME_AMBITION
    parts.append(
        f'<line x1="{line}" x2="{line}" y1="0" y2="{height - 20}" class="ambition"></line>'
    )
    parts.append(f'<text x="{line + 4}" y="{height - 6}">30% ambition</text></svg>')
    return "".join(parts)


def where_contracts_went(request, slug: str):
    buyer = get_object_or_404(Organisation, slug=slug)
    rows = contract_rows(buyer)
    return render(
        request,
        "procurement/contracts.html",
        {"buyer": buyer, "rows": rows, "chart": bars(rows), "ambition": SME_AMBITION},
    )


def where_contracts_went_csv(request, slug: str):
    buyer = get_object_or_404(Organisation, slug=slug)
    return csv_response(contract_rows(buyer), f"{buyer.slug}-contracts.csv")
