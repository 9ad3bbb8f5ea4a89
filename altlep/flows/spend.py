"""Streamed reader for spend files ("spend over £500", HM Treasury £25k and their cousins).

Reads CSV in any encoding (UTF-8 with or without BOM, else cp1252 when every byte is defined
there, else latin-1, which decodes every byte) and spreadsheets (.xlsx, .ods, .xls through
python-calamine). Finds the header row, detects the columns (columns.py), decides the date order
for the whole file, then yields one `SpendLine` per data row. Footer, total, note, blank and
repeated-header rows are skipped and reported with their lines; a data row without a usable
amount or date is set aside with its line and reason and the rest are read; the file is refused
whole (FlowsInputError naming file, line and column) only when it is not a spend file or more than
half of its data rows are unusable. What was decided is recorded in a `SpendReport`.
"""

from __future__ import annotations

import codecs
import csv
import functools
import hashlib
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from altlep.flows.columns import FIELDS, Mapping, clean_header, detect, missing_required
from altlep.flows.errors import FlowsInputError
from altlep.flows.values import (
    day_month_order,
    is_period,
    looks_like_amount,
    looks_like_date,
    parse_amount,
    parse_date,
)

SAMPLE_ROWS = 200
HEADER_SEARCH_ROWS = 25  # title and notes above the header in a published spreadsheet
UNUSABLE_SHARE = 0.5  # more than this share of data rows set aside: the file is refused whole
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
_REDACTED = re.compile(
    r"redact|withheld|personal (information|data)|not disclosed|\bprivate individual\b|"
    r"^individual$|^x+$|^\*+$",
    re.IGNORECASE,
)
_TOTAL = re.compile(r"^\s*(grand\s+|sub\s*-?\s*)?totals?\b|^\s*total\s+(spend|for|of)", re.I)
_NOTE = re.compile(
    r"copyright|©|\(c\)|crown|licen[cs]e|source:|note[s:]|please|published|disclaimer|"
    r"this (data|file|report)|open government|^end of|^\*+",
    re.IGNORECASE,
)
csv.field_size_limit(10_000_000)


@dataclass(frozen=True)
class SpendLine:
    line: int
    paid_on: date
    amount_pence: int
    supplier_name: str
    supplier_id: str
    company_number: str
    charity_number: str
    vat_number: str
    department: str
    category: str
    transaction: str
    body: str
    postcode: str
    is_credit: bool
    is_redacted: bool


@dataclass(frozen=True)
class SetAside:
    """A data row the analysis cannot use (no amount, no date): kept to be seen and corrected."""

    line: int
    reason: str
    column: str | None
    cells: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "reason": self.reason,
            "column": self.column,
            "cells": list(self.cells),
        }


@dataclass
class SpendReport:
    """What reading one file found: encoding, columns and why, skipped lines, set-aside rows."""

    path: str
    encoding: str = ""
    header_line: int = 0
    mapping: Mapping | None = None
    notes: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    rows: int = 0

    def columns(self) -> dict[str, dict[str, str]]:
        if self.mapping is None:
            return {}
        return {
            name: {"header": header, "why": self.mapping.reasons.get(name, "")}
            for name, header in self.mapping.describe().items()
        }

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "encoding": self.encoding,
            "header_line": self.header_line,
            "columns": self.columns(),
            "notes": list(self.notes),
            "skipped": [{"line": line, "reason": reason} for line, reason in self.skipped],
            "set_aside": [row.to_dict() for row in self.set_aside],
            "rows": self.rows,
        }

    def describe(self, *, limit: int = 20) -> str:
        """The report as lines of text, for the command line."""
        out = [f"{self.path}: read as {self.encoding}, header on line {self.header_line}"]
        for name, column in self.columns().items():
            out.append(f"  {name:<15} ← {column['header']}  ({column['why']})")
        out += [f"  note: {note}" for note in self.notes]
        if self.skipped:
            out.append(f"  {len(self.skipped)} lines skipped:")
            out += [f"    line {line}: {reason}" for line, reason in self.skipped[:limit]]
            if len(self.skipped) > limit:
                out.append(f"    … and {len(self.skipped) - limit} more")
        if self.set_aside:
            out.append(
                f"  {len(self.set_aside)} rows set aside (not imported; correct and re-upload):"
            )
            for row in self.set_aside[:limit]:
                where = f", column “{row.column}”" if row.column else ""
                out.append(f"    line {row.line}{where}: {row.reason}")
            if len(self.set_aside) > limit:
                out.append(f"    … and {len(self.set_aside) - limit} more")
        out.append(f"  {self.rows} rows read")
        return "\n".join(out)


# ---- reading rows --------------------------------------------------------------------------


def sniff_encoding(path: Path) -> str:
    """ "utf-8-sig" when the whole file decodes as UTF-8 (BOM or not); "cp1252" when every byte
    is defined there; "latin-1" otherwise (it decodes every byte, so reading never fails)."""
    for encoding in ("utf-8-sig", "cp1252"):  # one pass each: most files stop at the first
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        except OSError as exc:
            raise FlowsInputError(f"cannot read the file ({exc.strerror})", path=str(path)) from exc
        return encoding
    return "latin-1"


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError as exc:
        raise FlowsInputError(f"cannot read the file ({exc.strerror})", path=str(path)) from exc
    return digest.hexdigest()


def is_spreadsheet(path: Path) -> bool:
    return Path(path).suffix.lower() in SPREADSHEETS


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _csv_rows(path: Path, encoding: str) -> Iterator[tuple[int, list[str]]]:
    with path.open("r", encoding=encoding, newline="") as handle:
        sample = handle.read(16384)
        handle.seek(0)
        if "\x00" in sample:
            raise FlowsInputError(
                "not a text CSV (it holds NUL bytes: a spreadsheet or binary file?)",
                path=str(path),
                line=1 + sample[: sample.index("\x00")].count("\n"),
            )
        reader = csv.reader(handle, delimiter=_delimiter(sample))
        try:
            for row in reader:
                yield reader.line_num, row
        except csv.Error as exc:
            raise FlowsInputError(
                f"not a readable CSV ({exc})", path=str(path), line=reader.line_num
            ) from exc


def _cell(value: object) -> str:
    """A spreadsheet cell as the text a CSV would hold (dates ISO, whole numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


@functools.lru_cache(maxsize=1)
def _sheet(path: Path, stamp: tuple[int, int]) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """The first sheet with data in a workbook, as text cells; cached for the detect-then-read
    pair (keyed by size and mtime so a changed file is read again)."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            if any(any(c not in (None, "") for c in row) for row in rows):
                return name, tuple(tuple(_cell(c) for c in row) for row in rows)
    except Exception as exc:  # noqa: BLE001 - calamine raises several types for a bad workbook
        raise FlowsInputError(
            f"not a readable spreadsheet ({type(exc).__name__}: {exc})", path=str(path)
        ) from exc
    raise FlowsInputError("the spreadsheet has no sheet with data", path=str(path))


def _sheet_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    stat = path.stat()
    _, rows = _sheet(path.resolve(), (stat.st_size, stat.st_mtime_ns))
    for number, row in enumerate(rows, start=1):
        yield number, list(row)


def _rows(path: Path, encoding: str) -> Iterator[tuple[int, list[str]]]:
    return _sheet_rows(path) if is_spreadsheet(path) else _csv_rows(path, encoding)


def _filled(row: list[str]) -> int:
    return sum(1 for cell in row if cell.strip())


# ---- detection -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    mapping: Mapping
    encoding: str
    header_line: int
    month_first: bool
    notes: tuple[str, ...]


def _candidates(path: Path, encoding: str) -> list[tuple[int, list[str], list[list[str]]]]:
    """Header candidates (the first rows with 2+ cells) with the rows sampled after each."""
    rows = []
    for line, row in _rows(path, encoding):
        if _filled(row):
            rows.append((line, row))
        if len(rows) >= HEADER_SEARCH_ROWS + SAMPLE_ROWS:
            break
    found = []
    for position, (line, row) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if _filled(row) >= 2:
            sample = [r for _, r in rows[position + 1 : position + 1 + SAMPLE_ROWS]]
            found.append((line, [clean_header(h) for h in row], sample))
    return found


def _plan(path: Path, override: dict[str, str] | None) -> _Plan:
    path = Path(path)
    if not path.is_file():
        raise FlowsInputError("no such file", path=str(path))
    encoding = "spreadsheet " + path.suffix.lower() if is_spreadsheet(path) else ""
    encoding = encoding or sniff_encoding(path)
    candidates = _candidates(path, encoding)
    if not candidates:
        raise FlowsInputError("the file is empty: no header row", path=str(path), line=1)
    best = None
    for line, headers, sample in candidates:
        try:
            mapping = detect(headers, sample, override=override)
        except ValueError:
            if override and best is None:
                best = (line, headers, sample, None)
            continue
        if not missing_required(mapping):
            best = (line, headers, sample, mapping)
            break
        if best is None:
            best = (line, headers, sample, mapping)
    line, headers, sample, mapping = best or (*candidates[0], None)
    if mapping is None:
        try:
            mapping = detect(headers, sample, override=override)
        except ValueError as exc:
            raise FlowsInputError(str(exc), path=str(path), line=line) from exc
    if missing := missing_required(mapping):
        raise FlowsInputError(
            f"not a spend file I can read: cannot find the "
            f"{', '.join(m.replace('_', ' ') for m in missing)} column(s) among "
            f"{', '.join(repr(h) for h in headers if h.strip())}"
            + "".join(f" ({mapping.rejected[m]})" for m in missing if m in mapping.rejected)
            + "; pass a mapping (FIELD=HEADER) to say which column holds it",
            path=str(path),
            line=line,
        )
    notes = []
    if encoding == "latin-1":
        notes.append("neither UTF-8 nor cp1252: read as latin-1, which may show odd letters")
    elif encoding == "cp1252":
        notes.append("not UTF-8: read as cp1252 (Windows)")
    dates = [row[mapping.columns["date"]] for row in sample if mapping.columns["date"] < len(row)]
    month_first, why = day_month_order(dates)
    if why:
        notes.append(f"dates read {why}")
    periods = [d for d in dates if d.strip() and is_period(d)]
    if periods and len(periods) * 2 >= len([d for d in dates if d.strip()]):
        notes.append(f"dates are months or periods (“{periods[0]}”): each is dated its first day")
    notes += _amount_notes(mapping)
    return _Plan(mapping, encoding, line, month_first, tuple(notes))


def _amount_notes(mapping: Mapping) -> list[str]:
    header = mapping.header_for("amount") or ""
    others = [
        h
        for h in mapping.headers
        if re.search(r"\b(gross|vat|net)\b", h, re.I) and h != header and "reg" not in h.lower()
    ]
    if re.search(r"\bnet\b", header, re.I) and others:
        listed = ", ".join(repr(o) for o in others)
        return [f"amounts from {header!r}, net of VAT (preferred to {listed})"]
    if re.search(r"\bgross\b", header, re.I):
        return [f"amounts from {header!r}, including VAT (no net column found)"]
    return []


def detect_file(path: Path, *, override: dict[str, str] | None = None) -> tuple[Mapping, str]:
    """The mapping and encoding of a spend file; raises FlowsInputError when it is not one."""
    plan = _plan(path, override)
    return plan.mapping, plan.encoding


# ---- reading lines -------------------------------------------------------------------------

# The fields a SpendLine carries, in columns.FIELDS order (the description is not kept).
_FIELDS = tuple(name for name in FIELDS if name != "description")


def _picker(columns: dict[str, int]) -> Callable[[list[str]], list[str]]:
    """The stripped cells of _FIELDS from a row; "" for fields not mapped or cells missing.
    One itemgetter per file instead of a lookup per cell: a million lines are read in Python."""
    width = max(columns.values(), default=-1) + 1
    # -1 points at the "" appended to every row below
    getter = operator.itemgetter(*[columns.get(f, -1) for f in _FIELDS])
    padding = [""] * (width + 1)

    def pick(row: list[str]) -> list[str]:
        row = row + padding[: width - len(row) + 1] if len(row) < width else [*row, ""]
        return [cell.strip() for cell in getter(row)]

    return pick


def _not_data(row: list[str], headers: list[str], fields: tuple[str, str, str]) -> str | None:
    """Why a row is not a data row (blank, header again, total, note), or None if it is."""
    filled = _filled(row)
    if not filled:
        return "blank"
    if [c.strip().lower() for c in row[: len(headers)]] == [h.strip().lower() for h in headers]:
        return "the header repeated"
    raw_date, raw_amount, supplier = fields
    text = " ".join(cell.strip() for cell in row if cell.strip())
    if any(_TOTAL.match(cell) for cell in row[:4] if cell.strip()) and not (
        raw_date and supplier and not _TOTAL.match(supplier)
    ):
        return f"a total row (“{text[:60]}”)"
    if filled <= 2:
        signals = (
            bool(raw_date and looks_like_date(raw_date))
            + bool(raw_amount and looks_like_amount(raw_amount))
            + bool(supplier)
        )
        if signals < 2:
            kind = "a note" if _NOTE.search(text) or not raw_amount else "a stray row"
            return f"{kind} (“{text[:60]}”)"
    return None


def read_spend(
    path: Path,
    *,
    override: dict[str, str] | None = None,
    on_bytes: Callable[[int], None] | None = None,
    report: SpendReport | None = None,
) -> Iterator[SpendLine]:
    """Stream the spend lines of one file; `report` (when given) is filled in as it goes."""
    path = Path(path)
    plan = _plan(path, override)
    report = report if report is not None else SpendReport(str(path))
    report.encoding, report.header_line, report.mapping = (
        plan.encoding,
        plan.header_line,
        plan.mapping,
    )
    report.notes[:] = list(plan.notes)
    mapping = plan.mapping
    headers = list(mapping.headers)
    pick = _picker({f: i for f, i in mapping.columns.items() if i is not None})
    amount_column, date_column = mapping.header_for("amount"), mapping.header_for("date")
    parse = functools.partial(parse_date, month_first=True) if plan.month_first else parse_date
    data_rows = 0
    rows = _rows(path, plan.encoding)
    if not is_spreadsheet(path) and (cut := _cut_tail(path, plan)):
        rows = _without_last(rows, report, cut)
        data_rows += 1
    for line, row in rows:
        if line <= plan.header_line:
            continue
        if on_bytes and line % 5000 == 0:
            on_bytes(line)
        (
            raw_date,
            raw_amount,
            raw_supplier,
            supplier_id,
            company_number,
            charity_number,
            vat_number,
            department,
            category,
            transaction,
            body,
            postcode,
        ) = pick(row)
        if not (raw_date and raw_amount and raw_supplier) and (
            why := _not_data(row, headers, (raw_date, raw_amount, raw_supplier))
        ):
            report.skipped.append((line, why))
            continue
        data_rows += 1
        try:
            amount = parse_amount(raw_amount)
        except ValueError:
            reason = (
                f"the amount “{raw_amount}” is not a number"
                if raw_amount
                else "the amount is missing"
            )
            report.set_aside.append(SetAside(line, reason, amount_column, tuple(row)))
            continue
        try:
            paid_on = parse(raw_date)
            if not 1990 <= paid_on.year <= 2100:
                raise ValueError(f"the date “{raw_date}” is out of range")
        except ValueError as exc:
            reason = str(exc) if raw_date else "the date is missing"
            report.set_aside.append(SetAside(line, reason, date_column, tuple(row)))
            continue
        supplier, redacted = _supplier(raw_supplier)
        report.rows = data_rows - len(report.set_aside)
        yield SpendLine(
            line=line,
            paid_on=paid_on,
            amount_pence=amount,
            supplier_name=supplier,
            supplier_id=supplier_id,
            company_number=_clean_number(company_number),
            charity_number=_clean_number(charity_number),
            vat_number=_clean_number(vat_number),
            department=department,
            category=category,
            transaction=transaction,
            body=body,
            postcode=postcode,
            is_credit=amount < 0,
            is_redacted=redacted,
        )
    _sheet.cache_clear()  # a workbook's cells are not kept once it is read
    _refuse_if_mostly_unusable(path, report, data_rows)


def _cut_tail(path: Path, plan: _Plan) -> str:
    """Why the file's last line looks cut short (no line end, fewer fields than the header:
    a truncated download), or "" when it does not."""
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 65536))
        tail = handle.read()
    if not tail or tail.endswith((b"\n", b"\r")):
        return ""
    last = tail.rsplit(b"\n", 1)[-1].decode(plan.encoding, errors="replace")
    sample = last if len(tail) < 65536 or b"\n" in tail else ""
    try:
        cells = next(csv.reader([sample], delimiter=_delimiter(sample) if sample else ","), [])
    except csv.Error:
        return ""
    width = len(plan.mapping.headers)
    if not sample or len(cells) >= width or not any(c.strip() for c in cells):
        return ""
    return (
        f"the last line is cut short: {len(cells)} of {width} fields and no line end "
        "(the file may be truncated)"
    )


def _without_last(
    rows: Iterator[tuple[int, list[str]]], report: SpendReport, why: str
) -> Iterator[tuple[int, list[str]]]:
    """Every row but the last, which is set aside with `why`."""
    previous = None
    for item in rows:
        if previous is not None:
            yield previous
        previous = item
    if previous is not None:
        line, row = previous
        report.set_aside.append(SetAside(line, why, None, tuple(row)))


def _refuse_if_mostly_unusable(path: Path, report: SpendReport, data_rows: int) -> None:
    if not data_rows:
        raise FlowsInputError(
            "no data rows under the header", path=str(path), line=report.header_line
        )
    if len(report.set_aside) > UNUSABLE_SHARE * data_rows:
        first = report.set_aside[0]
        raise FlowsInputError(
            f"{len(report.set_aside)} of {data_rows} data rows are unusable (more than "
            f"{UNUSABLE_SHARE:.0%}), so this is refused whole; the first: {first.reason}",
            path=str(path),
            line=first.line,
            column=first.column,
        )


def spend_report(
    path: Path, *, override: dict[str, str] | None = None
) -> tuple[SpendReport, list[SpendLine]]:
    """Read a whole file (a dry run): its report and the lines that would be imported."""
    report = SpendReport(str(path))
    lines = list(read_spend(Path(path), override=override, report=report))
    return report, lines


@functools.lru_cache(maxsize=1 << 17)
def _supplier(raw: str) -> tuple[str, bool]:
    """The supplier name with its spaces tidied, and whether it is redacted."""
    supplier = re.sub(r"\s+", " ", raw)
    return supplier, not supplier or bool(_REDACTED.search(supplier))


def _clean_number(raw: str) -> str:
    if not raw:
        return ""
    text = re.sub(r"[\s.\-]", "", raw).upper()
    return "" if text in {"", "N/A", "NA", "NONE", "0", "NIL", "#N/A"} else text
