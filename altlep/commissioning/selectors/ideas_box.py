"""Reads for the ideas box: its list with filters, and the rounds a box idea may join."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from altlep.commissioning.models import PHASES_TAKING_IDEAS, Idea, IdeaStatus, Round
from altlep.commissioning.selectors.ideas import IdeaFilters, listed, matching

# Where a box idea stands: awaiting a decision, brought into a round, or declined.
BOX_STATES = {
    "open": Q(round__isnull=True) & ~Q(status=IdeaStatus.DECLINED),
    "brought_in": Q(brought_in_at__isnull=False),
    "declined": Q(status=IdeaStatus.DECLINED),
}
BOX_STATE_CHOICES = [
    ("open", "Waiting for a decision"),
    ("brought_in", "Brought into a round"),
    ("declined", "Declined"),
]


@dataclass(frozen=True)
class BoxFilters(IdeaFilters):
    state: str = ""


def box_ideas() -> QuerySet[Idea]:
    """Every idea proposed in the box: still there, declined, or brought into a round since."""
    return Idea.objects.filter(Q(round__isnull=True) | Q(brought_in_at__isnull=False))


def box_idea_list(*, filters: BoxFilters) -> QuerySet[Idea]:
    """The box's visible ideas matching the filters, one query per page (as a round's list)."""
    ideas = box_ideas().visible()
    if filters.state in BOX_STATES:
        ideas = ideas.filter(BOX_STATES[filters.state])
    ideas = matching(ideas, filters).select_related("round")
    return listed(ideas, filters.sort, "brought_in_at", "round__title", "round__slug")


def rounds_taking_ideas() -> QuerySet[Round]:
    """Rounds collecting or assessing ideas right now, the ones a box idea may be brought into."""
    now = timezone.now()
    return (
        Round.objects.filter(
            phases__kind__in=PHASES_TAKING_IDEAS,
            phases__starts_at__lte=now,
            phases__ends_at__gt=now,
        )
        .distinct()
        .order_by("title")
    )
