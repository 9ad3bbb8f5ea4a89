"""Casting a ballot: one per member per round, editable until the vote closes.

Safe under concurrent requests: the database's unique constraint on (round, voter) decides
between two simultaneous first ballots, and the loser becomes an edit of the winner's row.
"""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from altlep.commissioning.models import Ballot, BallotChoice, BallotType, Project, Round
from altlep.commissioning.selectors.costs import project_net_costs
from altlep.core.audit import audit_record


def _receipt() -> str:
    return secrets.token_hex(5).upper()


def ballot_check(*, round_: Round, choices: dict[int, int]) -> dict[int, int]:
    """Validate choices (project pk → points) against the round's ballot rules.

    Returns the choices with zero-point entries dropped; raises ValidationError in plain words.
    """
    chosen = {pk: points for pk, points in choices.items() if points}
    if not chosen:
        raise ValidationError("Choose at least one project.")
    projects = set(Project.objects.filter(round=round_).values_list("pk", flat=True))
    strangers = [pk for pk in chosen if pk not in projects]
    if strangers:
        raise ValidationError("Your ballot names a project that is not on this ballot.")
    if any(points < 0 for points in chosen.values()):
        raise ValidationError("Points cannot be negative.")
    if round_.ballot_type == BallotType.APPROVAL:
        if any(points != 1 for points in chosen.values()):
            raise ValidationError("On this ballot you tick projects; points are not used.")
        if round_.max_choices and len(chosen) > round_.max_choices:
            raise ValidationError(
                f"You ticked {len(chosen)} projects; the most you may tick is {round_.max_choices}."
            )
        if round_.budget_capped:
            net = project_net_costs(round_)
            total = sum(net[pk] for pk in chosen)
            if total > round_.budget_pence:
                raise ValidationError(
                    f"The projects you ticked cost £{total / 100:,.2f}, more than the budget of "
                    f"£{round_.budget_pence / 100:,.2f}."
                )
    else:
        total = sum(chosen.values())
        if round_.points_limit and total > round_.points_limit:
            raise ValidationError(
                f"You gave {total} points; you have {round_.points_limit} to share out."
            )
    return chosen


def ballot_cast(
    *, round_: Round, voter, choices: dict[int, int], age_confirmed: bool = False
) -> tuple[Ballot, bool]:
    """Cast or replace the member's ballot. Returns (ballot, created)."""
    if not voter.has_perm("commissioning.vote", round_):
        raise PermissionDenied("Voting is not open to you in this round right now.")
    if round_.minimum_age and not age_confirmed:
        raise ValidationError(f"Confirm that you are at least {round_.minimum_age} years old.")
    chosen = ballot_check(round_=round_, choices=choices)
    for attempt in range(2):
        try:
            with transaction.atomic():
                return _write(round_, voter, chosen)
        except IntegrityError:
            # A simultaneous request created this member's ballot first: retry as an edit.
            if attempt:
                raise
    raise AssertionError("unreachable")


def _write(round_: Round, voter, chosen: dict[int, int]) -> tuple[Ballot, bool]:
    ballot = Ballot.objects.select_for_update().filter(round=round_, voter=voter).first()
    created = ballot is None
    if created:
        ballot = Ballot.objects.create(round=round_, voter=voter, receipt=_receipt())
        before = None
    else:
        before = {"choices": ballot.choices.count()}
        ballot.choices.all().delete()
        ballot.save(update_fields=["updated_at"])
    BallotChoice.objects.bulk_create(
        BallotChoice(ballot=ballot, project_id=pk, points=points) for pk, points in chosen.items()
    )
    # The log says that a ballot was cast or changed, never what it says: the secret ballot
    # is kept from officers reading the audit log.
    audit_record(
        actor=voter,
        action="ballot.cast" if created else "ballot.change",
        instance=ballot,
        before=before,
        after={"receipt": ballot.receipt, "choices": len(chosen)},
    )
    return ballot, created
