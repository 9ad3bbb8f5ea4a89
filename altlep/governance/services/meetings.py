"""Meetings: scheduling, agenda items, papers, attendance and minutes."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.core import uploads
from altlep.core.audit import audit_record, snapshot
from altlep.governance.models import AgendaItem, Attendance, AttendanceStatus, Meeting, Paper
from altlep.governance.services import ensure_allowed


def meeting_schedule(
    *,
    actor,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    location: str = "",
    group=None,
) -> Meeting:
    """An officer schedules a board meeting, or a convenor their group's meeting."""
    ensure_allowed(
        actor, "schedule_meeting", group, "Officers schedule board meetings; convenors, groups'."
    )
    ends_at = ends_at or starts_at + datetime.timedelta(hours=2)
    errors = {}
    if not title.strip():
        errors["title"] = "Give the meeting a title."
    if starts_at.tzinfo is None:
        errors["starts_at"] = "The start time needs a time zone."
    elif ends_at <= starts_at:
        errors["ends_at"] = "The meeting must end after it starts."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting = Meeting.objects.create(
            title=title.strip(),
            starts_at=starts_at,
            ends_at=ends_at,
            location=location.strip(),
            group=group,
        )
        audit_record(
            actor=actor, action="meeting_schedule", instance=meeting, after=snapshot(meeting)
        )
    return meeting


def agenda_item_add(
    *, actor, meeting: Meeting, title: str, description: str = "", public: bool = True
) -> AgendaItem:
    """Add an item at the end of the agenda."""
    ensure_allowed(actor, "manage_meeting", meeting, "Only the meeting's organisers edit it.")
    if not title.strip():
        raise ValidationError({"title": "Give the item a title."})
    with transaction.atomic():
        number = meeting.items.count() + 1
        item = AgendaItem.objects.create(
            meeting=meeting,
            number=number,
            title=title.strip(),
            description=description,
            public=public,
        )
        audit_record(actor=actor, action="agenda_item_add", instance=item, after=snapshot(item))
    return item


def paper_add(*, actor, meeting: Meeting, title: str, url: str = "", file=None, item=None) -> Paper:
    """A paper for the meeting: a link or an uploaded file (one of the two)."""
    ensure_allowed(actor, "manage_meeting", meeting, "Only the meeting's organisers add papers.")
    if not title.strip():
        raise ValidationError({"title": "Give the paper a title."})
    if bool(url) == bool(file):
        raise ValidationError("Give either a link or a file for the paper, not both or neither.")
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError("That agenda item belongs to another meeting.")
    if file:
        try:
            uploads.check_upload(file)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from error
    with transaction.atomic():
        paper = Paper.objects.create(meeting=meeting, title=title.strip(), url=url, item=item)
        if file:
            paper.file.save(file.name, file, save=True)
        audit_record(actor=actor, action="paper_add", instance=paper, after=snapshot(paper))
    return paper


def attendance_record(*, actor, meeting: Meeting, statuses: dict) -> list[Attendance]:
    """Record who attended: {member: status}. Earlier records for those members are replaced."""
    ensure_allowed(actor, "manage_meeting", meeting, "Only the meeting's organisers record it.")
    bad = [s for s in statuses.values() if s not in AttendanceStatus.values]
    if bad:
        raise ValidationError(f"{bad[0]!r} is not an attendance status.")
    records = []
    with transaction.atomic():
        for member, status in statuses.items():
            record, _ = Attendance.objects.update_or_create(
                meeting=meeting, member=member, defaults={"status": status}
            )
            records.append(record)
        audit_record(
            actor=actor,
            action="attendance_record",
            instance=meeting,
            after={str(m.pk): s for m, s in statuses.items()},
        )
    return records


def minutes_publish(*, actor, meeting: Meeting, minutes: str) -> Meeting:
    """Publish (or correct) the minutes."""
    ensure_allowed(actor, "manage_meeting", meeting, "Only the meeting's organisers minute it.")
    if not minutes.strip():
        raise ValidationError({"minutes": "Write the minutes."})
    before = snapshot(meeting)
    meeting.minutes = minutes.strip()
    with transaction.atomic():
        meeting.save(update_fields=["minutes"])
        audit_record(
            actor=actor,
            action="minutes_publish",
            instance=meeting,
            before=before,
            after=snapshot(meeting),
        )
    return meeting
