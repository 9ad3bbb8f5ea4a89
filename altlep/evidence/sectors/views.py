"""Sector pages: the list of definitions, an officer's new definition, a sector's size in the
partnership area (charts with tables and CSV), and the CSV itself."""

import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from altlep import safe_csv
from altlep.core.models import Partnership
from altlep.evidence.models import SectorDefinition
from altlep.evidence.sectors import selectors
from altlep.evidence.sectors.charts import count_bars_svg
from altlep.evidence.sectors.services import parse_codes, sector_define

BAND_LABELS = {"micro": "Micro (0–9)", "small": "Small (10–49)", "medium": "Medium (50–249)"}
BAND_LABELS |= {"large": "Large (250+)", "total": "Total"}


def sector_list(request):
    if not request.user.has_perm("evidence.view_sector"):
        raise PermissionDenied
    definitions = SectorDefinition.objects.prefetch_related("codes").order_by("-official", "name")
    return render(
        request,
        "evidence/sector_list.html",
        {
            "definitions": definitions,
            "can_define": request.user.has_perm("evidence.define_sector"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def sector_new(request):
    if not request.user.has_perm("evidence.define_sector"):
        raise PermissionDenied("Only partnership officers define sectors.")
    errors: dict = {}
    data = request.POST if request.method == "POST" else {}
    if request.method == "POST":
        try:
            definition = sector_define(
                actor=request.user,
                name=data.get("name", ""),
                codes=parse_codes(data.get("codes", "")),
                source=data.get("source", ""),
                description=data.get("description", ""),
            )
        except ValidationError as error:
            errors = error.message_dict
        else:
            return redirect("evidence:sector", slug=definition.slug)
    return render(request, "evidence/sector_new.html", {"data": data, "errors": errors})


def _areas(request) -> list[str]:
    codes = [c for c in request.GET.getlist("area") if c.strip()]
    if codes:
        return codes
    partnership = Partnership.objects.current()
    return list(partnership.area_codes) if partnership else []


def _definition(slug: str, version: str | None):
    if slug == "all":
        return None
    found = SectorDefinition.objects.filter(slug=slug)
    found = found.filter(version=version) if version and version.isdigit() else found
    definition = found.order_by("-version").first()
    if definition is None:
        raise Http404("No such sector.")
    return definition


def _year(request) -> int | None:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() else None


def sector_detail(request, slug: str):
    if not request.user.has_perm("evidence.view_sector"):
        raise PermissionDenied
    definition = _definition(slug, request.GET.get("version"))
    areas = _areas(request)
    context = {"definition": definition, "slug": slug, "error": "", "areas": areas}
    if not areas:
        context["error"] = "The partnership has no area yet: name districts with ?area=CODE."
        return render(request, "evidence/sector.html", context)
    try:
        size = selectors.sector_size(sector=definition, area_codes=areas, year=_year(request))
        trend = selectors.trend(sector=definition, area_codes=areas)
        compare = selectors.comparison(
            sector=definition,
            year=size["year"],
            dataset=size["businesses_dataset"] or "enterprises",
        )
    except selectors.SizingError as error:
        context["error"] = str(error)
        return render(request, "evidence/sector.html", context)
    bands = [(BAND_LABELS[b], size["businesses"][b]) for b in ("micro", "small", "medium", "large")]
    platform = size["platform"]["businesses"]
    context |= {
        "size": size,
        "bands": bands,
        "total": size["businesses"]["total"],
        "bands_svg": count_bars_svg(
            [(label, v.get("value"), v.get("note")) for label, v in bands],
            title="Businesses by size band, official statistics",
        ),
        "platform_rows": [
            (BAND_LABELS[b], platform[b]) for b in ("micro", "small", "medium", "large")
        ]
        + [("Size not known", platform["unknown"]), ("Total", platform["total"])],
        "platform_svg": count_bars_svg(
            [(BAND_LABELS[b], platform[b], "") for b in ("micro", "small", "medium", "large")],
            title="Organisations on the platform by size band",
        ),
        "trend": trend,
        "trend_svg": count_bars_svg(
            [
                (
                    str(t["year"]),
                    t["businesses"].value if t["businesses"] else None,
                    t["businesses"].note if t["businesses"] else "missing",
                )
                for t in trend
            ],
            title="Businesses by year",
        ),
        "compare": compare,
        "compare_svg": count_bars_svg(
            [(c["name"], c["total"].value, c["total"].note) for c in compare[:40]],
            title="Businesses in each area the data holds",
        ),
        "query": request.GET.urlencode(),
        "micro_pct": _pct(size["micro_share"]),
        "share_pct": _pct(size["share_of_area_economy"]),
    }
    return render(request, "evidence/sector.html", context)


def sector_csv(request, slug: str):
    if not request.user.has_perm("evidence.view_sector"):
        raise PermissionDenied
    definition = _definition(slug, request.GET.get("version"))
    try:
        size = selectors.sector_size(
            sector=definition, area_codes=_areas(request), year=_year(request)
        )
    except selectors.SizingError as error:
        raise Http404(str(error)) from error
    rows = []
    for band in ("micro", "small", "medium", "large", "total"):
        cell = size["businesses"][band]
        rows.append(
            {
                "source": "official statistics",
                "measure": f"businesses {band}",
                "value": cell.get("value"),
                "note": cell.get("note"),
                "explanation": cell.get("explanation"),
                "upper_bound": cell.get("upper_bound"),
            }
        )
    jobs = size["employment"]
    rows.append(
        {
            "source": "official statistics",
            "measure": "employment",
            "value": jobs.get("value"),
            "note": jobs.get("note"),
            "explanation": jobs.get("explanation"),
            "upper_bound": jobs.get("upper_bound"),
        }
    )
    for band, value in size["platform"]["businesses"].items():
        rows.append(
            {
                "source": "platform organisations",
                "measure": f"businesses {band}",
                "value": value,
                "note": "exact count of listed organisations",
                "explanation": "",
                "upper_bound": None,
            }
        )
    handle = io.StringIO()
    safe_csv.write_dicts(handle, rows)
    response = HttpResponse(handle.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="sector-{slug}-size.csv"'
    return response


def _pct(share: float | None) -> str:
    return "" if share is None else f"{share:.1%}"
