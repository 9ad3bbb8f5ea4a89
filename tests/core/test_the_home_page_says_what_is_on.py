"""The home page says what is on: open votes with their closing dates, ideas wanted (rounds
collecting and the always-open ideas box), the next meetings and elections, latest decisions."""

import datetime
import re

import pytest
from django.utils import timezone

from altlep.commissioning.models import Phase
from altlep.core import whats_on
from altlep.core.whats_on import Item, Section
from altlep.governance.services.decisions import decision_record
from altlep.governance.services.elections import election_create
from altlep.governance.services.meetings import meeting_schedule
from tests.commissioning.factories import RoundFactory
from tests.governance.factories import board

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_each(officer):
    seats = board(micro=3, sme=0, social=1)
    now = timezone.now().replace(microsecond=0)
    past = meeting_schedule(
        actor=officer, title="October board", starts_at=now - datetime.timedelta(days=20)
    )
    return {
        "vote": RoundFactory(phase="vote", title="Chorley community fund"),
        "collect": RoundFactory(phase="collect", title="Greener Preston"),
        "finished": RoundFactory(phase="after", title="Last year's round"),
        "meeting": meeting_schedule(
            actor=officer,
            title="December board",
            starts_at=now + datetime.timedelta(days=10),
            location="Preston Town Hall",
        ),
        "past": past,
        "election": election_create(
            actor=officer, title="Micro-enterprise seats 2027", category="micro", seats=1
        ),
        "decision": decision_record(
            actor=officer,
            meeting=past,
            title="Fund repair cafés",
            text="£20,000 for repair cafés.",
            votes={s.member: "for" for s in seats},
        ),
    }


def _section(page: str, key: str) -> str:
    match = re.search(rf'<section class="whats-on" id="on-{key}".*?</section>', page, re.S)
    assert match, f"no section {key}"
    return match.group(0)


def test_each_section_shows_its_one_thing(client, one_of_each):
    page = client.get("/").content.decode()
    votes = _section(page, "votes")
    assert "Chorley community fund" in votes and "Votes close" in votes
    closes = timezone.localtime(Phase.objects.get(round=one_of_each["vote"], kind="vote").ends_at)
    assert f"{closes:%-d %B %Y}" in votes
    assert "Greener Preston" not in votes and "Last year" not in votes

    ideas = _section(page, "ideas")
    assert "Ideas for Greener Preston" in ideas and "Ideas close" in ideas
    assert 'href="/ideas/"' in ideas and 'href="/ideas/new/"' in ideas

    meetings = _section(page, "meetings")
    assert "December board" in meetings and "Preston Town Hall" in meetings
    assert "October board" not in meetings

    assert "Micro-enterprise seats 2027" in _section(page, "elections")
    assert "Taking nominations" in _section(page, "elections")

    decisions = _section(page, "decisions")
    assert "Fund repair cafés" in decisions and "Carried at October board" in decisions


def test_empty_sections_say_so_and_the_ideas_box_is_still_offered(client, db):
    page = client.get("/").content.decode()
    assert "No vote is open just now." in _section(page, "votes")
    ideas = _section(page, "ideas")
    assert "the ideas box is always open" in ideas and 'href="/ideas/new/"' in ideas
    assert "No meeting is scheduled yet." in page and "No decision recorded yet." in page


def apprenticeship_placements(request) -> Section:
    """A later app's section, as it would add it."""
    return Section(
        key="placements",
        title="Apprenticeship placements",
        items=[Item("Joinery apprentice in Leyland", "/skills/placements/1/", "Apply by Friday")],
    )


def test_a_later_app_adds_its_section_with_one_entry(client, db, monkeypatch):
    here = "tests.core.test_the_home_page_says_what_is_on.apprenticeship_placements"
    monkeypatch.setattr(whats_on, "SECTIONS", [*whats_on.SECTIONS, here])
    section = _section(client.get("/").content.decode(), "placements")
    assert "<h3" in section and "Joinery apprentice in Leyland" in section


def test_headings_are_in_order(client, one_of_each):
    page = client.get("/").content.decode()
    levels = [int(n) for n in re.findall(r"<h([1-6])", page)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
