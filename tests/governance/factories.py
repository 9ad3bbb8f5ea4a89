"""Governance test data: members with the affiliations that make them eligible for a seat."""

import datetime

from altlep.governance.models import Seat
from altlep.governance.services.board import _add_months
from altlep.members.models import Role
from tests.factories import OrganisationFactory, UserFactory

SIZES = {
    "micro": {"employees": 4, "turnover_pence": 200_000_00, "balance_sheet_pence": 50_000_00},
    "small": {"employees": 30, "turnover_pence": 5_000_000_00, "balance_sheet_pence": 2_000_000_00},
    "medium": {
        "employees": 120,
        "turnover_pence": 30_000_000_00,
        "balance_sheet_pence": 15_000_000_00,
    },
    "large": {
        "employees": 900,
        "turnover_pence": 200_000_000_00,
        "balance_sheet_pence": 90_000_000_00,
    },
}


def member_of(
    size: str = "micro", legal_form: str = "ltd", role: str = Role.OWNER_MANAGER, **user_fields
):
    """A confirmed member affiliated (with `role`) to a new organisation of that size."""
    user = UserFactory(**user_fields)
    OrganisationFactory(created_by=user, legal_form=legal_form, role=role, **SIZES[size])
    return user


def micro_owner(**fields):
    return member_of("micro", **fields)


def sme_owner(**fields):
    return member_of("small", **fields)


def vcse_trustee(**fields):
    return member_of("micro", legal_form="charity", role=Role.TRUSTEE, **fields)


def councillor(**fields):
    return member_of("large", legal_form="public", role=Role.COUNCILLOR, **fields)


def large_business_rep(**fields):
    return member_of("large", role=Role.EMPLOYEE, **fields)


def resident(**fields):
    return UserFactory(district_code="E07000123", **fields)


def seat(member, category: str, started_on: datetime.date | None = None, months: int = 36):
    """A seat made directly, bypassing the rules, to set up a board in a given state."""
    started_on = started_on or datetime.date.today() - datetime.timedelta(days=30)
    return Seat.objects.create(
        member=member,
        category=category,
        started_on=started_on,
        term_ends_on=_add_months(started_on, months),
    )


def board(
    *, micro: int = 5, sme: int = 1, social: int = 1, resident_seats: int = 0, councillors: int = 0
) -> list[Seat]:
    """A sitting board with these numbers of seats in each category (direct, for setup)."""
    seats = [seat(micro_owner(), "micro") for _ in range(micro)]
    seats += [seat(sme_owner(), "sme") for _ in range(sme)]
    seats += [seat(vcse_trustee(), "social") for _ in range(social)]
    seats += [seat(resident(), "resident") for _ in range(resident_seats)]
    seats += [seat(councillor(), "councillor") for _ in range(councillors)]
    return seats
