"""Commissioning's sections of the home page: votes open now, and where ideas are wanted."""

from django.urls import reverse
from django.utils import timezone

from altlep.commissioning.models import Phase, PhaseKind
from altlep.core.whats_on import Item, Link, Section


def _current(kind: str):
    now = timezone.now()
    return (
        Phase.objects.filter(kind=kind, starts_at__lte=now, ends_at__gt=now)
        .select_related("round")
        .order_by("ends_at", "round__title")
    )


def _closes(phase: Phase, what: str) -> str:
    return f"{what} close {timezone.localtime(phase.ends_at):%A %-d %B %Y at %H:%M}"


def open_votes(request) -> Section:
    """Rounds whose vote is open, soonest to close first."""
    return Section(
        key="votes",
        title="Open votes",
        items=[
            Item(
                phase.round.title,
                phase.round.get_absolute_url(),
                _closes(phase, "Votes"),
                phase.ends_at,
            )
            for phase in _current(PhaseKind.VOTE)
        ],
        empty="No vote is open just now.",
        links=[Link("All commissioning rounds", reverse("commissioning:rounds"))],
    )


def ideas_wanted(request) -> Section:
    """Rounds collecting ideas, and the ideas box that is open all the time."""
    return Section(
        key="ideas",
        title="Ideas wanted",
        items=[
            Item(
                f"Ideas for {phase.round.title}",
                reverse("commissioning:ideas", args=[phase.round.slug]),
                _closes(phase, "Ideas"),
                phase.ends_at,
            )
            for phase in _current(PhaseKind.COLLECT)
        ],
        empty="No round is collecting ideas just now, but the ideas box is always open.",
        # The ideas box's own URL names arrive with it; these are its published addresses.
        links=[
            Link("The ideas box", reverse("ideas:list")),
            Link("Propose an idea", reverse("ideas:new")),
        ],
    )
