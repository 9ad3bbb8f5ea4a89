"""One test per permission in governance/rules.py."""

import pytest
from django.contrib.auth.models import AnonymousUser

from altlep.governance.models import Election
from altlep.governance.services.groups import group_create, group_join_ask
from tests.factories import UserFactory
from tests.governance.factories import board, seat

pytestmark = pytest.mark.django_db


def election(status: str) -> Election:
    return Election.objects.create(
        title=status, slug=status, category="micro", seats=1, status=status
    )


@pytest.mark.parametrize(
    "perm",
    [
        "change_constitution",
        "appoint_seat",
        "view_flags",
        "create_election",
        "record_decision",
        "create_group",
        "edit_strategy",
    ],
)
def test_officer_only_permissions_are_granted_to_officers_alone(perm, officer, member):
    assert officer.has_perm(f"governance.{perm}")
    assert not member.has_perm(f"governance.{perm}")
    assert not AnonymousUser().has_perm(f"governance.{perm}")


def test_end_seat_is_for_officers_and_the_seat_holder(officer, member, other_member):
    s = seat(member, "resident")
    assert officer.has_perm("governance.end_seat", s)
    assert member.has_perm("governance.end_seat", s)
    assert not other_member.has_perm("governance.end_seat", s)


def test_run_election_is_for_officers(officer, member):
    e = election("nominations")
    assert officer.has_perm("governance.run_election", e)
    assert not member.has_perm("governance.run_election", e)


def test_stand_in_election_needs_a_confirmed_member_while_nominations_are_open(member):
    assert member.has_perm("governance.stand_in_election", election("nominations"))
    assert not member.has_perm("governance.stand_in_election", election("voting"))
    assert not UserFactory(email_confirmed=False).has_perm(
        "governance.stand_in_election", Election.objects.get(slug="nominations")
    )


def test_vote_in_election_needs_a_confirmed_member_while_voting_is_open(member):
    assert member.has_perm("governance.vote_in_election", election("voting"))
    assert not member.has_perm("governance.vote_in_election", election("counted"))
    assert not AnonymousUser().has_perm(
        "governance.vote_in_election", Election.objects.get(slug="voting")
    )


def test_view_election_result_is_public_once_counted(member):
    assert AnonymousUser().has_perm("governance.view_election_result", election("counted"))
    assert not member.has_perm("governance.view_election_result", election("voting"))


def test_schedule_meeting_is_for_officers_or_the_groups_convenor(officer, member, other_member):
    group = group_create(
        actor=officer, name="VCSE reference group", kind="reference", purpose="p", convenor=member
    )
    assert officer.has_perm("governance.schedule_meeting")
    assert member.has_perm("governance.schedule_meeting", group)
    assert not member.has_perm("governance.schedule_meeting")
    assert not other_member.has_perm("governance.schedule_meeting", group)


def test_manage_meeting_is_for_officers_or_the_groups_convenor(officer, member, other_member):
    from django.utils import timezone

    from altlep.governance.models import Meeting

    group = group_create(actor=officer, name="G", kind="sector", purpose="p", convenor=member)
    meeting = Meeting.objects.create(
        title="m", group=group, starts_at=timezone.now(), ends_at=timezone.now()
    )
    assert officer.has_perm("governance.manage_meeting", meeting)
    assert member.has_perm("governance.manage_meeting", meeting)
    assert not other_member.has_perm("governance.manage_meeting", meeting)


def test_view_private_items_is_for_officers_and_the_board(officer, member):
    board_member = board(micro=1, sme=0, social=0)[0].member
    assert officer.has_perm("governance.view_private_items")
    assert board_member.has_perm("governance.view_private_items")
    assert not member.has_perm("governance.view_private_items")


def test_declare_interest_is_for_sitting_board_members(member):
    board_member = board(micro=1, sme=0, social=0)[0].member
    assert board_member.has_perm("governance.declare_interest")
    assert not member.has_perm("governance.declare_interest")


def test_join_group_is_for_confirmed_members_not_yet_in_it(officer, member, other_member):
    group = group_create(actor=officer, name="G", kind="sector", purpose="p", convenor=officer)
    assert member.has_perm("governance.join_group", group)
    group_join_ask(actor=member, group=group)
    assert not member.has_perm("governance.join_group", group)
    assert not UserFactory(email_confirmed=False).has_perm("governance.join_group", group)


def test_accept_group_member_is_for_the_convenor_and_officers(officer, member, other_member):
    group = group_create(actor=officer, name="G", kind="sector", purpose="p", convenor=member)
    asked = group_join_ask(actor=other_member, group=group)
    assert member.has_perm("governance.accept_group_member", asked)
    assert officer.has_perm("governance.accept_group_member", asked)
    assert not other_member.has_perm("governance.accept_group_member", asked)


def test_add_group_document_is_for_the_convenor_and_officers(officer, member, other_member):
    group = group_create(actor=officer, name="G", kind="sector", purpose="p", convenor=member)
    assert member.has_perm("governance.add_group_document", group)
    assert officer.has_perm("governance.add_group_document", group)
    assert not other_member.has_perm("governance.add_group_document", group)
