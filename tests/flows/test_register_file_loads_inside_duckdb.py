"""The register file is read by DuckDB itself; it must give what the Python reader gives."""

import pytest

from altlep.flows.errors import FlowsInputError
from altlep.flows.register import read_register
from altlep.flows.store import Store
from tests.flows.helpers import FIXTURES
from tests.shared_data import require_shared

COLUMNS = "company_number, name, name_key, postcode, category, status, account_category, sic_codes"


def _loaded_both_ways(path):
    by_file, by_rows = Store(), Store()
    by_file.import_register_file(path)
    by_rows.import_register(read_register(path))
    query = f"SELECT {COLUMNS} FROM register ORDER BY company_number"
    return by_file.rows(query), by_rows.rows(query)


def test_the_fixture_loads_the_same_as_through_the_python_reader():
    from_file, from_rows = _loaded_both_ways(FIXTURES / "register.csv")
    assert from_file == from_rows and len(from_file) == 4


def test_the_real_basic_company_data_sample_loads_the_same_as_through_the_python_reader():
    path = require_shared("raw", "companies_house", "BasicCompanyData_sample_31rows.csv")
    from_file, from_rows = _loaded_both_ways(path)
    assert from_file == from_rows and len(from_file) == 31


def test_reloading_replaces_companies_rather_than_doubling_them():
    store = Store()
    store.import_register_file(FIXTURES / "register.csv")
    assert store.import_register_file(FIXTURES / "register.csv") == 4
    assert store.scalar("SELECT count(*) FROM register") == 4


def test_progress_is_reported_and_ends_at_one_hundred_percent():
    seen = []
    Store().import_register_file(FIXTURES / "register.csv", progress=seen.append)
    assert seen and seen[-1] == 100.0


def test_a_row_without_a_company_number_is_named_by_line_and_nothing_is_imported(tmp_path):
    bad = tmp_path / "register.csv"
    lines = (FIXTURES / "register.csv").read_text().splitlines()
    lines[3] = lines[3].replace('"11111111"', '""')
    bad.write_text("\n".join(lines) + "\n")
    store = Store()
    with pytest.raises(FlowsInputError) as error:
        store.import_register_file(bad)
    assert (error.value.line, error.value.column) == (4, "CompanyNumber")
    assert str(bad) in str(error.value)
    assert store.scalar("SELECT count(*) FROM register") == 0


def test_a_file_that_is_not_a_register_is_refused(tmp_path):
    other = tmp_path / "spend.csv"
    other.write_text("Date,Supplier,Amount\n01/04/2024,ACME,10\n")
    with pytest.raises(FlowsInputError, match="not a BasicCompanyData file"):
        Store().import_register_file(other)


def test_a_malformed_csv_is_refused_and_nothing_imported(tmp_path):
    broken = tmp_path / "register.csv"
    broken.write_text('CompanyName, CompanyNumber\n"ACME LIMITED","01234567"\n"BROKEN,"1",x,y\n')
    store = Store()
    with pytest.raises(FlowsInputError, match="line 3: 3 fields where the header has 2"):
        store.import_register_file(broken)
    assert store.scalar("SELECT count(*) FROM register") == 0
