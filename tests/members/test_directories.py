"""The organisation directory's search and filters, and the members directory's privacy."""

import pytest
from django.urls import reverse

from altlep.members.models import Visibility
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(partnership):
    return {
        "bakery": OrganisationFactory(name="Ribble Bakery", sic_codes=["10710"]),
        "charity": OrganisationFactory(
            name="Fylde Food Bank",
            legal_form="charity",
            charity_number="1081234",
            sic_codes=["88990"],
            employees=3,
            turnover_pence=None,
            balance_sheet_pence=None,
        ),
        "big_leeds": OrganisationFactory(
            name="Leeds Logistics Ltd",
            postcode="LS1 1UR",
            employees=400,
            turnover_pence=90_000_000_00,
            balance_sheet_pence=40_000_000_00,
            sic_codes=["49410"],
        ),
    }


def names(response) -> set[str]:
    return {o.name for o in response.context["page"].object_list}


def test_the_directory_lists_every_organisation_by_name(client, listed):
    response = client.get(reverse("members:organisations"))
    assert names(response) == {"Ribble Bakery", "Fylde Food Bank", "Leeds Logistics Ltd"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"size_band": "micro"}, {"Ribble Bakery", "Fylde Food Bank"}),
        ({"size_band": "large"}, {"Leeds Logistics Ltd"}),
        ({"sector": "social"}, {"Fylde Food Bank"}),
        ({"sic_section": "C"}, {"Ribble Bakery"}),
        ({"in_area": "yes"}, {"Ribble Bakery", "Fylde Food Bank"}),
        ({"in_area": "no"}, {"Leeds Logistics Ltd"}),
        ({"q": "food"}, {"Fylde Food Bank"}),
        ({"q": "bakery", "in_area": "yes", "size_band": "micro"}, {"Ribble Bakery"}),
    ],
)
def test_the_directory_filters(client, listed, query, expected):
    assert names(client.get(reverse("members:organisations"), query)) == expected


def test_htmx_requests_get_only_the_results(client, listed):
    response = client.get(
        reverse("members:organisations"), {"sector": "social"}, HTTP_HX_REQUEST="true"
    )
    assert b"<html" not in response.content
    assert b"Fylde Food Bank" in response.content


def test_the_organisation_page_shows_size_basis_and_district(client, listed):
    response = client.get(listed["big_leeds"].get_absolute_url())
    assert b"Large" in response.content and b"two of three criteria" in response.content
    assert b"Leeds (E08000035)" in response.content
    assert response.context["in_area"] is False


def test_the_members_directory_respects_each_members_privacy(client, member):
    UserFactory(display_name="Pat Public", visibility=Visibility.PUBLIC)
    UserFactory(display_name="Mo Members", visibility=Visibility.MEMBERS)
    UserFactory(display_name="Hana Hidden", visibility=Visibility.HIDDEN)
    anonymous = {m.display_name for m in client.get(reverse("members:members")).context["page"]}
    assert anonymous == {"Pat Public"}
    client.force_login(member)
    signed_in = {m.display_name for m in client.get(reverse("members:members")).context["page"]}
    assert {"Pat Public", "Mo Members"} <= signed_in
    assert "Hana Hidden" not in signed_in


def test_a_hidden_members_page_is_not_found(client, member):
    hidden = UserFactory(visibility=Visibility.HIDDEN)
    client.force_login(member)
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_an_organisation_page_lists_only_people_the_viewer_may_see(client, partnership):
    hidden_owner = UserFactory(display_name="Hana Hidden", visibility=Visibility.HIDDEN)
    organisation = OrganisationFactory(created_by=hidden_owner)
    response = client.get(organisation.get_absolute_url())
    assert b"Hana Hidden" not in response.content
