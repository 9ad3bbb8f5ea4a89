"""Reads for the procurement pages: the open list with its filters, an opportunity with its
check, the "what is on" section, and what a member's organisations have been alerted to."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from altlep.core.whats_on import Item, Link, Section
from altlep.members.models import Role
from altlep.procurement.check.engine import SCORE_FORMULA, Result
from altlep.procurement.models import (
    Opportunity,
    OpportunityAlert,
    OpportunityStatus,
)
from altlep.procurement.notice import check_opportunity

VALUE_BANDS = {
    "under-30k": (None, 3_000_000),
    "30k-100k": (3_000_000, 10_000_000),
    "100k-500k": (10_000_000, 50_000_000),
    "over-500k": (50_000_000, None),
}


@dataclass
class Listed:
    opportunity: Opportunity
    result: Result


def _base() -> QuerySet[Opportunity]:
    return Opportunity.objects.select_related("buyer", "terms").prefetch_related(
        "lots__cpv_codes", "cpv_codes"
    )


def open_opportunities() -> QuerySet[Opportunity]:
    """Published opportunities whose tender deadline has not passed, soonest deadline first."""
    return (
        _base()
        .filter(status=OpportunityStatus.PUBLISHED)
        .filter(Q(terms__tender_deadline__gt=timezone.now()) | Q(terms__tender_deadline=None))
        .order_by("terms__tender_deadline", "pk")
    )


def opportunity_list(
    *,
    q: str = "",
    division: str = "",
    value_band: str = "",
    deadline_before=None,
    has_lots: bool = False,
    min_score: int | None = None,
) -> list[Listed]:
    """Open opportunities matching the filters, each with its check."""
    found = open_opportunities()
    if q:
        found = found.filter(Q(title__icontains=q) | Q(description__icontains=q))
    if division:
        found = found.filter(
            Q(cpv_codes__code__startswith=division) | Q(lots__cpv_codes__code__startswith=division)
        ).distinct()
    if value_band in VALUE_BANDS:
        low, high = VALUE_BANDS[value_band]
        if low is not None:
            found = found.filter(estimated_value_pence__gte=low)
        if high is not None:
            found = found.filter(estimated_value_pence__lt=high)
    if deadline_before:
        found = found.filter(terms__tender_deadline__date__lte=deadline_before)
    listed = [Listed(o, check_opportunity(o)) for o in found]
    if has_lots:
        listed = [item for item in listed if item.opportunity.lots.count() >= 2]
    if min_score is not None:
        listed = [item for item in listed if (item.result.score or 0) >= min_score]
    return listed


def opportunity_page(opportunity: Opportunity) -> dict:
    """What the opportunity page shows: its check and formula, lots, clarifications."""
    return {
        "opportunity": opportunity,
        "result": check_opportunity(opportunity),
        "formula": SCORE_FORMULA,
        "lots": opportunity.lots.prefetch_related("cpv_codes", "interests__organisation"),
        "clarifications": opportunity.clarifications.select_related("asked_by"),
        "revisions": opportunity.revisions.select_related("opportunity"),
    }


def buyers_for(member) -> list:
    """Organisations the member is an officer of (and so may publish for)."""
    if not member.is_authenticated:
        return []
    return [
        a.organisation
        for a in member.affiliations.filter(role=Role.OFFICER).select_related("organisation")
    ]


def managed_by(member) -> list:
    """Businesses and charities the member manages (not the public bodies they work for)."""
    if not member.is_authenticated:
        return []
    return [
        a.organisation
        for a in member.affiliations.filter(
            role__in=[Role.OWNER_MANAGER, Role.TRUSTEE]
        ).select_related("organisation")
    ]


def drafts_for(member) -> QuerySet[Opportunity]:
    buyers = buyers_for(member)
    return _base().filter(buyer__in=buyers).exclude(status=OpportunityStatus.PUBLISHED)


def alerts_for(member) -> QuerySet[OpportunityAlert]:
    """Open opportunities that the member's organisations were alerted to."""
    if not member.is_authenticated:
        return OpportunityAlert.objects.none()
    return (
        OpportunityAlert.objects.filter(
            organisation__affiliations__member=member,
            opportunity__status=OpportunityStatus.PUBLISHED,
        )
        .select_related("opportunity", "organisation")
        .distinct()
        .order_by("-created_at")
    )


def open_opportunities_section(request) -> Section:
    """The home page's "what is on": open opportunities, soonest deadline first."""
    items = []
    for opportunity in open_opportunities()[:5]:
        deadline = getattr(getattr(opportunity, "terms", None), "tender_deadline", None)
        items.append(
            Item(
                title=opportunity.title,
                url=reverse("procurement:opportunity", args=[opportunity.pk]),
                detail=f"{opportunity.buyer.name}; tenders close",
                when=deadline,
            )
        )
    return Section(
        key="opportunities",
        title="Opportunities to bid for",
        items=items,
        empty="No open opportunities just now.",
        links=[Link("All opportunities", reverse("procurement:list"))],
    )
