"""`altlep stv count | check | verify` through click's CliRunner."""

import json

from click.testing import CliRunner

from altlep.stv.cli import stv
from tests.stv.helpers import FIXTURES

SURPLUS = str(FIXTURES / "surplus.blt")


def test_count_json_gives_elected_in_order_and_every_stage():
    result = CliRunner().invoke(stv, ["count", SURPLUS, "--rule", "scottish", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["elected"] == ["A", "B"]
    assert [set(s["votes"]) for s in data["stages"]] == [{"A", "B", "C", "D"}] * 4


def test_count_prints_a_count_sheet():
    result = CliRunner().invoke(stv, ["count", SURPLUS, "--rule", "meek", "--seed", "2"])
    assert result.exit_code == 0, result.output
    assert "Elected, in order: A, B" in result.output
    assert "Threshold" in result.output


def test_count_refuses_a_bad_file_naming_its_line():
    result = CliRunner().invoke(stv, ["count", str(FIXTURES / "bad.blt")])
    assert result.exit_code == 1
    assert "bad.blt: line 3: candidate 7 is not a candidate" in result.output


def test_check_lists_problems_and_fails_on_errors():
    runner = CliRunner()
    bad = runner.invoke(stv, ["check", str(FIXTURES / "bad.blt")])
    assert bad.exit_code == 1
    assert "line 3: error" in bad.output and "line 4: error" in bad.output
    good = runner.invoke(stv, ["check", SURPLUS])
    assert good.exit_code == 0 and "ok" in good.output


def test_verify_counts_files_and_reproduces_known_results(tmp_path):
    contests = tmp_path / "scot_elex_mccune" / "blt_files"
    contests.mkdir(parents=True)
    (contests / "good.blt").write_text((FIXTURES / "surplus.blt").read_text())
    (contests / "bad.blt").write_text((FIXTURES / "bad.blt").read_text())
    (tmp_path / "DERIVED_catalogue.csv").write_text(
        "blt,election,seats,ballots,rule,expected_winners,expected_source,official,stage_values\n"
        "scot_elex_mccune/blt_files/good.blt,Hand,2,17,Scottish STV,A | B,hand,no,no\n"
    )
    result = CliRunner().invoke(stv, ["verify", "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 of 2 counted without error" in result.output
    assert "1 of 1 reproduced" in result.output
