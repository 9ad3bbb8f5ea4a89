"""A member keeps their profile and privacy choice."""

import pytest
from django.urls import reverse

from altlep.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_member_updates_their_profile_and_postcode(client, member):
    client.force_login(member)
    response = client.post(
        reverse("members:profile"),
        {
            "display_name": "Sam",
            "postcode": "bb1 1aa ",
            "interests": "cycling",
            "visibility": "hidden",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.display_name, member.visibility, member.interests) == (
        "Sam",
        "hidden",
        "cycling",
    )
    assert member.postcode == "BB1 1AA" and member.district_name == "Blackburn with Darwen"
    entry = AuditEntry.objects.get(action="member.update_profile")
    assert entry.actor == member and entry.after["visibility"] == "hidden"


def test_a_bad_postcode_leaves_the_profile_unchanged(client, member):
    client.force_login(member)
    response = client.post(
        reverse("members:profile"),
        {"display_name": "Sam", "postcode": "NOT A CODE", "visibility": "public"},
    )
    assert b"Postcode:" in response.content and b"is not a UK postcode" in response.content
    member.refresh_from_db()
    assert member.display_name != "Sam"


def test_the_profile_page_needs_a_login(client):
    response = client.get(reverse("members:profile"))
    assert response.status_code == 302 and "/login/" in response["Location"]
