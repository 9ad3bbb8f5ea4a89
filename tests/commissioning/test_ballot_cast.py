"""Casting ballots: the rules of each ballot type, and everything refused changing nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.commissioning.models import Ballot, BallotChoice
from altlep.commissioning.services.ballots import ballot_cast
from altlep.core.models import AuditEntry
from tests.commissioning.factories import ProjectFactory, RoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def approval_round():
    round_ = RoundFactory(phase="vote", budget_pence=5_000_00, max_choices=2, budget_capped=True)
    projects = [ProjectFactory(round=round_, cost_pence=c) for c in (3_000_00, 2_000_00, 1_000_00)]
    return round_, projects


@pytest.fixture
def points_round():
    round_ = RoundFactory(phase="vote", ballot_type="cumulative", points_limit=10)
    return round_, [ProjectFactory(round=round_) for _ in range(3)]


def test_a_member_casts_an_approval_ballot_and_gets_a_receipt(client, member, approval_round):
    round_, projects = approval_round
    client.force_login(member)
    response = client.post(
        reverse("commissioning:ballot", args=[round_.slug]),
        {"projects": [projects[0].pk, projects[1].pk]},
    )
    assert response.status_code == 302
    ballot = Ballot.objects.get(round=round_, voter=member)
    assert set(ballot.choices.values_list("project_id", flat=True)) == {
        projects[0].pk,
        projects[1].pk,
    }
    receipt = client.get(reverse("commissioning:receipt", args=[round_.slug]))
    assert ballot.receipt.encode() in receipt.content
    assert AuditEntry.objects.filter(action="ballot.cast", actor=member).exists()


def test_voting_again_changes_the_ballot_instead_of_adding_one(member, approval_round):
    round_, projects = approval_round
    first, created = ballot_cast(round_=round_, voter=member, choices={projects[0].pk: 1})
    second, created_again = ballot_cast(round_=round_, voter=member, choices={projects[2].pk: 1})
    assert created and not created_again and first.pk == second.pk
    assert Ballot.objects.count() == 1
    assert list(second.choices.values_list("project_id", flat=True)) == [projects[2].pk]


@pytest.mark.parametrize(
    ("pick", "message"),
    [((0, 1, 2), "the most you may tick is 2"), ((), "Choose at least one project")],
)
def test_approval_limits_are_enforced(member, approval_round, pick, message):
    round_, projects = approval_round
    with pytest.raises(ValidationError, match=message):
        ballot_cast(round_=round_, voter=member, choices={projects[i].pk: 1 for i in pick})
    assert not Ballot.objects.exists()


def test_a_ballot_over_the_budget_cap_is_refused(member, approval_round):
    round_, projects = approval_round
    round_.max_choices = None
    round_.save()
    with pytest.raises(ValidationError, match="more than the budget"):
        ballot_cast(round_=round_, voter=member, choices={p.pk: 1 for p in projects})
    assert not Ballot.objects.exists()


def test_cumulative_points_over_the_limit_are_refused(member, points_round):
    round_, projects = points_round
    with pytest.raises(ValidationError, match="you have 10 to share out"):
        ballot_cast(round_=round_, voter=member, choices={projects[0].pk: 6, projects[1].pk: 5})
    ballot, _ = ballot_cast(
        round_=round_, voter=member, choices={projects[0].pk: 6, projects[1].pk: 4}
    )
    assert sorted(ballot.choices.values_list("points", flat=True)) == [4, 6]


def test_a_vote_for_a_project_of_another_round_is_refused(member, approval_round):
    round_, _ = approval_round
    stranger = ProjectFactory()
    with pytest.raises(ValidationError, match="not on this ballot"):
        ballot_cast(round_=round_, voter=member, choices={stranger.pk: 1})
    assert not Ballot.objects.exists()


@pytest.mark.parametrize("phase", ["before", "collect", "assess", "results", "after"])
def test_votes_outside_the_voting_phase_are_refused(member, phase):
    round_ = RoundFactory(phase=phase)
    project = ProjectFactory(round=round_)
    with pytest.raises(PermissionDenied):
        ballot_cast(round_=round_, voter=member, choices={project.pk: 1})
    assert not Ballot.objects.exists()


def test_a_tampered_form_is_refused_with_a_message(client, member, points_round):
    round_, projects = points_round
    client.force_login(member)
    url = reverse("commissioning:ballot", args=[round_.slug])
    response = client.post(url, {f"points_{projects[0].pk}": "lots"})
    assert response.status_code == 400 and b"whole numbers" in response.content
    response = client.post(url, {"points_999999": "3"})
    assert response.status_code == 400 and b"not on this ballot" in response.content
    assert not BallotChoice.objects.exists()


def test_a_voter_must_confirm_their_age_when_the_round_asks(member):
    round_ = RoundFactory(phase="vote", minimum_age=16)
    project = ProjectFactory(round=round_)
    with pytest.raises(ValidationError, match="at least 16"):
        ballot_cast(round_=round_, voter=member, choices={project.pk: 1})
    ballot_cast(round_=round_, voter=member, choices={project.pk: 1}, age_confirmed=True)


def test_the_audit_log_does_not_reveal_how_someone_voted(member, approval_round):
    round_, projects = approval_round
    ballot_cast(round_=round_, voter=member, choices={projects[1].pk: 1})
    entry = AuditEntry.objects.get(action="ballot.cast")
    assert entry.after["choices"] == 1  # how many projects, never which
    assert set(entry.after) == {"receipt", "choices"}
