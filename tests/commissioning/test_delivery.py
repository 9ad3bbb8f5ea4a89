"""Delivery: officers add milestones and dated updates to funded projects; the public page
shows progress and spend against budget."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from altlep.commissioning.models import DeliveryUpdate, Milestone, Result
from altlep.commissioning.services.delivery import (
    delivery_update_post,
    milestone_add,
    milestone_mark_done,
)
from altlep.core.models import AuditEntry
from tests.commissioning.factories import IdeaFactory, ProjectFactory, RoundFactory

pytestmark = pytest.mark.django_db


def _publish(round_, winners, published=True):
    return Result.objects.create(
        round=round_,
        rule="mes",
        completion="add1u",
        ties="lowest-cost",
        seed=1,
        winners=winners,
        explanation={"projects": []},
        greedy_winners=[],
        ballot_count=3,
        published_at=timezone.now() if published else None,
    )


@pytest.fixture
def funded():
    round_ = RoundFactory(phase="delivery")
    idea = IdeaFactory(round=round_, status="funded")
    project = ProjectFactory(round=round_, idea=idea, ballot_id="1", cost_pence=1_000_00)
    ProjectFactory(round=round_, ballot_id="2", title="Unfunded")
    _publish(round_, ["1"])
    return project


def _urls(project):
    args = [project.round.slug, project.ballot_id]
    return (
        reverse("commissioning:milestone_add", args=args),
        reverse("commissioning:delivery_update", args=args),
    )


def test_an_officer_adds_a_milestone_and_marks_it_done(client, officer, funded):
    add, _ = _urls(funded)
    client.force_login(officer)
    assert client.post(add, {"title": "Site survey", "due": "2030-01-31"}).status_code == 302
    milestone = Milestone.objects.get()
    client.post(reverse("commissioning:milestone_done", args=[milestone.pk]))
    milestone.refresh_from_db()
    assert milestone.done_at == timezone.localdate()
    assert AuditEntry.objects.filter(action__in=["milestone.add", "milestone.done"]).count() == 2
    body = client.get(funded.get_absolute_url()).content.decode()
    assert "Site survey" in body and "Done " in body
    with pytest.raises(ValidationError, match="already done"):
        milestone_mark_done(actor=officer, milestone=milestone)


def test_an_update_sets_the_projects_status_and_spend_and_moves_the_idea_into_delivery(
    client, officer, funded
):
    _, post = _urls(funded)
    client.force_login(officer)
    response = client.post(
        post, {"body": "Ground broken", "status": "on_track", "spend_to_date_pence": "250"}
    )
    assert response.status_code == 302
    funded.refresh_from_db()
    funded.idea.refresh_from_db()
    assert (funded.delivery_status, funded.spend_to_date_pence) == ("on_track", 250_00)
    assert funded.idea.status == "in_delivery"
    assert AuditEntry.objects.filter(action="delivery_update.post").exists()
    assert "Ground broken" in client.get(funded.get_absolute_url()).content.decode()


def test_a_complete_update_marks_the_idea_delivered(officer, funded):
    delivery_update_post(
        actor=officer, project=funded, body="Done", status="complete", spend_to_date_pence=99_000
    )
    funded.idea.refresh_from_db()
    assert funded.idea.status == "delivered"


def test_the_project_follows_its_latest_update_even_when_one_is_back_dated(officer, funded):
    delivery_update_post(
        actor=officer, project=funded, body="Now", status="at_risk", spend_to_date_pence=500
    )
    delivery_update_post(
        actor=officer,
        project=funded,
        body="Earlier",
        status="on_track",
        spend_to_date_pence=100,
        posted_at=timezone.now() - timezone.timedelta(days=30),
    )
    funded.refresh_from_db()
    assert (funded.delivery_status, funded.spend_to_date_pence) == ("at_risk", 500)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"body": "x", "status": "on_track", "spend_to_date_pence": "-1"}, "cannot be negative"),
        ({"body": "x", "status": "on_track", "spend_to_date_pence": "lots"}, "not an amount"),
        ({"body": "", "status": "on_track", "spend_to_date_pence": "1"}, "required"),
        ({"body": "x", "status": "finished", "spend_to_date_pence": "1"}, "valid choice"),
    ],
)
def test_bad_updates_are_refused_and_change_nothing(client, officer, funded, data, message):
    _, post = _urls(funded)
    client.force_login(officer)
    response = client.post(post, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DeliveryUpdate.objects.exists()
    funded.refresh_from_db()
    assert funded.delivery_status == "not_started"


def test_the_service_refuses_a_negative_spend_and_a_blank_milestone(officer, funded):
    with pytest.raises(ValidationError, match="£0 or more"):
        delivery_update_post(
            actor=officer, project=funded, body="x", status="on_track", spend_to_date_pence=-5
        )
    with pytest.raises(ValidationError, match="Name the milestone"):
        milestone_add(actor=officer, project=funded, title=" ")
    assert not DeliveryUpdate.objects.exists() and not Milestone.objects.exists()


def test_a_member_who_is_not_an_officer_cannot_update_delivery(client, member, funded):
    add, post = _urls(funded)
    client.force_login(member)
    assert client.get(post).status_code == 403
    assert client.post(add, {"title": "x"}).status_code == 403
    with pytest.raises(PermissionDenied):
        milestone_add(actor=member, project=funded, title="x")
    assert not Milestone.objects.exists()


def test_an_unfunded_project_or_unpublished_result_takes_no_delivery_updates(client, officer):
    round_ = RoundFactory(phase="delivery")
    project = ProjectFactory(round=round_, ballot_id="1")
    other = ProjectFactory(round=round_, ballot_id="2")
    result = _publish(round_, ["2"], published=False)
    client.force_login(officer)
    for p in (project, other):
        assert client.get(_urls(p)[1]).status_code == 403
    result.published_at = timezone.now()
    result.save()
    assert client.get(_urls(project)[1]).status_code == 403
    assert client.get(_urls(other)[1]).status_code == 200


def test_the_public_delivery_page_shows_each_funded_project_with_a_chart_and_table(
    client, officer, funded
):
    milestone_add(actor=officer, project=funded, title="Survey")
    delivery_update_post(
        actor=officer,
        project=funded,
        body="Going well",
        status="on_track",
        spend_to_date_pence=25_000,
    )
    response = client.get(reverse("commissioning:delivery", args=[funded.round.slug]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in body and 'role="img"' in body
    assert "<table" in body
    assert funded.title in body and "Unfunded" not in body
    assert "£250 of £1,000" in body
    assert "25%" in body
    assert "0 of 1" in body


def test_the_delivery_page_waits_for_published_results(client):
    round_ = RoundFactory(phase="vote")
    ProjectFactory(round=round_)
    body = client.get(reverse("commissioning:delivery", args=[round_.slug])).content.decode()
    assert "once the round's results are published" in body
    assert "<svg" not in body
