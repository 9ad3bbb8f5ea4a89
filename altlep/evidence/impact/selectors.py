"""Reads for impact reports: what the platform already knows about an organisation in a
period (with lineage), members' reports in the engine's terms, and the published reports."""

from __future__ import annotations

import datetime

from django.apps import apps

from altlep.evidence.impact.aggregate import (
    SUMMED,
    MemberReport,
    OutcomeItem,
    SpendItem,
    organisation_figures,
)
from altlep.evidence.models import ImpactNetwork, ImpactReport, NetworkReport


def prefill(*, organisation, starts_on: datetime.date, ends_on: datetime.date) -> dict:
    """Figures the platform knows, each with where it came from; the rest are entered."""
    values: dict = {}
    lineage: dict = {}
    if organisation.employees is not None:
        values["jobs"] = organisation.employees
        lineage["jobs"] = "headcount on the organisation's profile"
    if apps.is_installed("altlep.commissioning"):
        from altlep.commissioning.models import Pledge

        pledges = Pledge.objects.filter(
            organisation=organisation,
            confirmed=True,
            created_at__date__gte=starts_on,
            created_at__date__lte=ends_on,
        )
        hours = sum(p.hours or 0 for p in pledges)
        if hours:
            values["volunteer_hours"] = hours
            lineage["volunteer_hours"] = (
                f"{pledges.count()} confirmed pledges to commissioned projects, "
                f"{starts_on:%-d %b %Y} to {ends_on:%-d %b %Y}"
            )
    contracts = _paid_by_anchors(organisation, starts_on, ends_on)
    if contracts:
        values["contracts_won_pence"] = contracts[0]
        lineage["contracts_won_pence"] = contracts[1]
    return {"values": values, "lineage": lineage}


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
    return int(total), f"payments from {bodies} anchor institution(s) in the spend files"


def _member_report(report: ImpactReport) -> MemberReport:
    return MemberReport(
        organisation=str(report.organisation_id),
        figures={
            k: (float(getattr(report, k)) if k == "jobs" else getattr(report, k)) for k in SUMMED
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
