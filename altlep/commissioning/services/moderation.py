"""Writes for moderation: anyone reports, officers hide with a public reason or dismiss."""

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.commissioning.models import Comment, ContentReport, Idea
from altlep.commissioning.services.ideas import ensure_allowed
from altlep.core.audit import audit_record, snapshot


def content_report(
    *, actor, reason: str, idea: Idea | None = None, comment: Comment | None = None
) -> ContentReport:
    """Anyone, signed in or not, reports an idea or a comment for a moderator to look at."""
    if (idea is None) == (comment is None):
        raise ValueError("Report exactly one idea or one comment.")
    ensure_allowed(actor, "report_content", idea or comment, "You may not report this.")
    if not reason.strip():
        raise ValidationError({"reason": "Say what is wrong, so a moderator can judge."})
    with transaction.atomic():
        report = ContentReport.objects.create(
            idea=idea,
            comment=comment,
            reporter=actor if actor.is_authenticated else None,
            reason=reason.strip(),
        )
        audit_record(actor=actor, action="content.report", instance=report, after=snapshot(report))
    return report


def _hide(*, actor, target: Idea | Comment, reason: str, action: str) -> None:
    ensure_allowed(actor, "moderate", target, "Only moderators may hide content.")
    if not reason.strip():
        raise ValidationError({"reason": "Give a public reason for hiding it."})
    if target.hidden:
        raise ValidationError("It is already hidden.")
    with transaction.atomic():
        before = snapshot(target, ["hidden", "hidden_reason"])
        target.hidden = True
        target.hidden_reason = reason.strip()
        target.save(update_fields=["hidden", "hidden_reason"])
        reports = ContentReport.objects.filter(resolved=False)
        if isinstance(target, Idea):
            reports.filter(idea=target).update(resolved=True)
        else:
            reports.filter(comment=target).update(resolved=True)
        audit_record(
            actor=actor,
            action=action,
            instance=target,
            before=before,
            after=snapshot(target, ["hidden", "hidden_reason"]),
        )


def idea_hide(*, actor, idea: Idea, reason: str) -> None:
    """Hide an idea, showing the public reason in its place; its open reports are resolved."""
    _hide(actor=actor, target=idea, reason=reason, action="idea.hide")


def comment_hide(*, actor, comment: Comment, reason: str) -> None:
    """Hide a comment, showing the public reason in its place; its open reports are resolved."""
    _hide(actor=actor, target=comment, reason=reason, action="comment.hide")


def report_dismiss(*, actor, report: ContentReport) -> None:
    """Close a report without hiding anything."""
    ensure_allowed(actor, "moderate", report, "Only moderators may dismiss reports.")
    if report.resolved:
        raise ValidationError("That report is already dealt with.")
    with transaction.atomic():
        report.resolved = True
        report.save(update_fields=["resolved"])
        audit_record(
            actor=actor,
            action="report.dismiss",
            instance=report,
            before={"resolved": False},
            after={"resolved": True},
        )
