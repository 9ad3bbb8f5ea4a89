"""Officers bring a box idea into a round taking ideas; it keeps its history and its author's
credit. The round's phase is checked in the service for every caller, superusers included."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.timezone import localtime

from altlep.commissioning.models import Idea
from altlep.commissioning.selectors.ideas import IdeaFilters, idea_list
from altlep.commissioning.services.ideas import comment_add, idea_submit, idea_support
from altlep.commissioning.services.ideas_box import idea_bring_into_round, idea_decline
from altlep.commissioning.services.moderation import idea_hide
from altlep.core.models import AuditEntry
from tests.commissioning.factories import RoundFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def box_idea(member, other_member):
    idea = idea_submit(
        actor=member,
        round_=None,
        title="Tool library",
        description="Lend tools instead of everyone buying them.",
        category="Community space",
    )
    idea_support(actor=other_member, idea=idea)
    comment_add(actor=other_member, idea=idea, body="I have a spare drill to give.")
    return idea


@pytest.mark.parametrize("phase", ["collect", "assess"])
def test_an_idea_brought_into_a_round_keeps_its_history_and_credit(
    phase, client, box_idea, member, officer
):
    round_ = RoundFactory(phase=phase, title="Neighbourhood fund")
    proposed_at = box_idea.created_at
    idea_bring_into_round(actor=officer, idea=box_idea, round_=round_)
    idea = Idea.objects.get(pk=box_idea.pk)
    assert idea.round == round_ and idea.brought_in_at is not None
    assert idea.author == member and idea.created_at == proposed_at
    assert idea.support_count == 1 and idea.supports.count() == 1 and idea.comments.count() == 1
    assert list(idea_list(round_=round_, filters=IdeaFilters())) == [idea]
    actions = AuditEntry.objects.filter(object_id=str(idea.pk), object_type="commissioning.idea")
    assert {"idea.submit", "idea.support", "idea.bring_into_round"} <= set(
        actions.values_list("action", flat=True)
    )
    entry = actions.get(action="idea.bring_into_round")
    assert entry.after["round"] == round_.pk and entry.after["round_title"] == "Neighbourhood fund"
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Proposed in the ideas box on" in page
    assert "Neighbourhood fund" in page and "by the partnership" in page
    assert "I have a spare drill to give." in page


def test_the_page_credits_the_author_and_dates_both_steps(client, box_idea, member, officer):
    round_ = RoundFactory(phase="collect", title="Neighbourhood fund")
    idea_bring_into_round(actor=officer, idea=box_idea, round_=round_)
    box_idea.refresh_from_db()
    client.force_login(member)
    page = client.get(box_idea.get_absolute_url()).content.decode()
    # Shown in the site's time zone, as the page shows them.
    proposed = date_format(localtime(box_idea.created_at), "j F Y")
    brought = date_format(localtime(box_idea.brought_in_at), "j F Y")
    assert f'Proposed in the ideas box on <time datetime="{box_idea.created_at:%Y}' in page
    assert f">{proposed}</time>" in page and f">{brought}</time>" in page
    assert f">{round_.title}</a> on" in page and "by the partnership." in page
    assert f"{member.display_name}, " in page


@pytest.mark.parametrize("phase", ["before", "vote", "results", "delivery", "after"])
def test_a_round_not_taking_ideas_is_refused_even_for_a_superuser(phase, box_idea, officer):
    round_ = RoundFactory(phase=phase)
    superuser = UserFactory(is_superuser=True, is_staff=True, is_officer=True)
    for actor in (officer, superuser):
        with pytest.raises(ValidationError, match="not taking ideas now"):
            idea_bring_into_round(actor=actor, idea=box_idea, round_=round_)
    box_idea.refresh_from_db()
    assert box_idea.round is None and box_idea.brought_in_at is None
    assert not AuditEntry.objects.filter(action="idea.bring_into_round").exists()


def test_a_member_who_is_not_an_officer_cannot_bring_an_idea_in(client, box_idea, member):
    round_ = RoundFactory(phase="collect")
    with pytest.raises(PermissionDenied):
        idea_bring_into_round(actor=member, idea=box_idea, round_=round_)
    client.force_login(member)
    url = reverse("ideas:bring_into_round", args=[box_idea.pk])
    assert client.post(url, {"round": round_.pk}).status_code == 403
    box_idea.refresh_from_db()
    assert box_idea.round is None


def test_an_officer_brings_an_idea_in_from_its_page(client, box_idea, officer):
    round_ = RoundFactory(phase="collect", title="Open round")
    RoundFactory(phase="vote", title="Voting round")
    client.force_login(officer)
    page = client.get(box_idea.get_absolute_url()).content.decode()
    assert "Open round" in page and "Voting round" not in page
    url = reverse("ideas:bring_into_round", args=[box_idea.pk])
    response = client.post(url, {"round": round_.pk}, follow=True)
    assert "The idea is now part of “Open round”." in response.content.decode()
    box_idea.refresh_from_db()
    assert box_idea.round == round_


def test_a_round_chosen_on_a_stale_page_after_its_collect_phase_is_refused(
    client, box_idea, officer
):
    voting = RoundFactory(phase="vote")
    client.force_login(officer)
    url = reverse("ideas:bring_into_round", args=[box_idea.pk])
    response = client.post(url, {"round": voting.pk}, follow=True)
    assert "Choose a round that is taking ideas now." in response.content.decode()
    box_idea.refresh_from_db()
    assert box_idea.round is None


def test_an_idea_is_brought_in_once_and_never_after_a_decline_or_hiding(box_idea, officer):
    first, second = RoundFactory(phase="collect"), RoundFactory(phase="collect")
    idea_bring_into_round(actor=officer, idea=box_idea, round_=first)
    superuser = UserFactory(is_superuser=True, is_staff=True, is_officer=True)
    with pytest.raises(ValidationError, match="already in a round"):
        idea_bring_into_round(actor=superuser, idea=_stale_copy(box_idea), round_=second)
    declined = idea_submit(
        actor=officer, round_=None, title="Declined", description="D", category="Other"
    )
    idea_decline(actor=officer, idea=declined, reason="Not for the partnership.")
    with pytest.raises((PermissionDenied, ValidationError)):
        idea_bring_into_round(actor=officer, idea=declined, round_=first)
    with pytest.raises(PermissionDenied):
        idea_bring_into_round(actor=superuser, idea=declined, round_=first)
    hidden = idea_submit(
        actor=officer, round_=None, title="Spam", description="D", category="Other"
    )
    idea_hide(actor=officer, idea=hidden, reason="Advertising")
    with pytest.raises(ValidationError, match="hidden by a moderator"):
        idea_bring_into_round(actor=officer, idea=hidden, round_=first)


def _stale_copy(idea: Idea) -> Idea:
    """The idea as a page loaded before it was brought in would still hold it."""
    stale = Idea.objects.get(pk=idea.pk)
    stale.round = None
    stale.brought_in_at = None
    return stale
