"""The demo's follows and digest choices: what each demo account keeps an eye on, how often it
hears, and a little news since, so that `altlep notify send` has a digest to write at once.

Things are found by what they are (the round being voted on, the next board meeting), not by
title, so the demo's story can change around this module. Idempotent: skipped once the
resident follows anything.
"""

import datetime

from django.utils import timezone

from altlep.commissioning.models import Idea, Phase, PhaseKind, Round
from altlep.commissioning.services.ideas import comment_add
from altlep.governance.models import Group, Meeting
from altlep.governance.services.groups import group_document_add
from altlep.governance.services.meetings import agenda_item_add
from altlep.members.models import Affiliation, User
from altlep.notify.models import Follow, Frequency
from altlep.notify.services import digest_frequency_set, follow_add, visit_mark

RESIDENT, OWNER, OFFICER, ANCHOR = (
    "resident@demo.altlep.org",
    "owner@demo.altlep.org",
    "officer@demo.altlep.org",
    "anchor@demo.altlep.org",
)


def _round_in(kind: str) -> Round | None:
    now = timezone.now()
    phase = (
        Phase.objects.filter(kind=kind, starts_at__lte=now, ends_at__gt=now)
        .select_related("round")
        .order_by("round__pk")
        .first()
    )
    return phase.round if phase else None


def _follow_all(member: User, things) -> None:
    for thing in things:
        if thing is not None:
            follow_add(actor=member, thing=thing)


def demo_follows() -> int:
    """Give the demo accounts believable follows and digest choices; returns follows added."""
    emails = [RESIDENT, OWNER, OFFICER, ANCHOR]
    accounts = {u.email: u for u in User.objects.filter(email__in=emails)}
    resident, owner, officer = (accounts.get(e) for e in (RESIDENT, OWNER, OFFICER))
    if resident is None or Follow.objects.filter(member=resident).exists():
        return 0
    before = Follow.objects.count()
    voting = _round_in(PhaseKind.VOTE) or Round.objects.order_by("-pk").first()
    delivering = _round_in(PhaseKind.DELIVERY)
    idea = Idea.objects.visible().filter(round=voting).order_by("pk").first() if voting else None
    groups = list(Group.objects.order_by("pk"))
    next_board = Meeting.objects.filter(group=None, starts_at__gt=timezone.now())
    next_board = next_board.order_by("starts_at").first()

    # Rita, a resident: the vote she is taking part in, an idea she likes, the VCSE group.
    _follow_all(resident, [voting, idea, groups[-1] if groups else None])
    digest_frequency_set(actor=resident, member=resident, frequency=Frequency.WEEKLY)
    if owner is not None:
        # Omar, an owner-manager: the board's next meeting, the sector group, his firm's page
        # (where officers' corrections to its size band or sector would show).
        firm = Affiliation.objects.filter(member=owner).select_related("organisation").first()
        _follow_all(owner, [next_board, groups[0] if groups else None, firm and firm.organisation])
        digest_frequency_set(actor=owner, member=owner, frequency=Frequency.DAILY)
    if officer is not None:
        # Olivia, an officer: the delivery she oversees and the groups others convene.
        _follow_all(officer, [delivering, *groups])
        digest_frequency_set(actor=officer, member=officer, frequency=Frequency.WEEKLY)
    if accounts.get(ANCHOR) is not None:
        # A council's finance officer: the council's own page, where its spend evidence lives.
        anchor = accounts[ANCHOR]
        employer = Affiliation.objects.filter(member=anchor).select_related("organisation").first()
        _follow_all(anchor, [employer and employer.organisation])
        digest_frequency_set(actor=anchor, member=anchor, frequency=Frequency.WEEKLY)
    _news_since_following(officer, idea, groups, next_board)
    _earlier_visits([resident, owner, officer])
    return Follow.objects.count() - before


def _news_since_following(officer, idea, groups, next_board) -> None:
    """What others did after the follows, so the first digest has something in it."""
    neighbour = User.objects.confirmed().filter(email__startswith="member0").order_by("pk")
    commenter = neighbour.exclude(pk=getattr(idea, "author_id", None)).first()
    if commenter is not None and commenter.has_perm("commissioning.comment_idea", idea):
        comment_add(
            actor=commenter,
            idea=idea,
            body="Could some of these be fruit trees? The school next door would look after them.",
        )
    if groups:
        group = groups[-1]
        group_document_add(
            actor=group.convenor,
            group=group,
            title="Notes from the autumn listening sessions",
            url="https://example.org/altlep/listening-sessions.pdf",
        )
    if next_board is not None and officer is not None:
        agenda_item_add(
            actor=officer,
            meeting=next_board,
            title="Apprenticeship incentive for owner-managers",
            description="Paying owner-managers to take on and train an apprentice.",
        )


def _earlier_visits(members) -> None:
    # As if each demo account last came by two days ago: the home page then shows what is new.
    two_days_ago = timezone.now() - datetime.timedelta(days=2)
    for member in members:
        if member is not None:
            visit_mark(member=member, now=two_days_ago)
