"""The demo's procurement: Kirklees Council and the Mid Yorkshire NHS trust as buyers. The
council's grounds-maintenance opportunity is friendly; the trust's bread contract first fails
the check (one big contract, £2m turnover asked, paid in 60 days, insurance before award) and
its revised version, which replaces it, passes. Demo micro-enterprises record interest.

Carries the few CPV 2008 codes it uses (the full list is imported with
`altlep procurement import-cpv`). Idempotent: skipped once the council has an opportunity.
"""

import datetime

from django.utils import timezone

from altlep.demo.organisations import KIRKLEES_COUNCIL, NHS_TRUST, OWNER_BUSINESS
from altlep.members.models import Affiliation, Organisation, Role, User
from altlep.members.services import affiliation_add
from altlep.notify.services import follow_add
from altlep.procurement.models import CpvCode, Opportunity
from altlep.procurement.services.clarifications import (
    clarification_answer,
    clarification_ask,
    lot_interest_record,
)
from altlep.procurement.services.opportunities import (
    lot_add,
    opportunity_draft,
    opportunity_publish,
    opportunity_revise,
    opportunity_update,
)

# code: (label, level, parent) — from the CPV 2008 list (Regulation (EC) No 213/2008).
CPV = {
    "77000000": (
        "Agricultural, forestry, horticultural, aquacultural and apicultural services",
        1,
        None,
    ),
    "77300000": ("Horticultural services", 2, "77000000"),
    "77310000": ("Planting and maintenance services of green areas", 3, "77300000"),
    "77313000": ("Parks maintenance services", 5, "77310000"),
    "15000000": ("Food, beverages, tobacco and related products", 1, None),
    "15800000": ("Miscellaneous food products", 2, "15000000"),
    "15810000": ("Bread products, fresh pastry goods and cakes", 3, "15800000"),
    "15811000": ("Bread products", 4, "15810000"),
}


def _day(days: int) -> datetime.datetime:
    return (timezone.now() + datetime.timedelta(days=days)).replace(
        hour=12, minute=0, second=0, microsecond=0
    )


def buyer_officer(organisation: Organisation, fallback: User) -> User:
    officer = (
        Affiliation.objects.filter(organisation=organisation, role=Role.OFFICER)
        .select_related("member")
        .first()
    )
    if officer:
        return officer.member
    staff = (
        Affiliation.objects.filter(organisation=organisation)
        .exclude(member=fallback)
        .select_related("member")
        .first()
    )
    member = staff.member if staff else fallback
    affiliation_add(actor=fallback, member=member, organisation=organisation, role=Role.OFFICER)
    return member


def demo_procurement(*, officer: User) -> int:
    """Create the demo buyers' opportunities; returns how many were added."""
    council = Organisation.objects.filter(name=KIRKLEES_COUNCIL).first()
    trust = Organisation.objects.filter(name=NHS_TRUST).first()
    if council is None or trust is None or Opportunity.objects.filter(buyer=council).exists():
        return 0
    for code, (label, level, parent) in CPV.items():
        CpvCode.objects.get_or_create(
            code=code, defaults={"label": label, "level": level, "parent_id": parent}
        )
    council_officer = buyer_officer(council, officer)
    trust_officer = buyer_officer(trust, officer)
    start = (timezone.now() + datetime.timedelta(days=90)).date()

    parks = opportunity_draft(
        actor=council_officer,
        buyer=council,
        title="Grounds maintenance for Kirklees community parks",
        description="Grass cutting, hedges and planting in three groups of small parks, "
        "April to October, for two years. Each group is a lot a small local firm can run.",
        cpv_codes=["77313000"],
        estimated_value_pence=14_400_000,
        minimum_turnover_pence=0,
        insurance_requirements=[
            {"kind": "public liability", "cover_pence": 500_000_000, "when": "award"}
        ],
        procedure="below_threshold",
        below_threshold_notice_reference="Find a Tender BT-2026-000481 (demo)",
        clarification_deadline=_day(18),
        tender_deadline=_day(28),
        award_on=(_day(45)).date(),
        contract_start=start,
        contract_end=start + datetime.timedelta(days=730),
        weight_price=40,
        weight_quality=40,
        weight_social_value=20,
    )
    for title, postcode in (
        ("Huddersfield town parks", "HD1 2TA"),
        ("Dewsbury and Batley parks", "WF13 2AS"),
        ("Holme Valley green spaces", ""),
    ):
        lot_add(
            actor=council_officer,
            opportunity=parks,
            title=title,
            value_pence=4_800_000,
            cpv_codes=["77313000"],
            delivery_postcode=postcode,
        )
    opportunity_publish(actor=council_officer, opportunity=parks)

    bread = opportunity_draft(
        actor=trust_officer,
        buyer=trust,
        title="Bread and bakery products for hospital kitchens",
        description="Daily fresh bread, rolls and cakes for the kitchens of Pinderfields, "
        "Dewsbury and Pontefract hospitals, for three years.",
        cpv_codes=["15811000"],
        estimated_value_pence=39_000_000,
        value_includes_vat=True,
        authority_kind="central",
        contract_kind="goods",
        procedure="open",
        minimum_turnover_pence=200_000_000,
        minimum_years_trading=3,
        insurance_requirements=[
            {"kind": "product liability", "cover_pence": 1_000_000_000, "when": "tender"}
        ],
        payment_terms_days=60,
        subcontract_payment_terms_days=60,
        consortia_welcome=False,
        clarification_deadline=_day(20),
        tender_deadline=_day(32),
        contract_start=start,
        contract_end=start + datetime.timedelta(days=1095),
    )
    opportunity_publish(actor=trust_officer, opportunity=bread)
    revised = opportunity_revise(actor=trust_officer, opportunity=bread)
    opportunity_update(
        actor=trust_officer,
        opportunity=revised,
        minimum_turnover_pence=8_000_000,
        minimum_years_trading=1,
        insurance_requirements=[
            {"kind": "product liability", "cover_pence": 500_000_000, "when": "award"}
        ],
        payment_terms_days=30,
        subcontract_payment_terms_days=30,
        consortia_welcome=True,
    )
    for title, postcode in (
        ("Pinderfields Hospital, Wakefield", "WF1 4DG"),
        ("Dewsbury and District Hospital", "WF13 4HS"),
        ("Pontefract Hospital", "WF8 1PL"),
    ):
        lot_add(
            actor=trust_officer,
            opportunity=revised,
            title=title,
            value_pence=13_000_000,
            cpv_codes=["15811000"],
            delivery_postcode=postcode,
        )
    opportunity_publish(actor=trust_officer, opportunity=revised)

    # Interest from demo micro-enterprises, and a public question answered.
    owner_business = Organisation.objects.filter(name=OWNER_BUSINESS.name).first()
    if owner_business:
        owner = (
            Affiliation.objects.filter(organisation=owner_business, role=Role.OWNER_MANAGER)
            .select_related("member")
            .first()
        )
        if owner:
            follow_add(actor=owner.member, thing=owner_business)  # the digest carries alerts
            lot_interest_record(
                actor=owner.member, lot=revised.lots.get(number=2), organisation=owner_business
            )
            question = clarification_ask(
                actor=owner.member,
                opportunity=revised,
                question="Could a bakery bid for one hospital only, delivering before 6am?",
            )
            clarification_answer(
                actor=trust_officer,
                clarification=question,
                answer="Yes: each hospital is its own lot, and deliveries are due by 6.30am.",
            )
    gardeners = [
        o for o in Organisation.objects.filter(size_band="micro") if "81300" in o.sic_codes
    ]
    for business in gardeners[:2]:
        manager = business.affiliations.filter(role=Role.OWNER_MANAGER).first()
        if manager:
            lot_interest_record(
                actor=manager.member, lot=parks.lots.get(number=1), organisation=business
            )
    return 3
