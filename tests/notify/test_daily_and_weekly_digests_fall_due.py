"""Daily digests fall due a day after the last one, weekly a week after, "none" never."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from altlep.commissioning.services.ideas import comment_add
from altlep.notify.models import Frequency
from altlep.notify.selectors import frequency_of, members_due
from altlep.notify.services import digest_frequency_set, follow_add
from tests.factories import UserFactory
from tests.notify.factories import an_idea, prefer, send_at

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def followed_idea(follower):
    idea = an_idea()
    follow_add(actor=follower, thing=idea)
    return idea


def _due(member) -> bool:
    return member.pk in {d.member.pk for d in members_due(now=timezone.now())}


@pytest.mark.parametrize(
    ("frequency", "last", "due"),
    [
        (Frequency.DAILY, None, True),
        (Frequency.DAILY, 2 * HOUR, False),
        (Frequency.DAILY, DAY - 30 * datetime.timedelta(minutes=1), True),  # cron a bit early
        (Frequency.WEEKLY, None, True),
        (Frequency.WEEKLY, 2 * DAY, False),
        (Frequency.WEEKLY, 7 * DAY, True),
        (Frequency.NONE, None, False),
    ],
)
def test_a_digest_is_due_by_frequency(follower, followed_idea, frequency, last, due):
    prefer(follower, frequency, last_digest_at=timezone.now() - last if last else None)
    assert _due(follower) is due


def test_weekly_is_the_default(follower, followed_idea):
    assert frequency_of(member=follower) == Frequency.WEEKLY and _due(follower)


def test_a_daily_member_hears_today_and_a_weekly_member_waits(follower, followed_idea):
    weekly = UserFactory()
    follow_add(actor=weekly, thing=followed_idea)
    prefer(follower, Frequency.DAILY, last_digest_at=timezone.now() - DAY)
    prefer(weekly, Frequency.WEEKLY, last_digest_at=timezone.now() - 3 * DAY)
    comment_add(actor=UserFactory(), idea=followed_idea, body="News.")
    send_at()
    assert [m.to for m in mail.outbox] == [[follower.email]]


def test_members_without_a_follow_or_unconfirmed_are_never_due(followed_idea):
    unconfirmed = UserFactory(email_confirmed=False)
    assert not _due(UserFactory()) and not _due(unconfirmed)


def test_a_member_chooses_their_frequency_on_the_settings_page(client, follower):
    client.force_login(follower)
    page = client.get("/notify/settings/")
    assert page.status_code == 200
    assert 'value="weekly" id="id_frequency_1" required checked' in page.content.decode()
    response = client.post("/notify/settings/", {"frequency": "daily"})
    assert response.status_code == 302
    assert frequency_of(member=follower) == Frequency.DAILY
    bad = client.post("/notify/settings/", {"frequency": "hourly"})
    assert bad.status_code == 200 and "hourly" in bad.content.decode()


def test_the_settings_page_is_linked_from_the_profile(client, follower):
    client.force_login(follower)
    assert "/notify/settings/" in client.get("/profile/").content.decode()


def test_the_frequency_service_refuses_nonsense_and_other_members(follower, other_member):
    with pytest.raises(ValidationError):
        digest_frequency_set(actor=follower, member=follower, frequency="hourly")
    with pytest.raises(PermissionDenied):
        digest_frequency_set(actor=other_member, member=follower, frequency="none")
