"""Password guessing is throttled: the n-th failed login for an account, or from one address,
pauses logging in there with a clear message, even for the right password; the real owner
gets back in at once through the password-reset email, which lifts the pause."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

RIGHT = "a long test passphrase"  # tests.factories.UserFactory's password
LIMIT = 5


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT


def _login(client, email: str, password: str, address: str):
    return client.post(
        reverse("members:login"), {"username": email, "password": password}, REMOTE_ADDR=address
    )


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def _paused(response) -> bool:
    return response.status_code == 429 and "Logging in is paused" in response.content.decode()


def _guess(client, email: str, times: int, addresses=None) -> list:
    addresses = addresses or [f"198.51.100.{i}" for i in range(times)]
    return [_login(client, email, f"guess {i}", addresses[i]) for i in range(times)]


def test_the_nth_failed_login_for_an_account_is_throttled(client, member):
    # Each guess from a different address, so only the account's count can stop them.
    responses = _guess(client, member.email, LIMIT)
    assert [r.status_code for r in responses[:-1]] == [200] * (LIMIT - 1)
    assert _paused(responses[-1])
    assert "choose a new password" in responses[-1].content.decode()
    right = _login(client, member.email.upper(), RIGHT, "198.51.100.200")
    assert _paused(right) and not _logged_in(client)


def test_the_nth_failed_login_from_an_address_is_throttled(client, member):
    attacker = "203.0.113.66"
    for i in range(LIMIT - 1):
        assert _login(client, f"someone{i}@example.org", "guess", attacker).status_code == 200
    assert _paused(_login(client, "someone-else@example.org", "guess", attacker))
    assert _paused(_login(client, member.email, RIGHT, attacker)) and not _logged_in(client)
    # The account itself is not paused: its owner, elsewhere, logs in.
    elsewhere = Client()
    assert _login(elsewhere, member.email, RIGHT, "192.0.2.10").status_code == 302
    assert _logged_in(elsewhere)


def test_the_owner_gets_back_in_through_the_reset_email(client, member):
    _guess(client, member.email, LIMIT)
    owner = Client(REMOTE_ADDR="192.0.2.20")
    assert _paused(_login(owner, member.email, RIGHT, "192.0.2.20"))
    owner.post(reverse("members:password_reset"), {"email": member.email})
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[-1].body).group(1)
    form_page = owner.get(link, follow=True)
    new = "a fresh spring passphrase"
    done = owner.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert _logged_in(owner) and "You are logged in" in done.content.decode()
    owner.post(reverse("members:logout"))
    assert _login(owner, member.email, new, "192.0.2.20").status_code == 302
    assert _logged_in(owner)


def test_a_successful_login_before_the_limit_clears_the_count(client, member):
    _guess(client, member.email, LIMIT - 1)
    assert _login(client, member.email, RIGHT, "192.0.2.30").status_code == 302
    client.post(reverse("members:logout"))
    _guess(client, member.email, LIMIT - 1)
    assert _login(client, member.email, RIGHT, "192.0.2.31").status_code == 302
