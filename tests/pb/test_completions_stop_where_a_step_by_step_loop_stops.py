"""The completions jump over budgets proven not to change the outcome; they must stop exactly
where raising the per-voter budget one unit at a time would stop."""

import math
from fractions import Fraction

import pytest

from altlep.pb.completions import mes_completed
from altlep.pb.rules.greedy import greedy
from altlep.pb.rules.mes import mes
from altlep.pb.ties import tie_rank
from tests.pb.helpers import approval, shared_profile
from tests.shared_data import require_shared


def _step_by_step(profile, rank, completion):
    """The plain definition: +1 currency unit per voter, one MES run per step."""
    unit = profile.scale
    start = Fraction(profile.budget, profile.n_voters)
    candidates = {
        j for j in range(profile.n_projects) if profile.total_utility[j] > 0 and profile.cost[j] > 0
    }
    everything = set(range(profile.n_projects))

    def cost(ws):
        return sum(profile.cost[j] for j in ws)

    def exhaustive(ws, pool):
        return not any(cost(ws) + profile.cost[j] <= profile.budget for j in pool - set(ws))

    run = mes(profile, rank, start).winners
    if completion == "add1u":
        if exhaustive(run, everything):
            return run + greedy(profile, rank, initial=run).winners
        per_voter = Fraction(math.floor(start / unit) * unit)
        while not exhaustive(run, everything):
            following = mes(profile, rank, per_voter + unit).winners
            if cost(following) > profile.budget:
                break
            run, per_voter = following, per_voter + unit
        return run + greedy(profile, rank, initial=run).winners
    per_voter, previous = start, []
    while True:
        if cost(run) > profile.budget:
            return previous
        if completion == "add1" and exhaustive(run, candidates):
            return run
        if candidates <= set(run):
            return run
        previous, per_voter = run, per_voter + unit
        run = mes(profile, rank, per_voter).winners


@pytest.mark.parametrize(
    ("name", "completion"),
    [
        ("Netherlands_Assen_2024", "add1"),
        ("Poland_Gdansk_2020_Siedlce", "add1"),
        ("Poland_Krakow_2019_Krowodrza", "add1"),
        ("Poland_Katowice_2025_Janow_-_Nikiszowiec", "add1"),
        ("Poland_Swiecie_2023", "add1u"),
        ("Netherlands_Assen_2024", "add1u"),
        ("Poland_Wieliczka_2023_Green_Budget", "add1-full"),
        ("Poland_Gdansk_2020_Zaspa_Mlyniec", "add1-full"),
        # outcomes change every few steps here, so the steps are counted in batches
        ("Poland_Warszawa_2019_Sielce", "add1"),
        ("Poland_Warszawa_2018_rejon_3", "add1"),
    ],
)
def test_jumping_completion_equals_the_step_by_step_loop(name, completion):
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    rank = tie_rank(profile)
    assert mes_completed(profile, rank, completion).winners == _step_by_step(
        profile, rank, completion
    )


def test_add1u_skips_raising_when_plain_mes_is_already_exhaustive():
    election = approval({"a": 50, "b": 50}, ["a", "a", "b", "b"], budget=100)
    from altlep.pb.profile import build_profile

    profile = build_profile(election)
    done = mes_completed(profile, tie_rank(profile), "add1u")
    assert done.rounds == 1 and sorted(done.winners) == [0, 1]


@pytest.mark.parametrize("name", ["Poland_Warszawa_2018_rejon_3", "Poland_Swiecie_2023"])
@pytest.mark.parametrize("threads", [1, 2])
def test_add1u_steps_are_whole_units_from_the_rounded_down_start(name, threads):
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    start = Fraction(profile.budget, profile.n_voters)
    done = mes_completed(profile, tie_rank(profile), "add1u", threads=threads)
    assert done.final_per_voter > start  # it did raise the budget
    origin = math.floor(start / profile.scale) * profile.scale
    assert (done.final_per_voter - origin) % profile.scale == 0
