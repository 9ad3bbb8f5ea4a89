"""The demo's table of places agrees with the ONS Postcode Directory: each place's postcode
districts (outward codes) lie, almost all, in the district the table gives it."""

import pytest

from altlep.demo import area
from altlep.demo.organisations import ANCHORS
from altlep.geo.postcodes import locate, postcodes_in_districts

# Every English unitary, district, metropolitan and London borough code shape.
EVERY_DISTRICT = {f"E0{kind}{n:06d}" for kind in "6789" for n in range(1, 1000)}


@pytest.mark.parametrize("where", area.PLACES, ids=lambda p: p.name)
def test_a_places_postcodes_lie_mostly_in_its_district(where):
    letters = sorted({code.rstrip("0123456789") for code in where.outward})
    located = [
        pc
        for pc in postcodes_in_districts(EVERY_DISTRICT, letters)
        if pc.split()[0] in where.outward
    ]
    inside = [pc for pc in located if locate(pc).district_code == where.district]
    assert len(located) > 100
    assert len(inside) > 0.6 * len(located), f"{where.name}: {len(inside)} of {len(located)}"


def test_the_anchor_institutions_real_postcodes_are_in_the_places_they_are_named_for():
    for name, where, postcode, _ in ANCHORS:
        assert locate(postcode).district_code == area.place(where).district, name
        assert postcode.split()[0] in area.place(where).outward, name


def test_place_names_are_found_whole_and_longest_first():
    assert [p.name for p in area.places_named_in("Calder Valley Arts CIC")] == ["Calder Valley"]
    assert area.places_named_in("Mid Yorkshire Teaching NHS Trust") == []
    assert [p.name for p in area.places_named_in("Leeds City Council")] == ["Leeds"]
