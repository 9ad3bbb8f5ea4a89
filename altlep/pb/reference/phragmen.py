"""Sequential Phragmén for approval ballots (pabutools' `sequential_phragmen`).

Phragmén (1894), as stated for participatory budgeting by Los, Christoff and Grossi (2022):
voters carry a load, starting at 0. Each round, for every project p still open, the load its
approvers would all end with if they shared its cost is

    (sum of their loads + cost(p)) / (number of approvers)      (infinite with no approvers);

the project with the least such load is selected (ties by the tie order) and its approvers'
loads become that value. Projects costing more than the budget never enter; the count stops
as soon as one of the projects tied for the least load does not fit in what is left.
"""

from __future__ import annotations

import math
from fractions import Fraction

from altlep.pb.reference.instance import Instance


def phragmen(instance: Instance) -> list[str]:
    load = [Fraction(0)] * len(instance.approvals)
    open_projects = [p for p in instance.projects if instance.cost[p] <= instance.budget]
    winners: list[str] = []
    while open_projects:
        new_load = {p: _new_load(instance, p, load) for p in open_projects}
        least = min(new_load.values())
        tied = [p for p in open_projects if new_load[p] == least]
        if any(instance.spent(winners) + instance.cost[p] > instance.budget for p in tied):
            break
        best = min(tied, key=lambda p: instance.rank[p])
        for i, approved in enumerate(instance.approvals):
            if best in approved:
                load[i] = least
        winners.append(best)
        open_projects.remove(best)
    return winners


def _new_load(instance: Instance, project: str, load: list[Fraction]) -> Fraction | float:
    approvers = [i for i, approved in enumerate(instance.approvals) if project in approved]
    if not approvers:
        return math.inf
    return (sum(load[i] for i in approvers) + instance.cost[project]) / len(approvers)
