"""Governance's sections of the home page: meetings ahead, elections, decisions just made."""

from django.urls import reverse
from django.utils import timezone

from altlep.core.whats_on import Item, Link, Section
from altlep.governance.models import Decision, Election, ElectionStatus, Meeting

SHOWN = 5


def _on(moment) -> str:
    return f"{timezone.localtime(moment):%A %-d %B %Y at %H:%M}"


def next_meetings(request) -> Section:
    meetings = Meeting.objects.filter(ends_at__gt=timezone.now()).select_related("group")
    return Section(
        key="meetings",
        title="Next meetings",
        items=[
            Item(
                meeting.title,
                meeting.get_absolute_url(),
                _on(meeting.starts_at)
                + (f", {meeting.location}" if meeting.location else "")
                + (f" ({meeting.group.name})" if meeting.group else ""),
                meeting.starts_at,
            )
            for meeting in meetings.order_by("starts_at", "pk")[:SHOWN]
        ],
        empty="No meeting is scheduled yet.",
        links=[Link("All meetings", reverse("governance:meetings"))],
    )


ELECTION_DETAIL = {
    ElectionStatus.NOMINATIONS: "Taking nominations: members may stand",
    ElectionStatus.VOTING: "Voting open",
}


def elections(request) -> Section:
    open_ = Election.objects.exclude(status=ElectionStatus.COUNTED).order_by("created_at", "pk")
    return Section(
        key="elections",
        title="Elections",
        items=[
            Item(e.title, e.get_absolute_url(), ELECTION_DETAIL.get(e.status, ""))
            for e in open_[:SHOWN]
        ],
        empty="No board election is under way.",
        links=[Link("All elections", reverse("governance:elections"))],
    )


def latest_decisions(request) -> Section:
    decisions = Decision.objects.select_related("meeting").order_by("-recorded_at", "-pk")
    return Section(
        key="decisions",
        title="Latest decisions",
        items=[
            Item(
                d.title,
                d.get_absolute_url(),
                f"{'Carried' if d.carried else 'Not carried'} at {d.meeting.title}",
                d.recorded_at,
            )
            for d in decisions[:SHOWN]
        ],
        empty="No decision recorded yet.",
        links=[Link("The decisions register", reverse("governance:decisions"))],
    )
