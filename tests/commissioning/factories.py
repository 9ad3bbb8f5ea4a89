"""Factories for commissioning tests. `RoundFactory(phase="vote")` builds a round whose phases
are laid out so that, right now, it is in the named phase (or "before" / "after" them all)."""

from datetime import timedelta

import factory
from django.utils import timezone

from altlep.commissioning.models import (
    PHASE_ORDER,
    Idea,
    Phase,
    Project,
    Round,
)
from tests.factories import UserFactory

DAY = timedelta(days=1)


def lay_out_phases(round_: Round, current: str) -> None:
    """Give the round one phase of each kind, a week each, with `current` holding now.

    `current="before"` puts every phase in the future; "after" puts them all in the past.
    """
    round_.phases.all().delete()
    now = timezone.now()
    if current == "before":
        index = -1
    elif current == "after":
        index = len(PHASE_ORDER)
    else:
        index = PHASE_ORDER.index(current)
    for position, kind in enumerate(PHASE_ORDER):
        offset = (position - index) * 7 * DAY
        starts = now + offset - 3 * DAY
        Phase.objects.create(round=round_, kind=kind, starts_at=starts, ends_at=starts + 7 * DAY)


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Round {n}")
    slug = factory.Sequence(lambda n: f"round-{n}")
    budget_pence = 10_000_00
    seed = 42

    @factory.post_generation
    def phase(obj, create, extracted, **kwargs):
        if create:
            lay_out_phases(obj, extracted or "collect")


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    round = factory.SubFactory(RoundFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Idea {n}")
    description = "Something the area needs."
    category = "Environment"


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    round = factory.SubFactory(RoundFactory, phase="vote")
    ballot_id = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Project {n}")
    cost_pence = 2_000_00


class BoxIdeaFactory(IdeaFactory):
    """An idea in the partnership-wide ideas box: no round."""

    round = None
