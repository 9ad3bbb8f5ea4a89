"""The kernels take the same decisions run as plain Python (small counts) and compiled (big
ones): on generated elections, MES with every completion gives the same winners either way.
The first compiled run in a fresh checkout compiles the kernels (tens of seconds)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from altlep.pb import count, jit
from tests.pb.generated import elections

SMALL = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)


@SMALL
@given(elections(), st.sampled_from(["none", "add1", "add1u", "add1-full"]))
def test_mes_counts_alike_with_plain_and_compiled_kernels(election, completion):
    with jit.pin(compiled=False):
        plain = count(election, rule="mes", completion=completion)
        assert not jit.compiled()
    with jit.pin(compiled=True):
        fast = count(election, rule="mes", completion=completion)
        assert jit.compiled()
    assert plain.winners == fast.winners
    assert plain.per_voter_budget == fast.per_voter_budget
