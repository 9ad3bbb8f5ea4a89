"""The per-voter price of a project, rho, solved in floats: the one float solver.

Definition. Voters in ballot group g hold budgets[g] each (what is left of the per-voter
budget) and give project j a utility u_g. At price rho per unit of utility each pays
min(budgets[g], rho * u_g), so j's supporters raise

    raised(rho) = sum over g of weight_g * min(budgets[g], rho * u_g)

and j's rho is the smallest rho with raised(rho) >= cost_j (none if all their money is
short of the cost). This is the rho of the Method of Equal Shares (Peters, Pierczyński and
Skowron, "Proportional participatory budgeting with additive utilities", NeurIPS 2021); the
exact one, in Fractions, is `rules/exact.py`'s `ExactBudgets.rho`. The compiled kernels
and `rules/mes.py`'s Python count (`_Mes`) both solve with this module, so its functions
are kernels (`altlep.pb.jit`): plain Python for small counts, compiled for big ones.

raised is concave and piecewise linear in rho, so Newton's method from below the root climbs
to it without overshooting (each step is exact once the set of full payers stops changing),
and from above, one step lands below it. The flat share cost / total utility is the least
rho can be; it is rho itself when every supporter affords it.

Sums may be reordered (`tuning.REORDER`) so the compiler can vectorise them: decisions never
hinge on the last bits, as anything within a relative EPS is settled exactly elsewhere.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from altlep.pb.jit import njit
from altlep.pb.rules.tuning import EPS, NEWTON_STEPS, REORDER, ROOM, SETTLED

# what `solve` returns in place of a rho (all negative)
UNAFFORDABLE = -1.0  # the supporters' money is clearly short of the cost
CLOSE = -2.0  # their money is within EPS of the cost: only exact arithmetic can tell
UNSETTLED = -3.0  # Newton's method did not settle
NO_FULL_PAYER = -4.0  # at some step nobody paid in full (only near a knife edge)


class Rho(NamedTuple):
    """What `solve` found of a project's rho."""

    rho: float  # the rho, or one of the negative codes above
    money: float  # all the supporters' money
    rich: float  # the full payers' sum of weight * utility at rho (d raised / d rho)
    flat: bool  # rho is the flat share and every supporter affords it with ROOM to spare


@njit(cache=True, nogil=True, borrows=True)
def solve(pack, j, budgets, start, from_above):
    """Project j's rho on `budgets` (a `Rho`). Newton's method starts at `start` if it is
    above the flat share; `from_above`: the start may lie above the root (say, j's rho on
    lower budgets), so a first step down is taken if it does; else it is a lower bound."""
    a, z = pack.ptr[j], pack.ptr[j + 1]
    cost = pack.cost[j]
    flat_share = cost / pack.total[j]
    begin = max(flat_share, start)
    # one pass: the money (affordable?), the least budget per utility (flat?), and the
    # first step of Newton's method
    money, least, raised, rich = survey(pack, j, pack.uniform[j], budgets, begin)
    if money < cost * (1 - EPS):
        return Rho(UNAFFORDABLE, money, 0.0, False)
    if money <= cost * (1 + EPS):
        return Rho(CLOSE, money, 0.0, False)
    if least >= flat_share:
        return Rho(flat_share, money, 0.0, least >= flat_share * (1 + ROOM))
    linear_to = begin
    if from_above and raised > cost and rich > 0:  # begun above the root
        begin = max(begin + (cost - raised) / rich, flat_share)
        raised, rich, linear_to = raised_up_to(pack, a, z, budgets, begin, pack.uniform[j])
    rho, rich = newton_from(
        pack, a, z, budgets, cost, begin, raised, rich, math.inf, linear_to, pack.uniform[j]
    )
    if rho == -2.0:
        return Rho(UNSETTLED, money, 0.0, False)
    if rho < 0 or rich <= 0:
        return Rho(NO_FULL_PAYER, money, 0.0, False)
    return Rho(rho, money, rich, False)


@njit(cache=True, nogil=True, fastmath=REORDER, borrows=True)
def raised_at(pack, a, z, budgets, rho):
    """(money raised at rho, full payers' sum of w * u) over entries a:z, branch-free."""
    sup, util, weight, wu = pack.sup, pack.util, pack.weight, pack.wu
    raised = 0.0
    rich = 0.0
    for k in range(a, z):
        share = rho * util[k]
        money = budgets[sup[k]]
        raised += weight[k] * min(money, share)
        rich += wu[k] * (money >= share)
    return raised, rich


@njit(cache=True, nogil=True, fastmath=REORDER, borrows=True)
def raised_up_to(pack, a, z, budgets, rho, same_utility):
    """`raised_at`, and how far rho may rise with both sums linear in it: up to the least
    budget per utility among those paying in full. That is known where every supporter
    gives the same utility (`same_utility`); else (NaN) rho itself is returned for it."""
    sup, util, weight, wu = pack.sup, pack.util, pack.weight, pack.wu
    raised = 0.0
    rich = 0.0
    least = math.inf
    for k in range(a, z):
        share = rho * util[k]
        money = budgets[sup[k]]
        raised += weight[k] * min(money, share)
        full = money >= share
        rich += wu[k] * full
        least = min(least, money if full else math.inf)
    if math.isnan(same_utility):
        return raised, rich, rho
    return raised, rich, least / same_utility


@njit(cache=True, nogil=True, borrows=True)
def raised_with_money(pack, j, budgets, rho):
    """(all of j's supporters' money, what they raise at rho, full payers' sum of w * u)."""
    money, _, raised, rich = _sums(pack, j, math.nan, budgets, rho, False)
    return money, raised, rich


@njit(cache=True, nogil=True, borrows=True)
def survey(pack, j, same_utility, budgets, rho):
    """`raised_with_money` and, in the same pass, the least budget per utility among j's
    supporters; where they all give j `same_utility` (else NaN), it is their least budget
    over it, as `rules/mes.py` computes it."""
    return _sums(pack, j, same_utility, budgets, rho, True)


@njit(cache=True, nogil=True, fastmath=REORDER, borrows=True)
def _sums(pack, j, same_utility, budgets, rho, with_least):
    sup, util, weight, wu = pack.sup, pack.util, pack.weight, pack.wu
    money = 0.0
    raised = 0.0
    rich = 0.0
    least = math.inf
    uniform = not math.isnan(same_utility)
    for k in range(pack.ptr[j], pack.ptr[j + 1]):
        have = budgets[sup[k]]
        share = rho * util[k]
        money += weight[k] * have
        raised += weight[k] * min(have, share)
        rich += wu[k] * (have >= share)
        if with_least:
            least = min(least, have if uniform else have / util[k])
    return money, (least / same_utility if uniform else least), raised, rich


@njit(cache=True, nogil=True, borrows=True)
def newton(pack, a, z, budgets, cost, start, enough, same_utility):
    """Least rho with sum of w * min(budgets, rho * u) = cost over entries a:z.

    Money raised is concave in rho, so from a start below the root every iterate stays below
    it, and from a start above, the first step lands below it. Returns (rho, full payers'
    sum of w * u); (-1, 0) if nobody can pay in full, (-2, 0) if it has not settled; an
    iterate above `enough` (a lower bound) is returned as it is. `same_utility`: as
    `raised_up_to`."""
    raised, rich = raised_at(pack, a, z, budgets, start)
    linear_to = start
    if raised > cost and rich > 0:  # a start above the root: one step lands below it
        start += (cost - raised) / rich
        raised, rich, linear_to = raised_up_to(pack, a, z, budgets, start, same_utility)
    return newton_from(
        pack, a, z, budgets, cost, start, raised, rich, enough, linear_to, same_utility
    )


@njit(cache=True, nogil=True, borrows=True)
def newton_from(pack, a, z, budgets, cost, rho, raised, rich, enough, linear_to, same_utility):
    """`newton` from a start below the root where the sums are already known, and known to
    stay linear up to `linear_to` (as `raised_up_to` finds; rho itself if not known). A step
    that stays below that lands on the root itself: no pass is needed to check it."""
    for _ in range(NEWTON_STEPS):
        gap = cost - raised
        if gap <= cost * SETTLED:
            return rho, rich
        if rich <= 0:
            return -1.0, 0.0
        rho += gap / rich
        if rho < linear_to:  # everyone paying in full still does: raised is now the cost
            return rho, rich
        if rho > enough:
            return rho, rich
        raised, rich, linear_to = raised_up_to(pack, a, z, budgets, rho, same_utility)
    return -2.0, 0.0
