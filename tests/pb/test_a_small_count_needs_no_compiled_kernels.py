"""Counting a small election runs the kernels as plain Python: Numba is not even imported,
since loading it and its cached kernels would take longer than the whole count."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SMALL_COUNT = """
import sys
from altlep.pb import count, jit, parse_text
from tests.pb.helpers import pb_text
text = pb_text(
    {"budget": 100, "vote_type": "approval"},
    [("1", 30), ("2", 50), ("3", 40), ("4", 10)],
    [(v, ["1,2", "2,3", "1,3,4", "4"][v % 4]) for v in range(40)],
)
result = count(parse_text(text), rule="mes", completion="add1")
assert result.winners, result.winners
assert not jit.compiled()
assert "numba" not in sys.modules
"""


def test_a_small_mes_count_with_add1_loads_no_numba():
    done = subprocess.run(
        [sys.executable, "-c", SMALL_COUNT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
