"""Clarification questions and their public answers; interest recorded in lots."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from altlep.core.audit import audit_record, snapshot
from altlep.members.models import Organisation
from altlep.members.rules import MANAGING_ROLES
from altlep.procurement.models import Clarification, Lot, LotInterest, Opportunity
from altlep.procurement.services import ensure_allowed


def clarification_ask(*, actor, opportunity: Opportunity, question: str) -> Clarification:
    """A signed-in member asks a question about an open opportunity, before the deadline."""
    from altlep.procurement.notice import terms_of

    ensure_allowed(
        actor, "ask_clarification", opportunity, "Sign in to ask about an open opportunity."
    )
    deadline = terms_of(opportunity).clarification_deadline
    if deadline and timezone.now() > deadline:
        raise ValidationError({"question": "The clarification deadline has passed."})
    if not question.strip():
        raise ValidationError({"question": "Write your question."})
    with transaction.atomic():
        item = Clarification.objects.create(
            opportunity=opportunity, question=question.strip(), asked_by=actor
        )
        audit_record(actor=actor, action="clarification.ask", instance=item, after=snapshot(item))
    return item


def clarification_answer(*, actor, clarification: Clarification, answer: str) -> Clarification:
    """The buyer's officer answers; the answer is public to every bidder."""
    ensure_allowed(
        actor,
        "answer_clarification",
        clarification.opportunity,
        "Only the buyer's officers answer clarifications.",
    )
    if not answer.strip():
        raise ValidationError({"answer": "Write the answer."})
    before = snapshot(clarification)
    with transaction.atomic():
        clarification.answer = answer.strip()
        clarification.answered_by = actor
        clarification.answered_at = timezone.now()
        clarification.save()
        audit_record(
            actor=actor,
            action="clarification.answer",
            instance=clarification,
            before=before,
            after=snapshot(clarification),
        )
    return clarification


def lot_interest_record(*, actor, lot: Lot, organisation: Organisation) -> LotInterest:
    """An owner-manager records their organisation's interest in bidding for a lot."""
    ensure_allowed(
        actor,
        "record_interest",
        lot.opportunity,
        "Owner-managers record interest in lots of open opportunities.",
    )
    if not organisation.affiliations.filter(member=actor, role__in=MANAGING_ROLES).exists():
        raise PermissionDenied("You can record interest only for an organisation you manage.")
    try:
        with transaction.atomic():
            interest = LotInterest.objects.create(
                lot=lot, organisation=organisation, recorded_by=actor
            )
            audit_record(
                actor=actor,
                action="lot_interest.record",
                instance=interest,
                after=snapshot(interest),
            )
    except IntegrityError:
        raise ValidationError(
            f"{organisation} has already recorded interest in this lot."
        ) from None
    return interest
