"""Procurement test data: a council buyer with its officer, CPV codes, a micro supplier, and
opportunities drafted through the services."""

import datetime

import pytest
from django.utils import timezone

from altlep.members.models import Role
from altlep.procurement.models import CpvCode
from altlep.procurement.services.opportunities import lot_add, opportunity_draft
from tests.factories import OrganisationFactory, UserFactory

CODES = {
    "90000000": ("Sewage, refuse, cleaning and environmental services", 1, None),
    "90900000": ("Cleaning and sanitation services", 2, "90000000"),
    "90910000": ("Cleaning services", 3, "90900000"),
    "90911200": ("Building-cleaning services", 5, "90910000"),
    "55000000": ("Hotel, restaurant and retail trade services", 1, None),
    "55520000": ("Catering services", 3, "55000000"),
}


def make_cpv_codes() -> None:
    for code, (label, level, parent) in CODES.items():
        CpvCode.objects.get_or_create(
            code=code, defaults={"label": label, "level": level, "parent_id": parent}
        )


def make_buyer(officer=None):
    officer = officer or UserFactory()
    buyer = OrganisationFactory(
        name="Preston City Council",
        legal_form="public",
        sic_codes=["84110"],
        employees=1500,
        turnover_pence=None,
        balance_sheet_pence=None,
        created_by=officer,
        role=Role.OFFICER,
    )
    return buyer, officer


def in_days(days: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def friendly_draft(buyer, officer, **changes):
    """A draft that passes every rule: two lots, proportionate, paid in 30 days, 21 days open."""
    make_cpv_codes()
    values = dict(
        estimated_value_pence=8_000_000,
        minimum_turnover_pence=4_000_000,
        procedure="below_threshold",
        below_threshold_notice_reference="FTS-000123-2026",
        tender_deadline=in_days(21),
        clarification_deadline=in_days(14),
        contract_start=(timezone.now() + datetime.timedelta(days=60)).date(),
        contract_end=(timezone.now() + datetime.timedelta(days=60 + 730)).date(),
        insurance_requirements=[
            {"kind": "public liability", "cover_pence": 500_000_000, "when": "award"}
        ],
    )
    values.update(changes)
    opportunity = opportunity_draft(
        actor=officer,
        buyer=buyer,
        title="Cleaning for two community centres",
        description="Weekly cleaning of two community centres in Preston.",
        cpv_codes=["90911200"],
        **values,
    )
    for name in ("Centre A", "Centre B"):
        lot_add(
            actor=officer,
            opportunity=opportunity,
            title=name,
            value_pence=4_000_000,
            cpv_codes=["90911200"],
        )
    return opportunity


@pytest.fixture
def buyer_and_officer(db):
    return make_buyer()


@pytest.fixture
def micro(db):
    owner = UserFactory()
    business = OrganisationFactory(
        name="Sparkle Cleaning Ltd", sic_codes=["81210"], employees=3, created_by=owner
    )
    return business, owner
