"""Reads for the supply pages: the directory, matching, consortia, alternatives, groups."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.db.models import Q, Sum

from altlep.core.models import Partnership
from altlep.evidence.models import AnchorBody
from altlep.evidence.selectors import analysis_for
from altlep.geo.postcodes import Location, PostcodeError, distance_km, locate
from altlep.members.models import Role
from altlep.members.sectors import Sector
from altlep.procurement.models import CpvCode, Lot, OpportunityStatus
from altlep.supply import alternatives, covering, matching
from altlep.supply.models import (
    Booking,
    BookingStatus,
    BuyingGroup,
    Consortium,
    ConsortiumMember,
    MemberStatus,
    SupplierProfile,
)


def area_codes() -> set[str]:
    partnership = Partnership.objects.current()
    return set(partnership.area_codes) if partnership else set()


def profiles():
    return SupplierProfile.objects.select_related("organisation").prefetch_related("cpv_codes")


def supplier_of(profile: SupplierProfile, area: set[str]) -> matching.Supplier:
    """A profile as the matching engine sees it."""
    org = profile.organisation
    return matching.Supplier(
        key=org.slug,
        name=org.name,
        cpv_codes=tuple(c.code for c in profile.cpv_codes.all()),
        capabilities=profile.capabilities,
        easting=profile.easting,
        northing=profile.northing,
        district_code=org.district_code,
        size_band=org.size_band,
        social_economy=org.sector == Sector.SOCIAL,
        turnover_pence=org.turnover_pence,
        max_contract_pence=profile.max_contract_pence,
        serves_radius_km=profile.serves_radius_km,
        serves_districts=tuple(profile.serves_districts),
        local=not area or org.district_code in area,
    )


@dataclass(frozen=True)
class DirectoryEntry:
    profile: SupplierProfile
    distance_km: float | None


def directory(
    *,
    q: str = "",
    size_band: str = "",
    sector: str = "",
    division: str = "",
    near: Location | None = None,
    within_km: float | None = None,
    social_only: bool = False,
) -> list[DirectoryEntry]:
    """Listed suppliers, filtered; nearest first when a postcode is given."""
    found = profiles()
    if q:
        found = found.filter(Q(organisation__name__icontains=q) | Q(capabilities__icontains=q))
    if size_band:
        found = found.filter(organisation__size_band=size_band)
    if sector:
        found = found.filter(organisation__sector=sector)
    if social_only:
        found = found.filter(organisation__sector=Sector.SOCIAL)
    if division:
        found = found.filter(cpv_codes__code__startswith=division).distinct()
    entries = []
    for profile in found:
        distance = None
        if near is not None:
            distance = distance_km(near, Location("", "", profile.easting, profile.northing))
            if within_km is not None and (distance is None or distance > within_km):
                continue
        entries.append(DirectoryEntry(profile, distance))
    if near is not None:
        entries.sort(key=lambda e: (e.distance_km is None, e.distance_km or 0))
    return entries


def divisions_offered() -> list[tuple[str, str]]:
    """(division, label) of the CPV divisions someone in the directory offers."""
    codes = {c[:2] for c in SupplierProfile.objects.values_list("cpv_codes__code", flat=True) if c}
    labels = dict(
        CpvCode.objects.filter(code__in=[d + "000000" for d in codes]).values_list("code", "label")
    )
    return [(d, labels.get(d + "000000", f"Division {d}")) for d in sorted(codes)]


def need_from(
    *,
    cpv_codes: list[str],
    words: str = "",
    postcode: str = "",
    value_pence: int | None = None,
    within_km: float | None = None,
) -> matching.Need:
    """A need as the engine wants it; raises PostcodeError for an unknown postcode."""
    location = locate(postcode) if postcode else None
    return matching.Need(
        cpv_codes=tuple(cpv_codes),
        words=words,
        easting=location.easting if location else None,
        northing=location.northing if location else None,
        district_code=location.district_code if location else "",
        value_pence=value_pence,
        within_km=within_km,
    )


def need_for_lot(lot: Lot) -> matching.Need:
    location = None
    if lot.delivery_postcode:
        try:
            location = locate(lot.delivery_postcode)
        except PostcodeError:
            location = None
    return matching.Need(
        cpv_codes=tuple(c.code for c in lot.cpv_codes.all()),
        words="" if lot.cpv_codes.exists() else lot.title,
        easting=location.easting if location else None,
        northing=location.northing if location else None,
        district_code=(location.district_code if location else lot.delivery_district_code),
        value_pence=lot.value_pence,
    )


def find_suppliers(need: matching.Need, *, limit: int = 20) -> list[matching.Match]:
    area = area_codes()
    return matching.match(need, [supplier_of(p, area) for p in profiles()], limit=limit)


def explain(need: matching.Need, profile: SupplierProfile) -> matching.Match:
    """Why one firm is or is not listed for a need."""
    return matching.assess(need, supplier_of(profile, area_codes()))


def partners_for_lot(lot: Lot, *, limit: int = 20) -> list[matching.Match]:
    """Local firms that could bid for a lot or join a consortium for it: listed without the
    capacity test, since together they may take what none can alone."""
    need = need_for_lot(lot)
    need = replace(need, value_pence=None)
    area = area_codes()
    suppliers = [supplier_of(p, area) for p in profiles() if p.welcomes_consortia]
    return matching.match(need, suppliers, limit=limit)


def _facts(profile: SupplierProfile | None, org) -> covering.MemberFacts:
    years = profile.years_trading if profile else None
    return covering.MemberFacts(
        name=org.name,
        turnover_pence=org.turnover_pence,
        years_trading=years,
        insurance=tuple(
            (i["kind"], int(i["cover_pence"])) for i in (profile.insurance if profile else [])
        ),
        certifications=tuple(profile.certifications if profile else ()),
    )


def consortium_analysis(consortium: Consortium) -> dict:
    """Coverage of the lot's capabilities by accepted members, the combined conditions of
    participation, and the smallest set of other local firms that would close the gap."""
    lot = consortium.lot
    opportunity = lot.opportunity
    needs = [c.code for c in lot.cpv_codes.all()]
    labels = {c.code: c.label for c in lot.cpv_codes.all()}
    places = list(consortium.members.select_related("organisation"))
    accepted = [p for p in places if p.status == MemberStatus.ACCEPTED]
    invited = [p for p in places if p.status == MemberStatus.INVITED]
    profile_of = {
        p.organisation_id: p
        for p in profiles().filter(organisation__in=[x.organisation for x in places])
    }

    def offers(place):
        profile = profile_of.get(place.organisation_id)
        return [c.code for c in profile.cpv_codes.all()] if profile else []

    members = {p.organisation.name: offers(p) for p in accepted}
    cover_now = covering.coverage(needs, members)
    with_invited = covering.coverage(
        needs, members | {p.organisation.name: offers(p) for p in invited}
    )
    # Candidates to close the gap: local firms welcoming consortium work, best-matched first.
    ranked = [
        m
        for m in partners_for_lot(lot, limit=None)
        if m.supplier.key not in {p.organisation.slug for p in places}
    ]
    candidates = {m.supplier.name: m.supplier.cpv_codes for m in ranked}
    gap = covering.smallest_cover(cover_now.uncovered, candidates)
    slug_of = {m.supplier.name: m.supplier.key for m in ranked}
    conditions = covering.conditions(
        members=[_facts(profile_of.get(p.organisation_id), p.organisation) for p in accepted],
        minimum_turnover_pence=opportunity.minimum_turnover_pence,
        minimum_years_trading=opportunity.minimum_years_trading,
        insurance_requirements=opportunity.insurance_requirements or [],
        accreditations=opportunity.accreditations or [],
    )
    return {
        "needs": [{"code": n, "label": labels.get(n, "")} for n in needs],
        "covered": {n: ks for n, ks in cover_now.covered.items()},
        "uncovered": [{"code": n, "label": labels.get(n, "")} for n in cover_now.uncovered],
        "complete": cover_now.complete and bool(needs),
        "complete_if_invited_accept": with_invited.complete and bool(needs),
        "gap_cover": [{"name": n, "slug": slug_of[n]} for n in gap.chosen],
        "cannot_cover": [{"code": n, "label": labels.get(n, "")} for n in gap.missing],
        "conditions": conditions,
        "conditions_met": all(c.met for c in conditions),
        "accepted": accepted,
        "invited": invited,
        "declined": [p for p in places if p.status == MemberStatus.DECLINED],
    }


def consortia_for(user) -> list[Consortium]:
    """Consortia this person's organisations are in (as lead, member or invitee)."""
    if not user.is_authenticated:
        return []
    return list(
        Consortium.objects.filter(members__organisation__affiliations__member=user)
        .distinct()
        .select_related("lot__opportunity", "lead")
    )


def lots_open_to_consortia() -> list[Lot]:
    """Lots of published opportunities whose buyers welcome consortia."""
    return list(
        Lot.objects.filter(
            opportunity__status=OpportunityStatus.PUBLISHED, opportunity__consortia_welcome=True
        )
        .select_related("opportunity__buyer")
        .order_by("opportunity__title", "number")
    )


def invitations_for(user) -> list:
    """Invitations waiting for this person to answer as an owner-manager."""
    if not user.is_authenticated:
        return []
    return list(
        ConsortiumMember.objects.filter(
            status=MemberStatus.INVITED,
            organisation__affiliations__member=user,
            organisation__affiliations__role=Role.OWNER_MANAGER,
        ).select_related("consortium", "organisation")
    )


def bodies_with_leakage() -> list[tuple[AnchorBody, list[dict]]]:
    """Each anchor institution with a stored analysis, and its leaking categories."""
    found = []
    for body in AnchorBody.objects.order_by("name"):
        analysis = analysis_for(body=body)
        if analysis is None or not analysis.result.get("leakage"):
            continue
        found.append((body, analysis, analysis.result["leakage"]))
    return found


def leaking_category(body: AnchorBody, category: str) -> dict | None:
    analysis = analysis_for(body=body)
    if analysis is None:
        return None
    for entry in analysis.result.get("leakage", []):
        if entry["category"] == category:
            return entry | {"synthetic": analysis.synthetic, "result": analysis.result}
    return None


def alternatives_for(category: str, *, limit: int = 15) -> list[matching.Match]:
    """Local suppliers that could serve a leaking category: its CPV divisions, then its words;
    micro-enterprises first among equals."""
    divisions = alternatives.divisions_for(category)
    need = matching.Need(
        cpv_codes=tuple(d + "000000" for d in divisions), words="" if divisions else category
    )
    return find_suppliers(need, limit=limit)


def buying_group_totals(group: BuyingGroup) -> dict:
    pledged = group.pledges.aggregate(total=Sum("quantity"))["total"] or 0
    saving_each = group.price_alone_pence - group.price_together_pence
    return {
        "pledged": pledged,
        "reached": pledged >= group.threshold_quantity,
        "percent": min(100, round(100 * pledged / group.threshold_quantity)),
        "saving_pence": pledged * saving_each,
        "organisations": group.pledges.count(),
    }


def exchanges() -> list[dict]:
    """Confirmed bookings as exchanges between organisations (lender → borrower), counted for
    the network and impact reports."""
    rows: dict[tuple[int, int], dict] = {}
    for b in Booking.objects.filter(status=BookingStatus.CONFIRMED).select_related(
        "resource__owner", "borrower"
    ):
        key = (b.resource.owner_id, b.borrower_id)
        entry = rows.setdefault(
            key,
            {"lender": b.resource.owner, "borrower": b.borrower, "bookings": 0, "hours": 0.0},
        )
        entry["bookings"] += 1
        entry["hours"] += (b.ends_at - b.starts_at).total_seconds() / 3600
    return sorted(rows.values(), key=lambda r: (-r["bookings"], r["lender"].name))
