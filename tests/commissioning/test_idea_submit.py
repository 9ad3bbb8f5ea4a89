"""Submitting an idea: a confirmed member, in the collect phase, with sound input."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.commissioning.models import Idea
from altlep.commissioning.services.ideas import idea_submit
from altlep.core.models import AuditEntry
from tests.commissioning.factories import RoundFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "title": "Repair café in the market hall",
    "description": "A monthly repair café run by volunteers.",
    "category": "Community space",
    "district_code": "E07000123",
    "rough_cost_pence": "£1,250.50",
    "own_contribution": "I can fix bikes.",
}


def _post(client, round_, **changes):
    return client.post(
        reverse("commissioning:idea_create", args=[round_.slug]), {**GOOD, **changes}
    )


def test_a_member_submits_an_idea_with_its_rough_cost_in_pence(client, member, partnership):
    round_ = RoundFactory(phase="collect")
    client.force_login(member)
    response = _post(client, round_)
    idea = Idea.objects.get()
    assert response.status_code == 302
    assert response["Location"] == idea.get_absolute_url()
    assert idea.author == member
    assert idea.rough_cost_pence == 125050
    assert idea.district_code == "E07000123"
    assert idea.status == "submitted"
    assert AuditEntry.objects.filter(action="idea.submit", object_id=str(idea.pk)).exists()


@pytest.mark.parametrize(
    ("cost", "message"),
    [
        ("lots", "is not an amount of money"),
        ("-50", "The amount cannot be negative."),
        ("12.345", "at most two decimal places"),
    ],
)
def test_a_rough_cost_that_is_not_a_sum_of_money_is_refused(
    client, member, partnership, cost, message
):
    round_ = RoundFactory(phase="collect")
    client.force_login(member)
    response = _post(client, round_, rough_cost_pence=cost)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Idea.objects.exists()


def test_a_district_outside_the_partnership_is_refused(client, member, partnership):
    round_ = RoundFactory(phase="collect")
    client.force_login(member)
    response = _post(client, round_, district_code="E09000001")
    assert "Select a valid choice" in response.content.decode()
    with pytest.raises(ValidationError, match="not one of the partnership"):
        idea_submit(
            actor=member,
            round_=round_,
            title="t",
            description="d",
            category="Other",
            district_code="E09000001",
        )
    assert not Idea.objects.exists()


def test_a_blank_title_and_an_unknown_category_are_refused_by_the_service(member, partnership):
    round_ = RoundFactory(phase="collect")
    with pytest.raises(ValidationError) as error:
        idea_submit(actor=member, round_=round_, title=" ", description="d", category="Sport")
    assert set(error.value.message_dict) == {"title", "category"}
    assert not Idea.objects.exists()


@pytest.mark.parametrize("phase", ["assess", "vote", "results", "after"])
def test_no_idea_is_taken_outside_the_collect_phase(client, member, partnership, phase):
    round_ = RoundFactory(phase=phase)
    client.force_login(member)
    assert _post(client, round_).status_code == 403
    with pytest.raises(PermissionDenied, match="while the round collects them"):
        idea_submit(actor=member, round_=round_, title="t", description="d", category="Other")
    assert not Idea.objects.exists()


def test_an_unconfirmed_member_cannot_submit_an_idea(client, partnership):
    round_ = RoundFactory(phase="collect")
    client.force_login(UserFactory(email_confirmed=False))
    assert _post(client, round_).status_code == 403
    assert not Idea.objects.exists()


def test_a_visitor_is_sent_to_log_in_before_submitting(client, partnership):
    round_ = RoundFactory(phase="collect")
    response = client.get(reverse("commissioning:idea_create", args=[round_.slug]))
    assert response.status_code == 302
    assert reverse("members:login") in response["Location"]
