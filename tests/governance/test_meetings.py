"""Meetings: scheduling, agenda with public and private items, papers, attendance, minutes."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from altlep.governance.services.meetings import (
    attendance_record,
    meeting_schedule,
    minutes_publish,
    paper_add,
)
from tests.governance.factories import board
from tests.governance.helpers import board_meeting, item

pytestmark = pytest.mark.django_db


def test_an_officer_schedules_a_meeting_which_lasts_two_hours_by_default(officer):
    meeting = board_meeting(officer)
    assert meeting.ends_at - meeting.starts_at == datetime.timedelta(hours=2)


def test_a_member_cannot_schedule_a_board_meeting(member):
    with pytest.raises(PermissionDenied):
        meeting_schedule(actor=member, title="Coup", starts_at=timezone.now())


def test_a_meeting_that_ends_before_it_starts_is_refused(officer):
    now = timezone.now()
    with pytest.raises(ValidationError, match="end after it starts"):
        meeting_schedule(
            actor=officer,
            title="Backwards",
            starts_at=now,
            ends_at=now - datetime.timedelta(hours=1),
        )


def test_private_items_are_hidden_from_the_public_but_shown_to_the_board(client, officer):
    meeting = board_meeting(officer)
    item(officer, meeting, "Open item")
    item(officer, meeting, "Confidential tender", public=False)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Open item" in html and "Confidential tender" not in html
    assert "1 private item not shown" in html
    client.force_login(board(micro=1, sme=0, social=0)[0].member)
    assert "Confidential tender" in client.get(meeting.get_absolute_url()).content.decode()


def test_papers_are_links_or_uploaded_files(officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = board_meeting(officer)
    link = paper_add(actor=officer, meeting=meeting, title="Budget", url="https://example.org/b")
    upload = paper_add(
        actor=officer,
        meeting=meeting,
        title="Minutes draft",
        file=SimpleUploadedFile("draft.txt", b"draft"),
    )
    assert link.href == "https://example.org/b"
    assert upload.file.read() == b"draft"
    with pytest.raises(ValidationError, match="either a link or a file"):
        paper_add(actor=officer, meeting=meeting, title="Neither")


def test_attendance_and_minutes_are_recorded_and_shown(client, officer):
    seats = board(micro=2, sme=0, social=1)
    meeting = board_meeting(officer)
    attendance_record(
        actor=officer,
        meeting=meeting,
        statuses={seats[0].member: "present", seats[1].member: "apologies"},
    )
    minutes_publish(actor=officer, meeting=meeting, minutes="We met and agreed things.")
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert f"{seats[1].member}: Apologies" in html
    assert "We met and agreed things." in html
