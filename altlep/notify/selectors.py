"""Reads: who follows what, whose digest is due, and which changes each member should hear of."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django.utils import timezone

from altlep.core.whats_on import Item, Link, Section
from altlep.members.models import User
from altlep.notify.changes import Change, Target
from altlep.notify.models import (
    DEFAULT_FREQUENCY,
    FOLLOWABLE_KINDS,
    DigestChange,
    DigestPreference,
    Follow,
    Frequency,
)

PERIODS = {
    Frequency.DAILY: datetime.timedelta(days=1),
    Frequency.WEEKLY: datetime.timedelta(days=7),
}
# A scheduler that runs at the same time every day must find yesterday's digest due even if
# today's run starts a few seconds earlier than yesterday's did.
SCHEDULER_SLACK = datetime.timedelta(hours=1)
# An entry is stamped when written but seen by others only when its transaction commits; looking
# this far behind the last digest catches slow commits (what was sent is never sent again).
LATE_COMMIT_MARGIN = datetime.timedelta(hours=1)


def kind_of(thing: models.Model) -> str:
    """The follow kind ("round", "idea", …) of a followable thing; ValueError for anything else."""
    for kind in FOLLOWABLE_KINDS:
        if isinstance(thing, Follow._meta.get_field(kind).related_model):
            return kind
    raise ValueError(f"{type(thing).__name__} cannot be followed.")


def is_following(*, member, thing: models.Model) -> bool:
    if not member.is_authenticated:
        return False
    return Follow.objects.filter(member=member, **{kind_of(thing): thing}).exists()


def follows_of(*, member) -> list[Follow]:
    """A member's follows with the things they point at, newest first."""
    return list(Follow.objects.filter(member=member).select_related(*FOLLOWABLE_KINDS))


def frequency_of(*, member) -> str:
    preference = DigestPreference.objects.filter(member=member).first()
    return preference.frequency if preference else DEFAULT_FREQUENCY


def is_due(*, frequency: str, last_digest_at: datetime.datetime | None, now) -> bool:
    if frequency not in PERIODS:
        return False
    return last_digest_at is None or now - last_digest_at >= PERIODS[frequency] - SCHEDULER_SLACK


def window_start(*, frequency: str, last_digest_at, now) -> datetime.datetime:
    """Changes after this moment belong in the member's next digest (unless already sent)."""
    if last_digest_at is None:
        return now - PERIODS[frequency]
    return last_digest_at - LATE_COMMIT_MARGIN


@dataclass
class DueMember:
    member: User
    frequency: str
    since: datetime.datetime


def members_due(*, now: datetime.datetime) -> list[DueMember]:
    """Confirmed members who follow something and whose digest is due now."""
    preferences = {
        p.member_id: p
        for p in DigestPreference.objects.filter(
            member__in=User.objects.confirmed().filter(follows__isnull=False)
        )
    }
    members = User.objects.confirmed().filter(follows__isnull=False).distinct().order_by("pk")
    due = []
    for member in members:
        preference = preferences.get(member.pk)
        frequency = preference.frequency if preference else DEFAULT_FREQUENCY
        last = preference.last_digest_at if preference else None
        if is_due(frequency=frequency, last_digest_at=last, now=now):
            since = window_start(frequency=frequency, last_digest_at=last, now=now)
            due.append(DueMember(member, frequency, since))
    return due


@dataclass(frozen=True)
class Told:
    """A change as one member hears it: under the followed thing it concerns."""

    follow: Follow
    change: Change


def follows_by_target(*, member_ids: list[int]) -> dict[int, dict[Target, Follow]]:
    found: dict[int, dict[Target, Follow]] = {}
    for follow in Follow.objects.filter(member_id__in=member_ids).select_related(*FOLLOWABLE_KINDS):
        found.setdefault(follow.member_id, {})[(follow.kind, follow.thing_id)] = follow
    return found


def already_told(*, member, changes: list[Change]) -> set[int]:
    ids = [c.entry_id for c in changes]
    return set(
        DigestChange.objects.filter(member=member, entry_id__in=ids).values_list(
            "entry_id", flat=True
        )
    )


def changes_for(
    *,
    member,
    changes: list[Change],
    follows: dict[Target, Follow],
    since: datetime.datetime,
) -> list[Told]:
    """The changes a member should hear of: in what they followed (after they followed it),
    after `since`, not their own doing, and not told before."""
    told = []
    for change in changes:
        if change.at <= since or change.actor_id == member.pk:
            continue
        follow = next(
            (
                follows[t]
                for t in change.targets
                if t in follows and follows[t].created_at <= change.at
            ),
            None,
        )
        if follow is not None:
            told.append(Told(follow, change))
    sent = already_told(member=member, changes=[t.change for t in told])
    return [t for t in told if t.change.entry_id not in sent]


def grouped(told: list[Told]) -> list[tuple[Follow, list[tuple[Change, int]]]]:
    """Told changes under their followed things; repeated sentences once, with how many."""
    groups: dict[int, tuple[Follow, dict[str, list]]] = {}
    for item in told:
        follow, lines = groups.setdefault(item.follow.pk, (item.follow, {}))
        line = lines.setdefault(item.change.text, [item.change, 0])
        line[1] += 1
    return [(follow, [tuple(line) for line in lines.values()]) for follow, lines in groups.values()]


FOLLOWED_SHOWN = 10


def _news_since(since: datetime.datetime) -> list[Item]:
    """Partnership-wide news since a moment, as counts with where to look."""
    from altlep.commissioning.models import Idea, Round
    from altlep.governance.models import Decision, Election, Meeting

    counted = [
        (
            Idea.objects.visible().filter(created_at__gt=since),
            "new idea",
            "new ideas",
            reverse("ideas:list"),
        ),
        (
            Round.objects.filter(created_at__gt=since),
            "new round",
            "new rounds",
            reverse("commissioning:rounds"),
        ),
        (
            Decision.objects.filter(recorded_at__gt=since),
            "decision recorded",
            "decisions recorded",
            reverse("governance:decisions"),
        ),
        (
            Meeting.objects.filter(created_at__gt=since),
            "meeting scheduled",
            "meetings scheduled",
            reverse("governance:meetings"),
        ),
        (
            Election.objects.filter(created_at__gt=since),
            "election called",
            "elections called",
            reverse("governance:elections"),
        ),
    ]
    items = []
    for queryset, one, many, url in counted:
        n = queryset.count()
        if n:
            items.append(Item(f"{n} {one if n == 1 else many}", url))
    return items


def new_since_last_visit(request) -> Section | None:
    """For a signed-in member: what changed in what they follow, and what is new everywhere,
    since their last visit (see middleware.py for how a visit is told)."""
    member = request.user
    since = getattr(request, "last_visit_at", None)
    if not member.is_authenticated or since is None:
        return None
    follows = follows_by_target(member_ids=[member.pk]).get(member.pk, {})
    followed: list[Item] = []
    if follows:
        from altlep.notify.changes import changes_since

        # A member back after months hears the last month, not the whole log.
        recent = max(since, timezone.now() - datetime.timedelta(days=30))
        for change in reversed(changes_since(recent)):
            if change.actor_id == member.pk:
                continue
            if any(t in follows and follows[t].created_at <= change.at for t in change.targets):
                followed.append(Item(change.text, change.url, when=change.at))
            if len(followed) == FOLLOWED_SHOWN:
                break
    return Section(
        key="new",
        title="New since your last visit",
        items=followed + _news_since(since),
        empty="Nothing new since you were last here.",
        links=[Link("What you follow", reverse("notify:settings"))],
    )
