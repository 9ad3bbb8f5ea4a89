"""Reads for impact reports: what the platform already knows about an organisation in a
period (with lineage), members' reports in the engine's terms, and the published reports."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps

from altlep.evidence.impact.aggregate import (
    SUMMED,
    MemberReport,
    OutcomeItem,
    SpendItem,
    organisation_figures,
)
from altlep.evidence.models import ImpactNetwork, ImpactReport, NetworkReport, SupplierSurvey
from altlep.evidence.network.resolve import OrganisationIndex
from altlep.evidence.resilience.arithmetic import spend_emissions
from altlep.flows import lm3 as engine_lm3
from altlep.flows.names import normalise_name

LABELS = {
    "jobs": "Jobs",
    "local_spend_pence": "Local spend",
    "lm3": "LM3",
    "contracts_won_pence": "Contracts won",
    "apprenticeships": "Apprenticeships",
    "volunteer_hours": "Volunteer hours",
    "emissions_kg": "Emissions",
}
# A supplier answers the LM3 survey about the year just finished, so a survey answered in the
# period or within a year of its end speaks for the period.
SURVEY_GRACE = datetime.timedelta(days=366)


@dataclass
class Prefill:
    """What the platform knows (value and lineage) and, for the rest, why it does not."""

    values: dict = field(default_factory=dict)
    lineage: dict = field(default_factory=dict)
    gaps: dict = field(default_factory=dict)

    def know(self, key: str, value, lineage: str) -> None:
        self.values[key] = value
        self.lineage[key] = lineage

    def gap(self, key: str, why: str) -> None:
        self.gaps[key] = why


def _span(starts_on: datetime.date, ends_on: datetime.date) -> str:
    return f"{starts_on:%-d %b %Y} to {ends_on:%-d %b %Y}"


def prefill(*, organisation, starts_on: datetime.date, ends_on: datetime.date) -> dict:
    """Figures the platform knows, each with where it came from (which records, which
    period), and for the figures it cannot fill, why; the rest are entered."""
    found = Prefill()
    for finder in (_jobs, _volunteer_hours, _contracts, _local_spend, _apprenticeships, _emissions):
        finder(found, organisation, starts_on, ends_on)
    return {"values": found.values, "lineage": found.lineage, "gaps": found.gaps}


def _jobs(found: Prefill, organisation, starts_on, ends_on) -> None:
    if organisation.employees is not None:
        found.know("jobs", organisation.employees, "headcount on the organisation's profile")
    else:
        found.gap("jobs", "the organisation's profile gives no headcount")


def _volunteer_hours(found: Prefill, organisation, starts_on, ends_on) -> None:
    if not apps.is_installed("altlep.commissioning"):
        return
    from altlep.commissioning.models import Pledge

    pledges = Pledge.objects.filter(
        organisation=organisation,
        confirmed=True,
        created_at__date__gte=starts_on,
        created_at__date__lte=ends_on,
    )
    hours = sum(p.hours or 0 for p in pledges)
    if hours:
        found.know(
            "volunteer_hours",
            hours,
            f"{pledges.count()} confirmed pledges to commissioned projects, "
            f"{_span(starts_on, ends_on)}",
        )
    else:
        found.gap(
            "volunteer_hours",
            f"no confirmed pledge of time by this organisation in {_span(starts_on, ends_on)}",
        )


def _contracts(found: Prefill, organisation, starts_on, ends_on) -> None:
    """Contract awards first; payments from anchors only where no award is recorded, since
    those payments are mostly for contracts like these (adding both would count twice)."""
    awarded = _awarded(organisation, starts_on, ends_on)
    paid = _paid_by_anchors(organisation, starts_on, ends_on)
    if awarded:
        lineage = awarded[1]
        if paid:
            lineage += f"; the {paid[1]} (£{paid[0] / 100:,.0f}) are not added on top"
        found.know("contracts_won_pence", awarded[0], lineage)
    elif paid:
        found.know("contracts_won_pence", paid[0], paid[1])
    else:
        found.gap(
            "contracts_won_pence",
            f"no contract award or anchor payment to this organisation in "
            f"{_span(starts_on, ends_on)}",
        )


def _awarded(organisation, starts_on, ends_on) -> tuple[int, str] | None:
    if not apps.is_installed("altlep.procurement"):
        return None
    from altlep.members.models import Organisation
    from altlep.procurement.models import AwardRecord

    # Resolved as the network resolves them, so a name two organisations share counts for
    # neither, here as there.
    index = OrganisationIndex(
        (str(pk), number, name)
        for pk, number, name in Organisation.objects.values_list("pk", "company_number", "name")
    )
    awards = [
        a
        for a in AwardRecord.objects.filter(
            awarded_on__gte=starts_on, awarded_on__lte=ends_on, amount_pence__isnull=False
        )
        if index.resolve(a.supplier_name) == str(organisation.pk)
    ]
    if not awards:
        return None
    buyers = {a.buyer_id for a in awards}
    return (
        sum(a.amount_pence for a in awards),
        f"{len(awards)} contract award(s) by {len(buyers)} buyer(s) naming this organisation "
        f"as supplier, awarded {_span(starts_on, ends_on)}",
    )


def _paid_by_anchors(organisation, starts_on, ends_on) -> tuple[int, str] | None:
    from altlep.evidence.store import open_store, store_path

    if not store_path().exists() or not (organisation.company_number or organisation.name):
        return None
    with open_store() as store:
        row = store.rows(
            "SELECT sum(amount_pence), count(DISTINCT body) FROM spend s "
            "LEFT JOIN matches m USING (supplier_key) WHERE NOT is_credit "
            "AND paid_on BETWEEN ? AND ? AND (coalesce(m.company_number, s.company_number) = ? "
            "OR lower(s.supplier_name) = lower(?))",
            [starts_on, ends_on, organisation.company_number or "-", organisation.name],
        )
    total, bodies = row[0] if row else (None, 0)
    if not total:
        return None
    return (
        int(total),
        f"payments from {bodies} anchor institution(s) in the spend files, "
        f"{_span(starts_on, ends_on)}",
    )


def _engine_survey(s: SupplierSurvey) -> engine_lm3.SupplierSurvey:
    return engine_lm3.SupplierSurvey(
        income_pence=s.income_pence,
        local_supplier_share=s.local_supplier_percent / 100,
        local_wage_share=s.local_wage_percent / 100,
        wage_share_of_costs=s.wage_percent_of_costs / 100,
    )


def _local_spend(found: Prefill, organisation, starts_on, ends_on) -> None:
    """Local spend and LM3 from the organisation's own LM3 survey: round 1 its income, round
    2 what it re-spends on local suppliers and staff, round 3 from the other suppliers'
    surveys (or the engine's stated assumption)."""
    ours = normalise_name(organisation.name)
    window = SupplierSurvey.objects.filter(
        submitted_at__date__gte=starts_on, submitted_at__date__lte=ends_on + SURVEY_GRACE
    )
    own = [s for s in window if normalise_name(s.supplier_name) == ours]
    if not own:
        why = (
            f"no LM3 survey answered by this organisation between {starts_on:%-d %b %Y} and a "
            "year after the period ends: enter them with evidence, or answer the supplier survey"
        )
        found.gap("local_spend_pence", why)
        found.gap("lm3", why)
        return
    income = sum(s.income_pence for s in own)
    share, _ = engine_lm3.respend_share([_engine_survey(s) for s in own])
    local = round(income * share)
    others = [
        _engine_survey(s)
        for s in SupplierSurvey.objects.all()
        if normalise_name(s.supplier_name) != ours
    ]
    result = engine_lm3.lm3(round1_pence=income, local_pence=local, surveys=others)
    answered = ", ".join(f"{s.submitted_at:%-d %b %Y}" for s in own)
    source = f"{len(own)} LM3 survey(s) answered by this organisation ({answered})"
    found.know(
        "local_spend_pence",
        local,
        f"{source}: {share:.0%} of £{income / 100:,.0f} income re-spent on local suppliers "
        "and staff",
    )
    found.know(
        "lm3",
        Decimal(str(result.value)),
        f"{source}, round 1 £{income / 100:,.0f}, round 2 £{local / 100:,.0f}, round 3 "
        f"£{result.round3_pence / 100:,.0f} (re-spend: {result.respend_basis})",
    )


def _apprenticeships(found: Prefill, organisation, starts_on, ends_on) -> None:
    if not apps.is_installed("altlep.skills"):
        return
    from altlep.skills.models import Apprenticeship

    active = Apprenticeship.objects.filter(
        placement__organisation=organisation, started_on__lte=ends_on
    ).exclude(ended_on__lt=starts_on)
    count = active.count()
    if not count:
        found.gap(
            "apprenticeships", f"no apprenticeship on the platform in {_span(starts_on, ends_on)}"
        )
        return
    started = active.filter(started_on__gte=starts_on).count()
    found.know(
        "apprenticeships",
        count,
        f"{count} apprenticeship(s) with this organisation as employer active in "
        f"{_span(starts_on, ends_on)} ({started} started in it), from the skills records",
    )


def _emissions(found: Prefill, organisation, starts_on, ends_on) -> None:
    """Spend by category is known only for anchor institutions' uploaded spend files."""
    from altlep.evidence.models import AnchorBody, EmissionFactorSet
    from altlep.evidence.store import open_store, store_path

    factor_set = EmissionFactorSet.objects.first()
    if factor_set is None:
        found.gap(
            "emissions_kg", "no emission factors by industry have been imported by an officer"
        )
        return
    bodies = list(
        AnchorBody.objects.filter(organisation=organisation).values_list("name", flat=True)
    )
    if not bodies or not store_path().exists():
        found.gap(
            "emissions_kg",
            "the platform knows spend by category only from anchor institutions' spend files, "
            "and this organisation uploads none",
        )
        return
    with open_store() as store:
        rows = store.rows(
            "SELECT coalesce(nullif(category, ''), '(no category)'), sum(amount_pence) FROM spend "
            "WHERE NOT is_credit AND paid_on BETWEEN ? AND ? AND body IN "
            f"({', '.join('?' for _ in bodies)}) GROUP BY 1",
            [starts_on, ends_on, *bodies],
        )
    estimate = spend_emissions(
        [(c, int(p)) for c, p in rows],
        category_map=factor_set.category_map,
        factors={f.sic_code: f.kg_co2e_per_pound for f in factor_set.factors.all()},
    )
    if not estimate.matched_pence:
        found.gap(
            "emissions_kg",
            f"none of this organisation's spend in {_span(starts_on, ends_on)} is in a category "
            "mapped to an industry in the imported factors",
        )
        return
    found.know(
        "emissions_kg",
        round(estimate.kg),
        f"£{estimate.matched_pence / 100:,.0f} of this organisation's spend files, "
        f"{_span(starts_on, ends_on)}, in categories mapped to an industry "
        f"({estimate.matched_share:.0%} of its spend; the rest is not estimated), times "
        f"{factor_set} ({factor_set.source})",
    )


def _member_report(report: ImpactReport) -> MemberReport:
    return MemberReport(
        organisation=str(report.organisation_id),
        figures={
            **{
                k: (float(getattr(report, k)) if k == "jobs" else getattr(report, k))
                for k in SUMMED
            },
            "lm3": float(report.lm3) if report.lm3 is not None else None,
        },
        spend=[
            SpendItem(str(s.supplier_id) if s.supplier_id else None, s.amount_pence, s.local)
            for s in report.spend_lines.all()
        ],
        outcomes=[
            OutcomeItem(
                o.theme,
                o.quantity,
                o.value_pence,
                float(o.deadweight_percent) / 100,
                float(o.attribution_percent) / 100,
                float(o.drop_off_percent) / 100,
                o.years,
            )
            for o in report.outcomes.all()
        ],
    )


def organisation_report(report: ImpactReport) -> dict:
    return organisation_figures(_member_report(report))


def member_reports(*, network: ImpactNetwork, starts_on, ends_on) -> list[MemberReport]:
    found = ImpactReport.objects.filter(
        organisation__in=network.members.all(), starts_on__gte=starts_on, ends_on__lte=ends_on
    ).prefetch_related("spend_lines", "outcomes")
    return [_member_report(r) for r in found]


def published(network: ImpactNetwork) -> list[NetworkReport]:
    return list(network.reports.order_by("-starts_on"))
