"""One test per supply permission: who is allowed, who is refused (superusers included)."""

import datetime

import pytest
from django.utils import timezone

from altlep.members import services as members
from altlep.members.models import Role
from altlep.supply.models import (
    Booking,
    BuyingGroup,
    Scenario,
    SharedResource,
)
from altlep.supply.services.consortia import consortium_create, consortium_invite
from tests.factories import OrganisationFactory, UserFactory
from tests.supply.factories import lot_for, supplier

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def consortium(partnership, cpv):
    lead = supplier("Preston Sparks Ltd", ["45310000"])
    pipes = supplier("Preston Pipes Ltd", ["45330000"])
    found = consortium_create(
        actor=lead.owner,
        lot=lot_for(["45310000", "45330000"]),
        lead=lead,
        name="Refurb",
        role="Electrical",
    )
    place = consortium_invite(
        actor=lead.owner, consortium=found, organisation=pipes, role="Plumbing"
    )
    found.lead.owner, place.organisation.owner = lead.owner, pipes.owner
    return found, place


@pytest.mark.parametrize(
    "perm",
    [
        "view_directory",
        "find_suppliers",
        "view_alternatives",
        "view_buying_groups",
        "view_resources",
    ],
)
def test_anyone_may_view_the_public_supply_pages(anonymous, perm):
    assert anonymous.has_perm(f"supply.{perm}")


def test_list_supplier_is_for_who_speaks_for_the_organisation(
    member, other_member, officer, organisation
):
    assert member.has_perm("supply.list_supplier", organisation)
    assert officer.has_perm("supply.list_supplier", organisation)
    assert not other_member.has_perm("supply.list_supplier", organisation)


def test_form_consortium_needs_an_organisation_and_a_lot_that_welcomes_consortia(
    member, other_member, organisation, cpv
):
    lot = lot_for(["45310000"])
    assert member.has_perm("supply.form_consortium", lot)
    assert not other_member.has_perm("supply.form_consortium", lot)
    lot.opportunity.consortia_welcome = False
    assert not member.has_perm("supply.form_consortium", lot)


def test_view_consortium_is_for_its_members_and_officers(consortium, other_member, officer):
    found, place = consortium
    assert found.lead.owner.has_perm("supply.view_consortium", found)
    assert place.organisation.owner.has_perm("supply.view_consortium", found)
    assert officer.has_perm("supply.view_consortium", found)
    assert not other_member.has_perm("supply.view_consortium", found)


def test_manage_consortium_is_the_lead_s_while_forming(consortium, superuser):
    found, place = consortium
    assert found.lead.owner.has_perm("supply.manage_consortium", found)
    assert not place.organisation.owner.has_perm("supply.manage_consortium", found)
    assert not superuser.has_perm("supply.manage_consortium", found)
    found.status = "submitted"
    assert not found.lead.owner.has_perm("supply.manage_consortium", found)


def test_respond_to_invitation_is_the_invitee_s_owner_manager_s(consortium, superuser):
    found, place = consortium
    invitee = place.organisation.owner
    employee = UserFactory()
    members.affiliation_add(
        actor=invitee, member=employee, organisation=place.organisation, role=Role.EMPLOYEE
    )
    assert invitee.has_perm("supply.respond_to_invitation", place)
    assert not employee.has_perm("supply.respond_to_invitation", place)
    assert not found.lead.owner.has_perm("supply.respond_to_invitation", place)
    assert not superuser.has_perm("supply.respond_to_invitation", place)


def test_save_scenario_is_for_officers(officer, member):
    assert officer.has_perm("supply.save_scenario")
    assert not member.has_perm("supply.save_scenario")


def test_publish_scenario_is_for_officers_once(officer, member):
    scenario = Scenario(category="Cleaning", percent=10, published=False)
    assert officer.has_perm("supply.publish_scenario", scenario)
    assert not member.has_perm("supply.publish_scenario", scenario)
    scenario.published = True
    assert not officer.has_perm("supply.publish_scenario", scenario)


def test_view_scenario_is_public_once_published(officer, anonymous):
    scenario = Scenario(category="Cleaning", percent=10, published=False)
    assert officer.has_perm("supply.view_scenario", scenario)
    assert not anonymous.has_perm("supply.view_scenario", scenario)
    scenario.published = True
    assert anonymous.has_perm("supply.view_scenario", scenario)


def test_propose_buying_group_is_for_confirmed_members(member, anonymous):
    unconfirmed = UserFactory(email_confirmed=False)
    assert member.has_perm("supply.propose_buying_group")
    assert not unconfirmed.has_perm("supply.propose_buying_group")
    assert not anonymous.has_perm("supply.propose_buying_group")


def _group(organiser, is_open=True):
    return BuyingGroup(
        organiser=organiser,
        is_open=is_open,
        title="Energy",
        kind="energy",
        threshold_quantity=10,
        price_alone_pence=2,
        price_together_pence=1,
    )


def test_pledge_to_buying_group_while_it_is_open(member, other_member):
    group = _group(member)
    assert other_member.has_perm("supply.pledge_to_buying_group", group)
    group.is_open = False
    assert not other_member.has_perm("supply.pledge_to_buying_group", group)


def test_close_buying_group_is_the_organiser_s_or_an_officer_s(
    member, other_member, officer, superuser
):
    group = _group(member)
    assert member.has_perm("supply.close_buying_group", group)
    assert officer.has_perm("supply.close_buying_group", group)
    assert not other_member.has_perm("supply.close_buying_group", group)
    group.is_open = False
    assert not member.has_perm("supply.close_buying_group", group)
    assert not superuser.has_perm("supply.close_buying_group", group)


def test_share_resource_needs_an_organisation_to_speak_for(member, other_member, organisation):
    assert member.has_perm("supply.share_resource")
    assert not other_member.has_perm("supply.share_resource")


def test_book_resource_while_the_resource_is_active(member, organisation):
    resource = SharedResource(owner=organisation, name="Van", kind="van", active=True)
    assert member.has_perm("supply.book_resource", resource)
    resource.active = False
    assert not member.has_perm("supply.book_resource", resource)


def test_cancel_booking_is_for_who_booked_the_lender_or_an_officer(member, other_member, officer):
    lender = UserFactory()
    owner = OrganisationFactory(created_by=lender, role=Role.OWNER_MANAGER)
    borrower = OrganisationFactory(created_by=member, role=Role.OWNER_MANAGER)
    resource = SharedResource.objects.create(owner=owner, name="Van", kind="van")
    start = timezone.now() + datetime.timedelta(days=2)
    booking = Booking.objects.create(
        resource=resource,
        borrower=borrower,
        booked_by=member,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )
    assert member.has_perm("supply.cancel_booking", booking)
    assert lender.has_perm("supply.cancel_booking", booking)
    assert officer.has_perm("supply.cancel_booking", booking)
    assert not other_member.has_perm("supply.cancel_booking", booking)
    booking.status = "cancelled"
    assert not member.has_perm("supply.cancel_booking", booking)
