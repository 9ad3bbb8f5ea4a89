"""Reads for the results page and for each project's outcome."""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist

from altlep.commissioning.models import Project, Result, Round
from altlep.commissioning.selectors.costs import project_pledged_pence


def result_of(round_: Round) -> Result | None:
    try:
        return round_.result
    except ObjectDoesNotExist:
        return None


@dataclass(frozen=True)
class ResultLine:
    project: Project
    net_cost_pence: int
    votes: int
    selected: bool
    position: int | None
    sentence: str
    greedy_selected: bool


def result_lines(round_: Round, result: Result) -> list[ResultLine]:
    """Every project with its outcome, winners first in selection order."""
    explained = {p["project_id"]: p for p in result.explanation["projects"]}
    pledged = project_pledged_pence(round_)
    greedy = set(result.greedy_winners)
    lines = []
    for project in Project.objects.filter(round=round_).select_related("round"):
        item = explained.get(project.ballot_id, {})
        lines.append(
            ResultLine(
                project=project,
                net_cost_pence=max(project.cost_pence - pledged.get(project.pk, 0), 0),
                votes=item.get("votes", 0),
                selected=project.ballot_id in result.winners,
                position=item.get("position"),
                sentence=item.get("sentence", ""),
                greedy_selected=project.ballot_id in greedy,
            )
        )
    return sorted(lines, key=lambda line: (not line.selected, line.position or 0, -line.votes))


def project_outcome(project: Project) -> dict | None:
    """The published outcome of one project, for its own page; None before publication."""
    result = result_of(project.round)
    if result is None or not result.published:
        return None
    item = next(
        (p for p in result.explanation.get("projects", []) if p["project_id"] == project.ballot_id),
        None,
    )
    if item is None:
        return None
    return {
        "selected": project.ballot_id in result.winners,
        "sentence": item.get("sentence", ""),
        "position": item.get("position"),
    }


@dataclass(frozen=True)
class BudgetBar:
    """One bar segment of the budget chart, in percent of the budget."""

    label: str
    pence: int
    percent: float
    offset: float


def budget_bars(round_: Round, lines: list[ResultLine]) -> list[BudgetBar]:
    """How the budget was used: one segment per winner, then what is left unspent."""
    bars, offset = [], 0.0
    budget = round_.budget_pence
    for line in lines:
        if not line.selected:
            continue
        percent = 100 * line.net_cost_pence / budget
        bars.append(BudgetBar(line.project.title, line.net_cost_pence, percent, offset))
        offset += percent
    spent = sum(b.pence for b in bars)
    if spent < budget:
        bars.append(BudgetBar("Not spent", budget - spent, 100 * (budget - spent) / budget, offset))
    return bars


def official_comparison(result: Result, lines: list[ResultLine]) -> dict | None:
    """For imported rounds: whether our count funds the projects the organisers announced."""
    if result.official_winners is None:
        return None
    titles = {line.project.ballot_id: line.project.title for line in lines}
    official, ours = set(result.official_winners), set(result.winners)
    return {
        "count": len(official),
        "reproduced": official == ours,
        "only_official": sorted(titles.get(i, i) for i in official - ours),
        "only_ours": sorted(titles.get(i, i) for i in ours - official),
    }
