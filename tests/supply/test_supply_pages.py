"""The supply pages answer the right people, refuse the rest, and put a service's refusal on
the field it names."""

import pytest
from django.urls import reverse

from altlep.evidence import services as evidence
from altlep.supply.models import Booking, BuyingGroup, ConsortiumMember, SharedResource
from altlep.supply.services.consortia import consortium_create
from tests.evidence.conftest import FIXTURES
from tests.factories import OrganisationFactory
from tests.supply.factories import lot_for, supplier


@pytest.fixture
def lead(partnership, cpv):
    return supplier("Preston Sparks Ltd", ["45310000"])


@pytest.fixture
def consortium(lead):
    return consortium_create(
        actor=lead.owner,
        lot=lot_for(["45310000", "45330000"]),
        lead=lead,
        name="Refurb",
        role="Electrical",
    )


def test_public_pages_answer_anyone(client, lead):
    for name, args in [
        ("supply:directory", []),
        ("supply:find", []),
        ("supply:alternatives", []),
        ("supply:groups", []),
        ("supply:resources", []),
        ("supply:supplier", [lead.slug]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 200, name


def test_only_who_speaks_for_the_firm_may_edit_its_entry(client, lead, other_member):
    url = reverse("supply:supplier_edit", args=[lead.slug])
    client.force_login(other_member)
    assert client.get(url).status_code == 403
    client.force_login(lead.owner)
    response = client.post(url, {"cpv_codes": "45310000, 11111111", "capabilities": "Sparks"})
    assert response.status_code == 400
    assert "11111111 is not in the CPV 2008 list" in response.content.decode()


def test_the_consortium_page_is_for_its_members(client, consortium, other_member):
    url = reverse("supply:consortium", args=[consortium.pk])
    client.force_login(other_member)
    assert client.get(url).status_code == 403
    client.force_login(consortium.lead.affiliations.first().member)
    page = client.get(url).content.decode()
    assert "Not yet covered" in page and "Consortium agreement outline" in page
    agreement = client.get(reverse("supply:agreement", args=[consortium.pk])).content.decode()
    assert "Liability" in agreement and "Exit" in agreement


def test_inviting_a_member_twice_shows_the_error_on_the_field(client, consortium, cpv):
    pipes = supplier("Preston Pipes Ltd", ["45330000"])
    client.force_login(consortium.lead.affiliations.first().member)
    url = reverse("supply:consortium", args=[consortium.pk])
    data = {"organisation": pipes.pk, "role": "Plumbing", "work_share_percent": "10"}
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 400  # no longer offered: the form refuses the choice
    assert ConsortiumMember.objects.filter(organisation=pipes).count() == 1


def test_the_invitee_accepts_on_the_page(client, consortium, cpv):
    pipes = supplier("Preston Pipes Ltd", ["45330000"])
    client.force_login(consortium.lead.affiliations.first().member)
    client.post(
        reverse("supply:consortium", args=[consortium.pk]),
        {"organisation": pipes.pk, "role": "Plumbing", "work_share_percent": "10"},
    )
    place = ConsortiumMember.objects.get(organisation=pipes)
    client.force_login(pipes.owner)
    client.post(reverse("supply:invitation_respond", args=[place.pk]), {"answer": "accept"})
    place.refresh_from_db()
    assert place.status == "accepted"
    assert (
        "Covered:"
        in client.get(reverse("supply:consortium", args=[consortium.pk])).content.decode()
    )


def test_a_scenario_percentage_outside_0_to_100_is_shown_on_its_field(client, partnership, officer):
    council = OrganisationFactory(name="Preston City Council", legal_form="public")
    body = evidence.anchor_body_create(
        actor=officer, name="Preston City Council", organisation=council
    )
    evidence.spend_upload_create(
        actor=officer, body=body, spend_file=FIXTURES / "spend_small.csv", background=False
    )
    client.force_login(officer)
    url = reverse("supply:category", args=[body.slug])
    response = client.post(url, {"category": "Consultancy", "percent": "150"})
    assert response.status_code == 400
    assert "whole percentage from 0 to 100" in response.content.decode()
    response = client.post(url, {"category": "Consultancy", "percent": "50"})
    assert response.status_code == 302
    scenario_page = client.get(response["Location"]).content.decode()
    assert "Not published yet" in scenario_page
    client.logout()
    assert client.get(response["Location"]).status_code == 403


def test_members_propose_pledge_and_book_through_the_pages(client, lead, other_member):
    client.force_login(lead.owner)
    response = client.post(
        reverse("supply:group_new"),
        {
            "title": "Van insurance",
            "kind": "insurance",
            "description": "Fleet policy together",
            "unit": "vans",
            "threshold_quantity": "10",
            "price_alone_pence": "900",
            "price_together_pence": "700",
        },
    )
    group = BuyingGroup.objects.get()
    assert response["Location"] == group.get_absolute_url()
    client.post(
        reverse("supply:group_pledge", args=[group.pk]), {"organisation": lead.pk, "quantity": "3"}
    )
    assert group.pledges.get().quantity == 3
    client.post(
        reverse("supply:resource_new"),
        {"owner": lead.pk, "name": "Cherry picker", "kind": "equipment"},
    )
    resource = SharedResource.objects.get()
    url = reverse("supply:resource", args=[resource.pk])
    slot = {"borrower": lead.pk, "starts_at": "2030-06-01T09:00", "ends_at": "2030-06-01T12:00"}
    assert client.post(url, slot).status_code == 302
    clash = client.post(
        url, slot | {"starts_at": "2030-06-01T11:00", "ends_at": "2030-06-01T13:00"}
    )
    assert clash.status_code == 400 and "already booked" in clash.content.decode()
    assert Booking.objects.count() == 1
    client.force_login(other_member)
    assert (
        client.post(reverse("supply:group_close", args=[group.pk]), {"outcome": "x"}).status_code
        == 403
    )


def test_a_buying_group_with_a_bad_threshold_saves_nothing(client, member):
    client.force_login(member)
    response = client.post(
        reverse("supply:group_new"),
        {
            "title": "Energy",
            "kind": "energy",
            "description": "d",
            "unit": "MWh",
            "threshold_quantity": "0",
            "price_alone_pence": "2",
            "price_together_pence": "1",
        },
    )
    assert response.status_code == 400 and not BuyingGroup.objects.exists()


def test_anyone_sees_the_lots_open_to_consortia(client, consortium):
    page = client.get(reverse("supply:my_consortia")).content.decode()
    assert reverse("supply:lot_partners", args=[consortium.lot_id]) in page
    assert ">Refurb<" not in page  # a consortium is its members' business
