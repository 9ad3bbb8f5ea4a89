"""Range proofs skip the first rounds that MES gives at their flat share throughout a range of
budgets (every supporter pays cost / total utility, whatever the budget), starting from the
budgets less those payments. A direct count anywhere in the range must select those winners
first, each at its flat share, and the payments skipped must be those shares."""

from fractions import Fraction

import numpy as np
import pytest

from altlep.pb.rules import mes_stable
from altlep.pb.rules.mes import mes, mes_in_python
from altlep.pb.rules.tuning import FLAT_SPAN
from altlep.pb.ties import tie_rank
from tests.pb.helpers import shared_profile
from tests.shared_data import require_shared

# name, steps above budget / voters where the range starts
CASES = [
    ("Poland_Krakow_2023_Wzgorza_Krzeslawickie", 10),
    ("Poland_Warszawa_2019_Targowek_Mieszkaniowy", 100),
    ("Poland_Warszawa_2026", 1000),
    ("Poland_Wieliczka_2023_Green_Budget", 1000),
]


@pytest.mark.parametrize(("name", "steps"), CASES)
def test_flat_first_rounds_are_what_a_count_finds_across_their_range(name, steps):
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    rank = tie_rank(profile)
    unit = profile.scale
    low = Fraction(profile.budget, profile.n_voters) + steps * unit
    trace = mes(profile, rank, low).winners
    habits = mes_stable.ProofMemory()
    rounds, paid, _ = mes_stable.flat_start(profile, trace, low, low + unit, rank, set(), habits)
    assert rounds >= 2  # each case has some flat first rounds
    until = habits.flat_prefixes[0][1]
    assert until == low + FLAT_SPAN * unit  # the certificate reaches that far
    for per_voter in (low, low + unit, low + (until - low) / 3, until):
        counted = mes_in_python(profile, rank, per_voter)
        assert counted.winners[:rounds] == trace[:rounds], per_voter
        for w in trace[:rounds]:
            if profile.cost[w] > 0:
                share = profile.cost[w] / profile.total_utility[w]
                assert counted.rho[w] == pytest.approx(share, rel=1e-12)
    expected = np.zeros(len(profile.weight))
    for w in trace[:rounds]:
        if profile.cost[w] > 0:
            expected[profile.supporters[w]] += (
                profile.cost[w] / profile.total_utility[w] * profile.utility[w]
            )
    assert paid == pytest.approx(expected, rel=1e-12)


def test_a_proof_reuses_a_certificate_only_within_its_range_and_for_its_winners():
    name = "Poland_Krakow_2023_Wzgorza_Krzeslawickie"
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    rank = tie_rank(profile)
    unit = profile.scale
    low = Fraction(profile.budget, profile.n_voters) + 10 * unit
    trace = mes(profile, rank, low).winners
    habits = mes_stable.ProofMemory()
    first = mes_stable.flat_start(profile, trace, low, low + unit, rank, set(), habits)
    # within the range and with the same first winners: the same certificate
    again = mes_stable.flat_start(
        profile, trace, low + 5 * unit, low + 9 * unit, rank, set(), habits
    )
    assert again.paid is first.paid and len(habits.flat_prefixes) == 1
    # other first winners, or a range reaching past it: a new one
    swapped = [trace[1], trace[0], *trace[2:]]
    mes_stable.flat_start(profile, swapped, low, low + unit, rank, set(), habits)
    far = low + (FLAT_SPAN + 1) * unit
    mes_stable.flat_start(profile, trace, low, far, rank, set(), habits)
    assert len(habits.flat_prefixes) == 3
