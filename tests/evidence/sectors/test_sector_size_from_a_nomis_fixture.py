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
    assert b["micro"]["value"] == 160 and b["micro"]["note"] == "rounded"
    assert b["small"]["value"] == 20
    assert b["medium"]["note"] == "partial"  # 0 + a suppressed cell: a lower bound
    assert b["medium"]["suppressed_cells"] == 1
    assert b["total"]["value"] == 180  # no total row: summed from the bands
    assert b["total"]["note"] == "partial"


def test_the_whole_economy_counts_micro_enterprises(imported):
    found = _size("--sector", "all", "--area", "E08000035")
    assert found["businesses"]["micro"]["value"] == 460
    assert found["businesses"]["total"]["value"] == 520
    assert found["micro_share"] == pytest.approx(460 / 520)


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
