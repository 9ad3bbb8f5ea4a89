"""Registrations and password-reset requests are throttled per visitor address and per email
address, with a clear message, so nobody can flood an inbox or probe at speed."""

import pytest
from django.core import mail
from django.urls import reverse

from altlep.members.models import User

pytestmark = pytest.mark.django_db

PER_ACCOUNT, PER_ADDRESS = 3, 5
JOIN = {
    "display_name": "Someone",
    "password1": "a strong horse battery",
    "password2": "a strong horse battery",
    "postcode": "",
    "interests": "",
    "visibility": "public",
}


@pytest.fixture(autouse=True)
def _rates(settings):
    settings.ALTLEP_FORM_RATE_PER_ACCOUNT = f"{PER_ACCOUNT}/h"
    settings.ALTLEP_FORM_RATE_PER_ADDRESS = f"{PER_ADDRESS}/h"


def _join(client, email: str, address: str):
    return client.post(reverse("members:register"), {**JOIN, "email": email}, REMOTE_ADDR=address)


def _reset(client, email: str, address: str):
    return client.post(reverse("members:password_reset"), {"email": email}, REMOTE_ADDR=address)


def _throttled(response) -> bool:
    return response.status_code == 429 and "Too many requests" in response.content.decode()


def test_registration_is_throttled_per_email_address(client, member):
    answers = [_join(client, member.email, f"198.51.100.{i}") for i in range(PER_ACCOUNT + 1)]
    assert [r.status_code for r in answers[:-1]] == [200] * PER_ACCOUNT
    assert _throttled(answers[-1])
    assert len(mail.outbox) == PER_ACCOUNT  # the owner is told at most that often


def test_registration_is_throttled_per_visitor_address(client):
    answers = [_join(client, f"new{i}@example.org", "203.0.113.5") for i in range(PER_ADDRESS + 1)]
    assert _throttled(answers[-1])
    assert User.objects.count() == PER_ADDRESS
    assert _join(client, "new-elsewhere@example.org", "192.0.2.1").status_code == 200


def test_reset_requests_are_throttled_per_email_address(client, member):
    answers = [_reset(client, member.email, f"198.51.100.{i}") for i in range(PER_ACCOUNT + 1)]
    assert [r.status_code for r in answers[:-1]] == [302] * PER_ACCOUNT
    assert _throttled(answers[-1])
    assert len(mail.outbox) == PER_ACCOUNT


def test_reset_requests_are_throttled_per_visitor_address(client, member):
    answers = [_reset(client, f"x{i}@example.org", "203.0.113.9") for i in range(PER_ADDRESS + 1)]
    assert _throttled(answers[-1])
    assert _reset(client, member.email, "192.0.2.2").status_code == 302
