"""GVA is an estimate, employment × GVA per job from a table an officer imports, and is never
shown without its method."""

import json

import pytest
from click.testing import CliRunner

from altlep.cli import main

BRES = "DATE,GEOGRAPHY_CODE,GEOGRAPHY_NAME,INDUSTRY_CODE,INDUSTRY_NAME,OBS_VALUE\n" + "".join(
    f"2021,E08000035,Leeds,{s},{s} : section {s},{1000 * (i + 1)}\n"
    for i, s in enumerate("ABCDEFGHIJKLMNOPQRSTU")
)


def _run(*args):
    result = CliRunner().invoke(main, ["evidence", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def employment(db, tmp_path):
    path = tmp_path / "bres_NM_189_1.csv"
    path.write_text(BRES)
    _run("import-nomis", str(path))


def test_without_a_gva_table_there_is_no_estimate(employment):
    found = json.loads(_run("sector-size", "--sector", "all", "--area", "E08000035", "--json"))
    assert found["employment"]["value"] == sum(1000 * (i + 1) for i in range(21))
    assert found["gva_estimate"] == {"value_pence": None, "method": None}


def test_with_a_gva_table_the_estimate_comes_with_its_method(employment, tmp_path):
    table = tmp_path / "gva.csv"
    table.write_text(
        "industry,year,gva_per_job_pounds,source\n"
        + "".join(f"{s},2020,50000,ONS regional GVA by industry\n" for s in "ABCDEFGHIJKLMNOPQRSTU")
    )
    _run("import-gva", str(table))
    found = json.loads(_run("sector-size", "--sector", "all", "--area", "E08000035", "--json"))
    assert found["gva_estimate"]["value_pence"] == 231_000 * 50_000_00
    assert "GVA per job" in found["gva_estimate"]["method"]
    assert "ONS regional GVA by industry (2020)" in found["gva_estimate"]["method"]


def test_a_bad_gva_row_names_the_line_and_field(db, tmp_path):
    table = tmp_path / "gva.csv"
    table.write_text("industry,year,gva_per_job_pounds,source\nJ,2020,lots,ONS\n")
    result = CliRunner().invoke(main, ["evidence", "import-gva", str(table)])
    assert "gva.csv, line 2, field gva_per_job_pounds" in result.output
