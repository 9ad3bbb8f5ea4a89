"""Every idea shows its life: the steps done, where it is now, and what is still to come."""

import pytest

from altlep.commissioning.selectors.ideas import idea_life
from tests.commissioning.factories import IdeaFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def _states(idea):
    return [(step.label, step.state) for step in idea_life(idea)]


def test_a_new_idea_is_submitted_with_the_rest_of_its_life_to_come():
    assert _states(IdeaFactory()) == [
        ("Submitted", "current"),
        ("Shortlisted", "todo"),
        ("On the ballot", "todo"),
        ("Funded", "todo"),
        ("In delivery", "todo"),
        ("Delivered", "todo"),
    ]


def test_an_idea_on_the_ballot_links_to_its_project():
    idea = IdeaFactory(status="on_ballot")
    project = ProjectFactory(round=idea.round, idea=idea)
    steps = idea_life(idea)
    on_ballot = steps[2]
    assert (on_ballot.state, on_ballot.url) == ("current", project.get_absolute_url())
    assert [s.state for s in steps[:2]] == ["done", "done"]


def test_a_merged_idea_ends_with_a_link_to_the_idea_it_joined():
    other = IdeaFactory(title="The bigger idea")
    idea = IdeaFactory(round=other.round, status="merged", merged_into=other, status_reason="Dup")
    steps = idea_life(idea)
    assert steps[-1].state == "ended"
    assert steps[-1].url == other.get_absolute_url()
    assert steps[-1].link_text == "The bigger idea"
    assert steps[-1].note == "Dup"


def test_a_not_feasible_idea_ends_with_the_reason():
    steps = idea_life(IdeaFactory(status="not_feasible", status_reason="Too costly"))
    assert (steps[-1].label, steps[-1].state, steps[-1].note) == (
        "Not feasible",
        "ended",
        "Too costly",
    )


def test_an_unfunded_idea_ends_after_the_ballot():
    assert _states(IdeaFactory(status="not_funded"))[-1] == ("Not funded", "ended")


def test_a_delivered_idea_has_done_every_step():
    states = _states(IdeaFactory(status="delivered"))
    assert [s for _, s in states] == ["done"] * 5 + ["current"]


def test_the_idea_page_shows_its_life(client):
    idea = IdeaFactory(status="shortlisted")
    page = client.get(idea.get_absolute_url()).content.decode()
    assert 'class="idea-life"' in page
    assert 'aria-current="step"' in page
