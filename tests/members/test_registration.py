"""Joining: free self-registration with email confirmation, and its failures."""

import re

import pytest
from django.core import mail, signing
from django.urls import reverse

from altlep.core.models import AuditEntry
from altlep.members import services
from altlep.members.models import User

pytestmark = pytest.mark.django_db

GOOD = {
    "email": "newcomer@example.org",
    "display_name": "New Comer",
    "password1": "a strong horse battery",
    "password2": "a strong horse battery",
    "postcode": "pr1 2he",
    "interests": "local food",
    "visibility": "public",
}


def _confirm_link() -> str:
    return re.search(r"http://testserver(/join/confirm/\S+/)", mail.outbox[-1].body).group(1)


def test_a_newcomer_registers_and_gets_a_confirmation_email(client):
    response = client.post(reverse("members:register"), GOOD)
    assert response.status_code == 200
    assert b"Check your email" in response.content
    user = User.objects.get(email="newcomer@example.org")
    assert not user.email_confirmed
    assert (user.postcode, user.district_code) == ("PR1 2HE", "E07000123")
    assert mail.outbox[-1].to == ["newcomer@example.org"]
    assert AuditEntry.objects.filter(action="member.register", object_id=str(user.pk)).exists()


def test_the_confirmation_link_confirms_the_email(client):
    client.post(reverse("members:register"), GOOD)
    response = client.get(_confirm_link())
    assert response.status_code == 302
    assert User.objects.get(email="newcomer@example.org").email_confirmed


def test_a_tampered_confirmation_link_is_refused(client):
    client.post(reverse("members:register"), GOOD)
    link = _confirm_link()
    response = client.get(link[:-3] + "xx/")
    assert response.status_code == 400
    assert b"not valid" in response.content
    assert not User.objects.get(email="newcomer@example.org").email_confirmed


def test_an_expired_confirmation_link_is_refused(client, member, monkeypatch):
    member.email_confirmed = False
    member.save()
    token = services.confirmation_token(member)
    monkeypatch.setattr(services.members, "CONFIRMATION_MAX_AGE", -1)
    response = client.get(reverse("members:confirm", args=[token]))
    assert response.status_code == 400
    assert b"expired" in response.content


def test_a_link_issued_for_an_old_email_address_is_refused(member):
    token = signing.dumps(
        {"id": member.pk, "email": "old@example.org"}, salt=services.members.CONFIRMATION_SALT
    )
    with pytest.raises(services.ConfirmationError):
        services.member_confirm_email(token=token)


@pytest.mark.parametrize("password", ["short", "12345678901", "password123"])
def test_a_weak_password_is_refused(client, password):
    response = client.post(
        reverse("members:register"), {**GOOD, "password1": password, "password2": password}
    )
    assert b"Password:" in response.content
    assert not User.objects.filter(email=GOOD["email"]).exists()


def test_mismatched_passwords_are_refused(client):
    response = client.post(reverse("members:register"), {**GOOD, "password2": "something else x"})
    assert b"The two passwords are not the same" in response.content
    assert not User.objects.exists()


def test_an_unknown_postcode_is_refused_at_registration(client):
    response = client.post(reverse("members:register"), {**GOOD, "postcode": "ZZ9 9ZZ"})
    assert b"not in the ONS Postcode Directory" in response.content
    assert not User.objects.exists()


def test_an_unconfirmed_member_cannot_log_in_and_is_sent_a_new_link(client):
    client.post(reverse("members:register"), GOOD)
    sent = len(mail.outbox)
    response = client.post(
        reverse("members:login"),
        {"username": GOOD["email"], "password": GOOD["password1"]},
    )
    assert b"confirm your email address first" in response.content
    assert len(mail.outbox) == sent + 1
    assert "_auth_user_id" not in client.session


def test_a_confirmed_member_logs_in_and_out(client, member):
    response = client.post(
        reverse("members:login"), {"username": member.email, "password": "a long test passphrase"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)
    client.post(reverse("members:logout"))
    assert "_auth_user_id" not in client.session
