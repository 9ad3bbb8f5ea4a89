"""Consortia and shared-resource bookings become typed ties of the cross-sector network."""

import datetime

import pytest
from django.utils import timezone

from altlep.evidence.network.sources import platform_network
from altlep.supply.services import consortia, resources
from tests.supply.factories import lot_for, supplier

pytestmark = pytest.mark.django_db


def _ties(kind: str) -> set[frozenset[str]]:
    return {frozenset((t.source, t.target)) for t in platform_network().ties if t.type == kind}


def test_a_consortium_ties_its_lead_to_members_who_accepted_but_not_to_those_invited(cpv):
    lead = supplier("Lead Ltd", ["45310000"])
    yes = supplier("Sparks Ltd", ["45310000"])
    maybe = supplier("Pipes Ltd", ["45330000"])
    consortium = consortia.consortium_create(
        actor=lead.owner, lot=lot_for(["45310000"]), lead=lead, name="Centre works", role="Lead"
    )
    place = consortia.consortium_invite(
        actor=lead.owner, consortium=consortium, organisation=yes, role="Electrics"
    )
    consortia.consortium_respond(actor=yes.owner, place=place, accept=True)
    consortia.consortium_invite(
        actor=lead.owner, consortium=consortium, organisation=maybe, role="Plumbing"
    )
    assert _ties("consortium") == {frozenset((str(lead.pk), str(yes.pk)))}


def test_a_booking_ties_the_lender_to_the_borrower(cpv):
    lender = supplier("Van Share Ltd", ["60000000"])
    borrower = supplier("Bakers Ltd", ["15811000"])
    van = resources.resource_share(
        actor=lender.owner, owner=lender, name="Luton van", kind="van", availability="Weekdays"
    )
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)
    resources.booking_make(
        actor=borrower.owner,
        resource=van,
        borrower=borrower,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=4),
    )
    assert _ties("sharing") == {frozenset((str(lender.pk), str(borrower.pk)))}
