"""Real Equal Shares elections: the official winners come out with the right completion."""

import pytest

from altlep.pb import count, read_election
from altlep.pb.official import check_official
from tests.shared_data import require_shared


def _official(name: str):
    election = read_election(require_shared("pabulib", f"{name}.pb"))
    return election, sorted(election.official_winners)


def test_wieliczka_2023_needs_add1_without_the_exhaustiveness_stop():
    election, official = _official("Poland_Wieliczka_2023_Green_Budget")
    result = count(election, "mes", "add1-full")
    assert sorted(result.winners) == official
    assert len(result.winners) == 30 and result.total_cost == 995079
    # pabutools' add1 stops earlier, at an exhaustive outcome of 31 projects
    assert len(count(election, "mes", "add1").winners) == 31


def test_swiecie_2023_matches_pabutools_add1_and_equalshares_net():
    election, official = _official("Poland_Swiecie_2023")
    assert sorted(count(election, "mes", "add1").winners) == official
    assert sorted(count(election, "mes", "add1u").winners) == official


def test_assen_2024_matches_add1_without_a_greedy_step():
    election, official = _official("Netherlands_Assen_2024")
    assert sorted(count(election, "mes", "add1").winners) == official
    assert sorted(count(election, "mes", "add1", greedy_after=True).winners) != official


@pytest.mark.parametrize(
    "name", ["Poland_Wieliczka_2023_Green_Budget", "Poland_Swiecie_2023", "Netherlands_Assen_2024"]
)
def test_the_official_check_finds_a_matching_variant(name):
    election = read_election(require_shared("pabulib", f"{name}.pb"))
    outcome = check_official(election)
    assert outcome is not None and outcome.reproduced


def test_an_official_greedy_count_is_reproduced():
    election, official = _official("Poland_Czestochowa_2024")  # cumulative, rule greedy
    outcome = check_official(election)
    assert outcome.matched == ["greedy-by-score"]
    assert sorted(outcome.tried["greedy-by-score"]) == official
