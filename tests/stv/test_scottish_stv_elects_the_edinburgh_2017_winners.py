"""Edinburgh 2017: the 17 wards' winners (names keep the files' double spaces)."""

import json

from altlep.stv import count, read_blt
from tests.shared_data import require_shared


def test_scottish_stv_elects_the_edinburgh_2017_winners():
    folder = require_shared("stv", "edinburgh_2017_official")
    data = json.loads((folder / "DERIVED_expected.json").read_text(encoding="utf-8"))
    wards = data["wards"]
    assert len(wards) == 17
    for ward in wards:
        result = count(read_blt(folder / ward["blt"]), "scottish")
        assert sorted(result.elected) == sorted(ward["elected"]), ward["blt"]
