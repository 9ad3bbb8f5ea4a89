"""The people's plan: members propose amendments to a section of the strategy, support and
discuss them, and the board adopts or declines each by a recorded decision."""

import difflib

import reversion
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from reversion.models import Version

from altlep.core.audit import audit_record, snapshot
from altlep.governance import plan_text
from altlep.governance.models import (
    AmendmentComment,
    AmendmentStatus,
    AmendmentSupport,
    Decision,
    PlanAmendment,
    Strategy,
)
from altlep.governance.services import ensure_allowed


def current_strategy() -> Strategy | None:
    return Strategy.objects.order_by("-id").first()


def amendment_propose(*, actor, section: str, proposed_text: str, reason: str) -> PlanAmendment:
    """Any confirmed member proposes new text for a section of the plan."""
    ensure_allowed(actor, "propose_amendment", None, "Confirm your email address to propose.")
    strategy = current_strategy()
    errors = {}
    if strategy is None:
        errors["section"] = "The partnership has not published its plan yet."
    if not section.strip():
        errors["section"] = "Name the section you would amend."
    if not proposed_text.strip():
        errors["proposed_text"] = "Write the text you propose."
    if not reason.strip():
        errors["reason"] = "Say why."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        amendment = PlanAmendment.objects.create(
            section=section.strip(),
            proposed_text=proposed_text.strip(),
            reason=reason.strip(),
            proposer=actor,
        )
        audit_record(
            actor=actor, action="amendment.propose", instance=amendment, after=snapshot(amendment)
        )
    return amendment


def amendment_support(*, actor, amendment: PlanAmendment) -> None:
    ensure_allowed(actor, "support_amendment", amendment, "Confirm your email address first.")
    if amendment.status != AmendmentStatus.OPEN:
        raise ValidationError("The board has decided this amendment already.")
    try:
        with transaction.atomic():
            AmendmentSupport.objects.create(amendment=amendment, member=actor)
            audit_record(actor=actor, action="amendment.support", instance=amendment)
    except IntegrityError:
        raise ValidationError("You support this amendment already.") from None


def amendment_comment(*, actor, amendment: PlanAmendment, body: str) -> AmendmentComment:
    ensure_allowed(actor, "comment_amendment", amendment, "Confirm your email address first.")
    if not body.strip():
        raise ValidationError({"body": "Write a comment."})
    with transaction.atomic():
        comment = AmendmentComment.objects.create(
            amendment=amendment, author=actor, body=body.strip()
        )
        audit_record(
            actor=actor, action="amendment.comment", instance=comment, after=snapshot(comment)
        )
    return comment


def amendment_decide(*, actor, amendment: PlanAmendment, decision: Decision) -> PlanAmendment:
    """Apply the board's recorded decision: carried adopts the amendment into the plan (a new
    version of the strategy, kept with django-reversion), not carried declines it. The
    decision's text is the reason, shown beside the amendment."""
    ensure_allowed(actor, "decide_amendment", amendment, "Officers apply the board's decisions.")
    if amendment.status != AmendmentStatus.OPEN:
        raise ValidationError("The board has decided this amendment already.")
    if decision.meeting.group_id:
        raise ValidationError("Only a decision of the board decides the plan.")
    strategy = current_strategy()
    before = snapshot(amendment)
    with transaction.atomic():
        amendment.decision = decision
        if decision.carried:
            plan_baseline(actor=actor)  # the plan as it stood before its first amendment
            with reversion.create_revision():
                strategy.body = plan_text.replace_section(
                    strategy.body, amendment.section, amendment.proposed_text
                )
                strategy.save()
                reversion.set_user(actor)
                reversion.set_comment(f"Amendment {amendment.pk} adopted: {decision.title}")
            amendment.status = AmendmentStatus.ADOPTED
            amendment.strategy_version = Version.objects.get_for_object(strategy).count()
        else:
            amendment.status = AmendmentStatus.DECLINED
        amendment.save()
        audit_record(
            actor=actor,
            action=f"amendment.{amendment.status}",
            instance=amendment,
            before=before,
            after=snapshot(amendment),
        )
    return amendment


def plan_baseline(*, actor) -> None:
    """Keep the plan as it stands as a version (before the first amendment is adopted)."""
    strategy = current_strategy()
    if strategy is None or Version.objects.get_for_object(strategy).exists():
        return
    with reversion.create_revision():
        reversion.add_to_revision(strategy)
        reversion.set_user(actor if getattr(actor, "is_authenticated", False) else None)
        reversion.set_comment("The plan as published by officers")


def plan_versions() -> list[dict]:
    """Every kept version of the plan, oldest first, each with its diff from the one before."""
    strategy = current_strategy()
    if strategy is None:
        return []
    kept = sorted(
        Version.objects.get_for_object(strategy).select_related("revision"),
        key=lambda v: v.revision.date_created,
    )
    out, previous = [], None
    for n, v in enumerate(kept, start=1):
        body = v.field_dict["body"]
        diff = []
        if previous is not None:
            for line in difflib.ndiff(previous.splitlines(), body.splitlines()):
                if line[:2] in {"+ ", "- "}:
                    diff.append(("added" if line[0] == "+" else "removed", line[2:]))
        out.append(
            {
                "number": n,
                "when": v.revision.date_created,
                "comment": v.revision.comment,
                "body": body,
                "diff": diff,
            }
        )
        previous = body
    return out
