"""Glasgow 2017 wards 2 and 7: every official stage to 5 places (ward 2 punishes any
arithmetic that is not exact truncation to 5 places)."""

import pytest

from altlep.stv import count, read_blt
from tests.shared_data import require_shared
from tests.stv.helpers import assert_stages_match, official


@pytest.mark.parametrize("index", [0, 1])
def test_scottish_stv_reproduces_every_official_glasgow_2017_stage(index):
    expected = official("glasgow_2017_official")[index]
    path = require_shared("stv", "glasgow_2017_official", expected["folder"], expected["blt"])
    result = count(read_blt(path), "scottish")
    assert int(result.quota) == expected["quota"]
    assert sorted(result.elected) == sorted(expected["elected"])
    assert_stages_match(result, expected)
