"""Alerts: tell every organisation whose SIC or declared CPV codes, and place, fit a newly
published opportunity. Each organisation is told once (a unique alert row); the alert's audit
entry reaches the members who follow the organisation through the notify digests."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from altlep.core.audit import audit_record, snapshot
from altlep.core.models import Partnership
from altlep.members.models import Organisation
from altlep.procurement.models import CpvCapability, Opportunity, OpportunityAlert

# SIC 2007 divisions (first two digits) → the CPV 2008 divisions whose work they do. Only
# plain correspondences are listed; an organisation can declare CPV codes for anything else.
SIC_TO_CPV_DIVISIONS: dict[str, tuple[str, ...]] = {
    "01": ("03", "77"),
    "10": ("15",),
    "18": ("22", "79"),
    "41": ("45",),
    "42": ("45",),
    "43": ("45", "50"),
    "49": ("60",),
    "55": ("55",),
    "56": ("55",),
    "58": ("22",),
    "62": ("72", "48"),
    "63": ("72",),
    "69": ("79",),
    "70": ("79",),
    "71": ("71",),
    "73": ("79",),
    "74": ("79", "92"),
    "78": ("79",),
    "80": ("79",),
    "81": ("90", "77"),
    "82": ("79",),
    "85": ("80",),
    "86": ("85",),
    "87": ("85",),
    "88": ("85",),
    "90": ("92",),
    "93": ("92",),
    "94": ("98",),
    "95": ("50",),
    "96": ("98",),
}


def _codes_of(opportunity: Opportunity) -> set[str]:
    codes = {c.code for c in opportunity.cpv_codes.all()}
    for lot in opportunity.lots.all():
        codes |= {c.code for c in lot.cpv_codes.all()}
    return codes


def _prefix(code: str) -> str:
    return code.rstrip("0") or code[:2]


def fit_reason(organisation: Organisation, codes: set[str], declared: set[str]) -> str | None:
    """Why an organisation fits these CPV codes, or None."""
    for mine in declared:
        for theirs in codes:
            if theirs.startswith(_prefix(mine)) or mine.startswith(_prefix(theirs)):
                return f"you supply CPV {mine}"
    divisions = {code[:2] for code in codes}
    for sic in organisation.sic_codes or []:
        wanted = set(SIC_TO_CPV_DIVISIONS.get(str(sic)[:2], ()))
        if wanted & divisions:
            return f"your SIC code {sic} does this kind of work"
    return None


def _places(opportunity: Opportunity) -> set[str]:
    return {lot.delivery_district_code for lot in opportunity.lots.all()} - {""}


def fitting_organisations(opportunity: Opportunity) -> list[tuple[Organisation, str]]:
    """Organisations (not the buyer) whose codes fit and who are near: in a lot's district (or
    the buyer's, when no lot names a place), or anywhere in the partnership's area when that
    place lies in it."""
    codes = _codes_of(opportunity)
    if not codes:
        return []
    partnership = Partnership.objects.current()
    area = set(partnership.area_codes) if partnership else set()
    places = _places(opportunity)
    declared: dict[int, set[str]] = {}
    for org_id, code in CpvCapability.objects.values_list("organisation_id", "cpv_code_id"):
        declared.setdefault(org_id, set()).add(code)
    fits = []
    places = places or {opportunity.buyer.district_code}
    in_area = bool(area and places & area)
    for organisation in Organisation.objects.exclude(pk=opportunity.buyer_id):
        here = organisation.district_code
        if not (here in places or (in_area and here in area)):
            continue
        reason = fit_reason(organisation, codes, declared.get(organisation.pk, set()))
        if reason:
            fits.append((organisation, reason))
    return fits


def _versions(opportunity: Opportunity) -> list[Opportunity]:
    """The opportunity and every earlier version it revises."""
    found, current = [], opportunity
    while current is not None and current not in found:
        found.append(current)
        terms = getattr(current, "terms", None)
        current = terms.revises if terms is not None else None
    return found


def alerts_send(*, opportunity: Opportunity) -> list[OpportunityAlert]:
    """Record one alert per fitting organisation not yet told of this opportunity or of an
    earlier version of it (a revision's page is linked from the version it replaces)."""
    made = []
    told = set(
        OpportunityAlert.objects.filter(opportunity__in=_versions(opportunity)).values_list(
            "organisation_id", flat=True
        )
    )
    for organisation, reason in fitting_organisations(opportunity):
        if organisation.pk in told:
            continue
        try:
            with transaction.atomic():
                alert = OpportunityAlert.objects.create(
                    opportunity=opportunity, organisation=organisation, reason=reason
                )
        except IntegrityError:
            continue  # told already by a concurrent publish
        audit_record(
            actor=None, action="opportunity_alert.create", instance=alert, after=snapshot(alert)
        )
        made.append(alert)
    return made
