"""Reading and merging a big file pause Python's cycle collector (none of the many small
objects is in a cycle) and then hand the objects made to the oldest generation without a
walk over them. The collector must be left as it was: enabled if it was, and whatever the
program froze itself still frozen."""

import gc

from altlep.pb.model import no_cycle_collection
from altlep.pb.profile import build_profile
from tests.pb.helpers import approval


def _election():
    return approval({"a": 10, "b": 20}, ["a,b", "a", "b"] * 50, budget=30)


def test_the_collector_is_paused_inside_and_enabled_again_after():
    assert gc.isenabled()
    with no_cycle_collection():
        assert not gc.isenabled()
        made = [[i] for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # nothing left in the permanent generation
    assert len(made) == 1000


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        build_profile(_election())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_objects_the_program_froze_stay_frozen():
    kept = [object() for _ in range(10)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen >= len(kept)
        build_profile(_election())
        # still frozen (unfreezing would empty the permanent generation); a few frozen
        # objects of the test run may have been freed meanwhile
        assert gc.get_freeze_count() >= frozen - 1000
    finally:
        gc.unfreeze()
