"""Procurement's indicators for the resilience scorecard (registered in
`altlep/evidence/resilience/registry.py`): how friendly to micro-enterprises the opportunities
published in a period were, and how much awarded contract value went to micro and small firms."""

from __future__ import annotations

import statistics

from altlep.evidence.resilience.arithmetic import Reading
from altlep.evidence.resilience.computed import indicator, period_bounds, period_span
from altlep.procurement.models import AwardRecord, Opportunity, OpportunityStatus
from altlep.procurement.notice import check_opportunity


@indicator("Micro-friendliness score of opportunities published", "score", "integration")
def opportunity_friendliness(period) -> Reading:
    start, end = period_bounds(period)
    published = (
        Opportunity.objects.exclude(status=OpportunityStatus.DRAFT)
        .filter(terms__publication_at__gte=start, terms__publication_at__lte=end)
        .select_related("terms")
    )
    scores = [check_opportunity(o).score for o in published]
    if not scores:
        return Reading.missing(f"no opportunity was published in {period_span(period)}")
    return Reading(
        round(statistics.mean(scores), 1),
        (
            f"mean check score of {len(scores)} opportunities published in {period_span(period)} "
            f"(lowest {min(scores)}, highest {max(scores)})",
        ),
    )


@indicator("Share of awarded contract value to micro-enterprises and SMEs", "%", "investment")
def awards_to_small_firms(period) -> Reading:
    awards = AwardRecord.objects.filter(
        awarded_on__gte=period.starts_on, awarded_on__lte=period.ends_on, amount_pence__isnull=False
    )
    total = sum(a.amount_pence for a in awards)
    if not total:
        return Reading.missing(
            f"no contract award with a value is recorded for {period_span(period)} "
            "(an officer imports them with `altlep procurement import-awards`)"
        )
    small = sum(a.amount_pence for a in awards if a.scale in ("micro", "sme"))
    unknown = sum(a.amount_pence for a in awards if a.scale == "unknown")
    return Reading(
        round(100 * small / total, 2),
        (
            f"{awards.count()} awards in {period_span(period)} worth £{total / 100:,.0f}; "
            f"£{unknown / 100:,.0f} of it to suppliers of unknown size, counted as not small",
        ),
    )
