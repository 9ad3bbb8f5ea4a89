"""The add1 completions scan the per-voter budget in jumps that range proofs allow, in one
scan (`threads=1`) or cut into pieces on two threads (`threads=2`). Cut as finely as can be
(a piece after the first run, each expected to take one run), both must stop where the plain
step-by-step definition (`altlep.pb.reference`) stops, on generated elections: every ballot
type, ties, knife-edge budgets (exactly what some projects cost together, or one unit short),
projects costing more than the budget, free projects and empty ballots. Needs no shared data."""

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from altlep.pb.completions import PieceSizes, mes_completed
from altlep.pb.model import Election
from altlep.pb.profile import build_profile
from altlep.pb.reference import count_reference
from altlep.pb.ties import tie_rank
from tests.pb.generated import elections
from tests.pb.helpers import approval

FINEST = PieceSizes(first_runs=1, piece_runs=1)
RAISING = ("add1", "add1u", "add1-full")
GENERATED = settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)


@st.composite
def knife_edge(draw, election: Election) -> Election:
    """The election with its budget at what a subset of its projects costs together (one
    unit less, or as drawn, as often)."""
    costs = [int(p.cost) for p in election.projects.values()]
    chosen = draw(st.lists(st.sampled_from(costs), min_size=1, max_size=len(costs)))
    budget = max(sum(chosen) + draw(st.sampled_from([0, 0, -1])), 1)
    election.meta["budget"] = str(budget)
    return election


def budgets_at_the_edge_or_not():
    return elections().flatmap(
        lambda e: st.one_of(st.just(e), knife_edge(e)) if e.projects else st.just(e)
    )


def _winners(election: Election, completion: str, threads: int) -> tuple[list[str], object]:
    profile = build_profile(election)
    done = mes_completed(profile, tie_rank(profile), completion, threads=threads, sizes=FINEST)
    return [profile.ids[j] for j in done.winners], done


@GENERATED
@given(budgets_at_the_edge_or_not(), st.sampled_from(RAISING))
def test_one_scan_and_the_finest_pieces_stop_where_the_step_by_step_definition_stops(
    election, completion
):
    expected = count_reference(election, rule="mes", completion=completion)
    one, _ = _winners(election, completion, threads=1)
    two, done = _winners(election, completion, threads=2)
    assert one == expected
    assert two == expected
    event(f"{completion} {'cut into pieces' if done.pieces else 'in one scan'}, stop {done.stop!r}")


def test_a_long_raise_is_cut_into_pieces_and_still_stops_where_the_definition_stops():
    # each of the two voters alone wants a project costing nearly all the budget: add1
    # raises the per-voter budget from 500 to 900, hundreds of steps, with some outcome
    # changes on the way
    election = approval(
        {"a": 900, "b": 950, "c": 30, "d": 70}, ["a,c", "b,d", "c", "d,c"], budget=1000
    )
    for completion in RAISING:
        expected = count_reference(election, rule="mes", completion=completion)
        two, done = _winners(election, completion, threads=2)
        assert two == expected, completion
        one, alone = _winners(election, completion, threads=1)
        assert one == expected and not alone.pieces, completion
    assert done.pieces  # the steps ahead were cut into pieces
