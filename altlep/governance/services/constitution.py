"""Changing the constitution: refused when it cannot work, and when it would make the sitting
board invalid unless the officer confirms, having seen the seats affected."""

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.core.audit import audit_record, snapshot
from altlep.governance.models import Constitution
from altlep.governance.selectors.composition import (
    composition_breaches,
    constitution_problems,
    current_constitution,
    seat_breaches,
    sitting_seats,
)
from altlep.governance.services import ensure_allowed

FIELDS = [f.name for f in Constitution._meta.concrete_fields if f.name not in {"id", "updated_at"}]


def constitution_update(*, actor, changes: dict, confirm: bool = False) -> Constitution:
    """An officer changes the rules. Unknown fields and unworkable rules are refused."""
    ensure_allowed(actor, "change_constitution", None, "Only officers may change the constitution.")
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise ValidationError(f"Not part of the constitution: {', '.join(unknown)}.")
    old = current_constitution()
    before = snapshot(old) if old.pk else None
    new = Constitution(**{name: getattr(old, name) for name in FIELDS})
    for name, value in changes.items():
        setattr(new, name, value)
    problems = constitution_problems(new)
    if problems:
        raise ValidationError(problems)
    seats = sitting_seats()
    old_keys = {b.key for b in composition_breaches(old, [s.category for s in seats])}
    broken = [
        b for b in composition_breaches(new, [s.category for s in seats]) if b.key not in old_keys
    ]
    broken += [b for b in seat_breaches(new, seats) if b.rule != "eligibility"]
    if broken and not confirm:
        affected = []
        for b in broken:
            names = [str(s) for s in seats if s.pk == b.seat_id or s.category == b.category]
            affected.append(b.message + (f" Seats affected: {', '.join(names)}." if names else ""))
        raise ValidationError(
            ["This change would make the sitting board break the constitution:"] + affected
        )
    with transaction.atomic():
        if old.pk:
            for name in FIELDS:
                setattr(old, name, getattr(new, name))
            new = old
        new.save()
        audit_record(
            actor=actor,
            action="constitution_update",
            instance=new,
            before=before,
            after=snapshot(new),
        )
    return new
