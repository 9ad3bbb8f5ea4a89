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


class _Slopes:
    """Bounds, valid for every per-voter budget b in [low, high], on how fast each voter's
    money moves with b (it never falls: more for everyone means smaller shares), kept in
    step with the winners; and the point replays at low and high themselves.

    A project's rho solves sum of w * min(budget, rho * u) = cost, so its derivative is
    -(sum over those paying all they have of w * d budget) / (sum over full payers of w * u).
    Voters whose status is the same throughout the interval (read off the interval bounds)
    count exactly; the unsure ones are counted either way, which bounds the derivative."""

    def __init__(self, profile: Profile, pre: dict, low: Fraction, high: Fraction) -> None:
        self.p, self.pre = profile, pre
        n = len(profile.weight)
        self.width = float(high - low)
        self.at_low = np.full(n, float(low))
        self.at_high = np.full(n, float(high))
        self.fast = np.ones(n)  # upper bound on d(money)/db
        self.slow = np.ones(n)  # lower bound on d(money)/db

    def bounds(self, j: int, lo: np.ndarray, hi: np.ndarray, top: float, bottom: float
               ) -> tuple[float, float, np.ndarray, np.ndarray] | None:
        """Steepest and gentlest d(rho_j)/db, given rho_j stays within [bottom, top] and
        budgets within [lo, hi]; also who surely pays in full and who surely cannot."""
        s = self.p.supporters[j]
        u = self.pre["u_f"][j]
        w_s = self.pre["w_s"][j]
        wu = self.pre["wu"][j]
        full = lo[s] >= top * u
        short = hi[s] < bottom * u
        paid = float(wu @ full)
        if paid <= 0:
            return None  # nobody surely pays in full: rho may jump
        unsure = float(wu @ ~(full | short))
        steep = -float(w_s @ np.where(full, 0.0, self.fast[s])) / paid
        gentle = -float(w_s @ np.where(short, self.slow[s], 0.0)) / (paid + unsure)
        return steep, gentle, full, short

    def pay(self, j: int, at_low: float, at_high: float,
            slope: tuple[float, float, np.ndarray, np.ndarray]) -> None:
        s = self.p.supporters[j]
        u = self.pre["u_f"][j]
        steep, gentle, full, short = slope
        self.at_low[s] = np.maximum(self.at_low[s] - at_low * u, 0.0)
        self.at_high[s] = np.maximum(self.at_high[s] - at_high * u, 0.0)
        # full payers keep d(money) - u * d(rho); those who pay all they have keep nothing
        self.fast[s] = np.where(short, 0.0, self.fast[s] - steep * u)
        self.slow[s] = np.where(full, self.slow[s] - gentle * u, 0.0)

    def apart(self, w: tuple[float, float, float, float, float], k: int, lo: np.ndarray,
              hi: np.ndarray, hint: list[float] | None = None) -> bool:
        """True if rival k's rho stays clearly above the winner's throughout [low, high].

        w is the winner's (rho at low, rho at high, steepest and gentlest slope, margin).
        The gap g = rho_k - rho_w is known at both ends and its slope is bounded, so on
        [low, high] it stays above both lines through the ends with the extreme slopes.
        If the gap changes sign, where it does so (straight line between the ends, as a rise
        of the per-voter budget over low) is appended to `hint`."""
        w_low, w_high, w_steep, w_gentle, margin = w
        p, pre = self.p, self.pre
        # budgets rise from lo to at_low to at_high to hi, so each rho below starts Newton's
        # method from the next one's (a lower bound), which it then needs few steps from
        bottom = _rho_at(p, pre, k, hi)
        k_high = None if bottom is None else _rho_at(p, pre, k, self.at_high, bottom)
        k_low = None if k_high is None else _rho_at(p, pre, k, self.at_low, k_high)
        top = None if k_low is None else _rho_at(p, pre, k, lo, k_low)
        if top is None or bottom is None or k_low is None or k_high is None:
            return False
        slope = self.bounds(k, lo, hi, top, bottom)
        if slope is None:
            return False
        fall = (slope[0] - w_gentle) * (1 + 1e-9)  # the gap's slope lies in [fall, rise]
        rise = (slope[1] - w_steep) * (1 + 1e-9)
        g_low, g_high, width = k_low - w_low, k_high - w_high, self.width
        if hint is not None and g_low > 0 > g_high:
            hint.append(width * g_low / (g_low - g_high))
        if fall >= 0:
            least = g_low
        elif rise <= 0:
            least = g_high
        else:
            x = min(max((g_high - g_low - width * rise) / (fall - rise), 0.0), width)
            least = max(g_low + x * fall, g_high - (width - x) * rise)
        return least > margin


def same_outcome(profile: Profile, trace: list[int], low: Fraction, high: Fraction,
                 rank: list[int], exclude: set[int] | None = None,
                 hint: list[float] | None = None) -> bool:
    """True only if MES selects exactly `trace` for every per-voter budget in [low, high].

    A rival is first compared on the interval bounds (its rho on high budgets against the
    winner's on low ones). Only if that is too coarse somewhere is the proof redone with the
    slopes of both rhos (`_Slopes`), which costs about twice as much.
    On failure, `hint` may receive a guess of how far above low a rival overtakes."""
    # How often lately the coarse pass could not decide (decaying; per election): when it
    # usually cannot, go straight to the slopes.
    undecided = profile.cache.get("coarse_undecided", 0.0)
    if undecided < 0.5:
        coarse = _prove(profile, trace, low, high, rank, exclude or set(), hint, False)
        profile.cache["coarse_undecided"] = 0.8 * undecided + 0.2 * (coarse is None)
        if coarse is not None:
            return coarse
    else:
        profile.cache["coarse_undecided"] = 0.98 * undecided  # try the coarse pass again later
    return bool(_prove(profile, trace, low, high, rank, exclude or set(), hint, True))


def _prove(profile: Profile, trace: list[int], low: Fraction, high: Fraction,
           rank: list[int], exclude: set[int], hint: list[float] | None,
           with_slopes: bool) -> bool | None:
    """`same_outcome`, with or without slopes; None if a rival needs them and they are off."""
    pre = _precompute(profile)
    lo = np.full(len(profile.weight), float(low))
    hi = np.full(len(profile.weight), float(high))
    slopes = _Slopes(profile, pre, low, high) if with_slopes else None
    active = {j for j in range(profile.n_projects)
              if j not in exclude and profile.total_utility[j] > 0 and profile.cost[j] > 0}
    bound = {j: profile.cost[j] / profile.total_utility[j] for j in active}  # on high budgets
    fresh: set[int] = set()
    for w in trace:
        if profile.cost[w] == 0:
            continue
        if w not in active:
            return False
        best = _rho_at(profile, pre, w, hi)  # each next one starts from the one before
        if slopes is not None:
            w_high = None if best is None else _rho_at(profile, pre, w, slopes.at_high, best)
            w_low = None if w_high is None else _rho_at(profile, pre, w, slopes.at_low, w_high)
            if w_low is None or w_high is None:
                return False
            worst = _rho_at(profile, pre, w, lo, w_low)
        else:
            worst = None if best is None else _rho_at(profile, pre, w, lo, best)
        if worst is None or best is None:
            return False
        if slopes is not None:
            slope = slopes.bounds(w, lo, hi, worst, best)
            if slope is None:
                return False
            winner = (w_low, w_high, slope[0], slope[1], 4 * MARGIN * worst)
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
                if slopes is None:
                    return None
                if not slopes.apart(winner, k, lo, hi, hint):
                    return False
        s = profile.supporters[w]
        u = pre["u_f"][w]
        if slopes is not None:
            slopes.pay(w, w_low, w_high, slope)
        lo[s] = np.maximum(lo[s] - worst * u * (1 + MARGIN), 0.0)
        hi[s] = np.maximum(hi[s] - best * u * (1 - MARGIN), 0.0)
        fresh.difference_update(pre["overlap"][w])
    for k in active:
        if float(pre["w_s"][k] @ hi[profile.supporters[k]]) >= profile.cost[k] * (1 - MARGIN):
            return False  # might still be affordable somewhere in the interval
    return True
