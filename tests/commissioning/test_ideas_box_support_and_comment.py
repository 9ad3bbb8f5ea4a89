"""Supporting and discussing a box idea: open all the time, whatever phase any round is in."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.commissioning.models import Comment, IdeaSupport
from altlep.commissioning.services.ideas import comment_add, idea_support, idea_unsupport
from altlep.commissioning.services.ideas_box import idea_decline
from tests.commissioning.factories import BoxIdeaFactory, RoundFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_member_supports_a_box_idea_and_withdraws_it(client, member):
    RoundFactory(phase="after")  # no round is open: the box still is
    idea = BoxIdeaFactory()
    client.force_login(member)
    support = reverse("commissioning:idea_support", args=[idea.pk])
    assert client.post(support, {"action": "support"}).url == idea.get_absolute_url()
    idea.refresh_from_db()
    assert idea.support_count == 1 and IdeaSupport.objects.filter(member=member).exists()
    client.post(support, {"action": "withdraw"})
    idea.refresh_from_db()
    assert idea.support_count == 0


def test_a_member_comments_and_replies_on_a_box_idea(client, member, other_member):
    idea = BoxIdeaFactory()
    client.force_login(member)
    url = reverse("commissioning:idea_comment", args=[idea.pk])
    response = client.post(url, {"body": "I would use this every week."})
    comment = Comment.objects.get()
    assert response.url == f"{idea.get_absolute_url()}#comment-{comment.pk}"
    reply = comment_add(actor=other_member, idea=idea, body="Me too.", parent=comment)
    assert reply.parent == comment
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "I would use this every week." in page and "Me too." in page


def test_an_unconfirmed_member_neither_supports_nor_comments(client):
    idea = BoxIdeaFactory()
    newcomer = UserFactory(email_confirmed=False)
    with pytest.raises(PermissionDenied):
        idea_support(actor=newcomer, idea=idea)
    with pytest.raises(PermissionDenied):
        comment_add(actor=newcomer, idea=idea, body="Hello")
    client.force_login(newcomer)
    url = reverse("commissioning:idea_support", args=[idea.pk])
    assert client.post(url, {"action": "support"}).status_code == 403


def test_a_declined_idea_takes_no_more_support_even_from_a_superuser(officer, member):
    idea = BoxIdeaFactory()
    idea_support(actor=member, idea=idea)
    idea_decline(actor=officer, idea=idea, reason="The councils already fund this.")
    superuser = UserFactory(is_superuser=True, is_staff=True, is_officer=True)
    for someone in (UserFactory(), superuser):
        with pytest.raises((PermissionDenied, ValidationError)):
            idea_support(actor=someone, idea=idea)
    with pytest.raises((PermissionDenied, ValidationError)):
        idea_unsupport(actor=member, idea=idea)
    idea.refresh_from_db()
    assert idea.support_count == 1


def test_members_may_still_answer_a_declined_ideas_reason(officer, member):
    idea = BoxIdeaFactory()
    idea_decline(actor=officer, idea=idea, reason="Out of scope.")
    comment = comment_add(actor=member, idea=idea, body="Could a smaller version fit?")
    assert comment.idea == idea
