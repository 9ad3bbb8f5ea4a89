"""Completions of MES: raising the per-voter budget until the outcome uses the money well.

- ``none``: MES with budget/voters each.
- ``add1``: pabutools' `voter_budget_increment=1`: +1 currency unit per voter until the outcome
  is exhaustive (nothing else fits) or would overspend (then the previous outcome is kept).
- ``add1u``: equalshares.net's: if plain MES is not exhaustive, restart from the per-voter
  budget rounded down to a whole unit, +1 per voter while the next outcome still fits and the
  current one is not exhaustive; then complete greedily (approval count / points).
- ``add1-full``: like add1 but does not stop at exhaustiveness, only before overspending
  (reproduces Wieliczka 2023's official result).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from altlep.pb.profile import Profile
from altlep.pb.rules.greedy import greedy
from altlep.pb.rules.mes import MesRun, mes

COMPLETIONS = ("none", "add1", "add1u", "add1-full")
MAX_ROUNDS = 1_000_000  # a guard only; real elections stop after at most a few thousand


@dataclass
class Completed:
    """The final MES run, any greedy additions after it, and how many runs it took."""

    run: MesRun
    greedy_added: list[int]
    rounds: int

    @property
    def winners(self) -> list[int]:
        return self.run.winners + self.greedy_added


def _cost(profile: Profile, winners: list[int]) -> int:
    return sum(profile.cost[j] for j in winners)


def _exhaustive(profile: Profile, winners: list[int], pool: list[int]) -> bool:
    left = profile.budget - _cost(profile, winners)
    chosen = set(winners)
    return not any(profile.cost[j] <= left for j in pool if j not in chosen)


def mes_completed(profile: Profile, rank: list[int], completion: str = "add1",
                  *, greedy_after: bool = False) -> Completed:
    """MES with the named completion; greedy_after adds greedy utilitarian at the end."""
    if completion not in COMPLETIONS:
        raise ValueError(f"unknown completion '{completion}'; choose from {COMPLETIONS}")
    n = profile.n_voters
    if n == 0:
        run = mes(profile, rank, Fraction(0))
        return Completed(run, _greedy_rest(profile, rank, run.winners, greedy_after), 1)
    start = Fraction(profile.budget, n)
    unit = profile.scale  # one currency unit in scaled money
    candidates = [j for j in range(profile.n_projects)
                  if profile.total_utility[j] > 0 and profile.cost[j] > 0]
    run = mes(profile, rank, start)
    rounds = 1
    if completion == "add1u":
        if not _exhaustive(profile, run.winners, list(range(profile.n_projects))):
            per_voter = Fraction(math.floor(start / unit) * unit)
            while rounds < MAX_ROUNDS:
                if _exhaustive(profile, run.winners, list(range(profile.n_projects))):
                    break
                following = mes(profile, rank, per_voter + unit)
                rounds += 1
                if _cost(profile, following.winners) > profile.budget:
                    break
                run, per_voter = following, per_voter + unit
        greedy_after = True
    elif completion in ("add1", "add1-full"):
        previous: MesRun | None = None
        per_voter = start
        while rounds < MAX_ROUNDS:
            if _cost(profile, run.winners) > profile.budget:
                run = previous if previous is not None else _free_only(profile, rank, run)
                break
            if completion == "add1" and _exhaustive(profile, run.winners, candidates):
                break
            if len(set(run.winners) & set(candidates)) == len(candidates):
                break  # everything wanted is in: more money cannot change the outcome
            previous = run
            per_voter += unit
            run = mes(profile, rank, per_voter)
            rounds += 1
    return Completed(run, _greedy_rest(profile, rank, run.winners, greedy_after), rounds)


def _free_only(profile: Profile, rank: list[int], run: MesRun) -> MesRun:
    """pabutools' fallback when even the first outcome overspends: only the free projects."""
    free = [j for j in run.winners if profile.cost[j] == 0]
    return MesRun(run.per_voter, free, {j: 0.0 for j in free}, {}, run.budgets)


def _greedy_rest(profile: Profile, rank: list[int], winners: list[int], on: bool) -> list[int]:
    if not on:
        return []
    return greedy(profile, rank, initial=winners).winners
