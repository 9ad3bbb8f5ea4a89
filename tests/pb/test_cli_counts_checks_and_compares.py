"""The `pb` command group: count, check, compare and official, driven through click."""

import json

import pytest
from click.testing import CliRunner

from altlep.pb.cli import pb
from tests.pb.helpers import pb_text
from tests.shared_data import require_shared

GOOD = pb_text(
    {"budget": 100, "vote_type": "approval", "rule": "greedy"},
    [("1", 60, "1"), ("2", 50, "0"), ("3", 30, "1")],
    [("a", "1"), ("b", "1"), ("c", "1,2"), ("d", "2,3"), ("e", "3")],
    "project_id;cost;selected",
)
BAD = pb_text({"vote_type": "approval"}, [("1", -5)], [("a", "1"), ("a", "9")])


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "good.pb"
    good.write_text(GOOD)
    bad = tmp_path / "bad.pb"
    bad.write_text(BAD)
    return good, bad


def test_count_json_lists_winners_in_selection_order(files):
    good, _ = files
    result = CliRunner().invoke(pb, ["count", str(good), "--rule", "greedy", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["winners"] == ["1", "3"]
    assert data["reproduces_official"] is True


def test_count_accepts_every_rule_completion_and_tie_option(files):
    good, _ = files
    for args in (
        ["--rule", "mes", "--completion", "add1u"],
        ["--rule", "mes", "--completion", "add1-full", "--ties", "lowest-cost", "--seed", "7"],
        ["--rule", "phragmen"],
        ["--rule", "greedy", "--no-skip", "--ties", "numeric"],
    ):
        result = CliRunner().invoke(pb, ["count", str(good), *args, "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["winners"]


def test_count_prints_a_readable_table(files):
    good, _ = files
    result = CliRunner().invoke(pb, ["count", str(good), "--rule", "mes"])
    assert result.exit_code == 0, result.output
    assert "Selected 1st" in result.output
    assert "Official winners recorded in the file" in result.output


def test_count_reports_a_bad_file_with_its_line(files):
    _, bad = files
    result = CliRunner().invoke(pb, ["count", str(bad)])
    assert result.exit_code != 0
    assert "line" in result.output


def test_check_lists_every_problem_and_fails(files):
    good, bad = files
    result = CliRunner().invoke(pb, ["check", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:6: error: negative_cost" in result.output
    assert "duplicate_voter" in result.output and "missing_budget" in result.output
    assert str(good) not in result.output.replace("file(s)", "")


def test_check_passes_a_good_file(files):
    good, _ = files
    assert CliRunner().invoke(pb, ["check", str(good)]).exit_code == 0


def test_compare_shows_rules_side_by_side(files):
    good, _ = files
    result = CliRunner().invoke(pb, ["compare", str(good), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data["outcomes"]) >= {"greedy", "mes", "mes+add1", "mes+add1u", "phragmen"}
    assert data["reproduces_official"]["greedy"] is True
    table = CliRunner().invoke(pb, ["compare", str(good)])
    assert table.exit_code == 0 and "reproduces the official winners" in table.output


def test_official_counts_reproduced_results_in_a_directory(tmp_path):
    for name in ("Poland_Swiecie_2023", "Netherlands_Assen_2024"):
        (tmp_path / f"{name}.pb").symlink_to(require_shared("pabulib", f"{name}.pb"))
    (tmp_path / "mine.pb").write_text(GOOD)
    result = CliRunner().invoke(pb, ["official", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["files"] == 3 and data["reproduced"] == 3
    text = CliRunner().invoke(pb, ["official", str(tmp_path)])
    assert "Reproduced 3 of 3 official results." in text.output


def test_many_files_get_a_progress_bar_without_breaking_output(tmp_path):
    paths = []
    for i in range(6):
        path = tmp_path / f"f{i}.pb"
        path.write_text(GOOD)
        paths.append(str(path))
    result = CliRunner().invoke(pb, ["check", *paths])
    assert result.exit_code == 0
