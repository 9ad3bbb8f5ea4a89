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
            str(FIXTURES / "spend_bad_amount.csv"),
            "--body",
            "X",
            "--store",
            str(tmp_path / "s.duckdb"),
        ],
    )
    assert out.exit_code != 0
    assert "line 3" in out.output and "nothing imported" in out.output
