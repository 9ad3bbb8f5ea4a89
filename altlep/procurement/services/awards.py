"""Import contract awards for a buyer from Contracts Finder / Find a Tender OCDS (through the
flows engine's OCDS reader), all files in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.core.audit import audit_record
from altlep.flows.errors import FlowsInputError
from altlep.flows.ocds import read_ocds
from altlep.geo.postcodes import PostcodeError, locate
from altlep.members.models import Organisation
from altlep.procurement.models import AwardRecord


@dataclass
class AwardImport:
    created: int = 0
    updated: int = 0
    other_buyers: int = 0
    files: list[str] = field(default_factory=list)


def awards_import(
    *, actor, buyer: Organisation, paths: list[Path], buyer_name: str = ""
) -> AwardImport:
    """Keep the awards whose buyer name contains `buyer_name` (default: the organisation's name);
    a damaged file stops the import with its name and nothing is saved."""
    wanted = (buyer_name or buyer.name).strip().lower()
    rows = []
    report = AwardImport()
    for path in paths:
        try:
            for award in read_ocds(Path(path)):
                if wanted not in award.buyer.lower():
                    report.other_buyers += 1
                    continue
                rows.append((str(path), award))
        except FlowsInputError as error:
            raise ValidationError(str(error)) from None
        report.files.append(str(path))
    with transaction.atomic():
        for source, award in rows:
            district = ""
            if award.postcode:
                try:
                    district = locate(award.postcode).district_code
                except PostcodeError:
                    district = ""
            _, created = AwardRecord.objects.update_or_create(
                buyer=buyer,
                award_id=award.award_id[:300],
                supplier_name=award.supplier_name[:300],
                defaults={
                    "ocid": award.ocid[:200],
                    "scale": award.scale if award.scale in ("micro", "sme", "large") else "unknown",
                    "vcse": award.vcse,
                    "postcode": award.postcode,
                    "district_code": district,
                    "amount_pence": award.amount_pence,
                    "awarded_on": award.awarded_on,
                    "source_file": source[-300:],
                },
            )
            report.created += created
            report.updated += not created
        audit_record(
            actor=actor,
            action="awards.import",
            instance=buyer,
            after={"files": report.files, "created": report.created, "updated": report.updated},
        )
    return report
