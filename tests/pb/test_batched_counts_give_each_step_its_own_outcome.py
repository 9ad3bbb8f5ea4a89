"""Counting several per-voter budgets in one vectorised MES (`mes_batch`, used by the add1
completions where outcomes change every few steps) gives every budget exactly the outcome of
its own count, and hands close calls back to the exact one-by-one count."""

from fractions import Fraction

import pytest

from altlep.pb import parse_text
from altlep.pb.profile import build_profile
from altlep.pb.rules.mes import mes
from altlep.pb.rules.mes_batch import mes_batch
from altlep.pb.ties import tie_rank
from tests.pb.helpers import shared_profile
from tests.pb.test_knife_edge_decisions_are_exact import _random_election
from tests.shared_data import require_shared


def _steps(profile, offset, count):
    start = Fraction(profile.budget, profile.n_voters) + offset * profile.scale
    return [start + i * profile.scale for i in range(count)]


@pytest.mark.parametrize(("name", "offset"), [
    ("Poland_Warszawa_2019_Sielce", 0), ("Poland_Warszawa_2019_Sielce", 250),
    ("Poland_Warszawa_2018_rejon_3", 40), ("Poland_Wieliczka_2023_Green_Budget", 20),
])
def test_each_column_of_a_batch_is_the_count_of_its_own_budget(name, offset):
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    rank = tie_rank(profile)
    steps = _steps(profile, offset, 24)
    batch = mes_batch(profile, rank, steps)
    one_by_one = [mes(profile, rank, b).winners for b in steps]
    assert [w for w in batch if w is not None] == \
        [w for w, got in zip(one_by_one, batch, strict=True) if got is not None]
    assert len(set(map(tuple, one_by_one))) > 1  # the columns really do part ways


def test_close_calls_are_left_to_the_exact_count_and_the_rest_agree():
    handed_back = 0
    for seed in range(120):
        profile = build_profile(parse_text(_random_election(seed)))
        rank = tie_rank(profile)
        steps = _steps(profile, 0, 60)
        for b, got in zip(steps, mes_batch(profile, rank, steps), strict=True):
            if got is None:
                handed_back += 1
            else:
                assert got == mes(profile, rank, b).winners, (seed, b)
    assert handed_back > 0  # knife edges (money exactly equal to a cost) are recognised
