import zipfile

import pytest

from altlep.flows.errors import FlowsInputError
from altlep.flows.register import unpack_register
from altlep.flows.store import Store
from tests.flows.helpers import FIXTURES

GOOD = (FIXTURES / "register.csv").read_text(encoding="utf-8").splitlines()


def _write(tmp_path, lines, name="BasicCompanyData.csv"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_row_with_an_extra_field_is_named_by_line_and_nothing_is_loaded(tmp_path):
    damaged = [*GOOD[:3], GOOD[3] + ',"stray"', *GOOD[4:]]
    store = Store()
    with pytest.raises(FlowsInputError) as raised:
        store.import_register_file(_write(tmp_path, damaged))
    assert raised.value.line == 4
    assert "8 fields where the header has 7" in str(raised.value)
    assert store.scalar("SELECT count(*) FROM register") == 0


def test_a_quote_left_open_is_named_by_the_line_it_starts_on(tmp_path):
    damaged = [*GOOD[:2], '"OPEN QUOTE LIMITED","12121212","PR1 2HE","","","","unclosed', *GOOD[2:]]
    with pytest.raises(FlowsInputError) as raised:
        Store().import_register_file(_write(tmp_path, damaged))
    assert raised.value.line == 3
    assert "quote left open" in str(raised.value)


def test_a_missing_company_number_names_line_and_field(tmp_path):
    damaged = [*GOOD[:2], '"NO NUMBER LIMITED","","PR1 2HE","","","",""', *GOOD[2:]]
    with pytest.raises(FlowsInputError) as raised:
        Store().import_register_file(_write(tmp_path, damaged))
    assert (raised.value.line, raised.value.column) == (3, "CompanyNumber")


def test_a_companies_house_zip_is_unpacked_with_progress_and_loads(tmp_path):
    archive = tmp_path / "BasicCompanyDataAsOneFile.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(FIXTURES / "register.csv", "BasicCompanyDataAsOneFile.csv")
    seen = []
    csv_path = unpack_register(archive, tmp_path / "unpacked", progress=seen.append)
    assert csv_path.name == "BasicCompanyDataAsOneFile.csv"
    assert seen[-1] == 1.0
    assert Store().import_register_file(csv_path) == len(GOOD) - 1


def test_a_zip_without_exactly_one_csv_is_refused_by_name(tmp_path):
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.csv", "x")
        out.writestr("b.csv", "y")
    with pytest.raises(FlowsInputError, match="two.zip: the zip holds 2 CSV files"):
        unpack_register(archive, tmp_path / "unpacked")


def test_a_plain_csv_is_read_where_it_is(tmp_path):
    assert unpack_register(FIXTURES / "register.csv", tmp_path) == FIXTURES / "register.csv"
