"""Postcodes: normalised from sloppy input, refused when malformed or unknown, located."""

import pytest

from altlep.geo import postcodes
from altlep.geo.postcodes import PostcodeError


@pytest.mark.parametrize("raw", ["pr12he", " PR1  2HE ", "pr1 2he", "PR1\t2HE", "Pr12hE"])
def test_a_badly_formatted_postcode_is_normalised(raw):
    assert postcodes.normalise(raw) == "PR1 2HE"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("sw1a1aa", "SW1A 1AA"), ("m11ae", "M1 1AE"), ("b11bb", "B1 1BB"), ("cf101ep", "CF10 1EP")],
)
def test_every_outward_code_shape_is_normalised(raw, expected):
    assert postcodes.normalise(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "PR1",
        "PR12H",
        "1PR 2HE",
        "PR1 2H3",
        "PRR1 2HE",
        "PR1 2HEE",
        "PR1-2HE",
        "ＰＲ1 2HE",
        None,
    ],
)
def test_a_malformed_postcode_is_refused(raw):
    with pytest.raises(PostcodeError, match="not a UK postcode"):
        postcodes.normalise(raw)


@pytest.mark.parametrize(
    ("raw", "district"),
    [
        ("PR1 2HE", "E07000123"),  # Preston
        ("sw1a 1aa", "E09000033"),  # Westminster
        ("M1 1AE", "E08000003"),  # Manchester
        ("LS1 1UR", "E08000035"),  # Leeds
        ("B1 1BB", "E08000025"),  # Birmingham
        ("CA1 1RQ", "E06000063"),  # Carlisle, in Cumberland since 2023
        ("NN1 1DE", "E06000062"),  # Northampton, in West Northamptonshire since 2021
        ("YO1 7HH", "E06000014"),  # York
        ("CF10 1EP", "W06000015"),  # Cardiff
    ],
)
def test_a_real_postcode_is_located_to_its_district(raw, district):
    location = postcodes.locate(raw)

    assert location.district_code == district
    assert location.postcode == postcodes.normalise(raw)


@pytest.mark.parametrize("raw", ["PR1 9ZZ", "ZZ99 9ZZ", "QA1 1AA", "SW1A 9ZZ"])
def test_a_well_formed_postcode_missing_from_the_directory_is_refused(raw):
    with pytest.raises(PostcodeError, match="not in the ONS Postcode Directory"):
        postcodes.locate(raw)


def test_a_postcode_listed_without_a_district_is_refused():
    with pytest.raises(PostcodeError):
        postcodes.locate("AB11 3AG")


def test_a_postcode_has_a_grid_point_and_distances_come_from_it():
    leeds = postcodes.locate("LS1 1UR")
    bradford = postcodes.locate("BD1 1HY")
    assert postcodes.distance_km(leeds, leeds) == 0
    expected = (leeds.easting - bradford.easting) ** 2 + (leeds.northing - bradford.northing) ** 2
    assert postcodes.distance_km(leeds, bradford) == expected**0.5 / 1000
    # Leeds and Bradford city centres are about 13 km apart as the crow flies.
    assert 11 < postcodes.distance_km(leeds, bradford) < 15
