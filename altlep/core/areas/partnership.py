"""Set the partnership's area: a set of local authority districts, validated and audited."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.core import districts
from altlep.core.audit import audit_record, snapshot
from altlep.core.models import Partnership

_AUDITED = ["name", "description", "area_codes", "area_description"]


def partnership_set_area(
    *, partnership: Partnership, codes: Iterable[str], description: str, actor: Any
) -> Partnership:
    """Give the partnership these districts (saving it first if it is new) and audit the change.

    Raises ValidationError naming every code that is not a known district.
    """
    chosen = sorted({code.strip().upper() for code in codes if code and code.strip()})
    if not chosen:
        raise ValidationError({"area_codes": "choose at least one district"})
    unknown = [code for code in chosen if not districts.is_known(code)]
    if unknown:
        raise ValidationError({"area_codes": f"unknown district codes: {', '.join(unknown)}"})
    with transaction.atomic():
        # The stored row, not the instance: an admin form may already have changed its name.
        stored = Partnership.objects.filter(pk=partnership.pk).first() if partnership.pk else None
        before = snapshot(stored, _AUDITED) if stored else None
        partnership.area_codes = chosen
        partnership.area_description = description[:200]
        partnership.full_clean()
        partnership.save()
        audit_record(
            actor=actor,
            action="partnership.set_area" if stored else "partnership.create",
            instance=partnership,
            before=before,
            after=snapshot(partnership, _AUDITED),
        )
    return partnership
