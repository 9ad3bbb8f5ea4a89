"""Every project gets an explanation: JSON-ready numbers and a plain-language sentence."""

import json

import pytest

from altlep.pb import count
from tests.pb.helpers import approval
from tests.shared_data import require_shared


def _election():
    # Four voters with 25 each: A and B share "big" (50), C alone wants "solo" (40).
    return approval({"big": 50, "solo": 40, "none": 10}, ["big", "big", "solo", "big"], budget=100)


def test_a_mes_winner_shows_rho_payers_and_money_left():
    result = count(_election(), "mes", "none")
    assert result.winners == ["big"]
    big = result.project("big")
    assert big.stage == "mes" and big.position == 1
    assert big.paid_by == 3
    assert [(p.amount, p.voters) for p in big.payments] == [(pytest.approx(16.67, abs=0.01), 3)]
    assert big.supporters_money_before == pytest.approx(75)
    assert big.supporters_money_left == pytest.approx(25)
    assert "3 supporters shared its cost of 50" in big.sentence()


def test_a_non_winner_says_its_supporters_ran_out_and_how_much_more_it_needed():
    solo = count(_election(), "mes", "none").project("solo")
    assert not solo.selected and solo.reason == "supporters_ran_out"
    assert solo.supporters_money_left == pytest.approx(25)
    assert solo.shortfall == pytest.approx(15)
    assert solo.support_factor_needed == pytest.approx(1.6)
    assert solo.extra_voters_needed == 1
    assert "1.6 times as much support" in solo.sentence()


def test_a_project_nobody_wanted_says_so():
    item = count(_election(), "mes", "none").project("none")
    assert item.reason == "no_support"
    assert item.sentence() == "Not selected: nobody supported it."


def test_greedy_explains_the_money_left_when_a_project_did_not_fit():
    election = approval({"a": 60, "b": 50, "c": 30}, ["a", "a", "a", "b", "b", "c"], budget=100)
    result = count(election, "greedy")
    assert result.winners == ["a", "c"]
    b = result.project("b")
    assert b.reason == "did_not_fit" and b.money_left_at_turn == 40
    assert "only 40 was left" in b.sentence()


def test_the_whole_result_is_json_serialisable():
    result = count(_election(), "mes", "add1")
    data = json.loads(result.to_json())
    assert data["winners"] == result.winners
    assert {p["project_id"] for p in data["projects"]} == {"big", "solo", "none"}
    assert data["per_voter_budget"] >= 25


def test_payments_of_each_real_winner_add_up_to_its_cost():
    from altlep.pb import read_election

    election = read_election(require_shared("pabulib", "Poland_Swiecie_2023.pb"))
    result = count(election, "mes", "add1")
    for item in result.projects:
        if item.stage == "mes":
            paid = sum(p.amount * p.voters for p in item.payments)
            assert paid == pytest.approx(item.cost, rel=1e-3)
            assert item.supporters_money_before - item.supporters_money_left == pytest.approx(
                item.cost, rel=1e-9
            )


def test_pound_amounts_are_written_with_the_symbol_first():
    from altlep.pb.explain import ProjectExplanation

    item = ProjectExplanation(
        "1", "Bench", 7000.0, 0, False, reason="did_not_fit", money_left_at_turn=2500.5
    )
    assert item.sentence("£") == (
        "Not selected: it costs £7,000 but only £2,500.50 was left when its turn came."
    )
    assert item.sentence("PLN").startswith("Not selected: it costs 7,000 PLN")
