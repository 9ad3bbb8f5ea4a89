"""A scan's range proofs cost about a run each. While they save more steps than they cost
they go on at every step, starting from the widest that last worked; once they save fewer,
they pause for a step, then two, four... up to `LONGEST_PAUSE`; a step where they pay again
resets the pause to one."""

from altlep.pb.rules.tuning import LONGEST_PAUSE
from altlep.pb.steps import ProofPacing


def _paused_steps(pacing: ProofPacing) -> int:
    steps = 0
    while pacing.waits():
        steps += 1
    return steps


def test_proofs_that_pay_go_on_at_every_step_from_the_widest_that_worked():
    pacing = ProofPacing()
    pacing.record(tries=2, skipped=40, best=32)
    assert pacing.width == 32 and not pacing.waits()
    pacing.record(tries=3, skipped=1, best=0)  # nothing worked: the width stays
    assert pacing.width == 32


def test_proofs_that_do_not_pay_pause_twice_as_long_each_time_up_to_a_limit():
    pacing = ProofPacing()
    pauses = []
    for _ in range(10):
        pacing.record(tries=1, skipped=0, best=0)
        pauses.append(_paused_steps(pacing))
    assert pauses == [min(2**k, LONGEST_PAUSE) for k in range(10)]


def test_a_step_where_proofs_pay_again_makes_the_next_pause_one_step():
    pacing = ProofPacing()
    for _ in range(3):
        pacing.record(tries=1, skipped=0, best=0)
        _paused_steps(pacing)
    pacing.record(tries=1, skipped=100, best=100)
    assert _paused_steps(pacing) == 0
    pacing.record(tries=1000, skipped=0, best=0)
    assert _paused_steps(pacing) == 1


def test_a_copy_paces_on_by_itself():
    pacing = ProofPacing()
    copy = pacing.copy()
    copy.record(tries=1, skipped=0, best=0)
    assert pacing == ProofPacing() and copy != pacing
