"""A digest tells a member what others did, never what they did themselves."""

import pytest
from django.core import mail

from altlep.commissioning.services.ideas import comment_add
from altlep.notify.services import follow_add
from tests.factories import UserFactory
from tests.notify.factories import an_idea, send_at

pytestmark = pytest.mark.django_db


def test_a_comment_by_the_follower_is_left_out(follower):
    idea = an_idea()
    follow_add(actor=follower, thing=idea)
    comment_add(actor=follower, idea=idea, body="My own comment.")
    send_at()
    assert mail.outbox == []


def test_only_the_others_changes_are_counted(follower):
    idea = an_idea()
    follow_add(actor=follower, thing=idea)
    comment_add(actor=follower, idea=idea, body="My own comment.")
    comment_add(actor=UserFactory(), idea=idea, body="Someone else's.")
    send_at()
    (email,) = mail.outbox
    assert "1 change in" in email.subject
