"""Decisions that floats could get wrong are exact: random tie-heavy elections vs pabutools.

Small random elections with few distinct costs and budgets that split into thirds and
sevenths produce exact ties in rho and supporters whose money exactly equals a cost; pabutools
(exact rationals) is the oracle.
"""

import random

import pytest

from altlep.pb import parse_text
from altlep.pb.completions import mes_completed
from altlep.pb.profile import build_profile
from altlep.pb.rules.greedy import greedy
from altlep.pb.rules.phragmen import phragmen
from altlep.pb.ties import tie_rank
from tests.pb.helpers import approval, pb_text


def _random_election(seed: int) -> str:
    rng = random.Random(seed)
    n_projects = rng.randint(2, 7)
    ids = [str(rng.choice([1, 2, 3, 10, 21, 100, 321, 1390]) + 1000 * i) for i in range(n_projects)]
    costs = [rng.choice([30, 60, 90, 70, 140]) for _ in ids]
    voters = rng.choice([3, 6, 7, 9, 14, 21])
    cardinal = seed % 3 == 0
    votes = []
    for v in range(voters):
        chosen = [p for p in ids if rng.random() < 0.45] or [rng.choice(ids)]
        if cardinal:
            points = ",".join(str(rng.choice([1, 2, 3])) for _ in chosen)
            votes.append((v, ",".join(chosen), points))
        else:
            votes.append((v, ",".join(chosen)))
    meta = {
        "budget": rng.choice([90, 140, 210, 300]),
        "vote_type": "cumulative" if cardinal else "approval",
    }
    header = "voter_id;vote;points" if cardinal else "voter_id;vote"
    return pb_text(meta, list(zip(ids, costs, strict=True)), votes, vote_header=header)


@pytest.mark.parametrize("seed", range(150))
def test_random_tie_heavy_elections_match_pabutools_exactly(seed):
    pytest.importorskip("pabutools")
    from pabutools.election import Additive_Cardinal_Sat, Cost_Sat
    from pabutools.election.pabulib import parse_pabulib_from_string
    from pabutools.rules import (
        greedy_utilitarian_welfare,
        method_of_equal_shares,
        sequential_phragmen,
    )

    text = _random_election(seed)
    instance, prof = parse_pabulib_from_string(text)
    multi = prof.as_multiprofile()
    cardinal = instance.meta["vote_type"] == "cumulative"
    sat = Additive_Cardinal_Sat if cardinal else Cost_Sat
    expected = {
        "greedy": greedy_utilitarian_welfare(instance, multi, sat_class=sat),
        "mes": method_of_equal_shares(instance, multi, sat_class=sat),
        "add1": method_of_equal_shares(instance, multi, sat_class=sat, voter_budget_increment=1),
    }
    if not cardinal:
        expected["phragmen"] = sorted(sequential_phragmen(instance, multi))
    expected = {k: [str(p.name) for p in v] for k, v in expected.items()}
    profile = build_profile(parse_text(text))
    rank = tie_rank(profile)
    ours = {
        "greedy": greedy(profile, rank).winners,
        "mes": mes_completed(profile, rank, "none").winners,
        "add1": mes_completed(profile, rank, "add1").winners,
    }
    ours = {k: [profile.ids[j] for j in v] for k, v in ours.items()}
    if not cardinal:
        ours["phragmen"] = sorted(profile.ids[j] for j in phragmen(profile, rank).winners)
    assert ours == expected


def test_money_that_exactly_equals_the_cost_is_enough():
    # Three voters with 1/3 each of a budget of 1 can pay exactly for a project costing 1;
    # in floats 1/3 + 1/3 + 1/3 may fall short.
    election = approval({"p": 1, "q": 1}, ["p", "p", "p"], budget=1)
    profile = build_profile(election)
    assert mes_completed(profile, tie_rank(profile), "none").winners == [0]


def test_supporters_one_seventh_short_are_not_enough():
    election = approval({"p": 7}, ["p"] * 6 + [""], budget=8)  # 6 * 8/7 = 48/7 < 7
    profile = build_profile(election)
    assert mes_completed(profile, tie_rank(profile), "none").winners == []
