"""Ties are broken by a named rule: lexicographic (default), lowest-cost, or numeric."""

import pytest

from altlep.pb import count
from altlep.pb.profile import build_profile
from altlep.pb.ties import DEFAULT_TIES, tie_rank
from tests.pb.helpers import approval


def _tied():
    # Projects "1390" and "321" cost the same and have the same supporters' counts.
    return approval({"321": 100, "1390": 100, "9": 50}, ["321", "1390", "9", "9"], budget=150)


def test_the_default_is_lexicographic_on_the_id_string():
    assert DEFAULT_TIES == "lexicographic"
    result = count(_tied(), "greedy")
    assert result.winners == ["9", "1390"]  # "1390" < "321" as strings


def test_numeric_ties_compare_ids_as_numbers():
    assert count(_tied(), "greedy", ties="numeric").winners == ["9", "321"]


def test_mes_breaks_ties_with_the_same_rule():
    election = approval({"321": 100, "1390": 100}, ["321", "321", "1390", "1390"], budget=200)
    assert count(election, "mes", "none").winners == ["1390", "321"]
    assert count(election, "mes", "none", ties="numeric").winners == ["321", "1390"]


def test_lowest_cost_prefers_cheaper_then_more_votes():
    election = approval({"a": 100, "b": 60, "c": 60}, ["a", "b", "c", "c"], budget=1000)
    rank = tie_rank(build_profile(election), "lowest-cost", seed=1)
    assert rank == [2, 1, 0]  # c (cheap, 2 votes) before b (cheap, 1 vote) before a


def test_lowest_cost_draws_lots_reproducibly_from_the_seed():
    election = approval({str(i): 10 for i in range(8)}, [str(i) for i in range(8)], budget=10)
    profile = build_profile(election)
    first = tie_rank(profile, "lowest-cost", seed=42)
    assert first == tie_rank(profile, "lowest-cost", seed=42)
    orders = {tuple(tie_rank(profile, "lowest-cost", seed=s)) for s in range(10)}
    assert len(orders) > 1
    result = count(election, "greedy", ties="lowest-cost", seed=42)
    assert result.seed == 42
    assert result.winners == [profile.ids[first.index(0)]]


def test_an_unknown_tie_rule_is_refused():
    with pytest.raises(ValueError, match="unknown tie-breaking"):
        tie_rank(build_profile(_tied()), "alphabetical")
