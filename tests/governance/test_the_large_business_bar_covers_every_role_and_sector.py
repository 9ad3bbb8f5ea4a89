"""The bar on big business, tried for every role a member can hold and every sector and size an
organisation can have: anyone who speaks for a large private business is refused every seat;
a councillor's link, a large public body or a large charity, and a medium firm are not barred."""

import pytest
from django.core.exceptions import ValidationError

from altlep.governance.models import Category, Seat
from altlep.governance.selectors.eligibility import category_problem, large_business_of
from altlep.governance.services.board import seat_appoint
from altlep.members.models import Role
from altlep.members.sectors import LegalForm, Sector, sector_for
from altlep.members.services import organisation_set_sector
from tests.factories import OrganisationFactory, UserFactory
from tests.governance.factories import SIZES

pytestmark = pytest.mark.django_db

# One legal form of each sector, and every legal form of the private sector.
PRIVATE_FORMS = [f for f in LegalForm.values if sector_for(f) == Sector.PRIVATE]
FORMS = PRIVATE_FORMS + [LegalForm.CIC, LegalForm.CHARITY, LegalForm.PUBLIC_BODY]
SPEAKING_ROLES = {Role.OWNER_MANAGER, Role.EMPLOYEE, Role.TRUSTEE, Role.OFFICER}


def _linked(size: str, legal_form: str, role: str):
    member = UserFactory(district_code="E07000123")
    organisation = OrganisationFactory(
        created_by=member, legal_form=legal_form, role=role, **SIZES[size]
    )
    assert organisation.size_band == size
    return member, organisation


def test_every_private_legal_form_is_in_the_private_sector():
    assert {"sole_trader", "partnership", "ltd", "clg", "llp"} == set(PRIVATE_FORMS)


@pytest.mark.parametrize("legal_form", FORMS)
@pytest.mark.parametrize("role", Role.values)
def test_a_large_organisations_people_are_barred_exactly_when_they_speak_for_a_private_one(
    officer, role, legal_form
):
    member, organisation = _linked("large", legal_form, role)
    barred = role in SPEAKING_ROLES and organisation.sector == Sector.PRIVATE
    assert (large_business_of(member) == organisation.name) is barred
    for category in Category.values:
        problem = category_problem(member, category) or ""
        assert ("no big business" in problem) is barred, (category, problem)
    if barred:
        with pytest.raises(ValidationError, match="no big business"):
            seat_appoint(actor=officer, member=member, category="resident")
        assert not Seat.objects.exists()


@pytest.mark.parametrize("size", ["micro", "small", "medium"])
@pytest.mark.parametrize("role", sorted(SPEAKING_ROLES))
def test_people_of_smaller_private_firms_are_not_barred(role, size):
    member, _ = _linked(size, LegalForm.PRIVATE_LIMITED, role)
    assert large_business_of(member) is None
    assert "no big business" not in (category_problem(member, "resident") or "")


@pytest.mark.parametrize("role", sorted(SPEAKING_ROLES))
def test_the_bar_follows_an_officers_sector_override_not_the_legal_form(officer, role):
    member, firm = _linked("large", LegalForm.PRIVATE_LIMITED, role)
    organisation_set_sector(actor=officer, organisation=firm, sector=Sector.SOCIAL)
    assert large_business_of(member) is None
    _, charity = _linked("large", LegalForm.CHARITY, role)
    charity_member = charity.affiliations.get().member
    organisation_set_sector(actor=officer, organisation=charity, sector=Sector.PRIVATE)
    assert large_business_of(charity_member) == charity.name
