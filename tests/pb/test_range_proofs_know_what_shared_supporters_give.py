"""Range proofs bound each rival's money without a pass over its supporters, from what the
winners' supporters who also back it must have paid. That bound rests on a table of the
utility each project gets from the voters it shares with each other project; the table must
be exactly the sum over those voters (a bound that is too low is caught by the range-proof
tests, which count every proved step directly)."""

import numpy as np
import pytest

from altlep.pb.profile import build_profile
from altlep.pb.rules.compiled import shared_utility
from altlep.pb.rules.mes import packed_profile
from tests.pb.helpers import approval, shared_profile
from tests.shared_data import require_shared


def _table(profile):
    return shared_utility(profile, packed_profile(profile))


def _by_hand(profile) -> tuple[np.ndarray, np.ndarray]:
    m = profile.n_projects
    shared = np.zeros((m, m))
    voters = np.zeros(m)
    backers = [
        dict(zip(s.tolist(), u.tolist(), strict=True))
        for s, u in zip(profile.supporters, profile.utility, strict=True)
    ]
    for w in range(m):
        voters[w] = sum(int(profile.weight[g]) for g in backers[w])
        for k in range(m):
            shared[w, k] = sum(
                int(profile.weight[g]) * u for g, u in backers[w].items() if g in backers[k]
            )
    return shared, voters


def test_the_shared_utility_of_a_small_election_is_summed_over_common_voters():
    election = approval({"a": 10, "b": 20, "c": 30}, ["a,b", "a,b", "b,c", "a", "a,b,c"], budget=40)
    profile = build_profile(election)
    shared, voters = _table(profile)
    index = profile.index()
    a, b, c = index["a"], index["b"], index["c"]
    # a's supporters: two "a,b" voters, one "a", one "a,b,c"; each gives a its cost, 10
    assert shared[a, a] == 40 and shared[a, b] == 30 and shared[a, c] == 10
    assert shared[c, b] == 60 and shared[b, c] == 40
    assert voters.tolist() == [4, 4, 2]


@pytest.mark.parametrize(
    "name", ["Poland_Gdansk_2020_Siedlce", "Poland_Warszawa_2019_Targowek_Mieszkaniowy"]
)
def test_the_shared_utility_of_a_real_election_matches_a_plain_sum(name):
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    shared, voters = _table(profile)
    expected_shared, expected_voters = _by_hand(profile)
    assert np.array_equal(shared, expected_shared)
    assert np.array_equal(voters, expected_voters)
    assert np.array_equal(np.diag(shared), np.asarray(profile.total_utility, dtype=float))
