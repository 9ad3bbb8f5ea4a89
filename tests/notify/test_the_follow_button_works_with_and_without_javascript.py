"""The follow button: on each followable page, a plain form that htmx enhances in place."""

import pytest
from django.urls import reverse

from altlep.notify.selectors import is_following
from tests.commissioning.factories import RoundFactory
from tests.notify.factories import a_group, a_meeting, an_idea, an_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(officer):
    return {
        "round": RoundFactory(phase="collect"),
        "idea": an_idea(),
        "group": a_group(officer),
        "organisation": an_organisation(),
        "meeting": a_meeting(officer),
    }


@pytest.mark.parametrize("kind", ["round", "idea", "group", "organisation", "meeting"])
def test_each_followable_page_shows_the_follow_button(client, follower, pages, kind):
    client.force_login(follower)
    page = client.get(pages[kind].get_absolute_url())
    assert page.status_code == 200
    assert f'id="follow-{kind}-{pages[kind].pk}"' in page.content.decode()
    assert 'value="follow"' in page.content.decode()


def test_a_visitor_not_signed_in_is_asked_to_log_in(client, pages):
    page = client.get(pages["idea"].get_absolute_url()).content.decode()
    assert "to follow this" in page and 'value="follow"' not in page


def test_following_without_javascript_returns_to_the_page(client, follower, pages):
    idea = pages["idea"]
    client.force_login(follower)
    response = client.post(
        reverse("notify:follow"),
        {"kind": "idea", "pk": idea.pk, "action": "follow", "next": idea.get_absolute_url()},
    )
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    assert is_following(member=follower, thing=idea)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "You follow" in page and 'value="unfollow"' in page


def test_following_with_htmx_swaps_the_button_in_place(client, follower, pages):
    group = pages["group"]
    client.force_login(follower)
    response = client.post(
        reverse("notify:follow"),
        {"kind": "group", "pk": group.pk, "action": "follow", "next": "/"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert 'value="unfollow"' in body and 'role="status"' in body
    client.post(
        reverse("notify:follow"),
        {"kind": "group", "pk": group.pk, "action": "unfollow"},
        HTTP_HX_REQUEST="true",
    )
    assert not is_following(member=follower, thing=group)


def test_a_redirect_elsewhere_is_not_followed(client, follower, pages):
    meeting = pages["meeting"]
    client.force_login(follower)
    response = client.post(
        reverse("notify:follow"),
        {"kind": "meeting", "pk": meeting.pk, "action": "follow", "next": "https://evil.example"},
    )
    assert response["Location"] == meeting.get_absolute_url()


def test_the_follow_address_explains_itself_when_visited(client):
    page = client.get(reverse("notify:follow"))
    assert page.status_code == 200 and "press <strong>Follow</strong>" in page.content.decode()


def test_following_something_that_does_not_exist_is_a_404(client, follower):
    client.force_login(follower)
    response = client.post(
        reverse("notify:follow"), {"kind": "idea", "pk": 999999, "action": "follow"}
    )
    assert response.status_code == 404
