"""The compiled MES run (`rules/mes_kernel.py`) takes the decisions `rules/mes.py` takes: the
same winners, and the same stable range and guessed change that the add1 completions jump
by; wherever a decision needs exact arithmetic it gives up and `rules/mes.py` counts."""

import math
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from altlep.pb.profile import build_profile
from altlep.pb.rules.mes import compiled_run, mes, mes_in_python
from altlep.pb.ties import tie_rank
from tests.pb.generated import elections
from tests.pb.helpers import approval, shared_profile
from tests.shared_data import require_shared

NAMES = [
    "Poland_Warszawa_2019_Sielce",
    "Netherlands_Assen_2024",
    "Poland_Swiecie_2023",
    "Poland_Krakow_2023_Wzgorza_Krzeslawickie",
    "Poland_Gdansk_2020_Siedlce",
    "Poland_Wroclaw_2018_cultural",
    "Hungary_Budapest_2024",
    "Worldwide_Mechanical_Turk_Utilities_3",
]


def _budgets(name: str):
    """A shared election, its tie order and per-voter budgets from its start to 300 steps up."""
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    start = Fraction(profile.budget, profile.n_voters)
    return profile, tie_rank(profile), [start + k * profile.scale for k in (0, 1, 7, 50, 300)]


def _close(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= 1e-6 * max(1.0, abs(b))


@pytest.mark.parametrize("name", NAMES)
def test_a_compiled_run_decides_as_the_python_count(name):
    profile, rank, budgets = _budgets(name)
    compared = 0
    for steps, per_voter in enumerate(budgets):
        for resolution in (0.0, float(profile.scale), math.inf):
            python = mes_in_python(profile, rank, per_voter, resolution=resolution)
            compiled = compiled_run(profile, rank, per_voter, set(), resolution)
            if compiled is None:
                continue  # a close call: counted by rules/mes.py, as `mes` does
            compared += 1
            assert compiled.winners == python.winners, (steps, resolution)
            assert _close(compiled.stable_for, python.stable_for), (steps, resolution)
            assert _close(compiled.crossing, python.crossing), (steps, resolution)
            if resolution == 0.0:  # while slopes matter, every rho is finished
                assert compiled.dropped_after == python.dropped_after
    assert compared >= 12


@pytest.mark.parametrize("name", NAMES[:4])
def test_a_run_started_from_a_lower_budgets_run_decides_the_same(name):
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    rank = tie_rank(profile)
    start = Fraction(profile.budget, profile.n_voters)
    resolution = float(profile.scale)
    warm = compiled_run(profile, rank, start, set(), resolution)
    for steps in (1, 2, 3, 10, 40):
        per_voter = start + steps * profile.scale
        cold = compiled_run(profile, rank, per_voter, set(), resolution)
        hot = compiled_run(profile, rank, per_voter, set(), resolution, warm)
        assert hot is not None and cold is not None
        assert hot.winners == cold.winners
        assert _close(hot.stable_for, cold.stable_for)
        assert _close(hot.crossing, cold.crossing)
        warm = hot


@pytest.mark.parametrize("name", NAMES)
def test_a_run_that_leaves_rhos_beyond_a_band_unsolved_picks_the_same_winners(name):
    profile, rank, budgets = _budgets(name)
    resolution = float(profile.scale)
    compared = 0
    for steps, per_voter in enumerate(budgets):
        exact = compiled_run(profile, rank, per_voter, set(), resolution)
        banded = compiled_run(profile, rank, per_voter, set(), resolution, band=1e-2)
        if exact is None or banded is None:
            continue
        compared += 1
        assert banded.winners == exact.winners, steps
        assert banded.stable_for == 0.0  # not proved, so never claimed
        assert banded.crossing >= 0.0  # a guess only
    assert compared >= 4


def test_an_exact_tie_of_rhos_that_are_not_flat_is_left_to_exact_arithmetic():
    # C wins first (four supporters); voter 3 then has 12 left, less than an equal share
    # (20) of A or of B, which have the same cost and supporters: their rho is 0.4, not
    # cost / total utility, and the two tie exactly.
    election = approval(
        {"A": 60, "B": 60, "C": 60}, ["A,B", "A,B", "A,B,C", "C", "C", "C"], budget=162
    )
    profile = build_profile(election)
    rank = tie_rank(profile)
    per_voter = Fraction(profile.budget, profile.n_voters)
    assert compiled_run(profile, rank, per_voter, set(), 0.0) is None
    exact = mes_in_python(profile, rank, per_voter)
    assert exact.exact_checks > 0
    assert [profile.ids[j] for j in exact.winners] == ["C", "A"]
    assert mes(profile, rank, per_voter).winners == exact.winners


def test_an_exact_tie_of_flat_rhos_is_settled_in_the_compiled_run():
    # Equal costs and equal numbers of supporters who can all pay: equal rho exactly; the
    # tie order (lexicographic on the id) decides without leaving the compiled run.
    election = approval({"B": 30, "A": 30}, ["A", "A", "B", "B"], budget=120)
    profile = build_profile(election)
    rank = tie_rank(profile)
    run = compiled_run(profile, rank, Fraction(profile.budget, profile.n_voters), set(), 0.0)
    assert run is not None
    assert [profile.ids[j] for j in run.winners] == ["A", "B"]


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)
@given(elections(), st.integers(0, 30), st.sampled_from([0.0, 1.0, math.inf]))
def test_a_compiled_run_decides_as_the_python_count_on_generated_elections(
    election, steps, resolution
):
    # no shared data: every ballot type, ties, free projects, projects dearer than the budget
    profile = build_profile(election)
    rank = tie_rank(profile)
    per_voter = Fraction(profile.budget, profile.n_voters) + steps * profile.scale
    python = mes_in_python(profile, rank, per_voter, resolution=resolution)
    compiled = compiled_run(profile, rank, per_voter, set(), resolution)
    if compiled is not None:  # else it met a close call, which only the Python count settles
        assert compiled.winners == python.winners
        assert _close(compiled.stable_for, python.stable_for)
        assert _close(compiled.crossing, python.crossing)
    assert mes(profile, rank, per_voter).winners == python.winners
