"""Whenever a range proof (`same_outcome`) says MES selects the same winners for every
per-voter budget in [low, high], a direct count at low, at high and at budgets inside (whole
steps and fractions of one) gives those winners. Generated elections, no shared data: every
ballot type, ties, free projects and projects dearer than the budget."""

from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from altlep.pb.profile import build_profile
from altlep.pb.rules.mes import mes
from altlep.pb.rules.mes_stable import same_outcome
from altlep.pb.ties import tie_rank
from tests.pb.generated import elections
from tests.pb.helpers import approval

GENERATED = settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)
WIDTHS = [Fraction(1, 3), Fraction(1), Fraction(4), Fraction(25), Fraction(200)]  # in steps


def _holds_throughout(profile, rank, winners, low, high, inside) -> None:
    for per_voter in (low, high, (low + high) / 2, *inside):
        assert mes(profile, rank, per_voter).winners == winners, (low, high, per_voter)


@GENERATED
@given(
    elections(),
    st.integers(0, 40),
    st.sampled_from(WIDTHS),
    st.lists(st.fractions(0, 1), min_size=2, max_size=2),
    st.booleans(),
)
def test_a_proved_range_gives_the_proved_winners_throughout(
    election, offset, width, where, bounds_only
):
    profile = build_profile(election)
    rank = tie_rank(profile)
    unit = profile.scale
    low = Fraction(profile.budget, max(profile.n_voters, 1)) + offset * unit
    high = low + width * unit
    run = mes(profile, rank, low)
    proof = same_outcome(profile, run.winners, low, high, rank, bounds_only=bounds_only)
    if proof.holds:
        inside = [low + f * (high - low) for f in where]
        _holds_throughout(profile, rank, run.winners, low, high, inside)
        for j, rho in proof.at_high.items():  # the rhos reported at high are those there
            assert abs(rho - mes(profile, rank, high).rho[j]) <= 1e-9 * max(rho, 1.0)
    elif proof.reach:  # a failed proof that still proved the start of its range
        reached = low + Fraction(proof.reach)
        _holds_throughout(profile, rank, run.winners, low, reached, [])


def test_a_range_with_a_tie_of_flat_shares_is_proved_and_holds():
    # A and B cost the same and have two supporters each who can always pay: their rho is
    # the flat share, they tie exactly, and the tie order decides for every budget.
    profile = build_profile(approval({"B": 30, "A": 30}, ["A", "A", "B", "B"], budget=120))
    rank = tie_rank(profile)
    low = Fraction(profile.budget, profile.n_voters)
    winners = mes(profile, rank, low).winners
    high = low + 10 * profile.scale
    assert same_outcome(profile, winners, low, high, rank).holds
    _holds_throughout(profile, rank, winners, low, high, [low + Fraction(7, 3)])
