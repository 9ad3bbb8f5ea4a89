"""Method of Equal Shares for one fixed per-voter budget (the completions loop over this).

Each voter starts with the same budget; in every round the project whose supporters can pay
for it at the lowest rho (each pays min(budget, rho * utility)) is selected. Utilities are
cost (pabutools' Cost_Sat) for approval, points for cumulative/scoring, Borda for ordinal.

Speed: budgets are a float array over merged ballots, rho is recomputed only for projects whose
stale value (a lower bound, since budgets only shrink) could still be the best, and only if one
of their supporters paid since. Exactness: whenever two candidates' rho, or a project's cost
and its supporters' money, are within a relative 1e-9, the decision is taken with exact
Fractions (`ExactBudgets` replays the run so far), so ties and knife-edge cases come out
exactly as in pabutools' rational arithmetic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from altlep.pb.profile import Profile
from altlep.pb.rules.exact import ExactBudgets

EPS = 1e-9  # relative margin under which a float comparison is confirmed exactly


@dataclass
class MesRun:
    """Outcome of one MES run: winners in order, their rho, and the money trail if asked."""

    per_voter: Fraction
    winners: list[int]
    rho: dict[int, float]
    rho_exact: dict[int, Fraction]
    budgets: np.ndarray
    exact_checks: int = 0
    payments: dict[int, tuple[np.ndarray, np.ndarray, float]] = field(default_factory=dict)
    dropped_after: dict[int, int] = field(default_factory=dict)


def _precompute(profile: Profile) -> dict:
    """Per-project float arrays and which projects share supporters (cached on the profile)."""
    cached = profile.cache.get("mes")
    if cached is not None:
        return cached
    w = profile.weight.astype(np.float64)
    pre: dict = {"w_s": [], "u_f": [], "wu": [], "uniform": []}
    n_groups = len(w)
    for s, u in zip(profile.supporters, profile.utility, strict=True):
        uf = u.astype(np.float64)
        pre["w_s"].append(w[s])
        pre["u_f"].append(uf)
        pre["wu"].append(w[s] * uf)
        pre["uniform"].append(float(uf[0]) if len(uf) and (uf == uf[0]).all() else None)
    member = np.zeros((profile.n_projects, n_groups), dtype=np.float32)
    for j, s in enumerate(profile.supporters):
        member[j, s] = 1.0
    overlap = (member @ member.T) > 0 if n_groups else np.zeros((0, 0), dtype=bool)
    pre["overlap"] = [np.flatnonzero(row).tolist() for row in overlap]
    profile.cache["mes"] = pre
    return pre


class _Mes:
    def __init__(self, profile: Profile, rank: list[int], per_voter: Fraction,
                 exclude: set[int], explain: bool) -> None:
        self.p = profile
        self.rank = rank
        self.pre = _precompute(profile)
        self.per_voter = Fraction(per_voter)
        self.b = np.full(len(profile.weight), float(per_voter))
        self.explain = explain
        self.exact: ExactBudgets | None = None
        self.rho_exact: dict[int, Fraction] = {}
        self.fresh_exact: dict[int, Fraction] = {}
        self.run = MesRun(self.per_voter, [], {}, self.rho_exact, self.b)

    def _exact(self) -> ExactBudgets:
        """Exact budgets, replayed up to now; float budgets are reset from them."""
        if self.exact is None:
            self.exact = ExactBudgets(self.p, self.per_voter)
        self.exact.sync(self.run.winners, self.rho_exact)
        self.b[:] = self.exact.float_budgets()
        self.run.exact_checks += 1
        return self.exact

    def _rho(self, j: int) -> float | None:
        """Float rho of j, or None if unaffordable; exact when money and cost are too close."""
        s = self.p.supporters[j]
        bs = self.b[s]
        w_s = self.pre["w_s"][j]
        cost = float(self.p.cost[j])
        total = float(w_s @ bs)
        if total < cost * (1 - EPS):
            return None
        if total <= cost * (1 + EPS):
            exact = self._exact().rho(j)
            if exact is not None:
                self.fresh_exact[j] = exact
                return float(exact)
            return None
        r0 = cost / self.p.total_utility[j]
        uniform = self.pre["uniform"][j]
        if uniform is not None:
            if bs.min() >= r0 * uniform:
                return r0  # everyone can pay the equal share: the common case
            ratio = bs / uniform
        else:
            ratio = bs / self.pre["u_f"][j]
            if ratio.min() >= r0:
                return r0
        order = np.argsort(ratio, kind="stable")
        sorted_ratio = ratio[order]
        wb = (w_s * bs)[order]
        wu = self.pre["wu"][j][order]
        paid_before = np.cumsum(wb) - wb
        util_left = self.p.total_utility[j] - (np.cumsum(wu) - wu)
        with np.errstate(divide="ignore", invalid="ignore"):
            candidate = (cost - paid_before) / util_left
        ok = candidate <= sorted_ratio
        if not ok.any():
            return None
        return float(candidate[int(np.argmax(ok))])

    def _choose(self, close: list[int], value: dict[int, float]) -> tuple[int | None, list[int]]:
        """Exact winner among near-equal candidates; also returns any found unaffordable."""
        exact = self._exact()
        rhos = {}
        dropped = []
        for j in close:
            r = self.fresh_exact.get(j) or exact.rho(j)
            if r is None:
                dropped.append(j)
            else:
                rhos[j] = r
                self.fresh_exact[j] = r
                value[j] = float(r)
        if not rhos:
            return None, dropped
        best = min(rhos.values())
        winner = min((j for j, r in rhos.items() if r == best), key=lambda j: self.rank[j])
        self.rho_exact[winner] = best
        return winner, dropped

    def count(self, exclude: set[int]) -> MesRun:
        p, run = self.p, self.run
        active = set()
        for j in sorted(range(p.n_projects), key=lambda j: self.rank[j]):
            if j in exclude or p.total_utility[j] <= 0:
                continue
            if p.cost[j] == 0:
                run.winners.append(j)  # free and wanted: pabutools takes these first
                run.rho[j] = 0.0
            else:
                active.add(j)
        lower = {j: p.cost[j] / p.total_utility[j] for j in active}
        fresh = dict.fromkeys(active, False)
        while active:
            best = math.inf
            evaluated = []
            for j in sorted(active, key=lambda k: (lower[k], self.rank[k])):
                if lower[j] > best * (1 + EPS):
                    break  # stale values are lower bounds: nobody further can win
                if not fresh[j]:
                    r = self._rho(j)
                    if r is None:
                        active.discard(j)
                        run.dropped_after[j] = len(run.winners)
                        continue
                    lower[j] = r
                    fresh[j] = True
                evaluated.append(j)
                best = min(best, lower[j])
            if not evaluated:
                break
            close = [j for j in evaluated if lower[j] <= best * (1 + EPS)]
            if len(close) == 1:
                winner = close[0]
                if winner in self.fresh_exact:
                    self.rho_exact[winner] = self.fresh_exact[winner]
            else:
                winner, dropped = self._choose(close, lower)
                for j in dropped:
                    active.discard(j)
                    run.dropped_after[j] = len(run.winners)
                if winner is None:
                    continue
            self._pay(winner, lower[winner])
            active.discard(winner)
            for k in self.pre["overlap"][winner]:
                if k in fresh:
                    fresh[k] = False
                    self.fresh_exact.pop(k, None)
        run.budgets = self.b
        return run

    def _pay(self, j: int, rho: float) -> None:
        run = self.run
        exact = self.rho_exact.get(j)
        if exact is not None:
            rho = float(exact)
        s = self.p.supporters[j]
        bs = self.b[s]
        left = np.maximum(bs - rho * self.pre["u_f"][j], 0.0)
        if self.explain:
            run.payments[j] = (s, bs - left, float(self.pre["w_s"][j] @ bs))
        self.b[s] = left
        run.winners.append(j)
        run.rho[j] = rho


def mes(profile: Profile, rank: list[int], per_voter: Fraction, *,
        exclude: set[int] | None = None, explain: bool = False) -> MesRun:
    """One MES run with the given per-voter budget (in scaled money units)."""
    engine = _Mes(profile, rank, per_voter, exclude or set(), explain)
    return engine.count(exclude or set())
