from altlep.flows.ocds import find_postcode, read_ocds
from altlep.flows.register import read_register
from tests.flows.helpers import FIXTURES
from tests.shared_data import require_shared


def test_2025_contracts_finder_releases_give_scale_vcse_and_postcodes_from_street_address():
    awards = list(
        read_ocds(
            require_shared("raw", "contracts_finder_ocds_2025_cfserver1", "cf_releases_2025.json")
        )
    )
    assert len(awards) > 150
    marston = next(a for a in awards if a.supplier_name == "Marstons holdings plc")
    assert (marston.scale, marston.vcse, marston.postcode) == ("large", False, "EC3N 2LB")
    assert marston.amount_pence == 9_300_700
    assert {a.scale for a in awards} >= {"sme", "large"}


def test_2020_packages_give_sme_flags_and_company_numbers():
    folder = require_shared("raw", "contracts_finder_ocds_2020_bluetail")
    matched = [
        a
        for p in sorted((folder / "json_1_1_supplier_ids_match").glob("*.json"))
        for a in read_ocds(p)
    ]
    raw = [a for p in sorted((folder / "json_1_1_raw").glob("*.json")) for a in read_ocds(p)]
    assert any(a.company_number == "00133804" for a in matched)
    assert len(raw) > 500 and any(a.postcode for a in raw)


def test_a_postcode_is_found_inside_free_text():
    assert find_postcode("107 GEORGE LANE, LONDON, United Kingdom, E181AN") == "E18 1AN"


def test_the_register_reader_trims_header_names_and_pads_numbers():
    companies = list(read_register(FIXTURES / "register.csv"))
    assert companies[0].number == "01234567"  # header was " CompanyNumber"
    assert companies[0].sic_codes == ("47620",)
    real = list(
        read_register(
            require_shared("raw", "companies_house", "BasicCompanyData_sample_31rows.csv")
        )
    )
    assert len(real) == 31 and all(c.number for c in real)


def test_an_ocds_file_with_a_byte_that_is_not_utf8_names_its_line(tmp_path):
    import pytest

    from altlep.flows.errors import FlowsInputError
    from altlep.flows.ocds import read_ocds

    path = tmp_path / "bad.json"
    path.write_bytes(b'{"releases": [\n{"ocid": "x\x81"}]}')
    with pytest.raises(FlowsInputError) as caught:
        list(read_ocds(path))
    assert caught.value.line == 2 and "byte 0x81 at character 12" in str(caught.value)


def test_an_ocds_award_whose_amount_is_not_a_number_names_the_release_and_field(tmp_path):
    import json

    import pytest

    from altlep.flows.errors import FlowsInputError
    from altlep.flows.ocds import read_ocds

    release = {
        "ocid": "ocds-1",
        "parties": [{"id": "S1", "name": "Acme Ltd", "roles": ["supplier"]}],
        "awards": [{"id": "A1", "value": {"amount": "lots"}, "suppliers": [{"id": "S1"}]}],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"releases": [release]}))
    with pytest.raises(FlowsInputError) as caught:
        list(read_ocds(path))
    assert caught.value.column == "value.amount"
    assert "release 1: value.amount “lots” is not a number" in str(caught.value)
