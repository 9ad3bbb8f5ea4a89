"""One test per permission in notify/rules.py."""

import pytest
from django.contrib.auth.models import AnonymousUser

from altlep.commissioning.services.moderation import idea_hide
from tests.factories import UserFactory
from tests.notify.factories import an_idea

pytestmark = pytest.mark.django_db


def test_follow_is_for_confirmed_members_and_things_not_hidden(officer, member):
    idea = an_idea()
    assert member.has_perm("notify.follow", idea)
    assert not UserFactory(email_confirmed=False).has_perm("notify.follow", idea)
    assert not UserFactory(is_active=False).has_perm("notify.follow", idea)
    assert not AnonymousUser().has_perm("notify.follow", idea)
    idea_hide(actor=officer, idea=idea, reason="Personal details in the text.")
    assert not member.has_perm("notify.follow", idea)


def test_unfollow_is_for_anyone_signed_in(member):
    idea = an_idea()
    assert member.has_perm("notify.unfollow", idea)
    assert UserFactory(email_confirmed=False).has_perm("notify.unfollow", idea)
    assert not AnonymousUser().has_perm("notify.unfollow", idea)


def test_change_digest_is_for_the_member_themselves(member, other_member):
    assert member.has_perm("notify.change_digest", member)
    assert not other_member.has_perm("notify.change_digest", member)
