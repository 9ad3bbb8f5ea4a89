"""Indicators computed from what the platform records, each `(period) -> Reading` with its
lineage (which records, which period) or "no data" and why. The registry is INDICATORS in
registry.py; a later app (procurement, skills) adds one dotted path there."""

from __future__ import annotations

import datetime
import statistics
from collections import Counter

from django.apps import apps

from altlep.evidence.resilience.arithmetic import Reading
from altlep.evidence.resilience.arithmetic import spend_emissions as spend_emissions_of

_META: dict[str, tuple[str, str, str]] = {}


def indicator(title: str, unit: str, theme: str):
    """Register a function's title, unit and the theme it most obviously serves."""

    def wrap(fn):
        fn.title, fn.unit, fn.theme = title, unit, theme
        return fn

    return wrap


def _span(period) -> str:
    return f"{period.starts_on:%-d %b %Y} to {period.ends_on:%-d %b %Y}"


def period_span(period) -> str:
    """The period in words ("1 Apr 2026 to 31 Mar 2027"), for other apps' indicators."""
    return _span(period)


def period_bounds(period) -> tuple[datetime.datetime, datetime.datetime]:
    """The first and last instants of the period (UTC)."""
    return _dt(period.starts_on), _dt(period.ends_on, end=True)


def _months(period) -> tuple[str, str]:
    return period.starts_on.strftime("%Y-%m"), period.ends_on.strftime("%Y-%m")


def _dt(day: datetime.date, end: bool = False) -> datetime.datetime:
    t = datetime.time.max if end else datetime.time.min
    return datetime.datetime.combine(day, t, tzinfo=datetime.UTC)


# ---- flows / evidence -------------------------------------------------------------------


def _analysis():
    from altlep.evidence.selectors import analysis_for

    analysis = analysis_for(body=None)
    if analysis is None or not analysis.result:
        return None
    return analysis


def _analysis_in(period):
    """The partnership analysis, if its months overlap the period; else a reason."""
    analysis = _analysis()
    if analysis is None:
        return None, "no anchor institution's spend has been analysed yet"
    first, last = _months(period)
    every = [m["month"] for m in analysis.result.get("months", [])]
    months = [m for m in analysis.result.get("months", []) if first <= m["month"] <= last]
    if not months:
        covers = f", which covers {every[0]} to {every[-1]}" if every else ""
        kind = "synthetic" if analysis.synthetic else "real"
        return None, f"the analysed {kind} spend{covers}, has no payments in {_span(period)}"
    return (analysis, months), ""


def _synthetic(analysis) -> str:
    return " (synthetic data)" if analysis.synthetic else ""


@indicator("Share of anchor spend with local suppliers", "%", "investment")
def anchor_local_share(period) -> Reading:
    found, why = _analysis_in(period)
    if not found:
        return Reading.missing(why)
    analysis, months = found
    economy = sum(m["economy_pence"] for m in months)
    local = sum(m["local_pence"] for m in months)
    if not economy:
        return Reading.missing(f"no spend with the private or social economy in {_span(period)}")
    return Reading(
        round(100 * local / economy, 2),
        (
            f"Partnership analysis{_synthetic(analysis)}, computed "
            f"{analysis.computed_at:%-d %b %Y}: months {months[0]['month']} to "
            f"{months[-1]['month']}",
            f"£{local / 100:,.0f} local of £{economy / 100:,.0f} "
            "with the private and social economy",
        ),
    )


def _full_share(period, key: str, label: str) -> Reading:
    found, why = _analysis_in(period)
    if not found:
        return Reading.missing(why)
    analysis, months = found
    full = analysis.result["full"]
    share = full.get(key)
    if share is None:
        return Reading.missing(f"the analysis has no {label} figure")
    all_months = [m["month"] for m in analysis.result["months"]]
    return Reading(
        round(100 * share, 2),
        (
            f"Partnership analysis{_synthetic(analysis)}, computed "
            f"{analysis.computed_at:%-d %b %Y}",
            f"over all analysed spend, {all_months[0]} to {all_months[-1]} "
            "(the analysis does not split this share by month)",
        ),
    )


@indicator("Share of anchor spend with micro-enterprises", "%", "investment")
def anchor_micro_share(period) -> Reading:
    return _full_share(period, "micro_share", "micro-enterprise")


@indicator("Share of anchor spend with the social economy", "%", "responsible_business")
def anchor_social_share(period) -> Reading:
    return _full_share(period, "social_share", "social-economy")


@indicator("Local Multiplier 3 of anchor spend", "ratio", "investment")
def lm3(period) -> Reading:
    from altlep.evidence.selectors import lm3_for

    found, why = _analysis_in(period)
    if not found:
        return Reading.missing(why)
    analysis, _ = found
    result = lm3_for(body=None, analysis=analysis)
    if not result or not result["round1_pence"]:
        return Reading.missing("no spend with the private or social economy to multiply")
    return Reading(
        result["lm3"],
        (
            f"Partnership analysis{_synthetic(analysis)}, "
            f"computed {analysis.computed_at:%-d %b %Y}",
            f"re-spend: {result['respend_basis']}",
        ),
    )


@indicator("Estimated emissions of anchor spend", "t CO2e", "environment")
def spend_emissions(period) -> Reading:
    from altlep.evidence.models import EmissionFactorSet

    found, why = _analysis_in(period)
    if not found:
        return Reading.missing(why)
    analysis, _ = found
    factor_set = EmissionFactorSet.objects.first()
    if factor_set is None:
        return Reading.missing("no emission factors by industry have been imported by an officer")
    estimate = spend_emissions_of(
        ((row["category"], row["pence"]) for row in analysis.result.get("categories", [])),
        category_map=factor_set.category_map,
        factors={f.sic_code: f.kg_co2e_per_pound for f in factor_set.factors.all()},
    )
    if not estimate.matched_pence:
        return Reading.missing("no spend category is mapped to an industry in the imported factors")
    kg, matched, share = estimate.kg, estimate.matched_pence, estimate.matched_share
    return Reading(
        round(float(kg) / 1000, 1),
        (
            f"{factor_set} ({factor_set.source})",
            f"£{matched / 100:,.0f} of spend in mapped categories ({share:.0%} of the analysed "
            f"spend; unmapped categories are not estimated)",
            f"Partnership analysis{_synthetic(analysis)}, all analysed months",
        ),
    )


# ---- governance -------------------------------------------------------------------------


def _governance(why_off: str = "the governance app is not installed") -> str:
    return "" if apps.is_installed("altlep.governance") else why_off


@indicator("Voting seats held by micro-enterprise owner-managers", "%", "engagement")
def board_micro_share(period) -> Reading:
    if why := _governance():
        return Reading.missing(why)
    from altlep.governance.models import Category, Seat
    from altlep.governance.models.constitution import VOTING_CATEGORIES

    seats = list(Seat.objects.sitting(period.ends_on).voting())
    if not seats:
        return Reading.missing(f"no voting seats were filled on {period.ends_on:%-d %b %Y}")
    counts = Counter(s.category for s in seats if s.category in VOTING_CATEGORIES)
    total = sum(counts.values())
    return Reading(
        round(100 * counts[Category.MICRO] / total, 2),
        (
            f"{total} voting seats sitting on {period.ends_on:%-d %b %Y}: "
            + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
            "the constitution requires a micro-enterprise majority",
        ),
    )


@indicator("Breaches of the constitution's board rules", "count", "engagement")
def board_breaches(period) -> Reading:
    if why := _governance():
        return Reading.missing(why)
    from altlep.governance.models import Seat
    from altlep.governance.selectors.composition import governance_flags

    if not Seat.objects.sitting(period.ends_on).exists():
        return Reading.missing(f"no board seats were filled on {period.ends_on:%-d %b %Y}")
    flags = governance_flags(period.ends_on)
    return Reading(
        len(flags),
        (f"board as it sat on {period.ends_on:%-d %b %Y}",) + tuple(f.message for f in flags[:5]),
    )


def _board_meetings(period):
    from altlep.governance.models import Meeting

    return Meeting.objects.filter(
        group__isnull=True,
        starts_at__gte=_dt(period.starts_on),
        starts_at__lte=_dt(period.ends_on, end=True),
    )


@indicator("Board agenda items taken in public", "%", "engagement")
def meetings_in_public(period) -> Reading:
    if why := _governance():
        return Reading.missing(why)
    from altlep.governance.models import AgendaItem

    meetings = _board_meetings(period)
    items = AgendaItem.objects.filter(meeting__in=meetings)
    total = items.count()
    if not total:
        return Reading.missing(f"no board meeting with an agenda in {_span(period)}")
    public = items.filter(public=True).count()
    return Reading(
        round(100 * public / total, 2),
        (
            f"{meetings.count()} board meetings in {_span(period)}: "
            f"{public} of {total} items public",
        ),
    )


@indicator("Days from a board meeting to its decisions being published", "days", "engagement")
def decision_publication_days(period) -> Reading:
    if why := _governance():
        return Reading.missing(why)
    from altlep.governance.models import Decision

    decisions = list(
        Decision.objects.filter(meeting__in=_board_meetings(period)).select_related("meeting")
    )
    if not decisions:
        return Reading.missing(f"no board decisions recorded for meetings in {_span(period)}")
    days = [max(0, (d.recorded_at - d.meeting.ends_at).total_seconds() / 86400) for d in decisions]
    return Reading(
        round(statistics.median(days), 1),
        (f"median over {len(decisions)} decisions of board meetings in {_span(period)}",),
    )


@indicator("Board members with interests declared in the register", "%", "engagement")
def declared_interests(period) -> Reading:
    if why := _governance():
        return Reading.missing(why)
    from altlep.governance.models import Interest, Seat

    members = set(Seat.objects.sitting(period.ends_on).values_list("member_id", flat=True))
    if not members:
        return Reading.missing(f"no board seats were filled on {period.ends_on:%-d %b %Y}")
    declared = set(
        Interest.objects.filter(
            member_id__in=members, declared_at__lte=_dt(period.ends_on, end=True)
        ).values_list("member_id", flat=True)
    )
    return Reading(
        round(100 * len(declared) / len(members), 2),
        (f"{len(declared)} of {len(members)} sitting members on {period.ends_on:%-d %b %Y}",),
    )


@indicator("Members in sector and reference groups", "count", "integration")
def group_memberships(period) -> Reading:
    if why := _governance():
        return Reading.missing(why)
    from altlep.governance.models import GroupMembership

    found = GroupMembership.objects.filter(
        accepted=True, asked_at__lte=_dt(period.ends_on, end=True)
    )
    if not found.exists():
        return Reading.missing("no group has accepted members yet")
    la = found.filter(local_authority=True).count()
    return Reading(
        found.count(),
        (
            f"accepted memberships by {period.ends_on:%-d %b %Y}, "
            f"{la} of them local-authority counterparts",
        ),
    )


# ---- commissioning ----------------------------------------------------------------------


def _rounds_counted(period):
    from altlep.commissioning.models import Round

    return Round.objects.filter(
        result__counted_at__gte=_dt(period.starts_on),
        result__counted_at__lte=_dt(period.ends_on, end=True),
    ).select_related("result")


@indicator("Districts of the area where members voted in commissioning", "%", "engagement")
def participation_by_district(period) -> Reading:
    if not apps.is_installed("altlep.commissioning"):
        return Reading.missing("the commissioning app is not installed")
    from altlep.commissioning.models import Ballot
    from altlep.core.models import Partnership

    partnership = Partnership.objects.current()
    codes = list(partnership.area_codes) if partnership else []
    if not codes:
        return Reading.missing("the partnership area has no districts set")
    ballots = Ballot.objects.filter(
        cast_at__gte=_dt(period.starts_on), cast_at__lte=_dt(period.ends_on, end=True)
    )
    if not ballots.exists():
        return Reading.missing(f"no ballots were cast in {_span(period)}")
    by_district = Counter(
        ballots.exclude(voter=None).values_list("voter__district_code", flat=True)
    )
    reached = [c for c in codes if by_district.get(c)]
    return Reading(
        round(100 * len(reached) / len(codes), 2),
        (
            f"{ballots.count()} ballots cast in {_span(period)}",
            "by district: " + ", ".join(f"{c} {by_district.get(c, 0)}" for c in codes),
        ),
    )


@indicator("Share of commissioning budget allocated by members' votes", "%", "engagement")
def budget_decided_by_members(period) -> Reading:
    if not apps.is_installed("altlep.commissioning"):
        return Reading.missing("the commissioning app is not installed")
    from altlep.commissioning.models import Project

    rounds = [r for r in _rounds_counted(period) if r.result.published_at]
    if not rounds:
        return Reading.missing(f"no round's result was published in {_span(period)}")
    budget = sum(r.budget_pence for r in rounds)
    funded = sum(
        cost
        for r in rounds
        for cost in Project.objects.filter(round=r, ballot_id__in=r.result.winners).values_list(
            "cost_pence", flat=True
        )
    )
    return Reading(
        round(100 * funded / budget, 2),
        (
            f"{len(rounds)} round(s) published in {_span(period)}: "
            + ", ".join(r.title for r in rounds),
            f"£{funded / 100:,.0f} of £{budget / 100:,.0f} allocated to projects members chose",
        ),
    )


@indicator("Commissioned projects co-delivered with pledges", "%", "integration")
def co_delivery(period) -> Reading:
    if not apps.is_installed("altlep.commissioning"):
        return Reading.missing("the commissioning app is not installed")
    from altlep.commissioning.models import Project

    projects = Project.objects.filter(round__in=_rounds_counted(period))
    funded = [
        p for p in projects.select_related("round__result") if p.ballot_id in p.round.result.winners
    ]
    if not funded:
        return Reading.missing(f"no project was funded by a round counted in {_span(period)}")
    with_pledges = [p for p in funded if p.pledges.filter(confirmed=True).exists()]
    return Reading(
        round(100 * len(with_pledges) / len(funded), 2),
        (f"{len(with_pledges)} of {len(funded)} funded projects have confirmed pledges",),
    )


@indicator("Value of confirmed co-production pledges", "£", "engagement")
def pledges_value(period) -> Reading:
    if not apps.is_installed("altlep.commissioning"):
        return Reading.missing("the commissioning app is not installed")
    from altlep.commissioning.models import Pledge

    pledges = Pledge.objects.filter(
        confirmed=True,
        created_at__gte=_dt(period.starts_on),
        created_at__lte=_dt(period.ends_on, end=True),
    )
    if not pledges.exists():
        return Reading.missing(f"no confirmed pledges in {_span(period)}")
    total = sum((p.value_pence or p.amount_pence or 0) for p in pledges)
    hours = sum(p.hours or 0 for p in pledges)
    return Reading(
        round(total / 100, 2),
        (f"{pledges.count()} confirmed pledges in {_span(period)}, {hours} volunteer hours",),
    )


# ---- network ----------------------------------------------------------------------------


def _network_until(period):
    from altlep.evidence.network.engine import filtered
    from altlep.evidence.network.sources import platform_network

    return filtered(
        platform_network(), when=(datetime.date.min.isoformat(), period.ends_on.isoformat())
    )


@indicator("Ties that cross sectors", "%", "integration")
def cross_sector_share(period) -> Reading:
    from altlep.evidence.network.engine import counts

    network = _network_until(period)
    result = counts(network)
    if not result["edges"]:
        return Reading.missing(
            f"no ties between organisations recorded by {period.ends_on:%-d %b %Y}"
        )
    return Reading(
        round(100 * result["cross_sector_share"], 2),
        (
            f"{result['edges']} related pairs among {result['nodes']} organisations by "
            f"{period.ends_on:%-d %b %Y}",
            f"E–I index {result['ei_index']['overall']:+.2f}",
        ),
    )


@indicator("Organisations with no tie to another sector", "%", "integration")
def isolated_from_other_sectors(period) -> Reading:
    from altlep.evidence.network.engine import counts

    network = _network_until(period)
    result = counts(network)
    if not result["edges"]:
        return Reading.missing(
            f"no ties between organisations recorded by {period.ends_on:%-d %b %Y}"
        )
    return Reading(
        round(100 * result["isolated_from_other_sectors"] / result["nodes"], 2),
        (f"{result['isolated_from_other_sectors']} of {result['nodes']} organisations",),
    )
