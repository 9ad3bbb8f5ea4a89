"""Importing apprenticeship standards: the Institute's published CSV (UTF-16, a title line then
a header, as of a date) and the JSON of the current standards service (one object per version).

The CSV's "Trailblazer Contact" column holds named people's e-mail addresses: it is never read
into memory past the csv module, never stored and never shown. One transaction per file:
a bad row stops the import with the file, line and field, and nothing is saved.
"""

import csv
import datetime
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from altlep.core.audit import audit_record
from altlep.skills.models import Standard, StandardVersion

# ST0116; the 2018 export also has pathway suffixes (ST0242_03, ST0005-02, ST0417/01).
REFERENCE = re.compile(r"^(ST|FA)\d{4}([-_/]\d{2})?$")


class StandardsImportError(ValueError):
    """A file that cannot be imported; the message names the file, line and field."""


@dataclass
class Row:
    line: int
    reference: str
    title: str
    lars_code: int | None
    level: int | None
    route: str
    typical_duration_months: int | None
    status: str
    approved_on: datetime.date | None
    withdrawn_on: datetime.date | None
    foundation: bool
    version: str
    max_funding_pence: int | None
    effective_from: datetime.date | None
    effective_to: datetime.date | None


@dataclass
class ImportReport:
    filename: str
    layout: str
    created: int = 0
    updated: int = 0
    versions_added: int = 0
    rows: int = 0
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        lines = [
            f"{self.filename} ({self.layout}): {self.rows} rows; {self.created} standards "
            f"created, {self.updated} updated, {self.versions_added} funding versions added."
        ]
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    # The Institute's export is UTF-16 little-endian without a byte-order mark: ASCII text
    # then has a zero byte after every character.
    if len(raw) > 1 and raw[1:2] == b"\x00" and raw[0:1] != b"\x00":
        return raw.decode("utf-16-le")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StandardsImportError(
            f"{path.name}: not UTF-8 or UTF-16 text (byte {error.start})"
        ) from error


def _fail(path: Path, line: int, column: str, message: str) -> StandardsImportError:
    return StandardsImportError(f"{path.name}, line {line}, field “{column}”: {message}")


def _int(path, line, column, value) -> int | None:
    text = str(value).strip() if value is not None else ""
    if text in {"", "TBC", "N/A"}:
        return None
    try:
        return int(Decimal(text.replace(",", "").replace("£", "")))
    except InvalidOperation as error:
        raise _fail(path, line, column, f"“{value}” is not a whole number") from error


def _money(path, line, column, value) -> int | None:
    pounds = _int(path, line, column, value)
    if pounds is not None and pounds < 0:
        raise _fail(path, line, column, "a funding band cannot be negative")
    return None if pounds is None else pounds * 100


def _date(path, line, column, value) -> datetime.date | None:
    text = str(value or "").strip()
    if text in {"", "TBC"}:
        return None
    for pattern in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise _fail(path, line, column, f"“{value}” is not a date (expected e.g. 12-11-2014)")


def _reference(path, line, column, value) -> str:
    text = str(value or "").strip().upper()
    if not REFERENCE.match(text):
        raise _fail(path, line, column, f"“{value}” is not a standard reference like ST0116")
    return text


def _csv_rows(path: Path, text: str) -> list[Row]:
    lines = text.splitlines()
    if not lines:
        raise StandardsImportError(f"{path.name}: the file is empty")
    as_of = None
    start = 0
    match = re.search(r"accurate as of (\d{1,2} \w+ \d{4})", lines[0])
    if match:
        as_of = datetime.datetime.strptime(match.group(1), "%d %B %Y").date()
        start = 1
    reader = csv.reader(io.StringIO("\n".join(lines[start:])))
    header = [h.strip() for h in next(reader, [])]
    needed = ["Name", "Reference", "Route", "Level", "Maximum Funding (£)", "Typical Duration"]
    missing = [name for name in needed if name not in header]
    if missing:
        raise StandardsImportError(
            f"{path.name}, line {start + 1}: not the Institute's standards CSV (no column "
            f"{', '.join(missing)})"
        )
    col = {name: i for i, name in enumerate(header)}
    version = f"as-of-{as_of.isoformat()}" if as_of else "csv"
    rows = []
    for number, cells in enumerate(reader, start=start + 2):
        if not any(c.strip() for c in cells):
            continue

        def cell(name: str, cells: list[str] = cells) -> str:
            index = col.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        approved = _date(
            path, number, "Approved for Delivery Date", cell("Approved for Delivery Date")
        )
        level = _int(path, number, "Level", cell("Level"))
        rows.append(
            Row(
                line=number,
                reference=_reference(path, number, "Reference", cell("Reference")),
                title=cell("Name"),
                lars_code=_int(
                    path,
                    number,
                    "LARS code for providers only",
                    cell("LARS code for providers only"),
                ),
                level=level or None,  # 0 means "not set" in this export
                route=cell("Route"),
                typical_duration_months=_int(
                    path, number, "Typical Duration", cell("Typical Duration")
                ),
                status=(
                    "Approved for delivery"
                    if approved
                    else "Approved"
                    if cell("Standard Approved") == "Y"
                    else "In development"
                ),
                approved_on=approved,
                withdrawn_on=None,
                foundation=False,
                version=version,
                max_funding_pence=_money(
                    path, number, "Maximum Funding (£)", cell("Maximum Funding (£)")
                ),
                effective_from=approved or as_of,
                effective_to=None,
            )
        )
    return rows


def _json_rows(path: Path, text: str) -> list[Row]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise StandardsImportError(
            f"{path.name}, line {error.lineno}: not valid JSON ({error.msg})"
        ) from error
    if isinstance(data, dict):
        data = data.get("standards", data.get("results"))
    if not isinstance(data, list):
        raise StandardsImportError(
            f'{path.name}: expected a list of standards (or {{"standards": [...]}})'
        )
    rows = []
    for index, item in enumerate(data, start=1):
        where = f"item {index}"
        if not isinstance(item, dict):
            raise StandardsImportError(f"{path.name}, {where}: not an object")

        def get(name: str, item=item):
            return item.get(name)

        line = index  # JSON has no useful line per item; the item number stands in
        try:
            reference = _reference(path, line, "referenceNumber", get("referenceNumber"))
        except StandardsImportError as error:
            raise StandardsImportError(str(error).replace(f"line {line}", where)) from None
        title = str(get("title") or "").strip()
        if not title:
            raise StandardsImportError(f"{path.name}, {where}, field “title”: missing")
        try:
            row = Row(
                line=line,
                reference=reference,
                title=title,
                lars_code=_int(path, line, "larsCode", get("larsCode")),
                level=_int(path, line, "level", get("level")),
                route=str(get("route") or "").strip(),
                typical_duration_months=_int(path, line, "typicalDuration", get("typicalDuration")),
                status=str(get("status") or "").strip(),
                approved_on=_date(path, line, "approvedForDelivery", get("approvedForDelivery")),
                withdrawn_on=_date(path, line, "withdrawalDate", get("withdrawalDate")),
                foundation="foundation" in str(get("apprenticeshipType") or "").lower(),
                version=str(get("version") or "1.0").strip(),
                max_funding_pence=_money(path, line, "maxFunding", get("maxFunding")),
                effective_from=_date(
                    path, line, "versionEarliestStartDate", get("versionEarliestStartDate")
                ),
                effective_to=_date(
                    path, line, "versionLatestStartDate", get("versionLatestStartDate")
                ),
            )
        except StandardsImportError as error:
            raise StandardsImportError(str(error).replace(f"line {line}", where)) from None
        rows.append(row)
    return rows


def read_standards(path: Path) -> tuple[str, list[Row]]:
    """The file's layout ("csv" or "json") and its rows; raises StandardsImportError."""
    text = _decode(path, path.read_bytes())
    if text.lstrip().startswith(("[", "{")):
        return "standards service JSON", _json_rows(path, text)
    return "Institute standards CSV", _csv_rows(path, text)


def standards_import(
    *, path: Path, actor, progress: Callable[[int, int], None] | None = None
) -> ImportReport:
    """Create or update standards and add their funding versions, all in one transaction."""
    layout, rows = read_standards(path)
    report = ImportReport(filename=path.name, layout=layout, rows=len(rows))
    seen: set[tuple[str, str]] = set()
    with transaction.atomic():
        for done, row in enumerate(rows, start=1):
            key = (row.reference, row.version)
            if key in seen:
                # The 2018 CSV lists a revised standard twice (ST0313: the closed version and
                # its successor, with different LARS codes): keep both as versions; the later
                # row describes the standard.
                row.version = f"{row.version}-line{row.line}"
                report.notes.append(
                    f"line {row.line}: {row.reference} is listed again; kept as version "
                    f"{row.version}, and its title, LARS code and dates now describe the standard"
                )
            seen.add((row.reference, row.version))
            fields = {
                "title": row.title,
                "lars_code": row.lars_code,
                "level": row.level,
                "route": row.route,
                "typical_duration_months": row.typical_duration_months,
                "status": row.status,
                "approved_on": row.approved_on,
                "withdrawn_on": row.withdrawn_on,
                "foundation": row.foundation,
                "source": path.name,
            }
            standard, created = Standard.objects.update_or_create(
                reference=row.reference, defaults=fields
            )
            report.created += created
            report.updated += not created
            _, added = StandardVersion.objects.update_or_create(
                standard=standard,
                version=row.version,
                defaults={
                    "max_funding_pence": row.max_funding_pence,
                    "effective_from": row.effective_from,
                    "effective_to": row.effective_to,
                },
            )
            report.versions_added += added
            if progress:
                progress(done, len(rows))
        if rows:
            audit_record(
                actor=actor,
                action="standards_import",
                instance=standard,
                after={"file": path.name, "layout": layout, "rows": len(rows)},
            )
    return report
