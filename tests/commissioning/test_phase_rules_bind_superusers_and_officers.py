"""A round's phase binds everyone: a superuser (as `createsuperuser` makes one) and an officer
are refused by the services outside the phase, exactly as a member is, and the round's page
offers them nothing the phase does not allow."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from altlep.commissioning.models import Result
from altlep.commissioning.services.assessment import idea_shortlist
from altlep.commissioning.services.ballots import ballot_cast
from altlep.commissioning.services.delivery import milestone_add
from altlep.commissioning.services.ideas import comment_add, idea_submit, idea_support
from altlep.commissioning.services.pledges import pledge_confirm, pledge_create
from altlep.commissioning.services.results import results_publish, round_count
from altlep.members.models import User
from tests.commissioning.factories import IdeaFactory, ProjectFactory, RoundFactory, lay_out_phases

pytestmark = pytest.mark.django_db

PHASES = ["before", "collect", "assess", "vote", "results", "delivery", "after"]


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(
        "admin@example.org", "a long passphrase", display_name="Admin"
    )


@pytest.fixture(params=["superuser", "officer"])
def powerful(request, superuser, officer):
    return {"superuser": superuser, "officer": officer}[request.param]


def _submit(actor, round_):
    idea_submit(actor=actor, round_=round_, title="Bench", description="A bench.", category="Other")


def _comment(actor, round_):
    comment_add(actor=actor, idea=IdeaFactory(round=round_), body="Good idea.")


def _support(actor, round_):
    idea_support(actor=actor, idea=IdeaFactory(round=round_))


def _assess(actor, round_):
    idea_shortlist(actor=actor, idea=IdeaFactory(round=round_))


def _pledge(actor, round_):
    pledge_create(actor=actor, project=ProjectFactory(round=round_), kind="hours", hours=3)


def _confirm_pledge(actor, round_):
    phase = round_.current_phase_kind or "before"
    lay_out_phases(round_, "vote")
    pledge = pledge_create(
        actor=actor, project=ProjectFactory(round=round_), kind="money", amount_pence=100
    )
    lay_out_phases(round_, phase)
    pledge_confirm(actor=actor, pledge=pledge)


def _vote(actor, round_):
    ballot_cast(round_=round_, voter=actor, choices={ProjectFactory(round=round_).pk: 1})


# action → (the phases that allow it, a call of its service by `actor` on a round in a phase)
PHASE_BOUND = {
    "submit an idea": ({"collect"}, _submit),
    "comment on an idea": ({"collect", "assess", "vote"}, _comment),
    "support an idea": ({"collect", "assess"}, _support),
    "assess an idea": ({"assess"}, _assess),
    "pledge": ({"collect", "assess", "vote"}, _pledge),
    "confirm a pledge": ({"assess", "vote"}, _confirm_pledge),
    "vote": ({"vote"}, _vote),
}


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("action", sorted(PHASE_BOUND))
def test_superusers_and_officers_act_only_in_the_phase_that_allows_it(action, phase, powerful):
    allowed, act = PHASE_BOUND[action]
    round_ = RoundFactory(phase=phase)
    if phase in allowed:
        act(powerful, round_)
    else:
        with pytest.raises(PermissionDenied):
            act(powerful, round_)


def _voted_round(voter, phase: str):
    round_ = RoundFactory(phase="vote")
    project = ProjectFactory(round=round_)
    ballot_cast(round_=round_, voter=voter, choices={project.pk: 1})
    lay_out_phases(round_, phase)
    return round_, project


@pytest.mark.parametrize("phase", ["before", "collect", "assess", "vote"])
def test_nobody_counts_before_the_vote_ends(phase, powerful, member):
    round_, _ = _voted_round(member, "vote")
    lay_out_phases(round_, phase)
    with pytest.raises(PermissionDenied):
        round_count(actor=powerful, round_=round_)
    assert not Result.objects.filter(round=round_).exists()


def test_nobody_publishes_an_uncounted_result_or_publishes_twice(powerful, member):
    round_, _ = _voted_round(member, "results")
    with pytest.raises(PermissionDenied):
        results_publish(actor=powerful, round_=round_)
    round_count(actor=powerful, round_=round_)
    results_publish(actor=powerful, round_=round_)
    with pytest.raises(PermissionDenied):
        results_publish(actor=powerful, round_=round_)


@pytest.mark.parametrize("phase", ["results", "delivery"])
def test_nobody_updates_delivery_of_an_unpublished_or_unfunded_project(phase, powerful, member):
    round_, project = _voted_round(member, phase)
    round_count(actor=powerful, round_=round_)
    with pytest.raises(PermissionDenied):
        milestone_add(actor=powerful, project=project, title="Begun")
    results_publish(actor=powerful, round_=round_)
    with pytest.raises(PermissionDenied):
        milestone_add(actor=powerful, project=ProjectFactory(round=round_), title="Begun")
    milestone_add(actor=powerful, project=project, title="Begun")


def test_nobody_votes_once_the_round_is_counted_even_in_a_vote_phase(powerful, member):
    # The round's phases are laid out behind the services' back, as a bad data fix might:
    # the ballots counted stay the ballots there are.
    round_, project = _voted_round(member, "results")
    round_count(actor=powerful, round_=round_)
    lay_out_phases(round_, "vote")
    with pytest.raises(PermissionDenied):
        ballot_cast(round_=round_, voter=powerful, choices={project.pk: 1})
    assert round_.ballots.count() == 1


@pytest.mark.parametrize("phase", ["before", "collect", "assess", "vote"])
def test_ballots_are_not_exported_before_the_vote_closes(phase, client, powerful):
    round_ = RoundFactory(phase=phase)
    client.force_login(powerful)
    assert client.get(reverse("commissioning:export", args=[round_.slug])).status_code == 403


@pytest.mark.parametrize("phase", PHASES)
def test_the_round_page_offers_superusers_only_what_the_phase_allows(phase, client, superuser):
    round_ = RoundFactory(phase=phase)
    ProjectFactory(round=round_)
    client.force_login(superuser)
    html = client.get(round_.get_absolute_url()).content.decode()
    assert ("Submit an idea" in html) is (phase == "collect")
    assert ("voting is open" in html) is (phase == "vote")
    assert ("Count the" in html) is (phase in {"results", "delivery", "after"})
    assert "Publish the results" not in html


def test_the_round_page_offers_count_then_publish_then_neither(client, superuser, member):
    round_, _ = _voted_round(member, "vote")
    client.force_login(superuser)
    page = lambda: client.get(round_.get_absolute_url()).content.decode()  # noqa: E731
    assert "Count the" not in page() and "voting is open" in page()
    lay_out_phases(round_, "results")
    assert "Count the 1 ballot" in page() and "Publish the results" not in page()
    round_count(actor=superuser, round_=round_)
    assert "Count the" not in page() and "Publish the results" in page()
    results_publish(actor=superuser, round_=round_)
    html = page()
    assert "Count the" not in html and "Publish the results" not in html
    assert "voting is open" not in html
