"""SIC 2007 codes come from a maintained package and match Companies House's own list."""

import csv

from altlep.members import sic
from tests.shared_data import require_shared


def test_the_sic_list_is_exactly_the_731_codes_companies_house_accepts():
    path = require_shared("raw", "companies_house", "DERIVED_sic2007_5digit_from_ch_constants.csv")
    with path.open(encoding="utf-8") as handle:
        companies_house = {row["sic_code"] for row in csv.DictReader(handle)}
    assert len(companies_house) == 731
    assert set(sic.subclasses()) == companies_house


def test_a_code_knows_its_section():
    assert sic.section_of("62012") == "J"
    assert sic.section_of("10710") == "C"
    assert sic.sections()["J"] == "Information and communication"


def test_unknown_codes_are_not_valid():
    assert not sic.is_valid("00000")
    assert not sic.is_valid("6201")
    assert sic.is_valid("62012")
