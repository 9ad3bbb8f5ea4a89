"""Greedy utilitarian welfare (pabutools' `greedy_utilitarian_welfare`).

Projects are taken in decreasing order of total satisfaction per unit of cost (ties by the tie
order); each is selected if it still fits in what is left of the budget, otherwise skipped
(or, without skipping, the count stops there). A free project that someone wants comes first;
one nobody wants scores 0.
"""

from __future__ import annotations

from fractions import Fraction

from altlep.pb.reference.instance import Instance


def satisfaction_per_cost(instance: Instance, project: str) -> tuple[int, Fraction]:
    """A sort key: (1, 0) for a free, wanted project, above every (0, density)."""
    total = instance.total_satisfaction(project)
    if total == 0:
        return (0, Fraction(0))
    if instance.cost[project] == 0:
        return (1, Fraction(0))
    return (0, total / instance.cost[project])


def greedy(instance: Instance, *, skip: bool = True, already: list[str] = ()) -> list[str]:
    """Winners in selection order, after the projects `already` chosen (e.g. by MES)."""
    chosen = list(already)
    left = instance.budget - instance.spent(chosen)
    rest = [p for p in instance.projects if p not in chosen]
    rest.sort(key=lambda p: instance.rank[p])
    rest.sort(key=lambda p: satisfaction_per_cost(instance, p), reverse=True)
    for project in rest:
        if instance.cost[project] <= left:
            chosen.append(project)
            left -= instance.cost[project]
        elif not skip:
            break
    return chosen[len(already) :]
