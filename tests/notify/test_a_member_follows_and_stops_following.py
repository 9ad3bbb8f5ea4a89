"""Members follow rounds, ideas, groups, organisations and meetings, and stop following them."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from altlep.core.models import AuditEntry
from altlep.notify.models import Follow
from altlep.notify.selectors import follows_of, is_following
from altlep.notify.services import follow_add, follow_remove
from tests.commissioning.factories import RoundFactory
from tests.factories import UserFactory
from tests.notify.factories import a_group, a_meeting, an_idea, an_organisation

pytestmark = pytest.mark.django_db

KINDS = ["round", "idea", "group", "organisation", "meeting"]


@pytest.fixture
def things(officer):
    return {
        "round": RoundFactory(phase="collect"),
        "idea": an_idea(),
        "group": a_group(officer),
        "organisation": an_organisation(),
        "meeting": a_meeting(officer),
    }


@pytest.mark.parametrize("kind", KINDS)
def test_a_member_follows_each_kind_of_thing_and_stops(follower, things, kind):
    thing = things[kind]
    follow = follow_add(actor=follower, thing=thing)
    assert follow.kind == kind and follow.thing == thing
    assert is_following(member=follower, thing=thing)
    assert AuditEntry.objects.filter(action="follow.add", object_id=str(follow.pk)).exists()

    follow_remove(actor=follower, thing=thing)
    assert not is_following(member=follower, thing=thing)
    assert AuditEntry.objects.filter(action="follow.remove").exists()


def test_following_twice_keeps_one_follow(follower, things):
    follow_add(actor=follower, thing=things["idea"])
    follow_add(actor=follower, thing=things["idea"])
    assert [f.kind for f in follows_of(member=follower)] == ["idea"]


def test_stopping_affects_only_the_actors_own_follow(follower, things):
    someone = UserFactory()
    follow_add(actor=follower, thing=things["group"])
    follow_add(actor=someone, thing=things["group"])
    follow_remove(actor=someone, thing=things["group"])
    assert is_following(member=follower, thing=things["group"])


def test_an_unconfirmed_member_cannot_follow(things):
    newcomer = UserFactory(email_confirmed=False)
    with pytest.raises(PermissionDenied):
        follow_add(actor=newcomer, thing=things["round"])
    assert not Follow.objects.exists()


def test_something_that_cannot_be_followed_is_refused(follower, officer):
    with pytest.raises(ValueError, match="cannot be followed"):
        follow_add(actor=follower, thing=officer)


def test_the_database_refuses_a_follow_of_two_things_or_none(follower, things):
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(member=follower, idea=things["idea"], round=things["round"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(member=follower)
