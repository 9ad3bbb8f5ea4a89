"""A signed-in member's home page says what is new since their last visit: changes in what they
follow and what is new everywhere. The visit is remembered without a write on every request."""

import datetime

import pytest
from django.utils import timezone

from altlep.commissioning.services.ideas import comment_add
from altlep.notify.models import LastVisit
from altlep.notify.services import follow_add
from tests.factories import UserFactory
from tests.notify.factories import a_meeting, an_idea

pytestmark = pytest.mark.django_db


def _seen(member, ago: datetime.timedelta) -> None:
    LastVisit.objects.update_or_create(member=member, defaults={"seen_at": timezone.now() - ago})


def _new_section(client) -> str:
    page = client.get("/").content.decode()
    start = page.find('id="on-new"')
    return page[start : page.find("</section>", start)] if start != -1 else ""


def test_changes_in_what_i_follow_and_news_since_my_last_visit_are_shown(client, follower, officer):
    idea = an_idea()
    follow_add(actor=follower, thing=idea)
    _seen(follower, datetime.timedelta(days=2))
    comment = comment_add(actor=UserFactory(), idea=idea, body="Count me in.")
    a_meeting(officer, title="Spring board")
    client.force_login(follower)
    section = _new_section(client)
    assert "New since your last visit" in section
    assert f"A new comment on “{idea.title}”." in section
    assert f"#comment-{comment.pk}" in section
    assert "1 meeting scheduled" in section


def test_what_came_before_the_last_visit_is_not_new(client, follower):
    idea = an_idea()
    follow_add(actor=follower, thing=idea)
    comment_add(actor=UserFactory(), idea=idea, body="Old news.")
    _seen(follower, datetime.timedelta(0))  # seen after all of that
    client.force_login(follower)
    assert "Nothing new since you were last here." in _new_section(client)


def test_my_own_doings_are_not_news_to_me(client, follower):
    idea = an_idea()
    follow_add(actor=follower, thing=idea)
    _seen(follower, datetime.timedelta(days=1))
    comment_add(actor=follower, idea=idea, body="My own comment.")
    client.force_login(follower)
    assert "A new comment" not in _new_section(client)


def test_a_first_visit_and_a_visitor_not_signed_in_see_no_such_section(client, follower):
    assert _new_section(client) == ""
    client.force_login(follower)
    assert _new_section(client) == ""  # no earlier visit to compare with
    assert LastVisit.objects.filter(member=follower).exists()


def test_the_visit_is_written_once_not_on_every_request(client, follower):
    _seen(follower, datetime.timedelta(days=3))
    client.force_login(follower)
    client.get("/")
    first = LastVisit.objects.get(member=follower).seen_at
    LastVisit.objects.filter(member=follower).update(seen_at=first - datetime.timedelta(days=9))
    client.get("/")
    client.get("/about/area/")
    # Within the same visit nothing was written again (the row keeps what this test put there),
    # and the page still compares with the visit before.
    assert LastVisit.objects.get(member=follower).seen_at == first - datetime.timedelta(days=9)
    assert "New since your last visit" in _new_section(client)
