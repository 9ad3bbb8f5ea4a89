"""The add1 scan's runs are told the first winners that a failed range proof showed for every
budget of its range (`mes_stable.known_first`), and take them without evaluating their
rivals. Each such run must give what a run told nothing gives: the same winners, in order,
with the same rhos."""

from fractions import Fraction

import pytest

import altlep.pb.steps as steps
from altlep.pb.completions import mes_completed
from altlep.pb.rules import mes_stable
from altlep.pb.rules.mes import mes
from altlep.pb.ties import tie_rank
from tests.pb.helpers import shared_profile
from tests.shared_data import require_shared

NAMES = [
    "Poland_Krakow_2023_Wzgorza_Krzeslawickie",
    "Poland_Warszawa_2019_Targowek_Mieszkaniowy",
    "Poland_Warszawa_2026",
    "Hungary_Budapest_2024",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_run_told_its_first_winners_gives_what_a_run_told_nothing_gives(name, monkeypatch):
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    rank = tie_rank(profile)
    told = []
    run = steps.mes

    def recording(profile, rank, per_voter, **options):
        if options.get("known_first"):
            told.append((per_voter, options))
        return run(profile, rank, per_voter, **options)

    monkeypatch.setattr(steps, "mes", recording)
    mes_completed(profile, rank, "add1", threads=1)
    assert told  # some runs were told first winners
    for per_voter, options in told[:: max(len(told) // 25, 1)]:
        given = mes(profile, rank, per_voter, **options)
        plain = mes(profile, rank, per_voter)
        assert given.winners == plain.winners, float(per_voter)
        assert list(given.winners[: len(options["known_first"])]) == list(options["known_first"])
        for j in plain.winners:
            assert given.rho[j] == pytest.approx(plain.rho[j], rel=1e-9, abs=1e-12)


def test_the_first_winners_come_from_the_longest_prefix_whose_range_holds_the_budget():
    habits = mes_stable.ProofMemory(
        cleared_rounds=[
            (Fraction(10), Fraction(20), (4, 2, 7), set()),
            (Fraction(12), Fraction(30), (4, 2), set()),
            (Fraction(10), Fraction(40), (4, 2, 7, 1, 5), {9}),
        ]
    )
    assert mes_stable.known_first(habits, Fraction(15), set()) == ((4, 2, 7), Fraction(20))
    assert mes_stable.known_first(habits, Fraction(25), set()) == ((4, 2), Fraction(30))
    assert mes_stable.known_first(habits, Fraction(35), set()) == ((), Fraction(35))
    assert mes_stable.known_first(habits, Fraction(35), {9}) == ((4, 2, 7, 1, 5), Fraction(40))
    assert mes_stable.known_first(mes_stable.ProofMemory(), Fraction(5), set()) == ((), Fraction(5))
