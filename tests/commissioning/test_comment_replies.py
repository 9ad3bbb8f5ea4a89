"""Comments on ideas: one level of replies, and none on hidden ideas or outside the phases."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.commissioning.models import Comment
from altlep.commissioning.services.ideas import comment_add
from altlep.core.models import AuditEntry
from tests.commissioning.factories import IdeaFactory, RoundFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _comment(client, idea, **data):
    return client.post(reverse("commissioning:idea_comment", args=[idea.pk]), data)


def test_a_member_comments_on_an_idea(client, member):
    idea = IdeaFactory()
    client.force_login(member)
    response = _comment(client, idea, body="Great idea")
    comment = Comment.objects.get()
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    assert comment.author == member and comment.parent is None
    assert AuditEntry.objects.filter(action="comment.add").exists()
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Great idea" in page


def test_a_reply_attaches_to_the_comment(client, member, other_member):
    idea = IdeaFactory()
    top = comment_add(actor=other_member, idea=idea, body="First")
    client.force_login(member)
    _comment(client, idea, body="Reply", parent=top.pk)
    assert Comment.objects.get(body="Reply").parent == top


def test_replying_to_a_reply_attaches_to_its_parent_so_replies_stay_one_level_deep(
    member, other_member
):
    idea = IdeaFactory()
    top = comment_add(actor=member, idea=idea, body="First")
    reply = comment_add(actor=other_member, idea=idea, body="Second", parent=top)
    deeper = comment_add(actor=member, idea=idea, body="Third", parent=reply)
    assert deeper.parent == top
    assert not Comment.objects.filter(parent__parent__isnull=False).exists()


def test_a_reply_to_a_comment_on_another_idea_is_refused(member):
    elsewhere = comment_add(actor=member, idea=IdeaFactory(), body="Elsewhere")
    idea = IdeaFactory()
    with pytest.raises(ValidationError, match="same idea"):
        comment_add(actor=member, idea=idea, body="Hi", parent=elsewhere)
    assert Comment.objects.count() == 1


def test_commenting_on_a_hidden_idea_is_refused(client, member):
    idea = IdeaFactory(hidden=True, hidden_reason="Spam")
    client.force_login(member)
    response = _comment(client, idea, body="Hello")
    assert "hidden by a moderator" in " ".join(str(m) for m in response.wsgi_request._messages)
    with pytest.raises(ValidationError, match="hidden by a moderator"):
        comment_add(actor=member, idea=idea, body="Hello")
    assert not Comment.objects.exists()


def test_an_empty_comment_is_refused(client, member):
    idea = IdeaFactory()
    client.force_login(member)
    _comment(client, idea, body="   ")
    with pytest.raises(ValidationError):
        comment_add(actor=member, idea=idea, body="  ")
    assert not Comment.objects.exists()


def test_comments_close_when_the_vote_ends(client, member):
    idea = IdeaFactory(round=RoundFactory(phase="results"))
    client.force_login(member)
    assert _comment(client, idea, body="Late").status_code == 403
    with pytest.raises(PermissionDenied):
        comment_add(actor=member, idea=idea, body="Late")
    assert not Comment.objects.exists()


def test_a_hidden_comment_shows_the_moderators_reason_instead(client, member):
    idea = IdeaFactory()
    comment = comment_add(actor=member, idea=idea, body="Nasty words")
    Comment.objects.filter(pk=comment.pk).update(hidden=True, hidden_reason="Personal attack")
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Hidden by a moderator: Personal attack" in page
    assert "Nasty words" not in page


def test_a_commenter_who_keeps_to_officers_is_shown_as_a_member(client, member):
    private = UserFactory(visibility="hidden", display_name="Secret Person")
    idea = IdeaFactory(author=private)
    comment_add(actor=private, idea=idea, body="Quiet remark")
    client.force_login(member)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Quiet remark" in page
    assert "Secret Person" not in page
    assert "A member" in page
