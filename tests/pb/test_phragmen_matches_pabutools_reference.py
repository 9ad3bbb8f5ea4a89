"""Sequential Phragmén picks pabutools' winners on every approval reference instance.

pabutools returns Phragmén's outcome sorted by project id, so the reference `selection_order`
is that sorted list: we compare the set of winners.
"""

import pytest

from altlep.pb.rules.phragmen import phragmen
from altlep.pb.ties import tie_rank
from tests.pb.helpers import reference_names, reference_records, shared_profile
from tests.shared_data import require_shared

NAMES = reference_names() or ["(shared data absent)"]


@pytest.mark.parametrize("name", NAMES)
def test_phragmen_selects_like_pabutools(name):
    require_shared("pabulib_reference", f"{name}.json")
    record = next((r for r in reference_records(name) if r["rule"] == "phragmen"), None)
    if record is None or record["status"] != "ok":
        pytest.skip("Phragmén is defined for approval ballots only")
    _, profile = shared_profile(name)
    winners = phragmen(profile, tie_rank(profile)).winners
    assert sorted(profile.ids[j] for j in winners) == record["selection_order"]
