"""altlep evidence import-nomis and sector-size on a fixture with known totals."""

import json

import pytest
from click.testing import CliRunner

from altlep.cli import main
from tests.evidence.sectors import nomis


@pytest.fixture
def imported(db, tmp_path):
    path = nomis.write(tmp_path / "ukbc_local_units_NM_141_1.csv")
    result = CliRunner().invoke(main, ["evidence", "import-nomis", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _size(*args):
    result = CliRunner().invoke(main, ["evidence", "sector-size", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_json_has_the_keys_the_issue_lists(imported):
    found = _size("--sector", "dcms-creative", "--area", "E08000035", "--year", "2022")
    assert {
        "sector",
        "year",
        "areas",
        "businesses",
        "employment",
        "gva_estimate",
        "sources",
    } <= set(found)
    assert set(found["businesses"]) == {"micro", "small", "medium", "large", "total"}
    assert "method" in found["gva_estimate"]
    assert found["areas"] == [{"code": "E08000035", "name": "Leeds"}]


def test_creative_industries_are_summed_from_their_classes_with_notes(imported):
    b = _size("--sector", "dcms-creative", "--area", "E08000035")["businesses"]
    # The fixture holds 2 of the 31 creative classes: what it holds is summed, and marked as
    # a lower bound because the other 29 classes are not in the data.
    assert b["micro"]["value"] == 160 and b["micro"]["note"] == "lower-bound"
    assert "2 of 31 codes counted; the rest are not in the data" in b["micro"]["explanation"]
    assert b["small"]["value"] == 20
    assert b["medium"]["suppressed_cells"] == 1  # 0 + a suppressed cell
    assert "1 of 2 figures suppressed" in b["medium"]["explanation"]
    assert b["total"]["value"] == 180  # no total row: summed from the bands
    assert b["total"]["rounded_cells"] == 7 and b["total"]["suppressed_cells"] == 1


def test_the_whole_economy_from_three_classes_is_only_a_lower_bound(imported):
    found = _size("--sector", "all", "--area", "E08000035")
    assert found["businesses"]["micro"]["value"] == 460
    assert found["businesses"]["micro"]["note"] == "lower-bound"
    assert "sized only in part" in found["businesses"]["total"]["explanation"]


def test_the_whole_economy_counts_micro_enterprises_from_total_rows(db, tmp_path):
    rows = [
        ("E08000035", "Leeds", "Total", "Micro (0 to 9)", "26575"),
        ("E08000035", "Leeds", "Total", "Small (10 to 49)", "2915"),
        ("E08000035", "Leeds", "Total", "Medium-sized (50 to 249)", "560"),
        ("E08000035", "Leeds", "Total", "Large (250+)", "165"),
    ]
    path = nomis.write(tmp_path / "ukbc_enterprises_NM_142_1.csv", rows, total=True)
    assert CliRunner().invoke(main, ["evidence", "import-nomis", str(path)]).exit_code == 0
    found = _size("--sector", "all", "--area", "E08000035")
    assert found["businesses"]["micro"] == {
        **found["businesses"]["micro"],
        "value": 26575,
        "note": "rounded",
    }
    assert found["businesses"]["total"]["value"] == 30215
    assert found["businesses"]["total"]["margin"] == 8  # four rounded cells summed
    assert found["micro_share"] == pytest.approx(26575 / 30215)


def test_an_area_that_does_not_exist_is_refused(imported):
    result = CliRunner().invoke(
        main, ["evidence", "sector-size", "--sector", "all", "--area", "E08999999"]
    )
    assert result.exit_code != 0
    assert "E08999999" in result.output


def test_sectors_lists_every_definition_with_codes_and_source(db):
    result = CliRunner().invoke(main, ["evidence", "sectors", "--json"])
    listed = {d["slug"]: d for d in json.loads(result.output)}
    assert len(listed["dcms-creative"]["codes"]) == 31
    assert "DCMS" in listed["dcms-creative"]["source"]
