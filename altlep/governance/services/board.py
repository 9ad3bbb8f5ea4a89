"""Seating and unseating board members, always within the constitution."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.core.audit import audit_record, snapshot
from altlep.core.locks import serialise
from altlep.governance.models import Category, EndReason, Seat, SeatHow
from altlep.governance.models.constitution import VOTING_CATEGORIES
from altlep.governance.selectors.composition import (
    RULE_BOARD_SIZE,
    RULE_MAJORITY,
    Breach,
    composition_breaches,
    current_constitution,
    sitting_seats,
)
from altlep.governance.selectors.eligibility import category_problem, term_limit_problem
from altlep.governance.services import ensure_allowed


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def seat_problems(*, member, category: str, on: datetime.date) -> list[str]:
    """Why seating `member` in `category` on `on` would break the constitution ([] if not)."""
    c = current_constitution()
    if category not in Category.values:
        return [f"{category!r} is not a seat category of the constitution."]
    seats = sitting_seats(on)
    if any(s.member_id == member.pk for s in seats):
        return [f"{member} already holds a seat on the board (rule: one seat per member)."]
    problems = [p for p in (category_problem(member, category), term_limit_problem(member, c)) if p]
    old = {b.key for b in composition_breaches(c, [s.category for s in seats])}
    after = composition_breaches(c, [s.category for s in seats] + [category])
    problems += [b.message for b in after if b.hard and (b.key not in old or _worsens(b, category))]
    return problems


def _worsens(breach: Breach, category: str) -> bool:
    """Whether adding a seat of `category` deepens a breach the board already had."""
    if breach.rule == RULE_MAJORITY:
        return category != Category.MICRO
    if breach.rule == RULE_BOARD_SIZE:
        return category in VOTING_CATEGORIES
    return breach.category == category


def seat_appoint(
    *,
    actor,
    member,
    category: str,
    how: str = SeatHow.APPOINTED,
    started_on: datetime.date | None = None,
    election=None,
) -> Seat:
    """Seat a member, refusing with the rule's name if the constitution does not allow it."""
    ensure_allowed(actor, "appoint_seat", None, "Only officers may seat board members.")
    started_on = started_on or datetime.date.today()
    with transaction.atomic():
        # Two appointments checked in parallel could each pass and together break the rules.
        serialise("governance.board")
        problems = seat_problems(member=member, category=category, on=started_on)
        if problems:
            raise ValidationError(problems)
        seat = Seat.objects.create(
            member=member,
            category=category,
            how=how,
            election=election,
            started_on=started_on,
            term_ends_on=_add_months(started_on, current_constitution().term_months),
        )
        audit_record(actor=actor, action="seat_appoint", instance=seat, after=snapshot(seat))
    return seat


def seat_end(
    *, actor, seat: Seat, reason: str = EndReason.RESIGNED, on: datetime.date | None = None
) -> Seat:
    """End a term (a resignation, the term's end, a removal).

    Never refused for the board's sake — nobody can be held on a board — but a vacancy that
    breaks a minimum or the majority then shows in `governance_flags()`.
    """
    ensure_allowed(
        actor, "end_seat", seat, "Only officers, or the member themself, may end a seat."
    )
    if seat.ended_on:
        raise ValidationError(f"{seat} already ended on {seat.ended_on:%-d %B %Y}.")
    if reason not in EndReason.values:
        raise ValidationError(f"{reason!r} is not a reason a seat can end.")
    before = snapshot(seat)
    seat.ended_on = on or datetime.date.today()
    seat.end_reason = reason
    with transaction.atomic():
        seat.save(update_fields=["ended_on", "end_reason"])
        audit_record(
            actor=actor, action="seat_end", instance=seat, before=before, after=snapshot(seat)
        )
    return seat
