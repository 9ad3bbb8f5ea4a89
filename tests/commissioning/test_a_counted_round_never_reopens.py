"""Once a round is counted, nobody — superuser or officer — reopens its vote or changes what
decided its result, so the published result always equals the exported ballots."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from altlep.commissioning.services.ballots import ballot_cast
from altlep.commissioning.services.results import results_publish, round_count
from altlep.commissioning.services.rounds import (
    ROUND_FIELDS,
    PhasePlan,
    round_next_phase,
    round_update,
)
from altlep.members.models import User
from altlep.pb import parse_text
from tests.commissioning.factories import ProjectFactory, RoundFactory, lay_out_phases

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin@example.org", "a long passphrase", display_name="A")


@pytest.fixture(params=["superuser", "officer"])
def powerful(request, superuser, officer):
    return {"superuser": superuser, "officer": officer}[request.param]


def _plans(round_) -> list[PhasePlan]:
    return [PhasePlan(p.kind, p.starts_at, p.ends_at) for p in round_.phases.all()]


def _settings(round_) -> dict:
    return {name: getattr(round_, name) for name in ROUND_FIELDS}


def _counted(actor, voter, publish: bool = True):
    round_ = RoundFactory(phase="vote")
    project = ProjectFactory(round=round_)
    ballot_cast(round_=round_, voter=voter, choices={project.pk: 1})
    lay_out_phases(round_, "results")
    round_count(actor=actor, round_=round_)
    if publish:
        results_publish(actor=actor, round_=round_)
    return round_, project


def _reopened_vote(round_) -> list[PhasePlan]:
    """The round's phases with the vote ending a week from now and later phases after it."""
    now = timezone.now()
    week = timedelta(days=7)
    plans = []
    for plan in sorted(_plans(round_), key=lambda p: p.starts_at):
        if plan.kind == "vote":
            plan = PhasePlan("vote", plan.starts_at, now + week)
        elif plan.kind in ("results", "delivery"):
            offset = week * (2 if plan.kind == "results" else 3)
            plan = PhasePlan(plan.kind, now + offset, now + offset + week)
        plans.append(plan)
    return plans


@pytest.mark.parametrize("publish", [False, True])
def test_a_counted_round_cannot_be_moved_to_reopen_its_vote(powerful, member, publish):
    round_, project = _counted(powerful, member, publish=publish)
    with pytest.raises(ValidationError, match="cannot open again"):
        round_update(
            actor=powerful, round_=round_, phases=_reopened_vote(round_), **_settings(round_)
        )
    assert round_.current_phase_kind == "results"
    with pytest.raises(PermissionDenied):
        ballot_cast(round_=round_, voter=powerful, choices={project.pk: 1})
    assert round_.ballots.count() == 1


def test_a_counted_round_cannot_be_rescheduled_to_collect_ideas_again(powerful, member):
    round_, _ = _counted(powerful, member)
    later = timedelta(days=30)
    plans = [PhasePlan(p.kind, p.starts_at + later, p.ends_at + later) for p in _plans(round_)]
    with pytest.raises(ValidationError, match="cannot open again"):
        round_update(actor=powerful, round_=round_, phases=plans, **_settings(round_))
    assert round_.current_phase_kind == "results"


def test_a_counted_round_keeps_its_vote_phase(powerful, member):
    round_, _ = _counted(powerful, member)
    plans = [p for p in _plans(round_) if p.kind != "vote"]
    with pytest.raises(ValidationError, match="vote phase stays"):
        round_update(actor=powerful, round_=round_, phases=plans, **_settings(round_))


@pytest.mark.parametrize(
    "field,value",
    [
        ("rule", "greedy"),
        ("completion", "none"),
        ("ties", "numeric"),
        ("residents_only", True),
        ("minimum_age", 16),
        ("budget_pence", 1),
        ("max_choices", 1),
        ("budget_capped", True),
    ],
)
def test_a_counted_round_keeps_the_settings_that_decided_its_result(powerful, member, field, value):
    round_, _ = _counted(powerful, member, publish=False)
    settings = _settings(round_)
    settings[field] = value
    with pytest.raises(ValidationError) as refused:
        round_update(actor=powerful, round_=round_, phases=_plans(round_), **settings)
    assert field in refused.value.message_dict
    round_.refresh_from_db()
    assert getattr(round_, field) != value


def test_a_counted_round_may_still_be_retitled_and_move_into_delivery(powerful, member):
    round_, _ = _counted(powerful, member)
    settings = {**_settings(round_), "title": "Spring fund (final)"}
    round_update(actor=powerful, round_=round_, phases=_plans(round_), **settings)
    round_next_phase(actor=powerful, round_=round_)
    round_.refresh_from_db()
    assert round_.title == "Spring fund (final)"
    assert round_.current_phase_kind == "delivery"


def test_before_the_count_an_officer_may_reopen_a_vote_closed_early(powerful, member):
    round_ = RoundFactory(phase="vote")
    ProjectFactory(round=round_)
    round_next_phase(actor=powerful, round_=round_)
    assert round_.current_phase_kind == "results"
    round_update(actor=powerful, round_=round_, phases=_reopened_vote(round_), **_settings(round_))
    assert round_.current_phase_kind == "vote"


def test_members_cannot_change_or_move_a_round_through_the_services(member):
    round_ = RoundFactory(phase="vote")
    with pytest.raises(PermissionDenied):
        round_update(actor=member, round_=round_, phases=_plans(round_), **_settings(round_))
    with pytest.raises(PermissionDenied):
        round_next_phase(actor=member, round_=round_)
    assert round_.current_phase_kind == "vote"


def test_the_published_count_equals_the_exported_ballots_after_every_attempt(
    client, superuser, member, other_member
):
    round_, project = _counted(superuser, member)
    for voter in (superuser, other_member):
        with pytest.raises(PermissionDenied):
            ballot_cast(round_=round_, voter=voter, choices={project.pk: 1})
    with pytest.raises(ValidationError):
        round_update(
            actor=superuser, round_=round_, phases=_reopened_vote(round_), **_settings(round_)
        )
    exported = client.get(reverse("commissioning:export", args=[round_.slug])).content.decode()
    round_.refresh_from_db()
    assert len(parse_text(exported, source="export").votes) == round_.result.ballot_count == 1
