"""What changed, in plain words: audit entries mapped to the things members follow.

Every service write is in the audit log (`core.AuditEntry`). Each describer below turns the
entries of one object type into `Change`s: a sentence, a link, and the followed things it
concerns (most specific first: an idea before its round). A later app (procurement,
apprenticeships) makes its changes reach followers by adding one entry to DESCRIBERS.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q

from altlep.core.models import AuditEntry

Target = tuple[str, int]  # (a kind in models.FOLLOWABLE_KINDS, the thing's primary key)


@dataclass(frozen=True)
class Change:
    entry_id: int
    at: datetime.datetime
    actor_id: int | None
    targets: tuple[Target, ...]
    text: str
    url: str


@dataclass(frozen=True)
class Describer:
    actions: frozenset[str]
    describe: Callable[[list[AuditEntry]], list[Change]]


def change(entry: AuditEntry, targets: Iterable[Target | None], text: str, url: str) -> Change:
    """A Change for `entry`, dropping targets that do not exist (e.g. a board meeting's group)."""
    kept = tuple(dict.fromkeys(t for t in targets if t is not None and t[1] is not None))
    return Change(entry.pk, entry.at, entry.actor_id, kept, text, url)


def _registry() -> dict[str, Describer]:
    # Imported here so that the describers' model imports happen after Django is set up.
    from altlep.notify.changes import commissioning, governance, members

    return {
        "commissioning.round": commissioning.ROUNDS,
        "commissioning.idea": commissioning.IDEAS,
        "commissioning.comment": commissioning.COMMENTS,
        "commissioning.project": commissioning.PROJECTS,
        "commissioning.result": commissioning.RESULTS,
        "commissioning.milestone": commissioning.MILESTONES,
        "commissioning.deliveryupdate": commissioning.DELIVERY_UPDATES,
        "governance.meeting": governance.MEETINGS,
        "governance.agendaitem": governance.AGENDA_ITEMS,
        "governance.paper": governance.PAPERS,
        "governance.decision": governance.DECISIONS,
        "governance.groupdocument": governance.GROUP_DOCUMENTS,
        "governance.groupmembership": governance.GROUP_MEMBERSHIPS,
        "members.organisation": members.ORGANISATIONS,
        "procurement.opportunityalert": _procurement_alerts(),
    }


def _procurement_alerts() -> Describer:
    from altlep.procurement.notify_changes import ALERTS

    return ALERTS


def relevant_entries(since: datetime.datetime) -> Iterable[AuditEntry]:
    """Audit entries after `since` that some describer knows how to tell, oldest first."""
    registry = _registry()
    wanted = Q()
    for object_type, describer in registry.items():
        wanted |= Q(object_type=object_type, action__in=describer.actions)
    return AuditEntry.objects.filter(wanted, at__gt=since).order_by("at", "pk")


def describe(entries: Iterable[AuditEntry]) -> list[Change]:
    """Every entry that can be told, as Changes in the order of the entries."""
    registry = _registry()
    by_type: dict[str, list[AuditEntry]] = {}
    for entry in entries:
        if entry.object_type in registry:
            by_type.setdefault(entry.object_type, []).append(entry)
    changes = [
        c for object_type, group in by_type.items() for c in registry[object_type].describe(group)
    ]
    return sorted(changes, key=lambda c: (c.at, c.entry_id))


def changes_since(since: datetime.datetime) -> list[Change]:
    return describe(relevant_entries(since))
