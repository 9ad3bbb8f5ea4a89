"""A failed range proof still shows, for its first rounds, every rival behind throughout its
range; later proofs within that range replay those rounds' winners without checking their
rivals again. A direct count anywhere in such a range must select those first winners, even
where the outcome changes further on."""

import random
from fractions import Fraction

import pytest

import altlep.pb.completions as completions
from altlep.pb.rules import mes_stable
from altlep.pb.rules.mes import mes
from altlep.pb.ties import tie_rank
from tests.pb.helpers import shared_profile
from tests.shared_data import require_shared

NAMES = [
    "Poland_Krakow_2023_Wzgorza_Krzeslawickie",
    "Poland_Warszawa_2019_Targowek_Mieszkaniowy",
    "Poland_Warszawa_2026",
]


def _count_keeping_certificates(profile, rank, monkeypatch) -> tuple[set, list[int]]:
    """Every (low, high, first winners) kept during an add1 count, and the rounds proofs
    were spared."""
    kept: set = set()
    spared: list[int] = []
    certified = mes_stable.certified_rounds

    def recording(trace, low, high, exclude, habits):
        kept.update(
            (since, until, prefix)
            for since, until, prefix, _ in (habits.cleared_rounds if habits else ())
        )
        rounds = certified(trace, low, high, exclude, habits)
        spared.append(rounds)
        return rounds

    monkeypatch.setattr(mes_stable, "certified_rounds", recording)
    completions.mes_completed(profile, rank, "add1", threads=1)
    return kept, spared


@pytest.mark.parametrize("name", NAMES)
def test_rounds_cleared_over_a_range_are_what_a_count_finds_across_it(name, monkeypatch):
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    rank = tie_rank(profile)
    kept, spared = _count_keeping_certificates(profile, rank, monkeypatch)
    assert kept and any(spared)  # later proofs did skip rivals in cleared rounds
    unit, origin = profile.scale, Fraction(profile.budget, profile.n_voters)
    rng = random.Random(11)
    across_a_change = 0
    for low, high, prefix in sorted(kept):
        first, last = -((origin - low) // unit), (high - origin) // unit
        outcomes = {}
        for k in {first, last, rng.randint(int(first), int(last))}:
            winners = mes(profile, rank, origin + k * unit).winners
            assert tuple(winners[: len(prefix)]) == prefix, (float(low), float(high), k)
            outcomes[k] = winners
        across_a_change += len({tuple(w) for w in outcomes.values()}) > 1
    assert across_a_change  # some cleared ranges hold a change of outcome after the prefix


def test_a_proof_reuses_cleared_rounds_only_within_the_range_and_for_those_winners():
    trace = [4, 2, 7, 1]
    habits = mes_stable.ProofMemory(cleared_rounds=[(Fraction(10), Fraction(20), (4, 2, 7), set())])
    assert mes_stable.certified_rounds(trace, Fraction(12), Fraction(20), set(), habits) == 3
    assert mes_stable.certified_rounds(trace, Fraction(9), Fraction(15), set(), habits) == 0
    assert mes_stable.certified_rounds(trace, Fraction(12), Fraction(21), set(), habits) == 0
    assert mes_stable.certified_rounds([4, 7, 2, 1], Fraction(12), Fraction(15), set(), habits) == 0
    assert mes_stable.certified_rounds(trace, Fraction(12), Fraction(15), {9}, habits) == 0
    # the longest prefix that applies wins
    habits.cleared_rounds.append((Fraction(11), Fraction(16), (4, 2), set()))
    assert mes_stable.certified_rounds(trace, Fraction(12), Fraction(15), set(), habits) == 3


def test_proofs_keep_what_they_learn_apart_for_each_tie_order():
    name = NAMES[0]
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    unit, origin = profile.scale, Fraction(profile.budget, profile.n_voters)
    ranks = [tie_rank(profile, "lexicographic"), tie_rank(profile, "lowest-cost", 3)]
    assert ranks[0] != ranks[1]
    for rank in ranks:
        trace = mes(profile, rank, origin).winners
        mes_stable.same_outcome(profile, trace, origin, origin + 50 * unit, rank)
        learnt = profile.cache.proof_memory[tuple(rank)]
        assert learnt.flat_prefixes  # kept under this tie order only
    assert (
        profile.cache.proof_memory[tuple(ranks[0])]
        is not profile.cache.proof_memory[tuple(ranks[1])]
    )
