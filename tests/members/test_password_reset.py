"""Forgotten passwords are reset through a link sent by email."""

import re

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_member_resets_a_forgotten_password(client, member):
    client.post(reverse("members:password_reset"), {"email": member.email})
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[-1].body).group(1)
    form_page = client.get(link, follow=True)
    assert b"Choose a new password" in form_page.content
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "another fine passphrase", "new_password2": "another fine passphrase"},
    )
    assert response.status_code == 302
    client.post(reverse("members:logout"))
    logged_in = client.post(
        reverse("members:login"),
        {"username": member.email, "password": "another fine passphrase"},
    )
    assert logged_in.status_code == 302 and "_auth_user_id" in client.session


def test_a_tampered_reset_link_is_refused(client, member):
    client.post(reverse("members:password_reset"), {"email": member.email})
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[-1].body).group(1)
    response = client.get(link[:-4] + "zzz/", follow=True)
    assert b"This reset link is not valid" in response.content
