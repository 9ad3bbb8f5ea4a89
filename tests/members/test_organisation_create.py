"""Listing and editing an organisation through its form: derived fields and bad input."""

import pytest
from django.urls import reverse

from altlep.core.models import AuditEntry
from altlep.members.models import Affiliation, Organisation

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Preston Print Co-op",
    "legal_form": "ltd",
    "postcode": "pr1 2he",
    "company_number": "1234567",
    "sic_codes": "18129, 58190",
    "employees": "6",
    "turnover": "420000",
    "balance_sheet": "90000.50",
    "role": "owner_manager",
}


def test_a_member_lists_an_organisation_with_derived_size_sector_and_district(client, member):
    client.force_login(member)
    response = client.post(reverse("members:organisation_create"), GOOD)
    organisation = Organisation.objects.get(name="Preston Print Co-op")
    assert response.status_code == 302
    assert organisation.postcode == "PR1 2HE"
    assert organisation.district_code == "E07000123"
    assert organisation.company_number == "01234567"
    assert organisation.size_band == "micro"
    assert organisation.size_basis == "two of three criteria"
    assert organisation.sector == "private"
    assert organisation.sic_sections == "CJ"
    assert organisation.balance_sheet_pence == 9_000_050
    assert Affiliation.objects.filter(
        member=member, organisation=organisation, role="owner_manager"
    ).exists()
    assert AuditEntry.objects.filter(action="organisation.create").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "postcode",
            "ZZ9 9ZZ",
            b"Registered postcode: ZZ9 9ZZ is not in the ONS Postcode Directory",
        ),
        (
            "postcode",
            "PR1",
            b"Registered postcode: \xe2\x80\x9cPR1\xe2\x80\x9d is not a UK postcode",
        ),
        (
            "company_number",
            "12-34",
            b"Company number: \xe2\x80\x9c12-34\xe2\x80\x9d is not a company",
        ),
        ("charity_number", "12", b"Charity number: \xe2\x80\x9c12\xe2\x80\x9d is not a charity"),
        ("sic_codes", "62012 99998", b"SIC 2007 codes: Not SIC 2007 codes: 99998"),
        ("employees", "-1", b"Employees: Ensure this value is greater than or equal to 0"),
        ("employees", "many", b"Employees: Enter a whole number"),
        ("turnover", "-5", b"Turnover (\xc2\xa3): Ensure this value is greater than or equal to 0"),
        ("balance_sheet", "lots", b"Balance sheet total (\xc2\xa3): Enter a number"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(client, member, field, value, message):
    client.force_login(member)
    response = client.post(reverse("members:organisation_create"), {**GOOD, field: value})
    assert response.status_code == 200
    assert message in response.content
    assert not Organisation.objects.exists()
    assert not AuditEntry.objects.filter(action="organisation.create").exists()


def test_a_number_that_does_not_fit_the_legal_form_is_refused(client, member):
    client.force_login(member)
    response = client.post(
        reverse("members:organisation_create"),
        {**GOOD, "legal_form": "sole_trader"},
    )
    assert b"A sole trader has no company number" in response.content
    assert not Organisation.objects.exists()


def test_an_llp_needs_an_llp_number(client, member):
    client.force_login(member)
    response = client.post(reverse("members:organisation_create"), {**GOOD, "legal_form": "llp"})
    assert b"starts with OC, SO or NC" in response.content


def test_a_social_enterprise_is_in_the_social_economy(client, member):
    client.force_login(member)
    client.post(reverse("members:organisation_create"), {**GOOD, "legal_form": "cic"})
    assert Organisation.objects.get().sector == "social"


def test_an_unconfirmed_member_cannot_list_an_organisation(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(email_confirmed=False))
    assert client.post(reverse("members:organisation_create"), GOOD).status_code == 403
    assert not Organisation.objects.exists()


def test_editing_recomputes_the_size_band_and_is_audited(client, member, organisation):
    client.force_login(member)
    response = client.post(
        reverse("members:organisation_edit", args=[organisation.slug]),
        {
            **GOOD,
            "name": organisation.name,
            "employees": "60",
            "turnover": "20000000",
            "balance_sheet": "100000",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.size_band == "medium"
    entry = AuditEntry.objects.get(action="organisation.update")
    assert entry.before["size_band"] == "micro" and entry.after["size_band"] == "medium"


def test_another_member_cannot_edit_the_organisation(client, other_member, organisation):
    client.force_login(other_member)
    url = reverse("members:organisation_edit", args=[organisation.slug])
    assert client.post(url, {**GOOD, "name": "Taken over"}).status_code == 403
    organisation.refresh_from_db()
    assert organisation.name != "Taken over"


def test_an_officer_overrides_the_sector_and_can_undo_it(client, officer, organisation):
    client.force_login(officer)
    url = reverse("members:organisation_sector", args=[organisation.slug])
    client.post(url, {"sector": "social"})
    organisation.refresh_from_db()
    assert (organisation.sector, organisation.sector_overridden) == ("social", True)
    client.post(url, {"sector": ""})
    organisation.refresh_from_db()
    assert (organisation.sector, organisation.sector_overridden) == ("private", False)


def test_a_member_cannot_override_the_sector(client, member, organisation):
    client.force_login(member)
    url = reverse("members:organisation_sector", args=[organisation.slug])
    assert client.post(url, {"sector": "public"}).status_code == 403
