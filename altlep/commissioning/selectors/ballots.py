"""Reads for the ballot page."""

from dataclasses import dataclass

from altlep.commissioning.models import Ballot, Project, Round
from altlep.commissioning.selectors.costs import project_pledged_pence


@dataclass(frozen=True)
class BallotLine:
    project: Project
    cost_pence: int
    pledged_pence: int
    net_cost_pence: int
    points: int


def ballot_of(*, round_: Round, voter) -> Ballot | None:
    if not voter.is_authenticated:
        return None
    return Ballot.objects.filter(round=round_, voter=voter).first()


def ballot_lines(*, round_: Round, ballot: Ballot | None) -> list[BallotLine]:
    """Every project on the ballot with full and net cost, and the voter's current points."""
    pledged = project_pledged_pence(round_)
    current = dict(ballot.choices.values_list("project_id", "points")) if ballot else {}
    return [
        BallotLine(
            project=p,
            cost_pence=p.cost_pence,
            pledged_pence=pledged.get(p.pk, 0),
            net_cost_pence=max(p.cost_pence - pledged.get(p.pk, 0), 0),
            points=current.get(p.pk, 0),
        )
        for p in Project.objects.filter(round=round_)
        .select_related("round")
        .order_by("title", "pk")
    ]
