"""pabutools itself, run as an oracle, agrees with us on 100+ more real elections.

Instances are drawn with a fixed seed from the shared pabulib files that are not in the
reference set, among small files with a modest per-voter budget (pabutools' add1 loop takes one
full MES run per currency unit, so this keeps each file to about a second or less). For each
we compare greedy, MES, and MES with add1 completion: same winners, same order.
"""

import random
from pathlib import Path

import pytest

from altlep.pb.completions import mes_completed
from altlep.pb.profile import build_profile
from altlep.pb.reader import read_election
from altlep.pb.rules.greedy import greedy
from altlep.pb.ties import tie_rank
from tests.pb.helpers import reference_names
from tests.shared_data import shared_data_dir

SEED = 20261122
SAMPLE = 105
MAX_BYTES = 60_000
MAX_PER_VOTER = 500  # currency units per voter: bounds the number of add1 rounds


def _per_voter_budget(path: Path) -> float:
    """Budget / number of votes from the META section (inf when it cannot be read)."""
    meta = {}
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            line = line.strip()
            if line == "PROJECTS":
                break
            key, _, value = line.partition(";")
            meta[key] = value
    try:
        return float(meta["budget"].replace(",", ".")) / int(meta["num_votes"])
    except (KeyError, ValueError, ZeroDivisionError):
        return float("inf")


def _sample() -> list[str]:
    root = shared_data_dir()
    if root is None or not (root / "pabulib").is_dir():
        return ["(shared data absent)"]
    known = set(reference_names())
    files = sorted(
        p.name
        for p in (root / "pabulib").glob("*.pb")
        if p.stem not in known
        and p.stat().st_size <= MAX_BYTES
        and _per_voter_budget(p) <= MAX_PER_VOTER
    )
    return sorted(random.Random(SEED).sample(files, min(SAMPLE, len(files))))


FILES = _sample()


def _pabutools_outcomes(path: Path) -> dict[str, list[str]]:
    pabutools = pytest.importorskip("pabutools")
    del pabutools
    from pabutools.election import (
        Additive_Borda_Sat,
        Additive_Cardinal_Sat,
        Cost_Sat,
        parse_pabulib,
    )
    from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares

    instance, profile = parse_pabulib(str(path))
    multi = profile.as_multiprofile()
    vote_type = instance.meta.get("vote_type")
    sat = {
        "approval": Cost_Sat,
        "choose-1": Cost_Sat,
        "cumulative": Additive_Cardinal_Sat,
        "scoring": Additive_Cardinal_Sat,
        "ordinal": Additive_Borda_Sat,
    }[vote_type]
    greedy_kw = {"is_sat_additive": True} if vote_type == "ordinal" else {}
    return {
        "greedy": greedy_utilitarian_welfare(instance, multi, sat_class=sat, **greedy_kw),
        "mes": method_of_equal_shares(instance, multi, sat_class=sat),
        "mes_add1": method_of_equal_shares(
            instance, multi, sat_class=sat, voter_budget_increment=1
        ),
    }


def test_the_sample_is_large_enough():
    if FILES == ["(shared data absent)"]:
        pytest.skip("real public data not found")
    assert len(FILES) >= 100


@pytest.mark.parametrize("filename", FILES)
def test_pabutools_and_we_select_the_same_projects_in_the_same_order(filename):
    root = shared_data_dir()
    if root is None:
        pytest.skip("real public data not found: set ALTLEP_SHARED_DATA or ../shared/data")
    path = root / "pabulib" / filename
    expected = {rule: [str(p.name) for p in out] for rule, out in _pabutools_outcomes(path).items()}
    profile = build_profile(read_election(path))
    rank = tie_rank(profile)
    ours = {
        "greedy": greedy(profile, rank).winners,
        "mes": mes_completed(profile, rank, "none").winners,
        "mes_add1": mes_completed(profile, rank, "add1").winners,
    }
    assert {rule: [profile.ids[j] for j in w] for rule, w in ours.items()} == expected
