"""Reads for delivery: funded projects' progress and spend against budget, and its chart."""

from dataclasses import dataclass

from django.db.models import Prefetch

from altlep.commissioning.models import DeliveryUpdate, Milestone, Project, Round
from altlep.commissioning.selectors import costs
from altlep.commissioning.selectors.projects import funded_ballot_ids


@dataclass(frozen=True)
class DeliveryRow:
    project: Project
    net_cost_pence: int
    milestones_done: int
    milestones_total: int
    latest_update: DeliveryUpdate | None

    @property
    def spend_percent(self) -> int:
        if not self.net_cost_pence:
            return 0
        return round(100 * self.project.spend_to_date_pence / self.net_cost_pence)


def round_delivery(round_: Round) -> list[DeliveryRow]:
    """Every funded project of the round with its progress, in a fixed number of queries."""
    winners = funded_ballot_ids(round_)
    if not winners:
        return []
    net = costs.project_net_costs(round_)
    projects = (
        Project.objects.filter(round=round_, ballot_id__in=winners)
        .select_related("round")
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("due", "pk")),
            Prefetch("updates", queryset=DeliveryUpdate.objects.order_by("-posted_at", "-pk")),
        )
    )
    order = {ballot_id: i for i, ballot_id in enumerate(winners)}
    rows = []
    for project in sorted(projects, key=lambda p: order[p.ballot_id]):
        milestones = list(project.milestones.all())
        updates = list(project.updates.all())
        rows.append(
            DeliveryRow(
                project=project,
                net_cost_pence=net.get(project.pk, project.cost_pence),
                milestones_done=sum(1 for m in milestones if m.done_at),
                milestones_total=len(milestones),
                latest_update=updates[0] if updates else None,
            )
        )
    return rows


def project_delivery(project: Project) -> dict:
    """A funded project's milestones and dated updates, newest update first."""
    return {
        "milestones": list(project.milestones.order_by("due", "pk")),
        "updates": list(project.updates.select_related("author").order_by("-posted_at", "-pk")),
    }


@dataclass(frozen=True)
class ChartBar:
    label: str
    budget_pence: int
    spend_pence: int
    y: int
    budget_width: float
    spend_width: float
    over_budget: bool


CHART_LABEL_WIDTH = 220
CHART_BAR_AREA = 400
CHART_ROW_HEIGHT = 44


def spend_chart(rows: list[DeliveryRow]) -> dict:
    """Geometry of a horizontal bar chart of spend against budget, drawn as inline SVG by the
    template: one budget bar and one spend bar per project, on a shared scale."""
    scale_max = max([max(r.net_cost_pence, r.project.spend_to_date_pence) for r in rows], default=0)
    bars = []
    for i, row in enumerate(rows):
        spend = row.project.spend_to_date_pence
        bars.append(
            ChartBar(
                label=row.project.title[:32],
                budget_pence=row.net_cost_pence,
                spend_pence=spend,
                y=i * CHART_ROW_HEIGHT,
                budget_width=_width(row.net_cost_pence, scale_max),
                spend_width=_width(spend, scale_max),
                over_budget=spend > row.net_cost_pence,
            )
        )
    return {
        "bars": bars,
        "label_width": CHART_LABEL_WIDTH,
        "bar_area": CHART_BAR_AREA,
        "width": CHART_LABEL_WIDTH + CHART_BAR_AREA + 10,
        "height": max(len(bars), 1) * CHART_ROW_HEIGHT + 10,
    }


def _width(pence: int, scale_max: int) -> float:
    return round(CHART_BAR_AREA * pence / scale_max, 1) if scale_max else 0.0
