"""The partnership's teaching fund: its budget and rates, owner-managers' claims, officers'
approvals (payments in the ledger), and clawback when an apprenticeship ends early.

The balance never goes below zero: an approval locks the fund's row (SELECT … FOR UPDATE on
PostgreSQL; SQLite runs one writing transaction at a time) before checking what remains, and a
database constraint (`fund_never_overspent`) refuses an overspend whatever the caller.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from altlep.core.audit import audit_record, snapshot
from altlep.skills.models import (
    Apprenticeship,
    ApprenticeshipStatus,
    Claim,
    ClaimKind,
    ClaimStatus,
    LedgerEntry,
    Milestone,
    MilestoneKind,
    TeachingFund,
)
from altlep.skills.services import ensure_allowed

ONCE_ONLY = {ClaimKind.START, ClaimKind.THREE_MONTHS, ClaimKind.COMPLETION}


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31,
            30, 31, 31, 30, 31, 30, 31][month - 1]  # fmt: skip
    return datetime.date(year, month, min(day.day, last))


def fund_create(
    *,
    actor,
    name: str,
    budget_pence: int,
    monthly_pence: int,
    start_pence: int = 0,
    three_months_pence: int = 0,
    completion_pence: int = 0,
    decision=None,
    round=None,
) -> TeachingFund:
    """An officer sets up the fund as commissioned by a board decision or a round."""
    ensure_allowed(actor, "manage_fund", None, "Officers set up the teaching fund.")
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = "Name the fund."
    if budget_pence <= 0:
        errors["budget_pence"] = "The budget must be more than nothing."
    for field, value in {
        "monthly_pence": monthly_pence,
        "start_pence": start_pence,
        "three_months_pence": three_months_pence,
        "completion_pence": completion_pence,
    }.items():
        if value < 0:
            errors[field] = "A payment cannot be negative."
    if (decision is None) == (round is None):
        errors["decision"] = "Name the board decision or the round that commissioned the fund."
    elif decision is not None and not decision.carried:
        errors["decision"] = "That decision was not carried."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        fund = TeachingFund.objects.create(
            name=name.strip(),
            slug=slugify(name)[:200] or "fund",
            budget_pence=budget_pence,
            monthly_pence=monthly_pence,
            start_pence=start_pence,
            three_months_pence=three_months_pence,
            completion_pence=completion_pence,
            decision=decision,
            round=round,
        )
        audit_record(actor=actor, action="fund_create", instance=fund, after=snapshot(fund))
    return fund


def claim_submit(
    *,
    actor,
    fund: TeachingFund,
    apprenticeship: Apprenticeship,
    kind: str,
    evidence: str,
    month: datetime.date | None = None,
    today: datetime.date | None = None,
) -> Claim:
    """The owner-manager claims a payment for teaching, with evidence."""
    ensure_allowed(
        actor, "claim_payment", apprenticeship, "Only the apprentice's owner-manager claims."
    )
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    if not evidence.strip():
        errors["evidence"] = "Describe the evidence: what was taught, reviews, timesheets."
    amount = fund.rate_for(kind)
    if amount <= 0:
        errors["kind"] = f"The fund pays nothing for “{ClaimKind(kind).label}”."
    started = apprenticeship.started_on
    live = Claim.objects.filter(apprenticeship=apprenticeship).exclude(
        status__in=[ClaimStatus.REJECTED, ClaimStatus.CLAWED_BACK]
    )
    if kind in ONCE_ONLY and live.filter(kind=kind).exists():
        errors["kind"] = f"“{ClaimKind(kind).label}” has already been claimed."
    if kind == ClaimKind.MONTH:
        if month is None:
            errors["month"] = "Say which month of training is claimed."
        else:
            month = month.replace(day=1)
            end = apprenticeship.ended_on or today
            if month < started.replace(day=1) or add_months(month, 1) > end + datetime.timedelta(
                days=1
            ):
                errors["month"] = (
                    "A month can be claimed once it has been completed, between the start "
                    f"({started.isoformat()}) and the end or today."
                )
            elif live.filter(kind=kind, month=month).exists():
                errors["month"] = "That month has already been claimed."
    if kind == ClaimKind.THREE_MONTHS and today < add_months(started, 3):
        errors["kind"] = f"Three months are reached on {add_months(started, 3).isoformat()}."
    if kind == ClaimKind.COMPLETION and apprenticeship.status != ApprenticeshipStatus.COMPLETED:
        errors["kind"] = "Completion is claimed once the apprenticeship is completed."
    if apprenticeship.status == ApprenticeshipStatus.ENDED_EARLY:
        errors["kind"] = "This apprenticeship ended early; no further claims."
    if not errors and amount > fund.remaining_pence:
        errors["amount_pence"] = (
            f"£{amount / 100:,.2f} is beyond what remains of the budget "
            f"(£{fund.remaining_pence / 100:,.2f})."
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        claim = Claim.objects.create(
            fund=fund,
            apprenticeship=apprenticeship,
            kind=kind,
            month=month if kind == ClaimKind.MONTH else None,
            amount_pence=amount,
            evidence=evidence.strip(),
            claimant=actor,
        )
        audit_record(actor=actor, action="claim_submit", instance=claim, after=snapshot(claim))
    return claim


def claim_decide(*, actor, claim: Claim, approve: bool) -> Claim:
    """An officer approves (the fund pays) or rejects a claim. Safe under concurrent approvals."""
    ensure_allowed(actor, "decide_claim", claim, "Officers decide claims.")
    with transaction.atomic():
        # Lock the fund first, always in the same order (fund, then claim), so that two
        # approvals cannot both see the same remaining balance.
        fund = TeachingFund.objects.select_for_update().get(pk=claim.fund_id)
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        if claim.status != ClaimStatus.SUBMITTED:
            raise ValidationError({"status": "This claim has already been decided."})
        if claim.claimant_id == actor.pk:
            raise ValidationError({"status": "You cannot decide your own claim."})
        before = snapshot(claim)
        if approve:
            if claim.amount_pence > fund.remaining_pence:
                raise ValidationError(
                    {
                        "amount_pence": f"Approving £{claim.amount_pence / 100:,.2f} would take "
                        f"the fund below zero (£{fund.remaining_pence / 100:,.2f} remains)."
                    }
                )
            fund.paid_pence += claim.amount_pence
            fund.save(update_fields=["paid_pence"])
            LedgerEntry.objects.create(
                fund=fund,
                claim=claim,
                amount_pence=claim.amount_pence,
                balance_after_pence=fund.remaining_pence,
                at=timezone.now(),
            )
        claim.status = ClaimStatus.APPROVED if approve else ClaimStatus.REJECTED
        claim.decided_by = actor
        claim.decided_at = timezone.now()
        claim.save(update_fields=["status", "decided_by", "decided_at"])
        audit_record(
            actor=actor, action="claim_decide", instance=claim, before=before, after=snapshot(claim)
        )
    return claim


def clawback_due(apprenticeship: Apprenticeship, ended_on: datetime.date) -> list[Claim]:
    """Approved payments not earned when an apprenticeship ends early on `ended_on`: months
    that begin after the end, the three-month payment if three months were not reached, and
    the start payment if it ended within its first three months (the partnership's rule)."""
    due = []
    for claim in apprenticeship.claims.filter(status=ClaimStatus.APPROVED):
        three = add_months(apprenticeship.started_on, 3)
        if (claim.kind == ClaimKind.MONTH and claim.month and claim.month > ended_on) or (
            claim.kind in {ClaimKind.START, ClaimKind.THREE_MONTHS} and ended_on < three
        ):
            due.append(claim)
    return due


def apprenticeship_end(
    *, actor, apprenticeship: Apprenticeship, ended_on: datetime.date, completed: bool
) -> Apprenticeship:
    """Record completion, or an early end (which claws back payments not yet earned)."""
    ensure_allowed(
        actor, "end_apprenticeship", apprenticeship, "The owner-manager or an officer ends it."
    )
    if apprenticeship.status != ApprenticeshipStatus.IN_PROGRESS:
        raise ValidationError({"status": "This apprenticeship has already ended."})
    if ended_on < apprenticeship.started_on:
        raise ValidationError({"ended_on": "It cannot end before it started."})
    with transaction.atomic():
        before = snapshot(apprenticeship)
        apprenticeship.status = (
            ApprenticeshipStatus.COMPLETED if completed else ApprenticeshipStatus.ENDED_EARLY
        )
        apprenticeship.ended_on = ended_on
        apprenticeship.save(update_fields=["status", "ended_on"])
        if completed:
            Milestone.objects.create(
                apprenticeship=apprenticeship,
                kind=MilestoneKind.COMPLETION,
                reached_on=ended_on,
                recorded_by=actor,
            )
        else:
            for claim in clawback_due(apprenticeship, ended_on):
                _claw_back(actor=actor, claim=claim)
            for claim in apprenticeship.claims.filter(status=ClaimStatus.SUBMITTED):
                claim.status = ClaimStatus.REJECTED
                claim.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action="apprenticeship_end",
            instance=apprenticeship,
            before=before,
            after=snapshot(apprenticeship),
        )
    return apprenticeship


def _claw_back(*, actor, claim: Claim) -> None:
    fund = TeachingFund.objects.select_for_update().get(pk=claim.fund_id)
    fund.paid_pence -= claim.amount_pence
    fund.save(update_fields=["paid_pence"])
    LedgerEntry.objects.create(
        fund=fund,
        claim=claim,
        amount_pence=-claim.amount_pence,
        balance_after_pence=fund.remaining_pence,
        at=timezone.now(),
    )
    before = snapshot(claim)
    claim.status = ClaimStatus.CLAWED_BACK
    claim.save(update_fields=["status"])
    audit_record(
        actor=actor, action="claim_claw_back", instance=claim, before=before, after=snapshot(claim)
    )


def milestone_record(
    *, actor, apprenticeship: Apprenticeship, kind: str, reached_on: datetime.date, note: str = ""
) -> Milestone:
    """Record a review, end-point assessment or job outcome (start and completion are recorded
    when the offer is accepted and when the apprenticeship ends)."""
    ensure_allowed(
        actor, "record_milestone", apprenticeship, "The owner-manager or an officer records it."
    )
    if kind not in {MilestoneKind.REVIEW, MilestoneKind.EPA, MilestoneKind.JOB}:
        raise ValidationError({"kind": "Record a review, end-point assessment or job outcome."})
    if reached_on < apprenticeship.started_on:
        raise ValidationError({"reached_on": "A milestone cannot come before the start."})
    if kind == MilestoneKind.JOB and apprenticeship.status != ApprenticeshipStatus.COMPLETED:
        raise ValidationError({"kind": "A job outcome follows completion."})
    with transaction.atomic():
        milestone = Milestone.objects.create(
            apprenticeship=apprenticeship,
            kind=kind,
            reached_on=reached_on,
            note=note.strip(),
            recorded_by=actor,
        )
        audit_record(
            actor=actor, action="milestone_record", instance=milestone, after=snapshot(milestone)
        )
    return milestone
