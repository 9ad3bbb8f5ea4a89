"""The pages: public where the issue says public, and each permission checked by its view."""

import csv
import io

import pytest
from django.urls import reverse

from altlep.members.models import Role
from altlep.skills.services.fund import claim_decide, claim_submit
from tests.factories import UserFactory
from tests.skills.factories import (
    START,
    make_application,
    make_apprenticeship,
    make_fund,
    make_placement,
    make_standard,
)

pytestmark = pytest.mark.django_db


def test_view_placements_anyone_sees_the_list_and_a_placement_page(client):
    placement = make_placement()
    assert placement.title in client.get(reverse("skills:placements")).content.decode()
    assert client.get(placement.get_absolute_url()).status_code == 200


def test_the_list_filters_micro_enterprises_and_distance(client):
    micro = make_placement(title="Micro bakery apprentice")
    from tests.skills.factories import make_owner

    owner, bigger = make_owner(employees=40, turnover_pence=3_000_000_00)
    make_placement(owner=owner, organisation=bigger, title="Small firm apprentice")
    page = client.get(reverse("skills:placements"), {"micro_only": "on"}).content.decode()
    assert micro.title in page and "Small firm apprentice" not in page
    near = client.get(reverse("skills:placements"), {"near": "PR1 2HE", "within_km": "5"})
    assert "0.0 km" in near.content.decode()
    far = client.get(reverse("skills:placements"), {"near": "LS1 4AP", "within_km": "25"})
    assert "No placements match" in far.content.decode()


def test_offer_placement_an_owner_manager_gets_the_form_a_member_is_refused(client):
    owner = make_placement().owner
    member = UserFactory()
    client.force_login(member)
    assert client.get(reverse("skills:placement_create")).status_code == 403
    client.force_login(owner)
    assert client.get(reverse("skills:placement_create")).status_code == 200


def test_an_owner_manager_offers_through_the_form_and_a_low_wage_is_named(client):
    placement = make_placement()
    client.force_login(placement.owner)
    data = {
        "organisation": placement.organisation.pk,
        "standard": make_standard().pk,
        "title": "Apprentice joiner",
        "workplace_postcode": "PR1 2HE",
        "hours_per_week": 30,
        "hourly_wage_pence": "7.00",
        "start_date": "2026-09-01",
        "learning": "Joinery",
    }
    response = client.post(reverse("skills:placement_create"), data)
    assert "below the apprentice rate of £8.00 in force on 2026-09-01" in response.content.decode()
    data["hourly_wage_pence"] = "9.50"
    response = client.post(reverse("skills:placement_create"), data)
    assert response.status_code == 302


def test_view_application_another_member_gets_403_and_the_owner_sees_the_statement(client):
    application = make_application(make_placement(), statement="Private words")
    client.force_login(UserFactory())
    assert client.get(application.get_absolute_url()).status_code == 403
    client.force_login(application.placement.owner)
    assert "Private words" in client.get(application.get_absolute_url()).content.decode()


def test_view_application_an_officer_sees_it(client, officer):
    application = make_application(make_placement(), statement="Private words")
    client.force_login(officer)
    assert "Private words" in client.get(application.get_absolute_url()).content.decode()


def test_the_placement_page_lists_applicants_only_to_its_owner_manager(client):
    application = make_application(make_placement())
    name = application.applicant.display_name
    client.force_login(UserFactory())
    assert name not in client.get(application.placement.get_absolute_url()).content.decode()
    client.force_login(application.placement.owner)
    assert name in client.get(application.placement.get_absolute_url()).content.decode()


def test_apply_a_resident_applies_through_the_page(client):
    placement = make_placement()
    resident = UserFactory()
    client.force_login(resident)
    response = client.post(
        reverse("skills:apply", args=[placement.pk]),
        {"statement": "Keen", "availability": "Any time", "consent_to_share": "on"},
    )
    assert response.status_code == 302
    assert placement.applications.get().applicant == resident


def test_manage_fund_the_fund_page_is_for_officers(client, officer):
    fund = make_fund(officer)
    client.force_login(UserFactory())
    assert client.get(reverse("skills:fund", args=[fund.slug])).status_code == 403
    client.force_login(officer)
    assert client.get(reverse("skills:fund", args=[fund.slug])).status_code == 200


def test_decide_claim_a_member_posting_an_approval_is_refused(client, officer):
    fund = make_fund(officer)
    apprenticeship = make_apprenticeship()
    claim = claim_submit(
        actor=apprenticeship.placement.owner, fund=fund, apprenticeship=apprenticeship,
        kind="start", evidence="Induction", today=START,
    )  # fmt: skip
    client.force_login(apprenticeship.placement.owner)
    response = client.post(reverse("skills:claim_decide", args=[claim.pk]), {"approve": "yes"})
    assert response.status_code == 403


def test_view_dashboard_anyone_sees_figures_charts_and_csv(client, officer):
    fund = make_fund(officer)
    apprenticeship = make_apprenticeship()
    claim = claim_submit(
        actor=apprenticeship.placement.owner, fund=fund, apprenticeship=apprenticeship,
        kind="start", evidence="Induction", today=START,
    )  # fmt: skip
    claim_decide(actor=officer, claim=claim, approve=True)
    page = client.get(reverse("skills:dashboard")).content.decode()
    assert "<svg" in page and "£500.00 of a budget of £10,000.00" in page
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("skills:dashboard_csv")).content.decode()))
    )
    assert rows[0] == {
        "measure": "placements",
        "group": "all",
        "offered": "1",
        "filled": "1",
        "completed": "0",
    }
    assert client.get(reverse("skills:grants_json")).json()["grants"][0]["amountAwarded"] == 500.0


def test_the_funding_rules_page_lists_every_rule_with_its_source(client):
    page = client.get(reverse("skills:funding_rules")).content.decode()
    assert "non-levy-16-21" in page and "gov.uk" in page


def test_the_home_page_shows_open_placements(client, partnership):
    placement = make_placement()
    assert placement.title in client.get(reverse("core:home")).content.decode()


def test_owner_manager_role_comes_from_the_directory():
    placement = make_placement()
    assert placement.organisation.affiliations.filter(
        member=placement.owner, role=Role.OWNER_MANAGER
    ).exists()
