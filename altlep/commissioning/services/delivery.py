"""Writes for delivery: officers record milestones and dated updates on funded projects."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from altlep.commissioning.models import (
    DeliveryStatus,
    DeliveryUpdate,
    Idea,
    IdeaStatus,
    Milestone,
    Project,
)
from altlep.commissioning.services.ideas import ensure_allowed
from altlep.core.audit import audit_record, snapshot

REFUSED = "Only officers update delivery, and only of projects funded in published results."


def milestone_add(
    *, actor, project: Project, title: str, due: datetime.date | None = None
) -> Milestone:
    """Add a milestone to a funded project's delivery plan."""
    ensure_allowed(actor, "update_delivery", project, REFUSED)
    if not title.strip():
        raise ValidationError({"title": "Name the milestone."})
    with transaction.atomic():
        milestone = Milestone.objects.create(project=project, title=title.strip()[:200], due=due)
        audit_record(
            actor=actor, action="milestone.add", instance=milestone, after=snapshot(milestone)
        )
    return milestone


def milestone_mark_done(
    *, actor, milestone: Milestone, done_on: datetime.date | None = None
) -> Milestone:
    """Record the day a milestone was reached (today unless given)."""
    ensure_allowed(actor, "update_delivery", milestone.project, REFUSED)
    if milestone.done_at is not None:
        raise ValidationError(f"“{milestone.title}” was already done on {milestone.done_at}.")
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise ValidationError({"done_at": "A milestone cannot be done in the future."})
    with transaction.atomic():
        milestone.done_at = done_on
        milestone.save(update_fields=["done_at"])
        audit_record(
            actor=actor,
            action="milestone.done",
            instance=milestone,
            before={"done_at": None},
            after={"done_at": str(done_on)},
        )
    return milestone


def delivery_update_post(
    *,
    actor,
    project: Project,
    body: str,
    status: str,
    spend_to_date_pence: int,
    posted_at: datetime.datetime | None = None,
) -> DeliveryUpdate:
    """Post a dated update. The project's status and spend follow its latest update, and the
    idea it came from moves to in delivery (or delivered, once complete)."""
    ensure_allowed(actor, "update_delivery", project, REFUSED)
    errors: dict[str, str] = {}
    if not body.strip():
        errors["body"] = "Say what has happened."
    if status not in DeliveryStatus.values:
        errors["status"] = "Choose a delivery status."
    if (
        not isinstance(spend_to_date_pence, int)
        or isinstance(spend_to_date_pence, bool)
        or spend_to_date_pence < 0
    ):
        errors["spend_to_date_pence"] = "Spend to date must be £0 or more."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        update = DeliveryUpdate.objects.create(
            project=project,
            author=actor,
            body=body.strip(),
            status=status,
            spend_to_date_pence=spend_to_date_pence,
            posted_at=posted_at or timezone.now(),
        )
        audit_record(
            actor=actor, action="delivery_update.post", instance=update, after=snapshot(update)
        )
        _follow_latest_update(actor=actor, project=project)
    return update


def _follow_latest_update(*, actor, project: Project) -> None:
    latest = project.updates.order_by("-posted_at", "-pk").first()
    fields = ["delivery_status", "spend_to_date_pence"]
    before = snapshot(project, fields)
    project.delivery_status = latest.status
    project.spend_to_date_pence = latest.spend_to_date_pence
    project.save(update_fields=fields)
    audit_record(
        actor=actor,
        action="project.delivery",
        instance=project,
        before=before,
        after=snapshot(project, fields),
    )
    if project.idea_id is None:
        return
    idea = Idea.objects.get(pk=project.idea_id)
    status = (
        IdeaStatus.DELIVERED if latest.status == DeliveryStatus.COMPLETE else IdeaStatus.IN_DELIVERY
    )
    if idea.status != status:
        before = snapshot(idea, ["status"])
        idea.status = status
        idea.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action=f"idea.{status}",
            instance=idea,
            before=before,
            after=snapshot(idea, ["status"]),
        )
