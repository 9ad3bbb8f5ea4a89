"""Reads for a project's page: costs with pledges, who contributes what, and its outcome."""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist

from altlep.commissioning.models import Pledge, PledgeKind, Project, Round
from altlep.commissioning.selectors import costs, results
from altlep.commissioning.selectors.ideas import person_name
from altlep.core.templatetags.altlep_tags import pounds


def project_for_page(*, slug: str, ballot_id: str) -> Project | None:
    return (
        Project.objects.select_related("round", "idea")
        .filter(round__slug=slug, ballot_id=ballot_id)
        .first()
    )


@dataclass(frozen=True)
class ProjectCosts:
    cost_pence: int
    pledged_pence: int
    net_cost_pence: int


def project_costs(project: Project) -> ProjectCosts:
    pledged = costs.pledged_pence(project)
    return ProjectCosts(project.cost_pence, pledged, costs.net_cost_pence(project, pledged))


@dataclass(frozen=True)
class Contribution:
    pledge: Pledge
    who: str
    what: str


def _what(pledge: Pledge) -> str:
    if pledge.kind == PledgeKind.MONEY:
        text = pounds(pledge.amount_pence)
    elif pledge.kind == PledgeKind.HOURS:
        text = f"{pledge.hours} hour{'s' if pledge.hours != 1 else ''} of volunteering"
    else:
        text = pledge.get_kind_display()
    return f"{text}: {pledge.description}" if pledge.description else text


def project_contributions(*, project: Project, viewer) -> list[Contribution]:
    """Every pledge with who made it as the viewer may see it: the organisation's name, the
    member's name where their privacy allows, otherwise "a member"."""
    pledges = project.pledges.select_related("member", "organisation").order_by("created_at", "pk")
    return [
        Contribution(
            pledge=p,
            who=p.organisation.name
            if p.organisation
            else person_name(viewer=viewer, person=p.member),
            what=_what(p),
        )
        for p in pledges
    ]


def project_outcome(project: Project) -> dict | None:
    """The project's published outcome and its explanation; None before publication."""
    return results.project_outcome(project)


def project_was_funded(project: Project) -> bool:
    """Whether the round's published result funded the project."""
    try:
        result = project.round.result
    except ObjectDoesNotExist:
        return False
    return result.published and project.ballot_id in (result.winners or [])


def funded_ballot_ids(round_: Round) -> list[str]:
    """Ballot ids of the round's funded projects, once its result is published."""
    try:
        result = round_.result
    except ObjectDoesNotExist:
        return []
    return list(result.winners or []) if result.published else []
