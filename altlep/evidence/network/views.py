"""The network page: metrics, a map drawn on the server, filters by tie type and period, and
the table of organisations with their ties by sector (the map's text alternative)."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from altlep.evidence.network import draw, engine
from altlep.evidence.network.sources import LABELS, awards_unresolved, platform_network

MAP_LIMIT = 400  # past this a drawn map is unreadable; the table stays


def _date(raw: str | None) -> str:
    try:
        return datetime.date.fromisoformat(raw or "").isoformat()
    except ValueError:
        return ""


def _filtered(request: HttpRequest):
    network = platform_network()
    chosen = [t for t in request.GET.getlist("type") if t in LABELS]
    start, end = _date(request.GET.get("from")), _date(request.GET.get("to"))
    when = (start or "0001-01-01", end or "9999-12-31") if (start or end) else None
    return (
        network,
        engine.filtered(network, types=set(chosen) or None, when=when),
        chosen,
        start,
        end,
    )


def network(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("evidence.view_network"):
        raise PermissionDenied
    full, shown, chosen, start, end = _filtered(request)
    result = engine.metrics(shown, with_isolated_ids=True)
    by_sector = engine.ties_by_sector(shown)
    sectors = sorted(set(full.sectors.values()))
    rows = sorted(
        (
            {
                "name": shown.labels[n],
                "sector": shown.sectors[n],
                "ties": [by_sector[n].get(s, 0) for s in sectors],
                "cross": sum(v for s, v in by_sector[n].items() if s != shown.sectors[n]),
            }
            for n in shown.sectors
        ),
        key=lambda r: (-r["cross"], -sum(r["ties"]), r["name"]),
    )
    connected = engine.Network(
        {n: s for n, s in shown.sectors.items() if by_sector[n]}, shown.ties, shown.labels
    )
    return render(
        request,
        "evidence/network.html",
        {
            "m": result,
            "sectors": sectors,
            "per_sector": [(s, result["ei_index"]["sectors"].get(s, {})) for s in sectors],
            "rows": rows,
            "types": [(k, v, k in chosen) for k, v in LABELS.items()],
            "start": start,
            "end": end,
            "map": draw.map_svg(connected) if len(connected.sectors) <= MAP_LIMIT else "",
            "map_nodes": len(connected.sectors),
            "isolated_names": sorted(shown.labels[i] for i in result["isolated_ids"])[:50],
            "awards_unresolved": awards_unresolved(),
        },
    )


def network_json(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("evidence.view_network"):
        raise PermissionDenied
    _, shown, _, _, _ = _filtered(request)
    return JsonResponse(engine.metrics(shown), json_dumps_params={"indent": 2})
