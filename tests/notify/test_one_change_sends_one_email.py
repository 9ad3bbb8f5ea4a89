"""A change in something a member follows reaches them in one email, in plain words, with links."""

import pytest
from django.core import mail

from altlep.commissioning.services.ideas import comment_add
from altlep.notify.models import Digest, DigestChange
from altlep.notify.services import follow_add
from tests.factories import UserFactory
from tests.notify.factories import an_idea, send_at

pytestmark = pytest.mark.django_db


def test_one_comment_on_a_followed_idea_sends_one_email(follower, settings):
    settings.ALTLEP_SITE_URL = "https://lep.example.org"
    idea = an_idea()
    follow_add(actor=follower, thing=idea)
    comment = comment_add(actor=UserFactory(), idea=idea, body="I would help plant.")

    report = send_at()

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [follower.email]
    assert "1 change in what you follow" in email.subject
    assert f"Idea: {idea.title}" in email.body
    assert f"A new comment on “{idea.title}”." in email.body
    assert f"https://lep.example.org{idea.get_absolute_url()}#comment-{comment.pk}" in email.body
    assert email.body.count("/notify/unsubscribe/") == 1
    assert email.extra_headers["List-Unsubscribe"].startswith("<https://lep.example.org/notify/")
    html = email.alternatives[0][0]
    assert html.count("/notify/unsubscribe/") == 1
    assert [row["changes"] for row in report.sent] == [1]
    assert Digest.objects.get().change_count == 1
    assert DigestChange.objects.get().member == follower


def test_nothing_changed_means_no_email(follower):
    follow_add(actor=follower, thing=an_idea())
    report = send_at()
    assert mail.outbox == [] and report.nothing_new == 1 and not Digest.objects.exists()


def test_changes_before_the_follow_are_not_sent(follower):
    idea = an_idea()
    comment_add(actor=UserFactory(), idea=idea, body="Before anyone followed.")
    follow_add(actor=follower, thing=idea)
    send_at()
    assert mail.outbox == []


def test_changes_in_things_not_followed_are_not_sent(follower):
    follow_add(actor=follower, thing=an_idea())
    comment_add(actor=UserFactory(), idea=an_idea(), body="On another idea.")
    send_at()
    assert mail.outbox == []
