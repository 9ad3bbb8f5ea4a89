"""Public registers: meetings, decisions with their votes, interests; rows for CSV and JSON."""

from django.db.models import Prefetch, QuerySet

from altlep.governance.models import (
    AgendaItem,
    Decision,
    Election,
    Group,
    GroupMembership,
    Interest,
    Meeting,
    PrioritySector,
    Strategy,
    Vote,
)
from altlep.governance.selectors.composition import sitting_seats
from altlep.members.selectors import person_name, visible_people

PRIVATE_ITEM = "(a private item)"


def _item_title(item: AgendaItem | None) -> str:
    """An agenda item's title for the public registers; private items are not named."""
    if item is None:
        return ""
    return item.title if item.public else PRIVATE_ITEM


def meeting_list(*, group=None, board_only: bool = False) -> QuerySet[Meeting]:
    """Meetings, newest first; the board's only, or one group's."""
    meetings = Meeting.objects.select_related("group")
    if group is not None:
        return meetings.filter(group=group)
    return meetings.filter(group__isnull=True) if board_only else meetings


def meeting_detail(*, meeting: Meeting, show_private: bool, viewer) -> dict:
    """A meeting's page: agenda (private items only for those allowed), papers, decisions.
    A group meeting's attendance lists only the people this viewer may see; the board's is a
    record of public office."""
    items = meeting.items.prefetch_related("papers", "interests__member")
    if not show_private:
        items = items.filter(public=True)
    return {
        "meeting": meeting,
        "items": list(items),
        "hidden_items": 0 if show_private else meeting.items.filter(public=False).count(),
        "papers": [p for p in meeting.papers.filter(item__isnull=True)],
        "attendance": _attendance(meeting=meeting, viewer=viewer),
        "decisions": list(decision_list().filter(meeting=meeting)),
    }


def _attendance(*, meeting: Meeting, viewer) -> list:
    records = list(meeting.attendance.select_related("member"))
    if not meeting.group_id:
        return records
    shown = {p.pk for p in visible_people(viewer=viewer, people=[a.member for a in records])}
    return [a for a in records if a.member_id in shown]


def decision_list() -> QuerySet[Decision]:
    """The decisions register, newest first, with votes and voters loaded."""
    return Decision.objects.select_related("meeting", "item").prefetch_related(
        Prefetch("votes", queryset=Vote.objects.select_related("member"))
    )


def decision_rows() -> list[dict]:
    """One flat record per decision, for CSV and JSON."""
    rows = []
    for d in decision_list():
        votes = list(d.votes.all())
        rows.append(
            {
                "id": d.pk,
                "meeting": d.meeting.title,
                "date": d.meeting.starts_at.date().isoformat(),
                "agenda_item": _item_title(d.item),
                "title": d.title,
                "text": d.text,
                "outcome": "carried" if d.carried else "not carried",
                "for": [str(v.member) for v in votes if v.choice == "for"],
                "against": [str(v.member) for v in votes if v.choice == "against"],
                "abstain": [str(v.member) for v in votes if v.choice == "abstain"],
                "recused": [str(v.member) for v in votes if v.choice == "recused"],
            }
        )
    return rows


def interest_list() -> QuerySet[Interest]:
    """The register of interests, by member."""
    return Interest.objects.select_related("member", "item__meeting")


def interest_rows() -> list[dict]:
    return [
        {
            "id": i.pk,
            "member": str(i.member),
            "description": i.description,
            "agenda_item": _item_title(i.item),
            "meeting": i.item.meeting.title if i.item else "",
            "declared_at": i.declared_at.isoformat(),
        }
        for i in interest_list()
    ]


def agenda_items_for_interest(*, member) -> QuerySet[AgendaItem]:
    """Agenda items a board member might declare an interest in: upcoming and recent."""
    return AgendaItem.objects.select_related("meeting").filter(meeting__group__isnull=True)


def decision_form_context(*, meeting: Meeting) -> dict:
    """What the officer sees when recording a decision: the voting seats on the day and who,
    having declared an interest in an item, is recused from it."""
    items = list(meeting.items.prefetch_related("interests__member"))
    return {
        "items": items,
        "voters": [s.member for s in sitting_seats(meeting.starts_at.date()) if s.voting],
        "recusals": [(item, [i.member for i in item.interests.all()]) for item in items],
    }


def meeting_members(*, meeting: Meeting) -> list:
    """Whose attendance a meeting records: the group's members, or the board sitting that day."""
    if meeting.group_id:
        return [m.member for m in meeting.group.memberships.filter(accepted=True)]
    return [s.member for s in sitting_seats(meeting.starts_at.date())]


def group_detail(*, group: Group, viewer) -> dict:
    """A group's page: its members and convenor as this viewer may see them. Requests to join
    are listed whole, but shown only to those who decide them (the convenor and officers):
    the member asking addressed them."""
    memberships = list(group.memberships.select_related("member"))
    accepted = [m for m in memberships if m.accepted]
    shown = {p.pk for p in visible_people(viewer=viewer, people=[m.member for m in accepted])}
    return {
        "group": group,
        "convenor_name": person_name(viewer=viewer, person=group.convenor),
        "members": [m for m in accepted if m.member_id in shown],
        "requests": [m for m in memberships if not m.accepted],
        "meetings": list(meeting_list(group=group)),
        "documents": list(group.documents.all()),
    }


def group_list(*, viewer) -> list[Group]:
    """Every group, each with `convenor_name` as this viewer may see the convenor."""
    groups = list(Group.objects.select_related("convenor"))
    for group in groups:
        group.convenor_name = person_name(viewer=viewer, person=group.convenor)
    return groups


def membership_of(*, group: Group, member) -> GroupMembership | None:
    if not member.is_authenticated:
        return None
    return group.memberships.filter(member=member).first()


def strategy_page() -> dict:
    return {
        "strategy": Strategy.objects.order_by("-id").first(),
        "sectors": list(PrioritySector.objects.all()),
    }


def election_list() -> QuerySet[Election]:
    return Election.objects.all()
