"""A range proof may be given the winners' rhos at the low end (a run's there, or an earlier
proof's high end) instead of solving them: it must use them only after checking them, and it
reports the rhos at its own high end for the next proof."""

import math
from fractions import Fraction

from altlep.pb.rules.mes import mes
from altlep.pb.rules.mes_stable import same_outcome
from altlep.pb.ties import tie_rank
from tests.pb.helpers import shared_profile
from tests.shared_data import require_shared

NAME = "Poland_Gdansk_2020_Siedlce"


def _first_run_and_a_provable_range():
    """The election, its tie order, its first run and the widest of a few ranges from that
    run's step that a proof holds for."""
    require_shared("pabulib", f"{NAME}.pb")
    _, profile = shared_profile(NAME)
    rank = tie_rank(profile)
    run = mes(profile, rank, Fraction(profile.budget, profile.n_voters), resolution=1.0)
    for steps in (16, 8, 4, 2, 1):
        high = run.per_voter + steps * profile.scale
        if same_outcome(profile, run.winners, run.per_voter, high, rank).holds:
            return profile, rank, run, high
    raise AssertionError("no provable range after the first run")


def test_a_proof_given_the_rhos_at_low_reports_those_at_high():
    profile, rank, run, high = _first_run_and_a_provable_range()
    proof = same_outcome(profile, run.winners, run.per_voter, high, rank, at_low=run.rho)
    assert proof.holds
    at_high = proof.at_high
    paying = [j for j in run.winners if profile.cost[j] > 0]
    assert sorted(at_high) == sorted(paying)
    there = mes(profile, rank, high)
    assert there.winners == run.winners
    for j in paying:
        assert math.isclose(at_high[j], there.rho[j], rel_tol=1e-9)


def test_a_wrong_rho_at_low_fails_the_proof_instead_of_being_trusted():
    profile, rank, run, high = _first_run_and_a_provable_range()
    for j in run.winners:
        if profile.cost[j] == 0:
            continue
        for factor in (1 - 1e-6, 1 + 1e-6):
            wrong = dict(run.rho)
            wrong[j] *= factor
            proof = same_outcome(profile, run.winners, run.per_voter, high, rank, at_low=wrong)
            assert not proof.holds, (j, factor)
