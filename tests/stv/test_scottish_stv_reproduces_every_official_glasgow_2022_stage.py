"""All 15 Glasgow 2022 wards: every official stage value to 5 places, winners and quota."""

import pytest

from altlep.stv import count, read_blt
from tests.shared_data import require_shared
from tests.stv.helpers import assert_stages_match, official


@pytest.mark.parametrize("ward", range(1, 16))
def test_scottish_stv_reproduces_every_official_glasgow_2022_stage(ward):
    expected = official("glasgow_2022_official")[ward - 1]
    path = require_shared("stv", "glasgow_2022_official", expected["folder"], expected["blt"])
    result = count(read_blt(path), "scottish")
    assert int(result.quota) == expected["quota"]
    assert result.valid_votes == expected["valid_votes"]
    assert sorted(result.elected) == sorted(expected["elected"])
    assert result.elected_at() == expected["elected_stage"]
    assert_stages_match(result, expected)
