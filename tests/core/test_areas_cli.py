"""`altlep areas …` on the command line, driven through click's CliRunner."""

import pytest
from click.testing import CliRunner

from altlep.core.cli import areas
from altlep.core.models import AreaLookupImport, LsoaLep, Partnership
from tests.core.areas_support import LEP_HEADER, small_lad_lookup, small_lep_lookup, write_csv

pytestmark = pytest.mark.django_db


def run(*args: str):
    return CliRunner().invoke(areas, [str(a) for a in args])


@pytest.fixture
def imported(tmp_path):
    result = run("import", small_lep_lookup(tmp_path), small_lad_lookup(tmp_path))
    assert result.exit_code == 0, result.output


def test_import_reports_each_file_it_imported(tmp_path):
    result = run("import", small_lep_lookup(tmp_path), small_lad_lookup(tmp_path))

    assert result.exit_code == 0, result.output
    assert "Imported 6 rows: LSOA to LEP (2017) from lsoa_lep17.csv" in result.output
    assert "LSOA to local authority district (2020)" in result.output


def test_a_bad_file_fails_the_command_with_its_line_and_field_and_imports_nothing(tmp_path):
    bad = write_csv(
        tmp_path / "bad.csv",
        LEP_HEADER,
        [["E0100000X", "x", "E37000019", "Lancashire", "", "", "1"]],
    )

    result = run("import", small_lad_lookup(tmp_path), bad)

    assert result.exit_code == 1
    assert "bad.csv, line 2, field LSOA11CD" in result.output
    assert "Nothing was imported." in result.output
    assert not AreaLookupImport.objects.exists()  # not even the good file before it
    assert not LsoaLep.objects.exists()


def test_a_missing_file_is_refused_by_the_command(tmp_path):
    result = run("import", tmp_path / "nowhere.csv")

    assert result.exit_code == 2
    assert "nowhere.csv" in result.output


def test_leps_lists_the_imported_leps(imported):
    result = run("leps")

    assert result.exit_code == 0, result.output
    assert "E37000019" in result.output and "Lancashire" in result.output


def test_leps_says_how_to_import_when_none_are(db):
    result = run("leps")

    assert result.exit_code == 1
    assert "altlep areas import" in result.output


def test_districts_shows_each_district_and_its_share(imported):
    result = CliRunner().invoke(areas, ["districts", "e37000019"], env={"COLUMNS": "200"})

    assert result.exit_code == 0, result.output
    assert "Preston" in result.output and "100.0%" in result.output
    assert "33.3%" in result.output  # South Lakeland, mostly in Cumbria
    assert "Westmorland and Furness (E06000064)" in result.output


def test_set_partnership_from_a_lep_creates_the_partnership_with_its_districts(imported):
    result = run(
        "set-partnership",
        "--lep",
        "E37000019",
        "--min-share",
        "0.5",
        "--name",
        "Lancashire Together",
    )

    assert result.exit_code == 0, result.output
    partnership = Partnership.objects.get()
    assert partnership.name == "Lancashire Together"
    assert partnership.area_codes == ["E07000118", "E07000123"]
    assert partnership.area_description == "the districts of the former Lancashire LEP"


def test_set_partnership_district_by_district_changes_the_current_partnership(db):
    Partnership.objects.create(name="P", area_codes=["E07000123"])

    result = run("set-partnership", "--district", "E07000118", "--district", "E07000119")

    assert result.exit_code == 0, result.output
    assert Partnership.objects.get().area_codes == ["E07000118", "E07000119"]
    assert "Fylde" in result.output


def test_set_partnership_refuses_an_unknown_district(db):
    Partnership.objects.create(name="P", area_codes=["E07000123"])

    result = run("set-partnership", "--district", "E07999999")

    assert result.exit_code == 1
    assert "unknown district codes: E07999999" in result.output
    assert Partnership.objects.get().area_codes == ["E07000123"]


def test_set_partnership_needs_a_name_when_there_is_no_partnership(db):
    result = run("set-partnership", "--district", "E07000123")

    assert result.exit_code == 2
    assert "--name" in result.output


def test_set_partnership_needs_either_a_lep_or_districts(db):
    assert run("set-partnership").exit_code == 2
    assert run("set-partnership", "--lep", "E37000019", "--district", "E07000123").exit_code == 2
