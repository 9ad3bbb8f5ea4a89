"""Prove that MES gives the same outcome for every per-voter budget in an interval.

The add1 completions raise the per-voter budget one currency unit at a time; in forints or
złoty that can mean thousands of MES runs that mostly repeat the same outcome. Here the known
sequence of winners is replayed once with *interval* budgets [low, high]: a voter's true budget
for any per-voter budget in the interval lies between them. Because rho only falls when budgets
rise, the winner's rho lies between its rho on the high and the low budgets; if at every step
the winner's worst (low-budget) rho is clearly below every rival's best (high-budget) rho, and
projects left over are unaffordable even on high budgets, then the outcome is the same
throughout. Anything close (including exact ties) is simply not certified.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from altlep.pb.profile import Profile
from altlep.pb.rules.mes import _precompute, newton_rho

MARGIN = 1e-9  # relative separation required between rival rhos


def _rho_at(profile: Profile, pre: dict, j: int, budgets: np.ndarray,
            start: float = 0.0, enough: float = math.inf) -> float | None:
    """Float rho of project j on the given budgets (None if its supporters cannot pay).

    Newton's method starts from `start` if that is a lower bound above the flat share; its
    iterates are lower bounds, so once one exceeds `enough` it is returned as it is."""
    s = profile.supporters[j]
    bs = budgets[s]
    w_s = pre["w_s"][j]
    cost = float(profile.cost[j])
    if float(w_s @ bs) < cost:
        return None
    u = pre["u_f"][j]
    r0 = cost / profile.total_utility[j]
    uniform = pre["uniform"][j]
    if (bs.min() / uniform if uniform is not None else (bs / u).min()) >= r0:
        return r0
    solved = newton_rho(bs, u, w_s, pre["wu"][j], cost, max(r0, start), enough)
    return None if solved is None else solved[0]


def _tie_settled(profile: Profile, pre: dict, w: int, k: int, lo: np.ndarray,
                 rank: list[int], worst: float) -> bool:
    """A near-tie is harmless when both rhos are the flat cost/total-utility (everyone pays
    the equal share even on low budgets) and, exactly, w's is lower or equal and wins the tie."""
    flat_w = profile.cost[w] / profile.total_utility[w]
    flat_k = profile.cost[k] / profile.total_utility[k]
    if worst != flat_w or _rho_at(profile, pre, k, lo) != flat_k:
        return False
    lhs = profile.cost[w] * profile.total_utility[k]
    rhs = profile.cost[k] * profile.total_utility[w]
    return lhs < rhs or (lhs == rhs and rank[w] < rank[k])


def same_outcome(profile: Profile, trace: list[int], low: Fraction, high: Fraction,
                 rank: list[int], exclude: set[int] | None = None) -> bool:
    """True only if MES selects exactly `trace` for every per-voter budget in [low, high]."""
    pre = _precompute(profile)
    exclude = exclude or set()
    lo = np.full(len(profile.weight), float(low))
    hi = np.full(len(profile.weight), float(high))
    active = {j for j in range(profile.n_projects)
              if j not in exclude and profile.total_utility[j] > 0 and profile.cost[j] > 0}
    bound = {j: profile.cost[j] / profile.total_utility[j] for j in active}  # on high budgets
    fresh: set[int] = set()
    for w in trace:
        if profile.cost[w] == 0:
            continue
        worst = _rho_at(profile, pre, w, lo)
        best = _rho_at(profile, pre, w, hi)
        if worst is None or best is None or w not in active:
            return False
        active.discard(w)
        limit = worst * (1 + MARGIN)
        for k in sorted(active, key=bound.get):
            if bound[k] > limit:
                break  # stale bounds only rise: nobody further can catch up
            if k not in fresh:
                r = _rho_at(profile, pre, k, hi, bound[k], limit)
                if r is None:
                    active.discard(k)  # unaffordable even on high budgets: out for good
                    continue
                bound[k] = r
                if r <= limit:
                    fresh.add(k)  # else only a lower bound, which is all this step needs
            if bound[k] <= limit and not _tie_settled(profile, pre, w, k, lo, rank, worst):
                return False
        s = profile.supporters[w]
        u = pre["u_f"][w]
        lo[s] = np.maximum(lo[s] - worst * u * (1 + MARGIN), 0.0)
        hi[s] = np.maximum(hi[s] - best * u * (1 - MARGIN), 0.0)
        fresh.difference_update(pre["overlap"][w])
    for k in active:
        if float(pre["w_s"][k] @ hi[profile.supporters[k]]) >= profile.cost[k] * (1 - MARGIN):
            return False  # might still be affordable somewhere in the interval
    return True
