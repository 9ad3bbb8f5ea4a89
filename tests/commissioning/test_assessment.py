"""Assessment: officers shortlist, merge, turn down and cost ideas in the assess phase."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.commissioning.models import Project
from altlep.commissioning.services.assessment import (
    idea_merge,
    idea_reject_as_not_feasible,
    idea_shortlist,
    project_create,
)
from altlep.core.models import AuditEntry
from tests.commissioning.factories import IdeaFactory, ProjectFactory, RoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_():
    return RoundFactory(phase="assess")


def _assess(client, idea, **data):
    return client.post(reverse("commissioning:idea_assess", args=[idea.pk]), data)


def test_an_officer_shortlists_an_idea(client, officer, round_):
    idea = IdeaFactory(round=round_)
    client.force_login(officer)
    assert _assess(client, idea, action="shortlist").status_code == 302
    idea.refresh_from_db()
    assert idea.status == "shortlisted"
    assert AuditEntry.objects.filter(action="idea.shortlist").exists()


def test_an_officer_merges_an_idea_into_another_with_a_reason(client, officer, round_):
    idea, other = IdeaFactory(round=round_), IdeaFactory(round=round_)
    client.force_login(officer)
    _assess(client, idea, action="merge", **{"merge-into": other.pk, "merge-reason": "Same"})
    idea.refresh_from_db()
    assert idea.status == "merged" and idea.merged_into == other and idea.status_reason == "Same"
    page = client.get(idea.get_absolute_url()).content.decode()
    assert other.get_absolute_url() in page


def test_merging_without_a_reason_into_itself_or_across_rounds_is_refused(officer, round_):
    idea = IdeaFactory(round=round_)
    with pytest.raises(ValidationError, match="reason"):
        idea_merge(actor=officer, idea=idea, into=IdeaFactory(round=round_), reason="")
    with pytest.raises(ValidationError, match="itself"):
        idea_merge(actor=officer, idea=idea, into=idea, reason="x")
    with pytest.raises(ValidationError, match="same round"):
        idea_merge(actor=officer, idea=idea, into=IdeaFactory(), reason="x")
    idea.refresh_from_db()
    assert idea.status == "submitted"


def test_an_officer_marks_an_idea_not_feasible_and_the_reason_is_shown(client, officer, round_):
    idea = IdeaFactory(round=round_)
    client.force_login(officer)
    _assess(client, idea, action="not_feasible", **{"not_feasible-reason": "Not our land"})
    idea.refresh_from_db()
    assert idea.status == "not_feasible"
    assert "Not our land" in client.get(idea.get_absolute_url()).content.decode()


def test_not_feasible_needs_a_reason(client, officer, round_):
    idea = IdeaFactory(round=round_)
    client.force_login(officer)
    response = _assess(client, idea, action="not_feasible", **{"not_feasible-reason": ""})
    assert response.status_code == 400
    with pytest.raises(ValidationError, match="reason"):
        idea_reject_as_not_feasible(actor=officer, idea=idea, reason=" ")
    idea.refresh_from_db()
    assert idea.status == "submitted"


def test_a_shortlisted_idea_becomes_a_project_with_the_next_ballot_id(client, officer, round_):
    ProjectFactory(round=round_, ballot_id="7")
    ProjectFactory(round=round_, ballot_id="imported-x")
    idea = IdeaFactory(round=round_, status="shortlisted", title="Cycle lanes")
    client.force_login(officer)
    response = _assess(
        client,
        idea,
        action="project",
        **{"project-cost_pence": "12,500", "project-feasibility_notes": "Council agrees"},
    )
    project = Project.objects.get(idea=idea)
    assert response["Location"] == project.get_absolute_url()
    assert project.ballot_id == "8"
    assert project.cost_pence == 1_250_000
    assert project.title == "Cycle lanes" and project.feasibility_notes == "Council agrees"
    idea.refresh_from_db()
    assert idea.status == "on_ballot"
    assert AuditEntry.objects.filter(action="project.create").exists()


def test_the_first_project_of_a_round_is_number_one(officer, round_):
    idea = IdeaFactory(round=round_, status="shortlisted")
    assert project_create(actor=officer, idea=idea, cost_pence=100).ballot_id == "1"


@pytest.mark.parametrize("cost", ["-5", "0", "abc"])
def test_a_project_cost_that_is_not_a_positive_sum_is_refused(client, officer, round_, cost):
    idea = IdeaFactory(round=round_, status="shortlisted")
    client.force_login(officer)
    assert (
        _assess(client, idea, action="project", **{"project-cost_pence": cost}).status_code == 400
    )
    with pytest.raises(ValidationError):
        project_create(actor=officer, idea=idea, cost_pence=-5)
    assert not Project.objects.exists()


def test_only_a_shortlisted_idea_becomes_a_project(officer, round_):
    idea = IdeaFactory(round=round_)
    with pytest.raises(ValidationError, match="already submitted"):
        project_create(actor=officer, idea=idea, cost_pence=100)
    assert not Project.objects.exists()


def test_a_member_who_is_not_an_officer_cannot_assess(client, member, round_):
    idea = IdeaFactory(round=round_)
    client.force_login(member)
    assert client.get(reverse("commissioning:idea_assess", args=[idea.pk])).status_code == 403
    assert _assess(client, idea, action="shortlist").status_code == 403
    with pytest.raises(PermissionDenied):
        idea_shortlist(actor=member, idea=idea)
    idea.refresh_from_db()
    assert idea.status == "submitted"


@pytest.mark.parametrize("phase", ["collect", "vote"])
def test_ideas_are_assessed_only_in_the_assess_phase(client, officer, phase):
    idea = IdeaFactory(round=RoundFactory(phase=phase))
    client.force_login(officer)
    assert _assess(client, idea, action="shortlist").status_code == 403
    idea.refresh_from_db()
    assert idea.status == "submitted"


def test_an_unknown_assessment_action_changes_nothing(client, officer, round_):
    idea = IdeaFactory(round=round_)
    client.force_login(officer)
    assert _assess(client, idea, action="delete").status_code == 302
    idea.refresh_from_db()
    assert idea.status == "submitted"
