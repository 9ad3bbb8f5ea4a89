"""Writes for the ideas box: officers bring a box idea into a round, or decline it publicly.

Proposing, supporting and commenting on box ideas go through the same services as round ideas
(`idea_submit` with no round, `idea_support`, `comment_add`).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from altlep.commissioning.models import PHASES_TAKING_IDEAS, Idea, IdeaStatus, Round
from altlep.commissioning.services.ideas import ensure_allowed
from altlep.core.audit import audit_record

REASON_MAX_LENGTH = 2000


def round_takes_ideas(round_: Round) -> bool:
    return round_.current_phase_kind in PHASES_TAKING_IDEAS


def _locked_box_idea(idea: Idea) -> Idea:
    """The idea re-read under a row lock, refused unless it still awaits a decision: two
    officers acting at once cannot both decide on it."""
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    if locked.round_id is not None:
        raise ValidationError("This idea is already in a round.")
    if locked.status == IdeaStatus.DECLINED:
        raise ValidationError("This idea was already declined.")
    if locked.hidden:
        raise ValidationError("This idea was hidden by a moderator.")
    return locked


def idea_bring_into_round(*, actor, idea: Idea, round_: Round) -> Idea:
    """Move a box idea into a round that is collecting or assessing ideas. The idea keeps its
    author, date, supports and comments; it only gains its round and the moment it joined."""
    ensure_allowed(
        actor,
        "bring_idea_into_round",
        idea,
        "Only partnership officers bring ideas from the box into a round.",
    )
    # State rules, checked here for every caller, officers and superusers alike.
    if not round_takes_ideas(round_):
        raise ValidationError(
            {
                "round": f"“{round_.title}” is not taking ideas now: a round takes them only "
                "while it collects or assesses ideas."
            }
        )
    with transaction.atomic():
        locked = _locked_box_idea(idea)
        locked.round = round_
        locked.brought_in_at = timezone.now()
        locked.save(update_fields=["round", "brought_in_at"])
        audit_record(
            actor=actor,
            action="idea.bring_into_round",
            instance=locked,
            before={"round": None, "brought_in_at": None},
            after={
                "round": round_.pk,
                "round_slug": round_.slug,
                "round_title": round_.title,
                "brought_in_at": locked.brought_in_at.isoformat(),
            },
        )
    idea.refresh_from_db()
    return idea


def idea_decline(*, actor, idea: Idea, reason: str) -> Idea:
    """Decline a box idea with a reason shown publicly on its page."""
    ensure_allowed(
        actor, "decline_idea", idea, "Only partnership officers decline ideas from the box."
    )
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why, publicly: the proposer and supporters read it."})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {"reason": f"Keep the reason to {REASON_MAX_LENGTH} characters or fewer."}
        )
    with transaction.atomic():
        locked = _locked_box_idea(idea)
        before = {"status": locked.status, "status_reason": locked.status_reason}
        locked.status = IdeaStatus.DECLINED
        locked.status_reason = reason
        locked.declined_at = timezone.now()
        locked.save(update_fields=["status", "status_reason", "declined_at"])
        audit_record(
            actor=actor,
            action="idea.decline",
            instance=locked,
            before=before,
            after={
                "round": None,
                "status": locked.status,
                "status_reason": reason,
                "declined_at": locked.declined_at.isoformat(),
            },
        )
    idea.refresh_from_db()
    return idea
