"""Milestones: reviews and end-point assessment during, a job outcome after completion."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from altlep.skills.services.fund import apprenticeship_end, milestone_record
from tests.factories import UserFactory
from tests.skills.factories import START, make_apprenticeship

pytestmark = pytest.mark.django_db


def test_the_owner_manager_records_a_review_and_the_start_is_already_there():
    apprenticeship = make_apprenticeship()
    milestone_record(
        actor=apprenticeship.placement.owner,
        apprenticeship=apprenticeship,
        kind="review",
        reached_on=START + datetime.timedelta(days=90),
    )
    assert [m.kind for m in apprenticeship.milestones.all()] == ["start", "review"]


def test_a_job_outcome_comes_only_after_completion(officer):
    apprenticeship = make_apprenticeship()
    later = START + datetime.timedelta(days=400)
    with pytest.raises(ValidationError):
        milestone_record(actor=officer, apprenticeship=apprenticeship, kind="job", reached_on=later)
    apprenticeship_end(actor=officer, apprenticeship=apprenticeship, ended_on=later, completed=True)
    milestone_record(actor=officer, apprenticeship=apprenticeship, kind="job", reached_on=later)
    assert [m.kind for m in apprenticeship.milestones.all()] == ["start", "completion", "job"]


def test_a_milestone_before_the_start_is_refused_and_a_stranger_cannot_record_one():
    apprenticeship = make_apprenticeship()
    with pytest.raises(ValidationError):
        milestone_record(
            actor=apprenticeship.placement.owner,
            apprenticeship=apprenticeship,
            kind="review",
            reached_on=START - datetime.timedelta(days=1),
        )
    with pytest.raises(PermissionDenied):
        milestone_record(
            actor=UserFactory(), apprenticeship=apprenticeship, kind="review", reached_on=START
        )
