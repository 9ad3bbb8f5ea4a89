"""Sector and reference groups: members ask to join, convenors accept, documents are shared."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from altlep.governance.services.groups import (
    group_create,
    group_document_add,
    group_join_ask,
    group_member_accept,
)
from altlep.governance.services.meetings import meeting_schedule
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def convenor():
    return UserFactory(display_name="Connie Convenor")


@pytest.fixture
def group(officer, convenor):
    return group_create(
        actor=officer,
        name="Creative and cultural sector group",
        kind="sector",
        purpose="Build the evidence base for creative firms.",
        convenor=convenor,
    )


def test_a_member_asks_to_join_and_the_convenor_accepts(client, group, convenor, member):
    asked = group_join_ask(actor=member, group=group, note="I run a gallery", local_authority=False)
    assert not asked.accepted
    group_member_accept(actor=convenor, membership=asked)
    client.force_login(convenor)  # members-only people are listed to signed-in members
    html = client.get(group.get_absolute_url()).content.decode()
    assert str(member) in html and "Connie Convenor (convenor)" in html


def test_a_local_authority_counterpart_is_shown_as_one(client, group, convenor, other_member):
    asked = group_join_ask(actor=other_member, group=group, local_authority=True)
    group_member_accept(actor=convenor, membership=asked)
    client.force_login(convenor)
    assert "Local-authority counterpart" in client.get(group.get_absolute_url()).content.decode()


def test_a_member_who_is_not_the_convenor_cannot_accept(group, member, other_member):
    asked = group_join_ask(actor=member, group=group)
    with pytest.raises(PermissionDenied):
        group_member_accept(actor=other_member, membership=asked)


def test_a_member_cannot_ask_twice(group, member):
    group_join_ask(actor=member, group=group)
    with pytest.raises(PermissionDenied):
        group_join_ask(actor=member, group=group)


def test_the_convenor_schedules_the_groups_meetings_and_adds_documents(group, convenor):
    from django.utils import timezone

    meeting = meeting_schedule(
        actor=convenor, title="First meeting", starts_at=timezone.now(), group=group
    )
    assert meeting.group == group
    doc = group_document_add(
        actor=convenor, group=group, title="Sector profile", url="https://example.org/profile.pdf"
    )
    assert doc.href == "https://example.org/profile.pdf"


def test_a_group_needs_a_purpose_and_a_known_kind(officer, convenor):
    with pytest.raises(ValidationError) as refused:
        group_create(actor=officer, name="G", kind="club", purpose="", convenor=convenor)
    assert set(refused.value.message_dict) == {"kind", "purpose"}


def test_members_ask_to_join_through_the_group_page(client, group, member):
    client.force_login(member)
    client.post(f"/governance/groups/{group.slug}/join/", {"note": "Hello"})
    assert group.memberships.filter(member=member, accepted=False).exists()
