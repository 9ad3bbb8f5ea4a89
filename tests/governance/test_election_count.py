"""An election counted by altlep.stv: a small hand-checkable count, seats filled, sheet shown."""

from decimal import Decimal

import pytest

from altlep.governance.models import Seat
from altlep.governance.services.board import seat_appoint
from altlep.governance.services.elections import (
    ballot_cast,
    election_count,
    election_create,
    election_open_voting,
    nomination_submit,
)
from tests.factories import UserFactory
from tests.governance.factories import micro_owner

pytestmark = pytest.mark.django_db


def run(officer, ballots: list[tuple[str, ...]], seats: int = 2, rule: str = "scottish"):
    election = election_create(
        actor=officer, title="Micro seats", category="micro", seats=seats, rule=rule
    )
    people = {}
    for name in ("Ann", "Ben", "Cat"):
        people[name] = micro_owner(display_name=name)
        nomination_submit(actor=people[name], election=election, statement=f"I am {name}.")
    election_open_voting(actor=officer, election=election)
    ids = {n.member.display_name: n.pk for n in election.nominations.all()}
    for ranking in ballots:
        ballot_cast(
            actor=UserFactory(),
            election=election,
            ranks={ids[name]: rank for rank, name in enumerate(ranking, 1)},
        )
    return election, people


# Ten ballots, two seats: the Droop quota is 10 // 3 + 1 = 4. Ann has 6, so a surplus of 2
# passes to Ben at 2/6 a paper, truncated to 0.33333: Ben 1 + 6 × 0.33333 = 2.99998. Ben then
# trails Cat (3) and is excluded, and Cat takes the last seat.
BALLOTS = [("Ann", "Ben")] * 6 + [("Ben",)] + [("Cat",)] * 3


def test_a_hand_checkable_scottish_count_elects_and_seats_the_winners(officer):
    election, people = run(officer, BALLOTS)
    result = election_count(actor=officer, election=election)
    assert result.elected == ["Ann", "Cat"]
    stages = result.sheet["stages"]
    assert stages[0]["votes"] == {"Ann": 6, "Ben": 1, "Cat": 3}
    assert Decimal(str(stages[1]["votes"]["Ben"])) == Decimal("2.99998")
    assert result.sheet["quota"] == 4
    seated = Seat.objects.sitting().filter(election=election)
    assert {s.member for s in seated} == {people["Ann"], people["Cat"]}
    assert all(s.how == "elected" and s.category == "micro" for s in seated)
    election.refresh_from_db()
    assert election.status == "counted"


def test_meek_stv_is_an_option(officer):
    election, _ = run(
        officer, [("Ann", "Ben")] * 5 + [("Cat",)] * 3 + [("Ben", "Cat")] * 2, seats=1, rule="meek"
    )
    result = election_count(actor=officer, election=election)
    assert result.rule == "meek" and result.elected == ["Ann"]


def test_an_elected_candidate_the_constitution_refuses_is_not_seated_and_the_rule_is_noted(
    officer,
):
    election, people = run(officer, BALLOTS)
    for _ in range(9):  # the board's voting seats fill up before the count
        seat_appoint(actor=officer, member=micro_owner(), category="micro")
    result = election_count(actor=officer, election=election)
    assert result.elected == ["Ann", "Cat"]
    assert len(result.notes) == 2 and all("board size" in n for n in result.notes)
    assert not Seat.objects.filter(election=election).exists()


def test_the_result_page_shows_the_count_sheet_stage_by_stage_and_a_chart(client, officer):
    election, _ = run(officer, BALLOTS)
    election_count(actor=officer, election=election)
    html = client.get(election.get_absolute_url()).content.decode()
    assert "Count sheet" in html and "Stage 1" in html and "Stage 2" in html
    assert "2.99998" in html
    assert "First preferences" in html and "<svg" in html
