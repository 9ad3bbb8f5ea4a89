"""Supporting an idea: once per member, counted right, withdrawable, only while open."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from altlep.commissioning.models import IdeaSupport
from altlep.commissioning.services.ideas import idea_support, idea_unsupport
from altlep.core.models import AuditEntry
from tests.commissioning.factories import IdeaFactory, RoundFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _support(client, idea, action="support"):
    return client.post(reverse("commissioning:idea_support", args=[idea.pk]), {"action": action})


def test_a_member_supports_an_idea_and_the_count_goes_up(client, member):
    idea = IdeaFactory()
    client.force_login(member)
    assert _support(client, idea).status_code == 302
    idea.refresh_from_db()
    assert idea.support_count == 1
    assert IdeaSupport.objects.filter(idea=idea, member=member).exists()
    assert AuditEntry.objects.filter(action="idea.support").exists()


def test_supporting_twice_is_refused_and_counts_once(client, member):
    idea = IdeaFactory()
    idea_support(actor=member, idea=idea)
    client.force_login(member)
    response = _support(client, idea)
    assert "You already support this idea." in [str(m) for m in response.wsgi_request._messages]
    with pytest.raises(ValidationError, match="already support"):
        idea_support(actor=member, idea=idea)
    idea.refresh_from_db()
    assert idea.support_count == 1
    assert IdeaSupport.objects.count() == 1


def test_a_member_withdraws_support_and_the_count_goes_down(client, member):
    idea = IdeaFactory()
    idea_support(actor=member, idea=idea)
    client.force_login(member)
    _support(client, idea, "withdraw")
    idea.refresh_from_db()
    assert idea.support_count == 0
    assert not IdeaSupport.objects.exists()
    with pytest.raises(ValidationError, match="do not support"):
        idea_unsupport(actor=member, idea=idea)
    idea.refresh_from_db()
    assert idea.support_count == 0


@pytest.mark.parametrize("phase", ["vote", "results", "after"])
def test_support_is_closed_after_assessment(client, member, phase):
    idea = IdeaFactory(round=RoundFactory(phase=phase))
    client.force_login(member)
    assert _support(client, idea).status_code == 403
    with pytest.raises(PermissionDenied):
        idea_support(actor=member, idea=idea)
    assert not IdeaSupport.objects.exists()


def test_a_hidden_idea_cannot_be_supported(member):
    idea = IdeaFactory(hidden=True, hidden_reason="Spam")
    with pytest.raises(ValidationError, match="hidden by a moderator"):
        idea_support(actor=member, idea=idea)
    assert not IdeaSupport.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_supports_keep_the_count_equal_to_the_supporters():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race is exercised on PostgreSQL")
    idea = IdeaFactory()
    members = UserFactory.create_batch(8)
    errors = []

    def support(member):
        try:
            idea_support(actor=member, idea=idea)
            idea_support(actor=member, idea=idea)
        except ValidationError:
            pass
        except Exception as error:  # noqa: BLE001 - surfaced through the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=support, args=(m,)) for m in members]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    idea.refresh_from_db()
    assert not errors
    assert idea.support_count == IdeaSupport.objects.filter(idea=idea).count() == 8
