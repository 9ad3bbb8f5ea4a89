"""Rounds as pabulib `.pb` files: export of a round's ballots, and import of a past round.

The count itself reads the very text the export writes, so `altlep pb count` on an exported
file reproduces the published result by construction — and a test checks it does.
"""

from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from altlep.commissioning.models import (
    Ballot,
    BallotChoice,
    BallotType,
    Completion,
    PhaseKind,
    Project,
    Round,
    TieBreak,
)
from altlep.commissioning.selectors.costs import project_pledged_pence
from altlep.commissioning.services.rounds import PhasePlan, round_create
from altlep.pb import PabulibError, parse_text
from altlep.pb.model import Election, number_text, parse_number


def _pounds(pence: int) -> str:
    return number_text(parse_number(str(Decimal(pence) / 100)))


def _cell(text: str) -> str:
    # pabulib separates with ";" and has no quoting for it; keep names readable and safe.
    return " ".join(text.replace(";", ",").split())


def round_election_text(round_: Round) -> str:
    """The round's projects (at net cost) and ballots as a pabulib file."""
    pledged = project_pledged_pence(round_)
    projects = list(Project.objects.filter(round=round_).order_by("pk"))
    ballots = list(
        Ballot.objects.filter(round=round_).order_by("pk").prefetch_related("choices__project")
    )
    votes_per_project: dict[int, int] = {}
    for ballot in ballots:
        for choice in ballot.choices.all():
            votes_per_project[choice.project_id] = votes_per_project.get(choice.project_id, 0) + 1
    cumulative = round_.ballot_type == BallotType.CUMULATIVE
    meta = {
        "description": _cell(round_.description or round_.title),
        "country": "United Kingdom",
        "unit": _cell(round_.title),
        "instance": round_.slug,
        "num_projects": str(len(projects)),
        "num_votes": str(len(ballots)),
        "budget": _pounds(round_.budget_pence),
        "vote_type": round_.ballot_type,
        "rule": _rule_label(round_),
        "currency": "GBP",
        "tie_breaking": round_.ties,
        "seed": str(round_.seed),
    }
    if cumulative and round_.points_limit:
        meta["max_sum_points"] = str(round_.points_limit)
    if not cumulative and round_.max_choices:
        meta["max_length"] = str(round_.max_choices)
    if not cumulative and round_.budget_capped:
        meta["max_sum_cost"] = _pounds(round_.budget_pence)
    lines = ["META", "key;value", *(f"{k};{v}" for k, v in meta.items())]
    lines += ["PROJECTS", "project_id;cost;votes;name;category;full_cost"]
    for p in projects:
        net = max(p.cost_pence - pledged.get(p.pk, 0), 0)
        lines.append(
            f"{p.ballot_id};{_pounds(net)};{votes_per_project.get(p.pk, 0)};{_cell(p.title)};"
            f"{_cell(p.category)};{_pounds(p.cost_pence)}"
        )
    lines += ["VOTES", "voter_id;vote;points" if cumulative else "voter_id;vote"]
    for number, ballot in enumerate(ballots, start=1):
        voter = ballot.imported_voter_id or str(number)
        choices = sorted(ballot.choices.all(), key=lambda c: c.project.ballot_id)
        ids = ",".join(c.project.ballot_id for c in choices)
        if cumulative:
            lines.append(f"{voter};{ids};{','.join(str(c.points) for c in choices)}")
        else:
            lines.append(f"{voter};{ids}")
    return "\n".join(lines) + "\n"


def _rule_label(round_: Round) -> str:
    if round_.rule == "mes":
        return (
            "equalshares"
            if round_.completion == Completion.NONE
            else (f"equalshares/{round_.completion}")
        )
    return {"greedy": "greedy", "phragmen": "phragmen"}[round_.rule]


def round_election(round_: Round) -> Election:
    return parse_text(round_election_text(round_), source=f"{round_.slug}.pb")


def _completion_for(rule: str) -> str:
    lowered = rule.lower()
    if "equalshares" not in lowered and "mes" not in lowered:
        return Completion.NONE
    for name in ("add1-full", "add1u", "add1"):
        if name in lowered:
            return name
    return Completion.ADD1U


@transaction.atomic
def round_import(*, actor, text: str, source_name: str, title: str | None = None) -> Round:
    """Create a past round from a pabulib file: projects, ballots (anonymous voter ids kept),
    phases in the past. Refuses the whole file, importing nothing, if the engine finds errors."""
    try:
        election = parse_text(text, source=source_name, strict=True)
    except PabulibError as error:
        raise ValidationError(f"{source_name} cannot be imported: {error}") from error
    if election.vote_type not in (BallotType.APPROVAL, BallotType.CUMULATIVE):
        raise ValidationError(
            f"{source_name}: {election.vote_type} ballots cannot be imported; rounds here use "
            "approval or cumulative ballots."
        )
    meta = election.meta
    budget_pence = int(election.budget * 100)
    rule = election.rule or "greedy"
    now = timezone.now()
    day = timedelta(days=1)
    phases = [
        PhasePlan(
            kind, now - (len(PhaseKind) - i) * 7 * day, now - (len(PhaseKind) - i - 1) * 7 * day
        )
        for i, kind in enumerate(PhaseKind.values)
    ]
    round_ = round_create(
        actor=actor,
        phases=phases,
        imported_from=source_name,
        seed=0,
        title=title or f"{meta.get('unit', 'Imported round')} {meta.get('instance', '')}".strip(),
        description=meta.get("description", ""),
        budget_pence=budget_pence,
        ballot_type=election.vote_type,
        points_limit=int(parse_number(meta["max_sum_points"]))
        if election.vote_type == BallotType.CUMULATIVE and meta.get("max_sum_points")
        else None,
        max_choices=int(meta["max_length"]) if meta.get("max_length", "").isdigit() else None,
        rule="greedy" if "greedy" in rule.lower() else "mes",
        completion=_completion_for(rule),
        ties=TieBreak.LEXICOGRAPHIC,
    )
    projects = Project.objects.bulk_create(
        Project(
            round=round_,
            ballot_id=p.id,
            title=(p.name or f"Project {p.id}")[:200],
            category=p.fields.get("category", "")[:60],
            cost_pence=max(int(p.cost * 100), 1),
        )
        for p in election.projects.values()
    )
    by_id = {p.ballot_id: p for p in projects}
    ballots = Ballot.objects.bulk_create(
        Ballot(round=round_, imported_voter_id=v.voter_id[:60], receipt=f"I{round_.pk}-{n}")
        for n, v in enumerate(election.votes)
    )
    BallotChoice.objects.bulk_create(
        (
            BallotChoice(
                ballot=ballot,
                project=by_id[pid],
                points=int(vote.points[i]) if vote.points else 1,
            )
            for ballot, vote in zip(ballots, election.votes, strict=True)
            for i, pid in enumerate(vote.projects)
        ),
        batch_size=5000,
    )
    return round_
