"""A project's page: cost and net cost, who contributes what (with privacy), its idea and
its outcome."""

import pytest
from django.utils import timezone

from altlep.commissioning.models import Result
from altlep.commissioning.selectors import projects as project_selectors
from altlep.commissioning.services.pledges import pledge_confirm, pledge_create
from tests.commissioning.factories import IdeaFactory, ProjectFactory
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


def test_the_page_shows_the_results_explanation_when_there_is_one(client, monkeypatch):
    project = ProjectFactory()
    monkeypatch.setattr(
        project_selectors,
        "project_outcome",
        lambda p: {
            "selected": True,
            "sentence": "its 12 supporters could each pay £5",
            "position": 1,
        },
    )
    body = client.get(project.get_absolute_url()).content.decode()
    assert "its 12 supporters could each pay £5" in body


def test_the_page_renders_without_a_result(client):
    project = ProjectFactory()
    assert client.get(project.get_absolute_url()).status_code == 200
    assert project_selectors.project_outcome(project) is None or isinstance(
        project_selectors.project_outcome(project), dict
    )


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
    from tests.commissioning.factories import lay_out_phases

    lay_out_phases(project.round, "results")
    assert "Pledge toward" not in client.get(project.get_absolute_url()).content.decode()
