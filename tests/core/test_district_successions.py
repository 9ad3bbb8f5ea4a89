"""Old district codes in the ONS lookups, followed to the districts postcodes are located in."""

import csv

from altlep.core.areas.successions import SUCCESSORS, current_code
from tests.core.areas_support import real_lookup
from tests.core.test_districts import english_districts_in_the_postcode_directory


def districts_in_the_2020_lookup() -> set[str]:
    with real_lookup("ons_lookup_219.csv").open(encoding="utf-8-sig", newline="") as handle:
        return {row["LAD20CD"] for row in csv.DictReader(handle)}


def test_an_unchanged_district_is_its_own_successor():
    assert current_code("E07000123") == "E07000123"


def test_a_merged_district_is_followed_to_its_unitary_authority():
    assert current_code("E07000026") == "E06000063"  # Allerdale → Cumberland


def test_every_2020_district_maps_to_a_district_the_postcode_directory_uses_today():
    today = english_districts_in_the_postcode_directory()

    assert {current_code(c) for c in districts_in_the_2020_lookup()} == today


def test_every_abolished_code_was_a_2020_district():
    assert set(SUCCESSORS) <= districts_in_the_2020_lookup()
