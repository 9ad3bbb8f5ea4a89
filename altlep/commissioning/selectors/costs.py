"""What each project costs the round once co-production pledges are counted."""

from django.db.models import Q, Sum

from altlep.commissioning.models import PledgeKind, Project, Round


def pledged_pence(project: Project) -> int:
    """Confirmed money pledges plus officer-valued confirmed in-kind pledges."""
    return project_pledged_pence(project.round)[project.pk] if project.pk else 0


def project_pledged_pence(round_: Round) -> dict[int, int]:
    """Pledged pence per project of a round, in one query whatever the number of projects."""
    money = Sum(
        "pledges__amount_pence", filter=Q(pledges__confirmed=True, pledges__kind=PledgeKind.MONEY)
    )
    in_kind = Sum(
        "pledges__value_pence",
        filter=Q(pledges__confirmed=True) & ~Q(pledges__kind=PledgeKind.MONEY),
    )
    rows = Project.objects.filter(round=round_).annotate(money=money, in_kind=in_kind)
    return {p.pk: (p.money or 0) + (p.in_kind or 0) for p in rows}


def net_cost_pence(project: Project, pledged: int | None = None) -> int:
    """The cost the round's budget must meet: full cost less pledges, never below zero."""
    pledged = pledged_pence(project) if pledged is None else pledged
    return max(project.cost_pence - pledged, 0)


def project_net_costs(round_: Round) -> dict[int, int]:
    """Net cost in pence for every project of the round, keyed by project pk."""
    pledged = project_pledged_pence(round_)
    return {
        p.pk: max(p.cost_pence - pledged.get(p.pk, 0), 0)
        for p in Project.objects.filter(round=round_).only("pk", "cost_pence")
    }
