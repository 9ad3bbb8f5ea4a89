"""A joint purchase: pledges add up toward the threshold, the saving is estimated, the organiser
closes it with the outcome."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.members.models import Role
from altlep.supply.selectors import buying_group_totals
from altlep.supply.services.groups import (
    buying_group_close,
    buying_group_pledge,
    buying_group_propose,
)
from tests.factories import OrganisationFactory, UserFactory


def _energy(organiser):
    return buying_group_propose(
        actor=organiser,
        title="Green electricity for workshops",
        kind="energy",
        description="A two-year renewable tariff bought together.",
        unit="MWh a year",
        threshold_quantity=100,
        price_alone_pence=300_00,
        price_together_pence=240_00,
    )


def _firm(name):
    person = UserFactory()
    return person, OrganisationFactory(name=name, created_by=person, role=Role.OWNER_MANAGER)


def test_pledges_add_up_and_the_saving_is_public(client, partnership):
    organiser, _ = _firm("Organiser Ltd")
    group = _energy(organiser)
    for name, quantity in [("Bakery Ltd", 40), ("Joinery Ltd", 70)]:
        person, org = _firm(name)
        buying_group_pledge(actor=person, group=group, organisation=org, quantity=quantity)
    totals = buying_group_totals(group)
    assert totals["pledged"] == 110 and totals["reached"]
    assert totals["saving_pence"] == 110 * 60_00
    page = client.get(reverse("supply:buying_group", args=[group.pk])).content.decode()
    assert "£6,600" in page and "threshold reached" in page


def test_an_organisation_pledges_once(partnership):
    organiser, _ = _firm("Organiser Ltd")
    group = _energy(organiser)
    person, org = _firm("Bakery Ltd")
    buying_group_pledge(actor=person, group=group, organisation=org, quantity=10)
    with pytest.raises(ValidationError) as refused:
        buying_group_pledge(actor=person, group=group, organisation=org, quantity=5)
    assert "already pledged" in refused.value.message_dict["organisation"][0]


def test_a_quantity_of_nothing_is_refused(partnership):
    organiser, _ = _firm("Organiser Ltd")
    person, org = _firm("Bakery Ltd")
    with pytest.raises(ValidationError) as refused:
        buying_group_pledge(actor=person, group=_energy(organiser), organisation=org, quantity=0)
    assert "quantity" in refused.value.message_dict


def test_the_organiser_closes_it_and_then_nobody_pledges(partnership):
    organiser, _ = _firm("Organiser Ltd")
    group = _energy(organiser)
    buying_group_close(
        actor=organiser,
        group=group,
        outcome="Signed with a local co-op supplier.",
        achieved_price_pence=235_00,
    )
    group.refresh_from_db()
    assert not group.is_open and group.achieved_price_pence == 235_00
    person, org = _firm("Late Ltd")
    with pytest.raises(PermissionDenied):
        buying_group_pledge(actor=person, group=group, organisation=org, quantity=5)


def test_a_together_price_above_the_alone_price_is_refused(partnership):
    with pytest.raises(ValidationError) as refused:
        buying_group_propose(
            actor=UserFactory(),
            title="Vans",
            kind="vehicles",
            description="d",
            unit="vans",
            threshold_quantity=5,
            price_alone_pence=100,
            price_together_pence=200,
        )
    assert "price_together_pence" in refused.value.message_dict
