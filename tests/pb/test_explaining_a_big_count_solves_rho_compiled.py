"""The Python count (explanations, close calls) solves rho with the kernels' solver
(`rules/rho.py`): compiled once a count is big enough to pay for it, as plain Python below
that, with the same decisions either way."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BIG_EXPLAINED_COUNT = """
import random
from fractions import Fraction
from altlep.pb import jit
from altlep.pb.profile import build_profile
from altlep.pb.rules.mes import mes, packed_profile
from altlep.pb.ties import tie_rank
from tests.pb.helpers import approval

pick = random.Random(7)
names = [str(k) for k in range(1, 15)]
costs = {name: pick.randint(10, 100) for name in names}
ballots = [",".join(pick.sample(names, pick.randint(2, 6))) for _ in range(600)]
profile = build_profile(approval(costs, ballots, budget=400))
assert len(packed_profile(profile).sup) >= jit.COMPILE_FROM
rank = tie_rank(profile)
per_voter = Fraction(profile.budget, profile.n_voters) * 2
with jit.pin(False):
    plain = mes(profile, rank, per_voter, explain=True)
assert not jit.compiled()
run = mes(profile, rank, per_voter, explain=True)
assert jit.compiled()
assert len(run.winners) > 3, run.winners
assert run.winners == plain.winners, (run.winners, plain.winners)
assert run.dropped_after == plain.dropped_after
assert run.payments.keys() == plain.payments.keys()
"""


def test_explaining_a_big_count_compiles_the_solver_and_decides_as_plain_python():
    done = subprocess.run(
        [sys.executable, "-c", BIG_EXPLAINED_COUNT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
