"""A project's page: cost and net cost, who contributes what (with privacy), its idea and
its outcome."""

import pytest
from django.utils import timezone
from django.utils.html import escape

from altlep.commissioning.models import Result
from altlep.commissioning.services.ballots import ballot_cast
from altlep.commissioning.services.pledges import pledge_confirm, pledge_create
from altlep.commissioning.services.results import results_publish, round_count
from tests.commissioning.factories import IdeaFactory, ProjectFactory, RoundFactory, lay_out_phases
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_page_shows_full_cost_pledged_and_net_cost(client, officer, member):
    project = ProjectFactory(cost_pence=2_000_00, title="Bike library")
    pledge_confirm(
        actor=officer,
        pledge=pledge_create(actor=member, project=project, kind="money", amount_pence=300_00),
    )
    body = client.get(project.get_absolute_url()).content.decode()
    assert "Bike library" in body
    assert "£2,000" in body and "£300" in body and "£1,700" in body


def test_contributors_are_named_only_as_their_privacy_allows(client, member):
    project = ProjectFactory()
    public = UserFactory(display_name="Open Olive", visibility="public")
    hidden = UserFactory(display_name="Quiet Quentin", visibility="hidden")
    pledge_create(actor=public, project=project, kind="hours", hours=3)
    pledge_create(actor=hidden, project=project, kind="hours", hours=4)
    body = client.get(project.get_absolute_url()).content.decode()
    assert "Open Olive" in body
    assert "Quiet Quentin" not in body
    assert "A member" in body


def test_an_organisations_pledge_shows_the_organisation(client, member, organisation):
    project = ProjectFactory()
    pledge_create(
        actor=member,
        project=project,
        kind="materials",
        description="Paint",
        organisation=organisation,
    )
    body = client.get(project.get_absolute_url()).content.decode()
    assert organisation.name in body and "Paint" in body


def test_the_page_links_to_the_idea_it_came_from(client):
    idea = IdeaFactory(title="Community orchard")
    project = ProjectFactory(round=idea.round, idea=idea)
    body = client.get(project.get_absolute_url()).content.decode()
    assert idea.get_absolute_url() in body and "Community orchard" in body


def _counted_round(officer, voters):
    """A round whose vote funds "Bike library" (everyone ticks it) over "Skate park"."""
    round_ = RoundFactory(phase="vote", budget_pence=3_000_00)
    winner = ProjectFactory(round=round_, title="Bike library", cost_pence=2_000_00)
    loser = ProjectFactory(round=round_, title="Skate park", cost_pence=2_500_00)
    for n, voter in enumerate(voters):
        chosen = {winner.pk: 1, loser.pk: 1} if n == 0 else {winner.pk: 1}
        ballot_cast(round_=round_, voter=voter, choices=chosen)
    lay_out_phases(round_, "results")
    round_count(actor=officer, round_=round_)
    return round_, winner, loser


def _explained(round_, project) -> str:
    result = Result.objects.get(round=round_)
    item = next(p for p in result.explanation["projects"] if p["project_id"] == project.ballot_id)
    return item["sentence"]


def test_the_page_shows_the_published_outcome_with_the_counts_own_explanation(client, officer):
    round_, winner, loser = _counted_round(officer, [UserFactory() for _ in range(3)])
    results_publish(actor=officer, round_=round_)
    won = client.get(winner.get_absolute_url()).content.decode()
    lost = client.get(loser.get_absolute_url()).content.decode()
    assert "<strong>Funded (selected 1st):</strong>" in won
    assert escape(_explained(round_, winner)) in won and _explained(round_, winner)
    assert "<strong>Not funded:</strong>" in lost
    assert escape(_explained(round_, loser)) in lost and _explained(round_, loser)
    assert "Funded (selected" not in lost


def test_the_page_shows_no_outcome_before_the_result_is_published(client, officer):
    round_, winner, _ = _counted_round(officer, [UserFactory() for _ in range(3)])
    body = client.get(winner.get_absolute_url()).content.decode()
    assert client.get(winner.get_absolute_url()).status_code == 200
    assert 'class="outcome' not in body
    assert _explained(round_, winner) not in body


def test_a_missing_project_is_not_found(client):
    project = ProjectFactory()
    assert client.get(f"/commissioning/{project.round.slug}/projects/999/").status_code == 404


def test_members_see_the_pledge_button_only_while_pledges_are_open(client, member):
    project = ProjectFactory()
    client.force_login(member)
    assert "Pledge toward this project" in client.get(project.get_absolute_url()).content.decode()
    Result.objects.create(
        round=project.round,
        rule="mes",
        completion="add1u",
        ties="lowest-cost",
        seed=1,
        winners=[],
        explanation={"projects": []},
        greedy_winners=[],
        ballot_count=0,
        published_at=timezone.now(),
    )
    lay_out_phases(project.round, "results")
    assert "Pledge toward" not in client.get(project.get_absolute_url()).content.decode()
