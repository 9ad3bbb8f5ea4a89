"""Sequential Phragmén for approval ballots, as pabutools' `sequential_phragmen`.

Voters share the cost of projects they approve as "load"; each round the project whose
approvers would end with the lowest maximal load is chosen, and the count stops as soon as a
best project does not fit. A voter's load is always the new max load of the last winner it
approves, so exact loads are a short list of Fractions (one per winner) and a label per ballot
group; sums are taken in floats and confirmed exactly when two candidates are within 1e-9.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from altlep.pb.profile import Profile
from altlep.pb.rules.tuning import EPS


@dataclass
class PhragmenOutcome:
    """Winners in order with the max load each left its approvers with."""

    winners: list[int]
    load: dict[int, Fraction] = field(default_factory=dict)
    stopped_by: int | None = None  # the best project that did not fit
    exact_checks: int = 0


def phragmen(profile: Profile, rank: list[int]) -> PhragmenOutcome:
    """Sequential Phragmén; only approval and choose-1 elections."""
    if profile.vote_type not in ("approval", "choose-1"):
        raise ValueError("sequential Phragmén needs approval or choose-1 ballots")
    approvers = profile.approvers
    weight = profile.weight
    label = np.zeros(len(weight), dtype=np.int64)  # 0 = no load yet; k = k-th winner's load
    loads_f = [0.0]
    loads: list[Fraction] = [Fraction(0)]
    remaining = {j for j in range(profile.n_projects) if profile.cost[j] <= profile.budget}
    out = PhragmenOutcome([])
    spent = 0

    def exact(j: int) -> Fraction | None:
        if profile.votes[j] == 0:
            return None
        counts = np.bincount(
            label[approvers[j]], weights=weight[approvers[j]], minlength=len(loads)
        )
        total = sum((loads[k] * round(c) for k, c in enumerate(counts) if c), Fraction(0))
        return (total + profile.cost[j]) / profile.votes[j]

    while remaining:
        value: dict[int, float] = {}
        for j in remaining:
            if profile.votes[j] == 0:
                value[j] = math.inf
                continue
            a = approvers[j]
            total = float(np.dot(weight[a], np.asarray(loads_f)[label[a]])) if len(a) else 0.0
            value[j] = (total + profile.cost[j]) / profile.votes[j]
        best = min(value.values())
        close = [j for j in remaining if value[j] <= best * (1 + EPS) or value[j] == best]
        if len(close) > 1 and math.isfinite(best):
            out.exact_checks += 1
            exact_values = {j: exact(j) for j in close}
            low = min(exact_values.values())
            close = [j for j in close if exact_values[j] == low]
            new_load = low
        else:
            new_load = exact(close[0]) if math.isfinite(best) else None
        if any(spent + profile.cost[j] > profile.budget for j in close):
            out.stopped_by = min(close, key=lambda j: rank[j])
            break
        winner = min(close, key=lambda j: rank[j])
        out.winners.append(winner)
        remaining.discard(winner)
        spent += profile.cost[winner]
        if new_load is not None:
            out.load[winner] = new_load
            loads.append(new_load)
            loads_f.append(float(new_load))
            label[approvers[winner]] = len(loads) - 1
    return out
