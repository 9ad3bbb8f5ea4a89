"""The districts of a LEP, from imported LSOA lookups, against ONS-derived ground truth."""

import csv

import pytest

from altlep.core.areas import AreaLookupMissing, area_lookup_import, districts_of_lep, leps
from altlep.core.areas.selectors import lep_current_districts
from tests.core.areas_support import real_lookup, small_lad_lookup, small_lep_lookup

pytestmark = pytest.mark.django_db


def test_every_lep_gets_the_districts_and_shares_derived_from_the_2017_and_2020_lookups():
    truth_path = real_lookup("DERIVED_lad20_to_lep17_from_lsoa.csv")
    area_lookup_import(path=real_lookup("ons_lookup_184.csv"))
    area_lookup_import(path=real_lookup("ons_lookup_219.csv"))
    with truth_path.open(encoding="utf-8-sig", newline="") as handle:
        truth = list(csv.DictReader(handle))

    found = {}
    for lep in leps(vintage="17"):
        for d in districts_of_lep(lep.code, "17"):
            found[(d.code, lep.code)] = (d.name, d.lsoas_in_lep, d.lsoas_in_district, d.share)

    expected = {
        (row["LAD20CD"], row["LEP17CD"]): (
            row["LAD20NM"],
            int(row["n_lsoa_in_lep"]),
            int(row["n_lsoa_in_lad"]),
            float(row["share_of_lad_lsoas"]),
        )
        for row in truth
    }
    assert len(expected) == 348  # every row of the file (349 lines with its header)
    assert found.keys() == expected.keys()
    for key, (name, inside, total, share) in expected.items():
        assert found[key][:3] == (name, inside, total), key
        assert found[key][3] == pytest.approx(share, abs=5e-5), key


def test_a_district_split_between_two_leps_appears_under_both_with_its_share(tmp_path):
    area_lookup_import(path=small_lep_lookup(tmp_path))
    area_lookup_import(path=small_lad_lookup(tmp_path))

    lancashire = {d.code: d.share for d in districts_of_lep("E37000019")}
    cumbria = {d.code: d.share for d in districts_of_lep("E37000007")}

    assert lancashire == {"E07000123": 1.0, "E07000118": 1.0, "E07000031": pytest.approx(1 / 3)}
    assert cumbria == {"E07000031": 1.0}


def test_a_least_share_leaves_out_districts_mostly_elsewhere(tmp_path):
    area_lookup_import(path=small_lep_lookup(tmp_path))
    area_lookup_import(path=small_lad_lookup(tmp_path))

    assert lep_current_districts("E37000019", min_share=0.5) == ["E07000118", "E07000123"]


def test_abolished_districts_are_given_as_the_district_that_covers_them_now(tmp_path):
    area_lookup_import(path=small_lep_lookup(tmp_path))
    area_lookup_import(path=small_lad_lookup(tmp_path))

    [south_lakeland] = districts_of_lep("E37000007")

    assert (south_lakeland.code, south_lakeland.current_code) == ("E07000031", "E06000064")
    assert lep_current_districts("E37000007") == ["E06000064"]  # Westmorland and Furness


def test_leps_lists_each_lep_once_per_vintage_with_its_lsoa_count(tmp_path):
    area_lookup_import(path=small_lep_lookup(tmp_path))

    assert [(lep.code, lep.name, lep.vintage, lep.lsoa_count) for lep in leps()] == [
        ("E37000007", "Cumbria", "17", 3),
        ("E37000019", "Lancashire", "17", 4),
    ]


def test_asking_for_a_lep_before_any_lookup_is_imported_says_how_to_import_one():
    with pytest.raises(AreaLookupMissing, match="altlep areas import"):
        districts_of_lep("E37000019")


def test_asking_without_a_district_lookup_says_which_lookup_is_missing(tmp_path):
    area_lookup_import(path=small_lep_lookup(tmp_path))

    with pytest.raises(AreaLookupMissing, match="no LSOA→LAD lookup has been imported"):
        districts_of_lep("E37000019")
