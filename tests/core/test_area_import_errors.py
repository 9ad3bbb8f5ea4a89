"""Bad lookup files: a clear error naming the file, line and field, and nothing imported."""

import pytest

from altlep.core.areas import AreaImportError, area_lookup_import
from altlep.core.models import AreaLookupImport, AuditEntry, LsoaDistrict, LsoaLep
from tests.core.areas_support import (
    LAD_HEADER,
    LANCASHIRE,
    LEP_HEADER,
    small_lep_lookup,
    write_csv,
)

pytestmark = pytest.mark.django_db


def good(lsoa: str = "E01025300") -> list[str]:
    return [lsoa, "Preston 001A", *LANCASHIRE, "", "", "1"]


def assert_nothing_imported() -> None:
    assert AreaLookupImport.objects.count() == 0
    assert LsoaLep.objects.count() == 0
    assert LsoaDistrict.objects.count() == 0
    assert not AuditEntry.objects.exists()


def import_failing(path) -> AreaImportError:
    with pytest.raises(AreaImportError) as caught:
        area_lookup_import(path=path)
    return caught.value


@pytest.mark.parametrize(
    ("bad_row", "field", "says"),
    [
        (["", "Preston 001A", *LANCASHIRE, "", "", "3"], "LSOA11CD", "code is missing"),
        (["E0100000X", "Preston 001A", *LANCASHIRE, "", "", "3"], "LSOA11CD", "E0100000X"),
        (["E01025302", "Preston", "E3700001", "Lancashire", "", "", "3"], "LEP17CD1", "E3700001"),
        (["E01025302", "Preston", "", "", "", "", "3"], "LEP17CD1", "code is missing"),
        (["E01025302", "Preston", *LANCASHIRE, "E07000123", "X", "3"], "LEP17CD2", "E07000123"),
        (["E01025302", "Preston", "E37000019", "", "", "", "3"], "LEP17NM1", "name is missing"),
        (["E01025300", "Preston 001A", *LANCASHIRE, "", "", "3"], "LSOA11CD", "listed twice"),
    ],
)
def test_a_bad_value_names_the_file_line_and_field_and_imports_nothing(
    tmp_path, bad_row, field, says
):
    path = write_csv(tmp_path / "bad.csv", LEP_HEADER, [good(), good("E01025301"), bad_row])

    error = import_failing(path)

    assert "bad.csv, line 4, field " + field in str(error)
    assert says in str(error)
    assert (error.line, error.field) == (4, field)
    assert_nothing_imported()


def test_a_malformed_district_code_is_refused(tmp_path):
    row = ["1", "E01025300", "Preston 001A", "E38000001", "00X", "NHS", "E0700012", "Preston"]
    error = import_failing(write_csv(tmp_path / "lad.csv", LAD_HEADER, [row]))

    assert "lad.csv, line 2, field LAD20CD" in str(error)
    assert_nothing_imported()


def test_an_unknown_header_is_refused_on_line_one(tmp_path):
    error = import_failing(write_csv(tmp_path / "wards.csv", ["WD19CD", "WD19NM"], [["E1", "x"]]))

    assert "wards.csv, line 1: unrecognised header (WD19CD, WD19NM)" in str(error)
    assert_nothing_imported()


def test_a_header_without_the_name_column_names_the_missing_column(tmp_path):
    error = import_failing(write_csv(tmp_path / "lad.csv", ["LSOA11CD", "LAD20CD"], [["a", "b"]]))

    assert "lad.csv, line 1, field LAD20NM: column LAD20NM is missing" in str(error)


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")

    assert "empty.csv, line 1: the file is empty" in str(import_failing(path))
    assert_nothing_imported()


def test_a_header_with_no_rows_is_refused(tmp_path):
    error = import_failing(write_csv(tmp_path / "header_only.csv", LEP_HEADER, []))

    assert "header_only.csv, line 2: the file has a header but no rows" in str(error)
    assert_nothing_imported()


def test_a_file_that_is_not_utf8_text_is_refused_with_its_line(tmp_path):
    path = write_csv(tmp_path / "latin1.csv", LEP_HEADER, [good()])
    with path.open("ab") as handle:
        handle.write(b"E01025301,Caf\xe9 001A,E37000019,Lancashire,,,2\r\n")

    error = import_failing(path)

    assert "latin1.csv, line 3: not UTF-8 text" in str(error)
    assert_nothing_imported()


def test_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "lookup.zip"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xff\xfe\x00\x9c")

    assert "lookup.zip, line 1: not UTF-8 text" in str(import_failing(path))


def test_a_row_longer_than_the_header_is_refused(tmp_path):
    path = write_csv(tmp_path / "long.csv", LEP_HEADER, [good(), [*good("E01025301"), "extra"]])

    assert "long.csv, line 3: more values than the header" in str(import_failing(path))
    assert_nothing_imported()


def test_a_failed_reimport_keeps_the_earlier_import(tmp_path):
    kept = area_lookup_import(path=small_lep_lookup(tmp_path))
    bad = write_csv(
        tmp_path / "bad.csv", LEP_HEADER, [good(), ["E0100000X", "x", *LANCASHIRE, "", "", "2"]]
    )

    import_failing(bad)

    assert list(AreaLookupImport.objects.all()) == [kept]
    assert LsoaLep.objects.filter(source=kept).count() == 7
