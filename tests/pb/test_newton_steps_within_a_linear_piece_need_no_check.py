"""Newton's method for a project's rho skips the pass that would check a step when the money
raised is known to stay linear up to where the step lands (everyone paying in full still
can). `raised_up_to` reports how far that is; the roots must be those found with every step
checked."""

import math
from fractions import Fraction

import numpy as np
import pytest

from altlep.pb.rules.mes import mes, packed_profile
from altlep.pb.rules.rho import newton, raised_at, raised_up_to
from altlep.pb.ties import tie_rank
from tests.pb.helpers import shared_profile
from tests.shared_data import require_shared

# approval elections: every supporter gives a project the same utility, its cost
NAMES = ["Poland_Warszawa_2019_Targowek_Mieszkaniowy", "Poland_Warszawa_2026"]


def _setting(name):
    """The packed profile, and budgets of many different sizes that still afford much: what
    a run left, plus half the starting budget each."""
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    start = Fraction(profile.budget, profile.n_voters)
    run = mes(profile, tie_rank(profile), start)
    budgets = run.budgets + float(start) / 2
    return profile, packed_profile(profile), budgets


@pytest.mark.parametrize("name", NAMES)
def test_money_raised_is_linear_exactly_up_to_the_reported_point(name):
    profile, pack, budgets = _setting(name)
    checked = 0
    for j in range(profile.n_projects):
        a, z, u = pack.ptr[j], pack.ptr[j + 1], pack.uniform[j]
        if z - a < 2 or math.isnan(u):
            continue
        for rho in np.quantile(budgets[pack.sup[a:z]] / u, [0.2, 0.5, 0.8]):
            raised, rich, linear_to = raised_up_to(pack, a, z, budgets, rho, u)
            plain = raised_at(pack, a, z, budgets, rho)
            assert raised == pytest.approx(plain[0], rel=1e-12) and rich == plain[1]
            if not rich or linear_to <= rho:
                continue
            inside = rho + 0.999 * (linear_to - rho)
            at_inside, rich_inside = raised_at(pack, a, z, budgets, inside)
            assert at_inside == pytest.approx(raised + rich * (inside - rho), rel=1e-12)
            assert rich_inside == rich
            # past it, someone who paid in full no longer can
            beyond = linear_to * (1 + 1e-6)
            assert raised_at(pack, a, z, budgets, beyond)[1] < rich
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("name", NAMES)
def test_roots_are_those_found_when_every_step_is_checked(name):
    profile, pack, budgets = _setting(name)
    solved = 0
    for j in range(profile.n_projects):
        a, z = pack.ptr[j], pack.ptr[j + 1]
        cost = pack.cost[j]
        if z == a or float(pack.weight[a:z] @ budgets[pack.sup[a:z]]) <= cost * 1.001:
            continue  # unaffordable, or too close to call
        start = cost / pack.total[j]
        shortcut = newton(
            pack,
            a,
            z,
            budgets,
            cost,
            start,
            math.inf,
            pack.uniform[j],
        )
        checked = newton(
            pack,
            a,
            z,
            budgets,
            cost,
            start,
            math.inf,
            math.nan,
        )
        assert shortcut[0] == pytest.approx(checked[0], rel=1e-12), j
        assert shortcut[1] == checked[1]
        solved += 1
    assert solved >= 5
