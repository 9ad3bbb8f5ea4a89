"""Every digest carries one unsubscribe link: signed, no sign-in needed, and it sets "none"."""

import re

import pytest
from django.core import mail

from altlep.commissioning.services.ideas import comment_add
from altlep.notify.models import DigestPreference, Frequency
from altlep.notify.services import follow_add
from altlep.notify.tokens import unsubscribe_token
from tests.factories import UserFactory
from tests.notify.factories import an_idea, send_at

pytestmark = pytest.mark.django_db


def _digest_to(follower) -> str:
    idea = an_idea()
    follow_add(actor=follower, thing=idea)
    comment_add(actor=UserFactory(), idea=idea, body="Something new.")
    send_at()
    (email,) = mail.outbox
    return email.body


def test_the_link_in_the_email_unsubscribes_without_signing_in(client, follower, settings):
    settings.ALTLEP_SITE_URL = "https://lep.example.org"
    body = _digest_to(follower)
    (link,) = re.findall(r"https://lep\.example\.org(/notify/unsubscribe/\S+/)", body)
    page = client.get(link)
    assert page.status_code == 200 and "<button" in page.content.decode()
    assert DigestPreference.objects.get(member=follower).frequency == Frequency.WEEKLY
    done = client.post(link)
    assert done.status_code == 200 and "Unsubscribed" in done.content.decode()
    assert DigestPreference.objects.get(member=follower).frequency == Frequency.NONE


def test_an_unsubscribed_member_gets_no_more_digests(client, follower):
    idea = an_idea()
    follow_add(actor=follower, thing=idea)
    client.post(f"/notify/unsubscribe/{unsubscribe_token(follower.pk)}/")
    comment_add(actor=UserFactory(), idea=idea, body="Something new.")
    send_at()
    assert mail.outbox == []


def test_a_tampered_link_changes_nothing_and_says_why(client, follower):
    token = unsubscribe_token(follower.pk)
    page = client.post(f"/notify/unsubscribe/{token[:-2]}xx/")
    assert page.status_code == 400 and "not one we sent" in page.content.decode()
    assert not DigestPreference.objects.filter(member=follower).exists()
