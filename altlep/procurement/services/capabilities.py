"""The CPV codes an organisation declares it can supply, used to alert it to opportunities."""

from __future__ import annotations

from django.db import transaction

from altlep.core.audit import audit_record
from altlep.members.models import Organisation
from altlep.procurement.models import CpvCapability
from altlep.procurement.services import ensure_allowed
from altlep.procurement.services.opportunities import cpv_codes_known


def cpv_capabilities_set(*, actor, organisation: Organisation, codes: list[str]) -> list[str]:
    """Replace the organisation's declared CPV codes (unknown codes are refused, naming them)."""
    ensure_allowed(
        actor,
        "declare_capabilities",
        organisation,
        "Only those who manage an organisation say what it supplies.",
    )
    known = cpv_codes_known(codes)
    before = sorted(organisation.cpv_capabilities.values_list("cpv_code_id", flat=True))
    with transaction.atomic():
        organisation.cpv_capabilities.all().delete()
        CpvCapability.objects.bulk_create(
            CpvCapability(organisation=organisation, cpv_code=code) for code in known
        )
        after = sorted(c.code for c in known)
        audit_record(
            actor=actor,
            action="cpv_capabilities.set",
            instance=organisation,
            before={"cpv_codes": before},
            after={"cpv_codes": after},
        )
    return after
