"""The iCalendar feed lists every meeting, with public agenda items only."""

import icalendar
import pytest

from tests.governance.helpers import board_meeting, item

pytestmark = pytest.mark.django_db


def test_the_meetings_feed_is_valid_icalendar_with_one_event_per_meeting(client, officer):
    first = board_meeting(officer, "Board meeting, December")
    item(officer, first, "Open item")
    item(officer, first, "Secret item", public=False)
    board_meeting(officer, "Board meeting, January", days=30)
    response = client.get("/governance/meetings.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Board meeting, December", "Board meeting, January"}
    december = events["Board meeting, December"]
    assert december.decoded("dtstart") == first.starts_at
    assert "Open item" in str(december["description"])
    assert "Secret item" not in str(december["description"])
    assert str(december["uid"]).startswith(f"meeting-{first.pk}@")
