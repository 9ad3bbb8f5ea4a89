"""Every reader's command, given a damaged file, exits non-zero with the reader's message
naming the file and line, and never prints a traceback."""

import pytest
from click.testing import CliRunner

from altlep.cli import main

CASES = {
    "pabulib": (
        "bad.pb",
        b"META\nkey;value\nbudget;100\nvote_type;approval\nnum_votes;2\nPROJECTS\n"
        b"project_id;cost\n1;10\nVOTES\nvoter_id;vote\na;1\nb;1\xff\n",
        ["pb", "count"],
        "line 12",
    ),
    "blt": ("bad.blt", b"3 1\n1 1 2 0\n1 x 0\n0\n", ["stv", "count"], "line 3"),
    "spend": (
        "bad.csv",
        b"Alpha,Beta\n1,2\n",
        ["flows", "import", "spend", "--body", "X"],
        "line 1",
    ),
    "ocds": ("bad.json", b'{"releases": [\n{"ocid": 1,', ["flows", "import", "ocds"], "line 2"),
    "register": (
        "bad.csv",
        b'CompanyName, CompanyNumber\n"A LTD","1"\n"B LTD","2","3"\n',
        ["flows", "import", "register"],
        "line 3",
    ),
}


@pytest.mark.parametrize("reader", sorted(CASES))
def test_a_damaged_file_exits_non_zero_naming_file_and_line(reader, tmp_path):
    name, data, command, line = CASES[reader]
    path = tmp_path / name
    path.write_bytes(data)
    store = ["--store", str(tmp_path / "s.duckdb")] if command[0] == "flows" else []
    out = CliRunner().invoke(main, [*command, str(path), *store])
    assert out.exit_code == 1, out.output
    assert str(path) in out.output and line in out.output
    assert "Traceback" not in out.output
    assert out.exception is None or isinstance(out.exception, SystemExit)
