"""Joining answers the same whether or not the address already has an account, so the form
cannot be used to find out who is a member; the owner of a known address is told by email."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from altlep.core.models import AuditEntry
from altlep.members import services
from altlep.members.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORM = {
    "display_name": "Someone",
    "password1": "a strong horse battery",
    "password2": "a strong horse battery",
    "postcode": "",
    "interests": "",
    "visibility": "public",
}


def _join(client, email: str, **changes):
    response = client.post(reverse("members:register"), {**FORM, "email": email, **changes})
    # The page names the address typed, and each page has its own masked CSRF token; apart
    # from those the two answers must be identical.
    page = response.content.decode().replace(email.lower(), "ADDRESS").replace(email, "ADDRESS")
    return response.status_code, re.sub(r"[A-Za-z0-9]{64}", "CSRF", page)


def test_a_known_and_an_unknown_address_get_the_same_answer(client):
    owner = UserFactory(email="owner@example.org", display_name="Olive Owner")
    known = _join(client, "OWNER@example.org")
    unknown = _join(client, "stranger@example.org")
    assert known == unknown
    assert known[0] == 200 and "Check your email" in known[1]
    assert "already exists" not in known[1]
    assert User.objects.filter(email__iexact=owner.email).count() == 1


def test_the_owner_of_a_known_address_is_told_how_to_get_in(client):
    owner = UserFactory(email="owner@example.org")
    _join(client, "owner@example.org")
    [email] = mail.outbox
    assert email.to == [owner.email]
    assert "tried to join" in email.subject
    assert "http://testserver/login/" in email.body
    assert "http://testserver/password-reset/" in email.body
    assert "/join/confirm/" not in email.body  # already confirmed: no link needed
    assert AuditEntry.objects.filter(action="member.registration_attempt").exists()


def test_an_unconfirmed_owner_is_sent_a_new_confirmation_link(client):
    UserFactory(email="late@example.org", email_confirmed=False)
    _join(client, "late@example.org")
    link = re.search(r"http://testserver(/join/confirm/\S+/)", mail.outbox[-1].body).group(1)
    client.get(link)
    assert User.objects.get(email="late@example.org").email_confirmed


def test_a_weak_password_is_refused_the_same_for_both(client):
    UserFactory(email="owner@example.org")
    weak = {"password1": "12345678", "password2": "12345678"}
    known = _join(client, "owner@example.org", **weak)
    unknown = _join(client, "stranger@example.org", **weak)
    assert known == unknown and "Check your email" not in known[1]
    assert mail.outbox == []


def test_the_service_still_refuses_a_known_address_to_other_callers():
    UserFactory(email="owner@example.org")
    with pytest.raises(services.AlreadyRegistered) as refused:
        services.member_register(
            email="Owner@Example.org", display_name="X", password="a strong horse battery"
        )
    assert "already exists" in refused.value.message_dict["email"][0]
