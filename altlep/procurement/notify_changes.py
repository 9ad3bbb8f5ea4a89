"""Opportunity alerts as notify changes: an alert reaches the members who follow the
organisation it was made for, in their next digest (and never twice: digests record what they
told)."""

from altlep.core.models import AuditEntry
from altlep.notify.changes import Change, Describer, change
from altlep.procurement.models import OpportunityAlert


def _alerts(entries: list[AuditEntry]) -> list[Change]:
    alerts = OpportunityAlert.objects.select_related("opportunity", "organisation").in_bulk(
        {int(e.object_id) for e in entries}
    )
    return [
        change(
            e,
            [("organisation", a.organisation_id)],
            f"New opportunity for {a.organisation.name}: “{a.opportunity.title}” ({a.reason}).",
            a.opportunity.get_absolute_url(),
        )
        for e in entries
        if (a := alerts.get(int(e.object_id)))
    ]


ALERTS = Describer(frozenset({"opportunity_alert.create"}), _alerts)
