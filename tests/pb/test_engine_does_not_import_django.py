"""The counting engine is a pure package: importing and running it never loads Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_engine_runs_without_django():
    code = (
        "import sys\n"
        "import altlep.pb, altlep.pb.cli, altlep.pb.count\n"
        "from altlep.pb import parse_text, count\n"
        "text = 'META\\nkey;value\\nbudget;10\\nvote_type;approval\\nPROJECTS\\n"
        "project_id;cost\\n1;5\\nVOTES\\nvoter_id;vote\\n1;1\\n'\n"
        "assert count(parse_text(text)).winners == ['1']\n"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
