"""District names: the 2021 list, completed for every district created or recoded since."""

import time

from altlep.core import districts
from altlep.core.areas.successions import SUCCESSORS
from altlep.geo import postcodes

# Every letter a postcode area starts with (the directory ships one file per letter).
POSTCODE_LETTERS = "ABCDEFGHIJKLMNOPRSTUWYZ"


def english_districts_in_the_postcode_directory() -> set[str]:
    codes: set[str] = set()
    for letter in POSTCODE_LETTERS:
        codes |= {
            c
            for c in postcodes.districts_of_postcode_letter(letter)
            if isinstance(c, str) and c.startswith("E")
        }
    return codes


def test_every_district_created_since_2021_is_named():
    for code, name in districts.DISTRICTS_CREATED_SINCE_2021.items():
        assert districts.name(code) == name != code


def test_a_known_district_is_named_and_an_unknown_code_is_given_back():
    assert districts.name("E07000123") == "Preston"
    assert districts.name("E07999999") == "E07999999"
    assert districts.name(None) == ""


def test_every_english_district_in_the_postcode_directory_has_a_name():
    started = time.perf_counter()
    unnamed = sorted(
        c for c in english_districts_in_the_postcode_directory() if not districts.is_known(c)
    )
    # Loading every letter takes about five seconds; more would mean the cache stopped working.
    print(f"loaded the postcode directory in {time.perf_counter() - started:.1f}s")
    assert unnamed == []


def test_every_successor_district_has_a_name():
    assert sorted(c for c in set(SUCCESSORS.values()) if not districts.is_known(c)) == []
