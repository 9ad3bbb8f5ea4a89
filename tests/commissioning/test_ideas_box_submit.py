"""Proposing an idea to the ideas box: any confirmed member, at any time, with no round open."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.commissioning.models import Idea, Round
from altlep.commissioning.selectors.ideas import IdeaFilters, idea_list
from altlep.commissioning.selectors.rounds import round_summaries
from altlep.commissioning.services.ideas import idea_submit
from altlep.core.models import AuditEntry
from tests.commissioning.factories import BoxIdeaFactory, RoundFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Shared cargo bikes for small traders",
    "description": "A few electric cargo bikes that member businesses book by the day.",
    "category": "Transport",
    "district_code": "",
    "rough_cost_pence": "12,000",
    "own_contribution": "I would look after the booking sheet.",
}


def test_a_member_proposes_an_idea_when_no_round_is_open(client, member):
    assert not Round.objects.exists()
    client.force_login(member)
    response = client.post(reverse("ideas:new"), FORM)
    idea = Idea.objects.get()
    assert response.status_code == 302 and response.url == reverse("ideas:detail", args=[idea.pk])
    assert idea.round is None and idea.author == member and idea.status == "submitted"
    assert idea.rough_cost_pence == 12_000_00
    entry = AuditEntry.objects.get(action="idea.submit")
    assert entry.object_id == str(idea.pk) and entry.after["round_id"] is None


def test_the_box_takes_ideas_while_every_round_is_past_its_collect_phase(member):
    RoundFactory(phase="vote")
    RoundFactory(phase="after")
    idea = idea_submit(
        actor=member,
        round_=None,
        title="Warm spaces",
        description="Heated halls.",
        category="Health",
    )
    assert idea.round is None


def test_an_unconfirmed_member_cannot_propose_an_idea(client):
    newcomer = UserFactory(email_confirmed=False)
    client.force_login(newcomer)
    assert client.get(reverse("ideas:new")).status_code == 403
    assert client.post(reverse("ideas:new"), FORM).status_code == 403
    with pytest.raises(PermissionDenied, match="Confirm your email"):
        idea_submit(actor=newcomer, round_=None, title="T", description="D", category="Health")
    assert not Idea.objects.exists()


def test_a_visitor_is_asked_to_log_in_before_proposing(client):
    response = client.get(reverse("ideas:new"))
    assert response.status_code == 302 and reverse("members:login") in response.url


def test_a_proposal_without_a_title_or_with_a_bad_cost_shows_clear_errors(client, member):
    client.force_login(member)
    response = client.post(reverse("ideas:new"), {**FORM, "title": " ", "rough_cost_pence": "lots"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content or "Title" in content
    assert "is not an amount of money" in content
    assert not Idea.objects.exists()
    with pytest.raises(ValidationError) as error:
        idea_submit(actor=member, round_=None, title=" ", description="D", category="Nope")
    assert set(error.value.message_dict) == {"title", "category"}


def test_box_ideas_do_not_show_in_or_count_towards_any_round(member):
    round_ = RoundFactory(phase="collect")
    idea_submit(
        actor=member, round_=round_, title="In the round", description="D", category="Health"
    )
    BoxIdeaFactory.create_batch(3)
    assert [i.title for i in idea_list(round_=round_, filters=IdeaFilters())] == ["In the round"]
    assert [r.idea_count for r in round_summaries()] == [1]
