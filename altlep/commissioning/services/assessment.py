"""Writes for assessment: officers shortlist, merge or turn down ideas, and cost projects."""

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.commissioning.models import Idea, IdeaStatus, Project, Round
from altlep.commissioning.services.ideas import ensure_allowed
from altlep.core.audit import audit_record, snapshot

STATUS_FIELDS = ["status", "status_reason", "merged_into"]
OPEN_STATUSES = (IdeaStatus.SUBMITTED, IdeaStatus.SHORTLISTED)


def _check(actor, idea: Idea, allowed: tuple[str, ...] = OPEN_STATUSES) -> None:
    ensure_allowed(
        actor, "assess_idea", idea, "Ideas are assessed by officers in the assess phase."
    )
    # Checked here as well as in rules.py, because has_perm lets superusers through.
    if idea.round_id is None:
        raise ValidationError("This idea is in the ideas box: bring it into a round to assess it.")
    if idea.hidden:
        raise ValidationError("This idea was hidden by a moderator.")
    if idea.status not in allowed:
        raise ValidationError(f"This idea is already {idea.get_status_display().lower()}.")


def _set_status(*, actor, idea: Idea, action: str, **changes) -> Idea:
    with transaction.atomic():
        before = snapshot(idea, STATUS_FIELDS)
        for field, value in changes.items():
            setattr(idea, field, value)
        idea.save(update_fields=list(changes))
        audit_record(
            actor=actor,
            action=action,
            instance=idea,
            before=before,
            after=snapshot(idea, STATUS_FIELDS),
        )
    return idea


def idea_shortlist(*, actor, idea: Idea) -> Idea:
    """Put a submitted idea on the shortlist to be costed."""
    _check(actor, idea, allowed=(IdeaStatus.SUBMITTED,))
    return _set_status(
        actor=actor, idea=idea, action="idea.shortlist", status=IdeaStatus.SHORTLISTED
    )


def idea_merge(*, actor, idea: Idea, into: Idea, reason: str) -> Idea:
    """Fold an idea into a similar one of the same round; its page links to that one."""
    _check(actor, idea)
    if into.pk == idea.pk:
        raise ValidationError({"into": "An idea cannot be merged into itself."})
    if into.round_id != idea.round_id:
        raise ValidationError({"into": "Merge only into an idea of the same round."})
    if into.status in (IdeaStatus.MERGED, IdeaStatus.NOT_FEASIBLE) or into.hidden:
        raise ValidationError({"into": f"“{into.title}” is not open: choose another idea."})
    if not reason.strip():
        raise ValidationError({"reason": "Say why the ideas are merged."})
    return _set_status(
        actor=actor,
        idea=idea,
        action="idea.merge",
        status=IdeaStatus.MERGED,
        merged_into=into,
        status_reason=reason.strip(),
    )


def idea_reject_as_not_feasible(*, actor, idea: Idea, reason: str) -> Idea:
    """Mark an idea not feasible, with the public reason."""
    _check(actor, idea)
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason it is not feasible."})
    return _set_status(
        actor=actor,
        idea=idea,
        action="idea.not_feasible",
        status=IdeaStatus.NOT_FEASIBLE,
        status_reason=reason.strip(),
    )


def _next_ballot_id(round_: Round) -> str:
    numbers = [
        int(b)
        for b in Project.objects.filter(round=round_).values_list("ballot_id", flat=True)
        if b.isdigit()
    ]
    return str(max(numbers, default=0) + 1)


def project_create(*, actor, idea: Idea, cost_pence: int, feasibility_notes: str = "") -> Project:
    """Turn a shortlisted idea into a costed project on the round's ballot."""
    _check(actor, idea, allowed=(IdeaStatus.SHORTLISTED,))
    if not isinstance(cost_pence, int) or cost_pence <= 0:
        raise ValidationError({"cost_pence": "The cost must be more than £0."})
    with transaction.atomic():
        # Lock the round so two officers costing at once cannot take the same ballot id.
        round_ = Round.objects.select_for_update().get(pk=idea.round_id)
        project = Project.objects.create(
            round=round_,
            idea=idea,
            ballot_id=_next_ballot_id(round_),
            title=idea.title,
            description=idea.description,
            category=idea.category,
            cost_pence=cost_pence,
            feasibility_notes=feasibility_notes.strip(),
        )
        audit_record(
            actor=actor, action="project.create", instance=project, after=snapshot(project)
        )
        _set_status(actor=actor, idea=idea, action="idea.on_ballot", status=IdeaStatus.ON_BALLOT)
    return project
