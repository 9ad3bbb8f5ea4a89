"""The Method of Equal Shares for one per-voter budget.

Peters, Pierczyński and Skowron, "Proportional Participatory Budgeting with Additive Utilities"
(NeurIPS 2021), Definition of MES (Rule X): every voter starts with the same budget. A project
is affordable if its supporters together still have at least its cost. For an affordable
project c, its price per unit of satisfaction rho(c) is the least rho such that

    sum over supporters i of  min(money_i, rho * u_i(c))  =  cost(c),

so each supporter pays in proportion to their satisfaction, or all they have left. Each round
selects the affordable project with the lowest rho (ties by the tie order) and its supporters
pay; the rule stops when no project is affordable. As in pabutools, the free projects that
someone wants are selected before counting starts (here in the tie order).
"""

from __future__ import annotations

from fractions import Fraction

from altlep.pb.reference.instance import Instance


def price(instance: Instance, project: str, money: list[Fraction]) -> Fraction:
    """rho(c): poorest supporters (money per unit of satisfaction) pay all they have while the
    rest share what remains in proportion to satisfaction."""
    supporters = instance.supporters(project)
    satisfaction = {i: instance.ballots[i][project] for i in supporters}
    supporters.sort(key=lambda i: money[i] / satisfaction[i])
    cost_left = instance.cost[project]
    satisfaction_left = sum(satisfaction.values(), Fraction(0))
    for i in supporters:
        rho = cost_left / satisfaction_left
        if rho * satisfaction[i] <= money[i]:
            return rho  # voter i, and everyone richer, can pay their share at this rho
        cost_left -= money[i]
        satisfaction_left -= satisfaction[i]
    raise ValueError(f"project {project} is not affordable")


def equal_shares(instance: Instance, per_voter: Fraction) -> list[str]:
    """Winners in selection order for this per-voter budget."""
    money = [Fraction(per_voter)] * len(instance.ballots)
    wanted = [p for p in instance.projects if instance.total_satisfaction(p) > 0]
    winners = sorted((p for p in wanted if instance.cost[p] == 0), key=instance.rank.get)
    left = [p for p in wanted if instance.cost[p] > 0]
    while True:
        # Money only shrinks, so a project unaffordable now stays so.
        left = [p for p in left if _money_of_supporters(instance, p, money) >= instance.cost[p]]
        if not left:
            return winners
        rho = {p: price(instance, p, money) for p in left}
        best = min(left, key=lambda p: (rho[p], instance.rank[p]))
        for i in instance.supporters(best):
            money[i] -= min(money[i], rho[best] * instance.ballots[i][best])
        winners.append(best)
        left.remove(best)


def _money_of_supporters(instance: Instance, project: str, money: list[Fraction]) -> Fraction:
    return sum((money[i] for i in instance.supporters(project)), Fraction(0))
