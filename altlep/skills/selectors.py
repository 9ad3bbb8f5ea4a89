"""Reads about apprenticeships: the public placement search, the dashboard's figures, and the
pages' querysets."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Q, QuerySet, Sum

from altlep.core.whats_on import Item, Link, Section
from altlep.geo.postcodes import Location, PostcodeError, distance_km, locate
from altlep.members.models import SizeBandField
from altlep.skills.models import (
    Application,
    Apprenticeship,
    ApprenticeshipStatus,
    ClaimStatus,
    LedgerEntry,
    Placement,
    PlacementStatus,
    TeachingFund,
)


@dataclass
class Found:
    placement: Placement
    distance_km: float | None = None


def placement_search(
    *,
    text: str = "",
    level: int | None = None,
    route: str = "",
    near: str = "",
    within_km: float | None = None,
    micro_only: bool = False,
    include_closed: bool = False,
) -> tuple[list[Found], str]:
    """Placements matching the filters, nearest first when a postcode is given; the second
    value explains a postcode that could not be used."""
    placements = Placement.objects.select_related("standard", "organisation")
    if not include_closed:
        placements = placements.filter(status=PlacementStatus.OPEN)
    if text.strip():
        words = text.strip()
        placements = placements.filter(
            Q(title__icontains=words)
            | Q(learning__icontains=words)
            | Q(standard__title__icontains=words)
            | Q(organisation__name__icontains=words)
        )
    if level:
        placements = placements.filter(standard__level=level)
    if route:
        placements = placements.filter(standard__route=route)
    if micro_only:
        placements = placements.filter(organisation__size_band=SizeBandField.MICRO)
    found = [Found(p) for p in placements]
    problem = ""
    if near.strip():
        try:
            origin = locate(near)
        except PostcodeError as error:
            return found, str(error)
        for item in found:
            p = item.placement
            item.distance_km = distance_km(
                origin, Location(p.workplace_postcode, p.district_code, p.easting, p.northing)
            )
        if within_km is not None:
            found = [f for f in found if f.distance_km is not None and f.distance_km <= within_km]
        found.sort(key=lambda f: (f.distance_km is None, f.distance_km or 0))
    return found, problem


def routes() -> list[str]:
    return list(
        Placement.objects.exclude(standard__route="")
        .values_list("standard__route", flat=True)
        .distinct()
        .order_by("standard__route")
    )


def applications_for(placement: Placement) -> QuerySet[Application]:
    return placement.applications.select_related("applicant")


def applications_of(member) -> QuerySet[Application]:
    return Application.objects.filter(applicant=member).select_related("placement")


def placements_of(member) -> QuerySet[Placement]:
    return Placement.objects.filter(owner=member).select_related("standard")


@dataclass
class Dashboard:
    offered: int
    open: int
    filled: int
    completed: int
    ended_early: int
    in_progress: int
    by_size: list[tuple[str, int, int, int]]  # size band, offered, filled, completed
    by_level: list[tuple[str, int, int]]  # level, offered, filled
    by_route: list[tuple[str, int, int]]
    paid_pence: int
    budget_pence: int
    payments: int


def dashboard() -> Dashboard:
    """The area's figures: placements offered, filled, completed, by size, level and route."""
    placements = list(Placement.objects.select_related("standard", "organisation"))
    apprenticeships = {
        a.placement_id: a for a in Apprenticeship.objects.all().only("placement", "status")
    }
    filled = [p for p in placements if p.pk in apprenticeships]
    status = Counter(a.status for a in apprenticeships.values())

    def by(key) -> tuple[Counter, Counter, Counter]:
        offered = Counter(key(p) for p in placements)
        got = Counter(key(p) for p in filled)
        done = Counter(
            key(p) for p in filled if apprenticeships[p.pk].status == ApprenticeshipStatus.COMPLETED
        )
        return offered, got, done

    size_labels = dict(SizeBandField.choices)
    size_o, size_f, size_c = by(lambda p: p.organisation.size_band)
    level_o, level_f, _ = by(lambda p: p.standard.level or 0)
    route_o, route_f, _ = by(lambda p: p.standard.route or "Not set")
    totals = TeachingFund.objects.aggregate(paid=Sum("paid_pence"), budget=Sum("budget_pence"))
    return Dashboard(
        offered=len(placements),
        open=sum(1 for p in placements if p.status == PlacementStatus.OPEN),
        filled=len(filled),
        completed=status[ApprenticeshipStatus.COMPLETED],
        ended_early=status[ApprenticeshipStatus.ENDED_EARLY],
        in_progress=status[ApprenticeshipStatus.IN_PROGRESS],
        by_size=[
            (size_labels.get(band, band), size_o[band], size_f[band], size_c[band])
            for band in SizeBandField.values
            if size_o[band]
        ],
        by_level=[
            (f"Level {lvl}" if lvl else "Level not set", level_o[lvl], level_f[lvl])
            for lvl in sorted(level_o)
        ],
        by_route=[(route, route_o[route], route_f[route]) for route in sorted(route_o)],
        paid_pence=totals["paid"] or 0,
        budget_pence=totals["budget"] or 0,
        payments=LedgerEntry.objects.filter(amount_pence__gt=0).count(),
    )


def pending_claims(fund: TeachingFund):
    return fund.claims.filter(status=ClaimStatus.SUBMITTED).select_related(
        "apprenticeship__placement__organisation", "claimant"
    )


def open_placements(request) -> Section:
    """The home page's "what is on": placements open for applications."""
    from django.urls import reverse

    placements = Placement.objects.filter(status=PlacementStatus.OPEN).select_related(
        "organisation", "standard"
    )[:5]
    return Section(
        key="apprenticeships",
        title="Apprenticeships with local owner-managers",
        items=[
            Item(
                title=f"{p.title} at {p.organisation.name}",
                url=p.get_absolute_url(),
                detail=f"{p.standard.title}, starts {p.start_date:%-d %B %Y}",
            )
            for p in placements
        ],
        empty="No placements open just now.",
        links=[Link("All placements", reverse("skills:placements"))],
    )
