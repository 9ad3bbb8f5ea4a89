"""`altlep pb …` imports the counting engine alone: the other command groups (flows, stv, the
apps') and Django load only when their command is named, so a count starts quickly."""

import subprocess
import sys
from pathlib import Path

from tests.pb.helpers import pb_text

ROOT = Path(__file__).resolve().parents[1]

RUN_AND_LIST_MODULES = """
import sys
from altlep.cli import main
try:
    main(["pb", "count", sys.argv[1], "--json"])
except SystemExit as done:
    assert done.code in (0, None), done.code
loaded = sorted(sys.modules)
print("MODULES", " ".join(loaded), file=sys.stderr)
"""


def _modules_after(args: list[str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stderr.splitlines() if x.startswith("MODULES "))
    return line.split()[1:]


def test_a_pb_count_imports_no_other_engine_and_no_django(tmp_path):
    path = tmp_path / "small.pb"
    path.write_text(
        pb_text(
            {"budget": 10, "vote_type": "approval"},
            [("1", 5), ("2", 6)],
            [(1, "1"), (2, "1,2"), (3, "2")],
        )
    )
    modules = _modules_after([str(path)])
    assert "altlep.pb.count" in modules
    for other in ("django", "altlep.flows", "altlep.stv", "altlep.core", "altlep.evidence"):
        assert not [m for m in modules if m == other or m.startswith(other + ".")], other
