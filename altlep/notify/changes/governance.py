"""Changes in governance: meetings (agenda, papers, decisions, minutes) and groups."""

from django.utils import timezone

from altlep.core.models import AuditEntry
from altlep.governance.models import (
    AgendaItem,
    Decision,
    GroupDocument,
    GroupMembership,
    Meeting,
    Paper,
)
from altlep.notify.changes import Change, Describer, change


def _objects(model, entries: list[AuditEntry], related: tuple[str, ...] = ()) -> dict:
    return model.objects.select_related(*related).in_bulk({int(e.object_id) for e in entries})


def _meeting_targets(meeting: Meeting):
    return [("meeting", meeting.pk), ("group", meeting.group_id)]


def _when(meeting: Meeting) -> str:
    return timezone.localtime(meeting.starts_at).strftime("%-d %B %Y at %H:%M")


def _meetings(entries: list[AuditEntry]) -> list[Change]:
    meetings = _objects(Meeting, entries)
    changes = []
    for entry in entries:
        meeting = meetings.get(int(entry.object_id))
        if meeting is None:
            continue
        if entry.action == "meeting_schedule":
            text = f"Meeting “{meeting.title}” on {_when(meeting)}."
        else:
            text = f"The minutes of “{meeting.title}” are published."
        changes.append(change(entry, _meeting_targets(meeting), text, meeting.get_absolute_url()))
    return changes


def _agenda_items(entries: list[AuditEntry]) -> list[Change]:
    items = _objects(AgendaItem, entries, ("meeting",))
    # Private items are for the board and officers: never told in an email.
    return [
        change(
            e,
            _meeting_targets(i.meeting),
            f"On the agenda of “{i.meeting.title}”: {i.number}. {i.title}.",
            i.meeting.get_absolute_url(),
        )
        for e in entries
        if (i := items.get(int(e.object_id))) and i.public
    ]


def _papers(entries: list[AuditEntry]) -> list[Change]:
    papers = _objects(Paper, entries, ("meeting", "item"))
    return [
        change(
            e,
            _meeting_targets(p.meeting),
            f"A paper for “{p.meeting.title}”: {p.title}.",
            p.meeting.get_absolute_url(),
        )
        for e in entries
        if (p := papers.get(int(e.object_id))) and (p.item is None or p.item.public)
    ]


def _outcome(decision: Decision) -> str:
    return "carried" if decision.carried else "not carried"


def _decisions(entries: list[AuditEntry]) -> list[Change]:
    decisions = _objects(Decision, entries, ("meeting",))
    return [
        change(
            e,
            _meeting_targets(d.meeting),
            f"Decided at “{d.meeting.title}”: {d.title} ({_outcome(d)}).",
            d.get_absolute_url(),
        )
        for e in entries
        if (d := decisions.get(int(e.object_id)))
    ]


def _group_documents(entries: list[AuditEntry]) -> list[Change]:
    documents = _objects(GroupDocument, entries, ("group",))
    return [
        change(
            e,
            [("group", d.group_id)],
            f"A new document in “{d.group.name}”: {d.title}.",
            d.group.get_absolute_url(),
        )
        for e in entries
        if (d := documents.get(int(e.object_id)))
    ]


def _group_memberships(entries: list[AuditEntry]) -> list[Change]:
    memberships = _objects(GroupMembership, entries, ("group",))
    # Who joined is not named: a member's visibility is theirs to choose.
    return [
        change(
            e,
            [("group", m.group_id)],
            f"A new member joined “{m.group.name}”.",
            m.group.get_absolute_url(),
        )
        for e in entries
        if (m := memberships.get(int(e.object_id)))
    ]


MEETINGS = Describer(frozenset({"meeting_schedule", "minutes_publish"}), _meetings)
AGENDA_ITEMS = Describer(frozenset({"agenda_item_add"}), _agenda_items)
PAPERS = Describer(frozenset({"paper_add"}), _papers)
DECISIONS = Describer(frozenset({"decision_record"}), _decisions)
GROUP_DOCUMENTS = Describer(frozenset({"group_document_add"}), _group_documents)
GROUP_MEMBERSHIPS = Describer(frozenset({"group_member_accept"}), _group_memberships)
