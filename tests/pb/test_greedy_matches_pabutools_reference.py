"""Greedy gives pabutools' winners in pabutools' order on every reference instance."""

import pytest

from altlep.pb.rules.greedy import greedy
from altlep.pb.ties import tie_rank
from tests.pb.helpers import reference_names, reference_records, shared_profile
from tests.shared_data import require_shared

NAMES = reference_names() or ["(shared data absent)"]


@pytest.mark.parametrize("name", NAMES)
def test_greedy_selects_like_pabutools(name):
    require_shared("pabulib_reference", f"{name}.json")
    record = next(r for r in reference_records(name) if r["rule"] == "greedy")
    if record["status"] != "ok":
        pytest.skip(f"pabutools recorded {record['status']}")
    _, profile = shared_profile(name)
    winners = greedy(profile, tie_rank(profile)).winners
    assert [profile.ids[j] for j in winners] == record["selection_order"]
