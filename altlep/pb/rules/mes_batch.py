"""MES for several per-voter budgets at once: one count, NumPy columns instead of repeated runs.

The add1 completions need MES at consecutive per-voter budgets, and in small and mid-sized
elections the outcome changes every few steps, so each step needs its own count. A count of a
few thousand ballot groups costs mostly Python and NumPy call overhead, not arithmetic, so
here the budgets of K steps are the K columns of one array and every rho, payment and
comparison is done for all columns in the same call. Columns that pick different winners are
split off and continue on their own.

This is a fast path only. It takes the same float decisions as `rules/mes.py`; wherever that
module would confirm a decision exactly (rivals' rho, or a project's cost and its supporters'
money, within a relative 1e-9) the column is given up and the caller counts it with `mes`.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from altlep.pb.profile import Profile
from altlep.pb.rules.mes import EPS, _precompute, _sorted_rho


def mes_batch(profile: Profile, rank: list[int], per_voter: list[Fraction]
              ) -> list[list[int] | None]:
    """MES winners for each per-voter budget; None where a close call needs the exact count."""
    pre = _precompute(profile)
    m = profile.n_projects
    winners: list[int] = []
    active = np.zeros(m, dtype=bool)
    for j in sorted(range(m), key=lambda j: rank[j]):
        if profile.total_utility[j] <= 0:
            continue
        if profile.cost[j] == 0:
            winners.append(j)  # free and wanted: taken first, as in `mes`
        else:
            active[j] = True
    k = len(per_voter)
    budgets = np.tile(np.array([float(b) for b in per_voter]), (len(profile.weight), 1))
    flat = np.full(m, math.inf)
    for j in np.flatnonzero(active):
        flat[j] = profile.cost[j] / profile.total_utility[j]
    lower = np.repeat(flat[:, None], k, axis=1)  # lower bounds on rho, per project and column
    out: list[list[int] | None] = [None] * k
    _Batch(profile, pre, np.asarray(rank), out).count(
        np.arange(k), budgets, winners, active, lower, np.zeros((m, k), dtype=bool),
        np.zeros((m, k), dtype=bool))
    return out


class _Batch:
    def __init__(self, profile: Profile, pre: dict, rank: np.ndarray,
                 out: list[list[int] | None]) -> None:
        self.p, self.pre, self.rank, self.out = profile, pre, rank, out

    def count(self, cols: np.ndarray, b: np.ndarray, winners: list[int], active: np.ndarray,
              lower: np.ndarray, flat: np.ndarray, fresh: np.ndarray) -> None:
        """Count the columns `cols` (budgets b, one column each) from a shared history on.

        lower[j, c] bounds j's rho in column c from below (exact when fresh[j, c]); flat[j, c]
        says it is exactly cost/total utility (everyone pays the equal share, with a margin).
        A rival's rho is only refined until it is clearly above the best so far (`_newton`'s
        iterates are lower bounds), so losers rarely cost a full solve.
        """
        while len(cols):
            candidates = np.flatnonzero(active)
            if not len(candidates):
                break
            least = lower[candidates].min(axis=1)
            best = np.full(len(cols), math.inf)
            evaluated = []
            edge = np.zeros(len(cols), dtype=bool)
            for j in candidates[np.lexsort((self.rank[candidates], least))]:
                if lower[j].min() > best.max() * (1 + EPS):
                    break  # stale values are lower bounds: nobody further can win anywhere
                cutoff = best * (1 + EPS)
                need = ~fresh[j] & (lower[j] <= cutoff)
                if need.any():
                    self._rho(j, b, need, cutoff, lower[j], flat[j], fresh[j], edge)
                    if np.isinf(lower[j]).all():
                        active[j] = False  # budgets only shrink: unaffordable for good
                        continue
                evaluated.append(int(j))
                best = np.minimum(best, lower[j])
            if not evaluated:  # nothing affordable is left, except on knife edges
                for c in cols[~edge]:
                    self.out[c] = list(winners)
                return
            values = lower[evaluated]
            pick = values.argmin(axis=0)
            top = values[pick, np.arange(len(cols))]
            values[pick, np.arange(len(cols))] = math.inf
            tied = np.isfinite(top) & (values.min(axis=0) <= top * (1 + EPS)) & ~edge
            for c in np.flatnonzero(tied):
                settled = self._flat_tie(evaluated, lower[evaluated, c], flat[evaluated, c])
                if settled is None:
                    edge[c] = True
                else:
                    pick[c] = settled
            done = np.isinf(top) & ~edge  # nothing affordable is left in these columns
            for c in cols[done]:
                self.out[c] = list(winners)
            keep = ~edge & ~done
            if not keep.all():
                cols, b, lower, flat, fresh, pick, top = (
                    cols[keep], b[:, keep], lower[:, keep], flat[:, keep], fresh[:, keep],
                    pick[keep], top[keep])
            if not len(cols):
                return
            chosen = np.asarray(evaluated)[pick]
            first = chosen[0]
            if (chosen != first).any():
                for w in np.unique(chosen):
                    sub = chosen == w
                    branch_active, branch_fresh = active.copy(), fresh[:, sub]
                    branch_b = b[:, sub]
                    self._pay(int(w), branch_b, top[sub], branch_active, branch_fresh)
                    self.count(cols[sub], branch_b, [*winners, int(w)], branch_active,
                               lower[:, sub], flat[:, sub], branch_fresh)
                return
            self._pay(int(first), b, top, active, fresh)
            winners = [*winners, int(first)]
        for c in cols:
            self.out[c] = list(winners)

    def _flat_tie(self, evaluated: list[int], values: np.ndarray, flat: np.ndarray
                  ) -> int | None:
        """Position in `evaluated` of the exact winner among near-equal rhos, when all of
        them are exactly cost/total utility (equal vote counts are common); else None."""
        best = values.min()
        close = np.flatnonzero(values <= best * (1 + EPS))
        if not flat[close].all():
            return None
        cost, total = self.p.cost, self.p.total_utility
        return int(min(close, key=lambda i: (Fraction(cost[evaluated[i]], total[evaluated[i]]),
                                            self.rank[evaluated[i]])))

    def _pay(self, j: int, b: np.ndarray, rho: np.ndarray, active: np.ndarray,
             fresh: np.ndarray) -> None:
        s = self.p.supporters[j]
        b[s] = np.maximum(b[s] - self.pre["u_f"][j][:, None] * rho[None, :], 0.0)
        active[j] = False
        fresh[self.pre["overlap_array"][j]] = False

    def _rho(self, j: int, b: np.ndarray, need: np.ndarray, cutoff: np.ndarray,
             lower: np.ndarray, flat: np.ndarray, fresh: np.ndarray, edge: np.ndarray) -> None:
        """Refine j's rho in the columns `need`, in place: exactly (fresh), or only until it
        is above `cutoff`. Unaffordable is inf; `flat` where it is surely cost/total utility;
        `edge` marks columns too close to call in floats (money within a relative EPS of the
        cost, or nobody able to pay in full)."""
        p, pre = self.p, self.pre
        s = p.supporters[j]
        bs = b[s]
        w_s = pre["w_s"][j]
        cost = float(p.cost[j])
        total = w_s @ bs
        edge |= need & (total >= cost * (1 - EPS)) & (total <= cost * (1 + EPS))
        short = need & (total <= cost * (1 + EPS))
        lower[short] = math.inf
        fresh[short] = True
        flat[short] = False
        ok = need & ~short
        if not ok.any():
            return
        r0 = cost / p.total_utility[j]
        u = pre["u_f"][j]
        uniform = pre["uniform"][j]
        if uniform is not None:
            least = bs.min(axis=0) / uniform
        else:
            least = (bs / u[:, None]).min(axis=0)
        everyone = ok & (least >= r0)
        lower[everyone] = r0
        fresh[everyone] = True
        flat[everyone] = least[everyone] >= r0 * (1 + EPS)
        solve = np.flatnonzero(ok & ~everyone)
        if len(solve):
            rho, settled, stuck = _newton(bs[:, solve], u, w_s, pre["wu"][j], cost,
                                          np.maximum(r0, lower[solve]), cutoff[solve])
            lower[solve] = rho
            fresh[solve] = settled
            flat[solve] = False
            edge[solve[stuck]] = True


def _newton(bs: np.ndarray, u: np.ndarray, w: np.ndarray, wu: np.ndarray, cost: float,
            start: np.ndarray, cutoff: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`newton_rho` for many columns: least rho with sum of w * min(bs, rho * u) = cost.

    Starts from a lower bound (the stale rho); money raised is concave in rho, so every
    iterate stays a lower bound, and a column stops early once it is above its cutoff.
    Returns the rhos, which are settled (exact), and which columns are on the knife edge
    (nobody can pay in full)."""
    rho = start.copy()
    stuck = np.zeros(len(rho), dtype=bool)
    above = np.zeros(len(rho), dtype=bool)
    moving = np.ones(len(rho), dtype=bool)
    u_col = u[:, None]
    for _ in range(60):
        share = u_col * rho
        gap = cost - w @ np.minimum(bs, share)
        moving &= gap > cost * 1e-15
        if not moving.any():
            break
        rich = wu @ (bs >= share)
        stuck |= moving & (rich <= 0)
        moving &= ~stuck
        rho += np.where(moving, gap, 0.0) / np.where(moving, rich, 1.0)
        over = moving & (rho > cutoff)  # above the best so far: a lower bound is enough
        above |= over
        moving &= ~over
    else:
        for c in np.flatnonzero(moving):  # not settled: sort, as `newton_rho` does
            solved = _sorted_rho(bs[:, c], u, w, wu, cost)
            if solved is None:
                stuck[c] = True
            else:
                rho[c] = solved[0]
    settled = ~above
    stuck |= settled & ~(bs >= u_col * rho).any(axis=0)
    return rho, settled, stuck
