import pytest
from click.testing import CliRunner

from altlep.cli import main
from altlep.evidence.models import NomisObservation
from tests.evidence.sectors import nomis


def _import(*paths):
    return CliRunner().invoke(main, ["evidence", "import-nomis", *map(str, paths)])


@pytest.mark.django_db
def test_a_file_of_another_layout_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b,c\n1,2,3\n")
    result = _import(path)
    assert result.exit_code != 0
    assert "other.csv, line 1" in result.output and "Nothing was imported" in result.output


@pytest.mark.django_db
def test_a_district_that_does_not_exist_names_the_line_and_field(tmp_path):
    good = nomis.write(tmp_path / "good_NM_141_1.csv")
    rows = [*nomis.ROWS[:2], ("E08999999", "Nowhere", "5811", "Micro (0 to 9)", "5")]
    bad = nomis.write(tmp_path / "bad_NM_141_1.csv", rows)
    result = _import(good, bad)
    assert result.exit_code != 0
    assert "bad_NM_141_1.csv, line 4, field GEOGRAPHY_CODE" in result.output
    assert NomisObservation.objects.count() == 0  # the good file went too


@pytest.mark.django_db
def test_duplicate_rows_are_refused(tmp_path):
    path = nomis.write(tmp_path / "dup_NM_141_1.csv", [nomis.ROWS[0], nomis.ROWS[0]])
    result = _import(path)
    assert "line 3" in result.output and "duplicate" in result.output
    assert NomisObservation.objects.count() == 0


@pytest.mark.django_db
def test_a_count_that_is_not_a_number_is_refused(tmp_path):
    path = nomis.write(
        tmp_path / "n_NM_141_1.csv", [("E08000035", "Leeds", "5811", "Micro (0 to 9)", "many")]
    )
    result = _import(path)
    assert "line 2, field OBS_VALUE" in result.output
