"""Shared set-ups for meeting and decision tests."""

import datetime

from django.utils import timezone

from altlep.governance.services.meetings import agenda_item_add, meeting_schedule


def board_meeting(officer, title: str = "Board meeting", days: int = 0):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days, hours=1)
    return meeting_schedule(actor=officer, title=title, starts_at=starts, location="Preston")


def item(officer, meeting, title: str = "Town-centre grants", public: bool = True):
    return agenda_item_add(actor=officer, meeting=meeting, title=title, public=public)
