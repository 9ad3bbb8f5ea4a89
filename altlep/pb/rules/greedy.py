"""Greedy utilitarian welfare: best score per cost first, as pabutools' additive greedy.

Scores are exact (integers / Fractions), so the order never depends on float rounding.
Approval and choose-1 use Cost_Sat, under which score per cost is the number of approvals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from altlep.pb.profile import Profile

INFINITE = Fraction(10) ** 100  # stands in for "free and wanted": above any real density


@dataclass
class GreedyOutcome:
    """Winners in selection order and, for each project, why it was or was not chosen."""

    winners: list[int]
    density: list[Fraction]
    reasons: dict[int, str] = field(default_factory=dict)
    left_when_reached: dict[int, int] = field(default_factory=dict)


def density(profile: Profile, j: int) -> Fraction:
    """Total satisfaction per unit of cost (pabutools: 0 with no support, infinite if free)."""
    total = profile.total_utility[j]
    if total <= 0:
        return Fraction(0)
    if profile.cost[j] == 0:
        return INFINITE
    return Fraction(total, profile.cost[j])


def score(profile: Profile, j: int) -> Fraction:
    """Total score as pabulib's official greedy counts it: votes (approval), points
    (cumulative/scoring), or k, k-1, ..., 1 for a ballot ranking k projects (ordinal)."""
    if profile.sat == "cost":
        return Fraction(profile.votes[j])
    if profile.sat == "borda":
        # pabutools' Borda gives k-1..0; the official count gives one more point per ranking.
        return Fraction(profile.total_utility[j] + profile.votes[j])
    return Fraction(profile.total_utility[j])


def greedy(
    profile: Profile,
    rank: list[int],
    *,
    skip: bool = True,
    initial: list[int] | None = None,
    by: str = "density",
) -> GreedyOutcome:
    """Select by density (ties by `rank`); with skip=False stop at the first that does not fit.

    `initial` are projects already chosen (e.g. by MES) whose cost is taken off the budget.
    by="score" orders by total score instead of score per cost, as pabulib's official greedy
    (identical to density for approval under Cost_Sat).
    """
    chosen = list(initial or [])
    taken = set(chosen)
    remaining = profile.budget - sum(profile.cost[j] for j in chosen)
    if by not in ("density", "score"):
        raise ValueError("greedy orders by 'density' or 'score'")
    measure = density if by == "density" else score
    dens = [measure(profile, j) for j in range(profile.n_projects)]
    order = sorted(
        (j for j in range(profile.n_projects) if j not in taken), key=lambda j: (-dens[j], rank[j])
    )
    out = GreedyOutcome([], dens)
    stopped = False
    for j in order:
        out.left_when_reached[j] = remaining
        if stopped:
            out.reasons[j] = "stopped"
        elif profile.cost[j] <= remaining:
            out.winners.append(j)
            out.reasons[j] = "selected"
            remaining -= profile.cost[j]
        else:
            out.reasons[j] = "did_not_fit"
            stopped = not skip
    return out
