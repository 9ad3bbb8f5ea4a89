"""Writes for sector evidence: an officer defines a sector (a new version if the name exists)."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify

from altlep.core.audit import audit_record, snapshot
from altlep.evidence.models import SectorCode, SectorDefinition
from altlep.evidence.sectors import sic_levels


def parse_codes(text: str) -> list[tuple[str, Decimal]]:
    """Lines or commas of `CODE` or `CODE SHARE` (58.11, 5811, 58110 0.5) → checked pairs.

    Raises ValidationError naming each bad entry: unknown SIC codes, shares outside 0–1."""
    pairs: list[tuple[str, Decimal]] = []
    errors: list[str] = []
    for n, entry in enumerate(
        (e.strip() for e in text.replace(",", "\n").splitlines() if e.strip()), start=1
    ):
        parts = entry.replace("=", " ").split()
        code = parts[0].replace(".", "")
        share = Decimal(1)
        if len(parts) > 1:
            try:
                share = Decimal(parts[1])
            except InvalidOperation:
                errors.append(f"entry {n} ({entry}): share {parts[1]!r} is not a number")
                continue
        if not (Decimal(0) < share <= Decimal(1)):
            errors.append(f"entry {n} ({entry}): share must be more than 0 and at most 1")
            continue
        if len(code) == 4 and sic_levels.is_class(code):
            pairs.append((code, share))
        elif len(code) == 5 and sic_levels.is_subclass(code):
            pairs.append((code, share))
        else:
            errors.append(f"entry {n} ({entry}): {code} is not a SIC 2007 class or subclass")
    if not pairs and not errors:
        errors.append("give at least one SIC 2007 code")
    seen: set[str] = set()
    for code, _ in pairs:
        if code in seen:
            errors.append(f"{code} is listed twice")
        seen.add(code)
    if errors:
        raise ValidationError({"codes": errors})
    return pairs


def sector_define(
    *, actor, name: str, codes: list[tuple[str, Decimal]], source: str, description: str = ""
) -> SectorDefinition:
    """An officer defines a sector; defining an existing name adds a new version."""
    if not actor.has_perm("evidence.define_sector"):
        raise PermissionDenied("Only partnership officers define sectors.")
    if not name.strip():
        raise ValidationError({"name": "Name the sector."})
    if not source.strip():
        raise ValidationError({"source": "Say where the list of codes comes from."})
    slug = slugify(name)[:100]
    if slug.startswith("dcms-"):
        raise ValidationError({"name": "Names starting 'DCMS' are kept for official definitions."})
    with transaction.atomic():
        latest = SectorDefinition.objects.filter(slug=slug).order_by("-version").first()
        definition = SectorDefinition.objects.create(
            name=name.strip(),
            slug=slug,
            version=(latest.version + 1) if latest else 1,
            source=source.strip(),
            description=description.strip(),
            created_by=actor,
        )
        SectorCode.objects.bulk_create(
            SectorCode(definition=definition, code=code, share=share) for code, share in codes
        )
        after = snapshot(definition)
        after["codes"] = [f"{c} {s}" for c, s in codes]
        audit_record(actor=actor, action="sector.define", instance=definition, after=after)
    return definition


def official_sectors_ensure() -> None:
    """Put back the DCMS definitions that the data migration ships, where they are missing
    (a database flushed since migrating, as between transactional tests). Idempotent."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("altlep.evidence.migrations.0004_dcms_sector_definitions")
    migration.forwards(apps, None)
