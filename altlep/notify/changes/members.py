"""Changes to organisations in the directory."""

from altlep.core.models import AuditEntry
from altlep.members.models import Organisation
from altlep.notify.changes import Change, Describer, change

TEXTS = {
    "organisation.update": "“{name}” updated its details.",
    "organisation.set_sector": "“{name}” is now counted in the {sector} sector.",
}


def _organisations(entries: list[AuditEntry]) -> list[Change]:
    organisations = Organisation.objects.in_bulk({int(e.object_id) for e in entries})
    return [
        change(
            e,
            [("organisation", o.pk)],
            TEXTS[e.action].format(name=o.name, sector=o.get_sector_display().lower()),
            o.get_absolute_url(),
        )
        for e in entries
        if (o := organisations.get(int(e.object_id)))
    ]


ORGANISATIONS = Describer(frozenset(TEXTS), _organisations)
