"""Organisations edited in the admin still go through the services (derived fields, audit)."""

import pytest

from altlep.core.models import AuditEntry
from altlep.members.models import Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Wyre Boatyard Ltd",
    "legal_form": "ltd",
    "postcode": "FY7 6AA",
    "company_number": "07654321",
    "sic_codes": '["30120"]',
    "employees": "12",
    "turnover_pence": "",
    "balance_sheet_pence": "",
    "affiliations-TOTAL_FORMS": "0",
    "affiliations-INITIAL_FORMS": "0",
}


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_an_organisation_added_in_the_admin_gets_its_derived_fields(admin_client):
    response = admin_client.post("/admin/members/organisation/add/", FORM)
    assert response.status_code == 302, response.content[:2000]
    organisation = Organisation.objects.get(name="Wyre Boatyard Ltd")
    assert organisation.district_code == "E07000128"  # Wyre
    assert (organisation.size_band, organisation.size_basis) == ("small", "headcount only")
    assert AuditEntry.objects.filter(action="organisation.create").exists()


def test_the_admin_refuses_an_unknown_postcode_and_saves_nothing(admin_client):
    response = admin_client.post(
        "/admin/members/organisation/add/", {**FORM, "postcode": "ZZ9 9ZZ"}
    )
    assert response.status_code == 200
    assert b"not in the ONS Postcode Directory" in response.content
    assert not Organisation.objects.exists()
