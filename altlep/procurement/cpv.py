"""Import the CPV 2008 vocabulary from a CSV, in one transaction (all or nothing).

Accepts `code,description` with codes like `03000000-1`, or `code,check_digit,label[,level,…]`.
Level and parent are derived from the code: a division is XX000000, each further significant
digit is one level down, and the parent is the nearest shorter code present in the list.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from altlep.procurement.models import CpvCode

_CODE = re.compile(r"^(\d{8})(?:-(\d))?$")


class CpvImportError(Exception):
    pass


@dataclass
class CpvImportReport:
    created: int = 0
    updated: int = 0


def cpv_level(code: str) -> int:
    """1 for a division (XX000000), one more for each further significant digit."""
    significant = max(2, len(code.rstrip("0")))
    return significant - 1


def _read(path: Path) -> list[tuple[str, str, str]]:
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as error:
        raise CpvImportError(f"{path}: cannot read the file ({error.strerror})") from None
    rows: list[tuple[str, str, str]] = []
    with handle:
        reader = csv.DictReader(handle)
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        if "code" not in fields or not ({"description", "label"} & set(fields)):
            raise CpvImportError(
                f"{path}, line 1: expected columns 'code' and 'description' (or 'label')"
            )
        label_field = "label" if "label" in fields else "description"
        try:
            for line, raw in enumerate(reader, start=2):
                row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
                match = _CODE.match(row.get("code", ""))
                if not match:
                    raise CpvImportError(
                        f"{path}, line {line}, field code: {row.get('code')!r} is not a CPV "
                        "code (8 digits, optionally -check digit)"
                    )
                check_digit = match.group(2) or row.get("check_digit", "")
                if check_digit and not re.fullmatch(r"\d", check_digit):
                    raise CpvImportError(
                        f"{path}, line {line}, field check_digit: {check_digit!r} is not a digit"
                    )
                label = row.get(label_field, "")
                if not label:
                    raise CpvImportError(f"{path}, line {line}, field {label_field}: empty")
                rows.append((match.group(1), check_digit, label[:400]))
        except (csv.Error, UnicodeDecodeError) as error:
            raise CpvImportError(f"{path}: not a readable CSV ({error})") from None
    if not rows:
        raise CpvImportError(f"{path}: no codes found")
    return rows


def cpv_import(*, path: Path) -> CpvImportReport:
    """Create or update every code in the file; nothing is saved if any row is bad."""
    rows = _read(Path(path))
    codes = {code for code, _, _ in rows}
    report = CpvImportReport()
    existing = {c.code: c for c in CpvCode.objects.all()}
    known = codes | set(existing)
    with transaction.atomic():
        # Level by level, so that every parent exists before its children.
        by_level: dict[int, list[tuple[str, str, str]]] = {}
        for row in rows:
            by_level.setdefault(cpv_level(row[0]), []).append(row)
        for level in sorted(by_level):
            new, changed = [], []
            for code, check_digit, label in by_level[level]:
                values = dict(
                    check_digit=check_digit,
                    label=label,
                    level=level,
                    parent_id=_parent(code, known),
                )
                if code in existing:
                    record = existing[code]
                    for name, value in values.items():
                        setattr(record, name, value)
                    changed.append(record)
                else:
                    new.append(CpvCode(code=code, **values))
            CpvCode.objects.bulk_create(new, batch_size=1000)
            CpvCode.objects.bulk_update(
                changed, ["check_digit", "label", "level", "parent"], batch_size=1000
            )
            report.created += len(new)
            report.updated += len(changed)
    return report


def _parent(code: str, known: set[str]) -> str | None:
    significant = len(code.rstrip("0"))
    for length in range(min(significant, 8) - 1, 1, -1):
        candidate = code[:length].ljust(8, "0")
        if candidate != code and candidate in known:
            return candidate
    return None
