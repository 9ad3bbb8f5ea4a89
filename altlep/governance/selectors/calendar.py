"""The iCalendar feed of meetings (board and groups), public items only."""

import icalendar
from django.utils import timezone

from altlep.governance.selectors.registers import meeting_list


def meetings_ical(*, base_url: str) -> bytes:
    """Every meeting as a VEVENT, with a stable UID so calendars update rather than duplicate."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Alternative LEP//governance//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Partnership meetings")
    host = base_url.split("//", 1)[-1].strip("/") or "altlep"
    for meeting in meeting_list():
        event = icalendar.Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("dtstamp", meeting.created_at or timezone.now())
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at)
        event.add("summary", meeting.title)
        if meeting.location:
            event.add("location", meeting.location)
        public = [f"{i.number}. {i.title}" for i in meeting.items.filter(public=True)]
        if public:
            event.add("description", "Agenda:\n" + "\n".join(public))
        event.add("url", base_url.rstrip("/") + meeting.get_absolute_url())
        calendar.add_component(event)
    return calendar.to_ical()
