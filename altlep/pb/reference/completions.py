"""Completions of MES: what to do with the money plain MES leaves unspent.

- none: MES with budget / voters each.
- add1 (pabutools' `voter_budget_increment=1`): raise every voter's budget by one currency unit
  at a time until the outcome is exhaustive (no other wanted project fits in the budget), or
  would overspend (then the previous outcome stands; before the first raise that is the free
  projects alone).
- add1-full: as add1, but it stops only when every wanted project is selected or before
  overspending (how Wieliczka's 2023 official result was counted).
- add1u (equalshares.net): if plain MES is exhaustive over all projects, keep it; otherwise
  start from the per-voter budget rounded down to a whole unit and raise it one unit at a time
  while the outcome is not exhaustive and the next outcome still fits. Then complete greedily.

Raising stops, too, once each voter alone holds the cost of every project: from there no
supporter ever runs short, every wanted project is selected at the price cost / total
satisfaction, and more money cannot change the outcome (add1u would otherwise raise forever
when the projects that do not fit are wanted by nobody).
"""

from __future__ import annotations

import math
from fractions import Fraction

from altlep.pb.reference.greedy import greedy
from altlep.pb.reference.instance import Instance
from altlep.pb.reference.mes import equal_shares

COMPLETIONS = ("none", "add1", "add1u", "add1-full")


def exhaustive(instance: Instance, chosen: list[str], pool: list[str]) -> bool:
    """No project of the pool that is not chosen still fits in the budget."""
    spent = instance.spent(chosen)
    return not any(spent + instance.cost[p] <= instance.budget for p in pool if p not in chosen)


def mes_completed(instance: Instance, completion: str = "add1") -> list[str]:
    if completion not in COMPLETIONS:
        raise ValueError(f"unknown completion '{completion}'; choose from {COMPLETIONS}")
    n = len(instance.ballots)
    start = instance.budget / n if n else Fraction(0)
    outcome = equal_shares(instance, start)
    if completion == "none" or n == 0:
        return outcome
    if completion == "add1u":
        return _add1u(instance, start, outcome)
    wanted = [
        p for p in instance.projects if instance.total_satisfaction(p) > 0 and instance.cost[p] > 0
    ]
    free = [p for p in outcome if instance.cost[p] == 0]
    previous, per_voter = free, start
    while True:
        if instance.spent(outcome) > instance.budget:
            return previous
        if completion == "add1" and exhaustive(instance, outcome, wanted):
            return outcome
        if set(wanted) <= set(outcome):
            return outcome
        previous, per_voter = outcome, per_voter + 1
        outcome = equal_shares(instance, per_voter)


def _add1u(instance: Instance, start: Fraction, outcome: list[str]) -> list[str]:
    everything = instance.projects
    if not exhaustive(instance, outcome, everything):
        per_voter = Fraction(math.floor(start))
        enough = instance.spent(everything)
        while not exhaustive(instance, outcome, everything) and per_voter < enough:
            following = equal_shares(instance, per_voter + 1)
            if instance.spent(following) > instance.budget:
                break
            outcome, per_voter = following, per_voter + 1
    return outcome + greedy(instance, already=outcome)
