"""`altlep.pb.winners` counts with the engine the caller names, "fast" or "reference", through
one signature; both give the same winners in the same order on generated elections. Needs no
shared data."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from altlep.pb import winners
from tests.pb.generated import elections

SMALL = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)

SETTINGS = st.sampled_from(
    [
        {"rule": "mes", "completion": "add1"},
        {"rule": "mes", "completion": "add1u"},
        {"rule": "mes", "completion": "add1-full", "greedy_after": True},
        {"rule": "mes", "completion": "none", "ties": "lowest-cost", "seed": 3},
        {"rule": "greedy", "skip": False},
        {"rule": "greedy", "ties": "numeric"},
    ]
)


@SMALL
@given(elections(), SETTINGS)
def test_the_fast_and_the_reference_engine_agree(election, options):
    fast = winners(election, **options, engine="fast")
    assert fast == winners(election, **options, engine="reference")


@SMALL
@given(elections(("approval", "choose-1")))
def test_both_engines_agree_on_phragmen(election):
    fast = winners(election, rule="phragmen", engine="fast")
    assert fast == winners(election, rule="phragmen", engine="reference")


def test_an_unknown_engine_is_refused():
    from altlep.pb import parse_text
    from tests.pb.helpers import pb_text

    election = parse_text(pb_text({"budget": 10}, [("1", 5)], [(1, "1")]))
    with pytest.raises(ValueError, match="engine"):
        winners(election, engine="fastest")
