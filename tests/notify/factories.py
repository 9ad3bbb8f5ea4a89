"""Test data for follows and digests: things to follow, made through the services."""

import datetime

from django.utils import timezone

from altlep.commissioning.services.ideas import idea_submit
from altlep.governance.services.groups import group_create
from altlep.governance.services.meetings import meeting_schedule
from altlep.notify.models import DigestPreference
from altlep.notify.services import digests_send
from tests.commissioning.factories import RoundFactory
from tests.factories import OrganisationFactory, UserFactory


def an_idea(author=None, round_=None):
    """An idea submitted through the service to a round collecting ideas."""
    return idea_submit(
        actor=author or UserFactory(),
        round_=round_ or RoundFactory(phase="collect"),
        title="Community orchard in Preston",
        description="Fruit trees on the old bowling green.",
        category="Environment",
    )


def a_group(officer, convenor=None):
    return group_create(
        actor=officer,
        name="Food and drink sector group",
        kind="sector",
        purpose="Grow local food businesses.",
        convenor=convenor or UserFactory(),
    )


def a_meeting(officer, *, days: int = 7, title: str = "Board meeting", group=None):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    return meeting_schedule(
        actor=officer, title=title, starts_at=starts, location="Preston", group=group
    )


def an_organisation(owner=None):
    return OrganisationFactory(created_by=owner or UserFactory())


def prefer(member, frequency: str, last_digest_at=None) -> DigestPreference:
    """Set up a preference directly (the service is tested on its own)."""
    preference, _ = DigestPreference.objects.update_or_create(
        member=member, defaults={"frequency": frequency, "last_digest_at": last_digest_at}
    )
    return preference


def send_at(moment=None):
    """Run the digest send as the scheduler would, at `moment` (default: now)."""
    return digests_send(now=moment or timezone.now())
