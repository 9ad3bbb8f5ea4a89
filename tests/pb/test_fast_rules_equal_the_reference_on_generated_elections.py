"""The fast rules (`altlep.pb.count`) give the same winners, in the same order, as the plain
reference definitions (`altlep.pb.reference`) on thousands of small generated elections: every
ballot type, ties, knife-edge budgets, projects costing more than the budget, free projects
and empty ballots. Needs no shared data."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from altlep.pb import count
from altlep.pb.reference import count_reference
from tests.pb.generated import elections

FAST = settings(
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)


@FAST
@given(elections(), st.sampled_from(["none", "add1", "add1u", "add1-full"]))
def test_mes_with_every_completion_equals_the_reference(election, completion):
    fast = count(election, rule="mes", completion=completion).winners
    assert fast == count_reference(election, rule="mes", completion=completion)


@FAST
@given(elections(), st.booleans())
def test_greedy_equals_the_reference(election, skip):
    fast = count(election, rule="greedy", skip=skip).winners
    assert fast == count_reference(election, rule="greedy", skip=skip)


@FAST
@given(elections(("approval", "choose-1")))
def test_phragmen_equals_the_reference(election):
    assert count(election, rule="phragmen").winners == count_reference(election, rule="phragmen")


@FAST
@given(elections(), st.sampled_from(["lexicographic", "lowest-cost", "numeric"]))
def test_every_tie_order_gives_the_reference_outcome(election, ties):
    fast = count(election, rule="mes", completion="add1", ties=ties, seed=7).winners
    assert fast == count_reference(election, rule="mes", completion="add1", ties=ties, seed=7)
