"""Exact rational state of an MES run, replayed only when a float decision is too close to call.

Voters whose ballots gave them the same payments so far have the same budget, so budgets are
kept as a small table of exact `Fraction` values ("classes") plus one class id per ballot group.
A payment splits classes by (old class, utility), so the exact work per winner is proportional
to the number of distinct budgets among its supporters, not to the number of voters.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from altlep.pb.profile import Profile


class ExactBudgets:
    """Exact voter budgets for one MES run, kept in step with a list of winners on demand."""

    def __init__(self, profile: Profile, per_voter: Fraction) -> None:
        self.profile = profile
        self.cls = np.ones(len(profile.weight), dtype=np.int64)
        self.values: list[Fraction] = [Fraction(0), Fraction(per_voter)]
        self.applied = 0

    def float_budgets(self) -> np.ndarray:
        """Budgets as floats, to reset the fast path after a replay (removes drift)."""
        table = np.array([float(v) for v in self.values])
        return table[self.cls]

    def _items(self, j: int) -> tuple[list[Fraction], list[int], list[int], np.ndarray, np.ndarray]:
        """Distinct (budget, utility) pairs among j's supporters with their voter counts."""
        p = self.profile
        s, u = p.supporters[j], p.utility[j]
        uniq_u, u_idx = np.unique(u, return_inverse=True)
        key = self.cls[s] * len(uniq_u) + u_idx
        keys, inv = np.unique(key, return_inverse=True)
        counts = np.bincount(inv, weights=p.weight[s].astype(np.float64))
        vals = [self.values[int(k) // len(uniq_u)] for k in keys]
        utils = [int(uniq_u[int(k) % len(uniq_u)]) for k in keys]
        return vals, utils, [round(float(c)) for c in counts], keys, inv

    def total(self, j: int) -> Fraction:
        """Exact money j's supporters hold."""
        vals, _, counts, _, _ = self._items(j)
        return sum((v * c for v, c in zip(vals, counts, strict=True)), Fraction(0))

    def rho(self, j: int) -> Fraction | None:
        """Exact least rho with sum of min(budget, rho * utility) = cost; None if unaffordable."""
        vals, utils, counts, _, _ = self._items(j)
        cost = self.profile.cost[j]
        if sum((v * c for v, c in zip(vals, counts, strict=True)), Fraction(0)) < cost:
            return None
        order = sorted(range(len(vals)), key=lambda k: vals[k] / utils[k])
        paid = Fraction(0)
        denominator = self.profile.total_utility[j]
        for k in order:
            candidate = (cost - paid) / denominator
            if candidate * utils[k] <= vals[k]:
                return candidate
            paid += vals[k] * counts[k]
            denominator -= utils[k] * counts[k]
        return None  # unreachable when the total covers the cost

    def pay(self, j: int, rho: Fraction) -> None:
        """Apply j's payments: every supporter pays min(budget, rho * utility)."""
        vals, utils, _, _, inv = self._items(j)
        new_ids = []
        for v, ut in zip(vals, utils, strict=True):
            left = v - rho * ut
            if left <= 0:
                new_ids.append(0)
            else:
                new_ids.append(len(self.values))
                self.values.append(left)
        s = self.profile.supporters[j]
        self.cls[s] = np.asarray(new_ids, dtype=np.int64)[inv]
        self.applied += 1

    def sync(self, winners: list[int], known: dict[int, Fraction]) -> None:
        """Replay, exactly, the winners not applied yet; fills `known` with their exact rho."""
        while self.applied < len(winners):
            j = winners[self.applied]
            if self.profile.cost[j] == 0:
                self.applied += 1  # free projects cost nobody anything
                continue
            rho = known.get(j)
            if rho is None:
                rho = self.rho(j)
                if rho is None:
                    raise ArithmeticError(f"winner {self.profile.ids[j]} unaffordable in replay")
                known[j] = rho
            self.pay(j, rho)
