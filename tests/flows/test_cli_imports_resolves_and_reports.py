import json

from click.testing import CliRunner

from altlep.flows.cli import flows
from tests.flows.helpers import FIXTURES


def test_the_command_line_imports_resolves_and_reports(tmp_path):
    store = str(tmp_path / "flows.duckdb")
    run = CliRunner().invoke
    out = run(
        flows,
        [
            "import",
            "spend",
            str(FIXTURES / "spend_cp1252.csv"),
            "--body",
            "Preston",
            "--store",
            store,
        ],
    )
    assert out.exit_code == 0, out.output
    assert "amount          ← Amount" in out.output and "5 lines imported" in out.output
    out = run(flows, ["import", "register", str(FIXTURES / "register.csv"), "--store", store])
    assert "4 companies" in out.output
    out = run(flows, ["resolve", "--store", store])
    assert "3 suppliers" in out.output
    out = run(
        flows,
        [
            "report",
            "--body",
            "Preston",
            "--format",
            "json",
            "--area",
            "E07000123",
            "--store",
            store,
        ],
    )
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["lines"] == 5
    for fmt, marker in (("csv", "section,key,value"), ("html", "<svg")):
        out = run(flows, ["report", "--format", fmt, "--store", store])
        assert marker in out.output


def test_bad_input_on_the_command_line_says_nothing_was_imported(tmp_path):
    out = CliRunner().invoke(
        flows,
        [
            "import",
            "spend",
            str(FIXTURES / "spend_no_columns.csv"),
            "--body",
            "X",
            "--store",
            str(tmp_path / "s.duckdb"),
        ],
    )
    assert out.exit_code == 1
    assert "line 1" in out.output and "nothing imported" in out.output
    assert "Traceback" not in out.output


def test_a_set_aside_row_is_reported_with_its_line_and_the_rest_imported(tmp_path):
    out = CliRunner().invoke(
        flows,
        [
            "import",
            "spend",
            str(FIXTURES / "spend_bad_amount.csv"),
            "--body",
            "X",
            "--store",
            str(tmp_path / "s.duckdb"),
        ],
    )
    assert out.exit_code == 0, out.output
    assert "1 rows set aside" in out.output
    assert "line 3, column “Net Amount”: the amount “ten pounds” is not a number" in out.output
    assert "1 lines imported" in out.output


def test_a_dry_run_with_a_mapping_reports_as_json_and_imports_nothing(tmp_path):
    store = tmp_path / "s.duckdb"
    out = CliRunner().invoke(
        flows,
        [
            "import",
            "spend",
            str(FIXTURES / "spend_cp1252.csv"),
            "--map",
            "category=Service Area",
            "--dry-run",
            "--json",
            "--store",
            str(store),
        ],
    )
    assert out.exit_code == 0, out.output
    [report] = json.loads(out.output)
    assert report["columns"]["category"] == {
        "header": "Service Area",
        "why": "given in the mapping",
    }
    assert report["encoding"] == "cp1252" and report["would_import"] == 5
    assert report["imported"] == 0 and not store.exists()


def test_a_mapping_naming_no_field_is_refused_without_a_traceback():
    out = CliRunner().invoke(
        flows, ["import", "spend", str(FIXTURES / "spend_cp1252.csv"), "--map", "colour=Red"]
    )
    assert out.exit_code == 2 and "“colour” is not a field" in out.output
