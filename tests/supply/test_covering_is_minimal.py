"""The smallest set of firms that covers a lot, checked against the exhaustive definition."""

import random

from altlep.supply.covering import (
    MemberFacts,
    conditions,
    coverage,
    smallest_cover,
    smallest_cover_exhaustive,
)


def test_the_known_smallest_cover_is_found():
    needs = ["45310000", "45330000", "45442100", "90910000"]
    candidates = {
        "Sparks": ["45310000"],
        "Pipes": ["45330000"],
        "Painters": ["45442100"],
        "Cleaners": ["90910000"],
        "Builders": ["45300000", "45442100"],  # installation (electrical and plumbing), painting
    }
    cover = smallest_cover(needs, candidates)
    assert sorted(cover.chosen) == ["Builders", "Cleaners"]
    assert cover.possible


def test_a_need_no_local_firm_offers_is_reported_as_cannot_be_covered():
    cover = smallest_cover(["45310000", "85310000"], {"Sparks": ["45310000"]})
    assert cover.chosen == ["Sparks"]
    assert cover.missing == ["85310000"] and not cover.possible


def test_nothing_to_cover_needs_nobody():
    assert smallest_cover([], {"A": ["45000000"]}).chosen == []


def test_the_solver_agrees_with_the_exhaustive_search_on_random_cases():
    rng = random.Random(18)
    codes = ["45310000", "45330000", "45442100", "90910000", "55520000", "72212000", "79810000"]
    for _ in range(60):
        needs = rng.sample(codes, rng.randint(1, 6))
        candidates = {
            f"firm{j}": rng.sample(codes, rng.randint(1, 3)) for j in range(rng.randint(1, 8))
        }
        fast = smallest_cover(needs, candidates)
        plain = smallest_cover_exhaustive(needs, candidates)
        assert len(fast.chosen) == len(plain.chosen)
        assert fast.missing == plain.missing
        covered = coverage(needs, {k: candidates[k] for k in fast.chosen})
        assert covered.uncovered == fast.missing


def test_combined_conditions_sum_turnover_and_look_for_one_holder_of_each_cover():
    members = [
        MemberFacts(
            "A",
            turnover_pence=60_000_00,
            years_trading=1,
            insurance=(("public liability", 5_000_000_00),),
        ),
        MemberFacts("B", turnover_pence=50_000_00, years_trading=4),
    ]
    found = conditions(
        members=members,
        minimum_turnover_pence=100_000_00,
        minimum_years_trading=3,
        insurance_requirements=[
            {"kind": "public liability", "cover_pence": 5_000_000_00, "when": "tender"},
            {"kind": "employer's liability", "cover_pence": 10_000_000_00, "when": "tender"},
            {"kind": "professional indemnity", "cover_pence": 1_000_000_00, "when": "award"},
        ],
        accreditations=["ISO 9001"],
    )
    met = {c.name: c.met for c in found}
    assert met == {
        "turnover": True,
        "experience": True,
        "insurance: public liability": True,
        "insurance: employer's liability": False,
        "insurance: professional indemnity": True,
        "accreditation: ISO 9001": False,
    }
