"""Board elections: calling one, standing, ranked ballots, and the STV count that seats the
elected (subject to the constitution)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from altlep import stv
from altlep.core.audit import audit_record, snapshot
from altlep.governance.models import (
    Category,
    Election,
    ElectionBallot,
    ElectionResult,
    ElectionStatus,
    Nomination,
    SeatHow,
)
from altlep.governance.models.elections import StvRule
from altlep.governance.selectors.composition import current_constitution
from altlep.governance.selectors.eligibility import category_problem, term_limit_problem
from altlep.governance.services import ensure_allowed
from altlep.governance.services.board import seat_appoint, seat_problems


def _unique_slug(title: str) -> str:
    base = slugify(title)[:200] or "election"
    slug, n = base, 2
    while Election.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def election_create(
    *, actor, title: str, category: str, seats: int, rule: str = StvRule.SCOTTISH
) -> Election:
    """An officer calls an election for seats of one category."""
    ensure_allowed(actor, "create_election", None, "Only officers may call elections.")
    errors = {}
    if not title.strip():
        errors["title"] = "Give the election a title."
    if category not in Category.values:
        errors["category"] = f"{category!r} is not a seat category of the constitution."
    elif not 1 <= seats <= current_constitution().maximum(category):
        errors["seats"] = (
            f"Between 1 and {current_constitution().maximum(category)} seats of this category "
            "can be elected (rule: category maximum)."
        )
    if rule not in StvRule.values:
        errors["rule"] = f"Choose one of: {', '.join(StvRule.values)}."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        election = Election.objects.create(
            title=title.strip(), slug=_unique_slug(title), category=category, seats=seats, rule=rule
        )
        audit_record(
            actor=actor, action="election_create", instance=election, after=snapshot(election)
        )
    return election


def nomination_submit(*, actor, election: Election, statement: str) -> Nomination:
    """A member stands, with a statement; refused naming the rule if they are not eligible."""
    ensure_allowed(
        actor, "stand_in_election", election, "Nominations are open to members while taken."
    )
    if not statement.strip():
        raise ValidationError({"statement": "Write a statement for the voters."})
    problems = [
        p
        for p in (
            category_problem(actor, election.category),
            term_limit_problem(actor, current_constitution()),
        )
        if p
    ]
    if problems:
        raise ValidationError(problems)
    try:
        with transaction.atomic():
            nomination = Nomination.objects.create(
                election=election, member=actor, statement=statement.strip()
            )
            audit_record(
                actor=actor,
                action="nomination_submit",
                instance=nomination,
                after=snapshot(nomination),
            )
    except IntegrityError:
        raise ValidationError("You are already standing in this election.") from None
    return nomination


def election_open_voting(*, actor, election: Election) -> Election:
    """Close nominations and open the vote."""
    ensure_allowed(actor, "run_election", election, "Only officers run elections.")
    if election.status != ElectionStatus.NOMINATIONS:
        raise ValidationError("Voting can only open after nominations.")
    if not election.nominations.exists():
        raise ValidationError("Nobody is standing: voting cannot open.")
    before = snapshot(election)
    election.status = ElectionStatus.VOTING
    with transaction.atomic():
        election.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action="election_open_voting",
            instance=election,
            before=before,
            after=snapshot(election),
        )
    return election


def ranking_from(*, election: Election, ranks: dict) -> list[int]:
    """Nomination ids in order of preference from {nomination id: rank}; bad input refused."""
    known = set(election.nominations.values_list("pk", flat=True))
    errors: list[str] = []
    cleaned: dict[int, int] = {}
    for key, rank in ranks.items():
        try:
            nomination_id, rank_number = int(key), int(rank)
        except (TypeError, ValueError):
            errors.append(f"{rank!r} is not a rank number (rule: ranks are whole numbers).")
            continue
        if nomination_id not in known:
            errors.append(
                f"{key} is not a candidate in this election (rule: rank only the candidates)."
            )
        elif rank_number < 1:
            errors.append(f"Rank {rank_number} is not allowed (rule: ranks start at 1).")
        else:
            cleaned[nomination_id] = rank_number
    repeated = sorted({r for r in cleaned.values() if list(cleaned.values()).count(r) > 1})
    for rank in repeated:
        errors.append(
            f"Rank {rank} is given to more than one candidate (rule: each preference once)."
        )
    if errors:
        raise ValidationError(errors)
    if not cleaned:
        raise ValidationError("Rank at least one candidate (rule: a ballot has a first choice).")
    return [nid for nid, _ in sorted(cleaned.items(), key=lambda pair: pair[1])]


def ballot_cast(*, actor, election: Election, ranks: dict) -> ElectionBallot:
    """A member's ranked ballot, once per election."""
    ensure_allowed(actor, "vote_in_election", election, "Voting is open to members while open.")
    ranking = ranking_from(election=election, ranks=ranks)
    try:
        with transaction.atomic():
            ballot = ElectionBallot.objects.create(election=election, voter=actor, ranking=ranking)
            audit_record(actor=actor, action="ballot_cast", instance=ballot)
    except IntegrityError:
        raise ValidationError("You have already voted in this election.") from None
    return ballot


def stv_election(election: Election) -> tuple[stv.Election, list[Nomination]]:
    """The election as the STV engine sees it: candidates by name, ballots by index."""
    nominations = list(election.nominations.select_related("member").order_by("pk"))
    names = [n.member.display_name or str(n.member) for n in nominations]
    names = [
        f"{name} ({n.pk})" if names.count(name) > 1 else name
        for name, n in zip(names, nominations, strict=True)
    ]
    index = {n.pk: i for i, n in enumerate(nominations)}
    ballots = [
        stv.Ballot(1, tuple(index[pk] for pk in b.ranking if pk in index))
        for b in election.ballots.all()
    ]
    candidates = [stv.Candidate(name) for name in names]
    return stv.Election(candidates, election.seats, ballots, title=election.title), nominations


def election_count(
    *, actor, election: Election, rule: str | None = None, seated_on: datetime.date | None = None
) -> ElectionResult:
    """Count by STV and seat the elected in order of election, each subject to the constitution.

    An elected candidate whose seat the constitution refuses is not seated; the note names
    the rule. The count sheet is kept whole either way.
    """
    ensure_allowed(actor, "run_election", election, "Only officers run elections.")
    if election.status != ElectionStatus.VOTING:
        raise ValidationError("Only an election whose vote is open can be counted.")
    rule = rule or election.rule
    if rule not in stv.RULES:
        raise ValidationError(f"Choose one of: {', '.join(stv.RULES)}.")
    if not election.ballots.exists():
        raise ValidationError("No ballots have been cast: there is nothing to count.")
    stv_input, nominations = stv_election(election)
    counted = stv.count(stv_input, rule)
    by_name = dict(zip(stv_input.names, nominations, strict=True))
    with transaction.atomic():
        notes: list[str] = []
        for name in counted.elected:
            member = by_name[name].member
            on = seated_on or datetime.date.today()
            problems = seat_problems(member=member, category=election.category, on=on)
            if problems:
                notes.append(f"{name} was elected but not seated: {' '.join(problems)}")
                continue
            seat_appoint(
                actor=actor,
                member=member,
                category=election.category,
                how=SeatHow.ELECTED,
                election=election,
                started_on=on,
            )
        result = ElectionResult.objects.create(
            election=election,
            rule=rule,
            sheet=counted.to_dict(),
            elected=list(counted.elected),
            notes=notes,
        )
        election.status = ElectionStatus.COUNTED
        election.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action="election_count",
            instance=election,
            after={"elected": list(counted.elected), "notes": notes, "rule": rule},
        )
    return result
