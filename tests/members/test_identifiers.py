"""Company, charity and society numbers: normalised, and refused when malformed."""

import pytest

from altlep.members.identifiers import (
    IdentifierError,
    normalise_charity_number,
    normalise_company_number,
    normalise_society_number,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("01234567", "01234567"),
        ("1234567", "01234567"),
        ("sc123456", "SC123456"),
        ("OC 301234", "OC301234"),
        ("NI012345", "NI012345"),
        ("R0000123", "R0000123"),
    ],
)
def test_company_numbers_are_normalised(raw, expected):
    assert normalise_company_number(raw) == expected


@pytest.mark.parametrize("raw", ["123456789", "S1234567", "ABC12345", "12-34567", "", "SC12345"])
def test_malformed_company_numbers_are_refused(raw):
    with pytest.raises(IdentifierError, match="not a company number"):
        normalise_company_number(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1081234", "1081234"),
        ("220949", "220949"),
        ("1081234-1", "1081234-1"),
        ("sc012345", "SC012345"),
        ("NIC100002", "NIC100002"),
    ],
)
def test_charity_numbers_are_normalised(raw, expected):
    assert normalise_charity_number(raw) == expected


@pytest.mark.parametrize("raw", ["12345", "SC123456", "ABC", "10812345"])
def test_malformed_charity_numbers_are_refused(raw):
    with pytest.raises(IdentifierError, match="not a charity number"):
        normalise_charity_number(raw)


@pytest.mark.parametrize(("raw", "expected"), [("31372r", "31372R"), ("7636", "7636")])
def test_society_numbers_are_normalised(raw, expected):
    assert normalise_society_number(raw) == expected


@pytest.mark.parametrize("raw", ["IP31372", "1234567R", "R12"])
def test_malformed_society_numbers_are_refused(raw):
    with pytest.raises(IdentifierError, match="not a society number"):
        normalise_society_number(raw)
