"""Streamed reader for spend CSVs ("spend over £500", HM Treasury £25k and their cousins).

Yields one `SpendLine` per row after detecting the encoding (UTF-8 with or without BOM, else
cp1252) and the column mapping. Bad input raises FlowsInputError naming file, line and column;
odd but valid rows (credit notes, redactions) are yielded and flagged.
"""

from __future__ import annotations

import codecs
import csv
import functools
import hashlib
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from altlep.flows.columns import FIELDS, Mapping, clean_header, detect, missing_required
from altlep.flows.errors import FlowsInputError
from altlep.flows.values import parse_amount, parse_date

SAMPLE_ROWS = 200
_REDACTED = re.compile(
    r"redact|withheld|personal (information|data)|not disclosed|\bprivate individual\b|"
    r"^individual$|^x+$|^\*+$",
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


def sniff_encoding(path: Path) -> str:
    """ "utf-8-sig" when the whole file decodes as UTF-8 (BOM or not), otherwise "cp1252"."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    except OSError as exc:
        raise FlowsInputError(f"cannot read the file ({exc.strerror})", path=str(path)) from exc
    return "utf-8-sig"


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _open_rows(path: Path, encoding: str) -> Iterator[tuple[int, list[str]]]:
    with path.open("r", encoding=encoding, newline="") as handle:
        sample = handle.read(8192)
        handle.seek(0)
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
            delimiter = dialect.delimiter
        except csv.Error:
            delimiter = ","
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            for row in reader:
                yield reader.line_num, row
        except csv.Error as exc:
            raise FlowsInputError(
                f"not a readable CSV ({exc})", path=str(path), line=reader.line_num
            ) from exc


def _header_and_sample(path: Path, encoding: str) -> tuple[int, list[str], list[list[str]]]:
    rows = _open_rows(path, encoding)
    header_line, headers = 0, []
    for line, row in rows:
        if any(cell.strip() for cell in row):
            header_line, headers = line, [clean_header(h) for h in row]
            break
    if not headers:
        raise FlowsInputError("the file is empty: no header row", path=str(path), line=1)
    sample = []
    for _, row in rows:
        if any(cell.strip() for cell in row):
            sample.append(row)
        if len(sample) >= SAMPLE_ROWS:
            break
    return header_line, headers, sample


def detect_file(path: Path, *, override: dict[str, str] | None = None) -> tuple[Mapping, str]:
    """The mapping and encoding of a spend file; raises FlowsInputError when columns are missing."""
    path = Path(path)
    if not path.is_file():
        raise FlowsInputError("no such file", path=str(path))
    encoding = sniff_encoding(path)
    header_line, headers, sample = _header_and_sample(path, encoding)
    try:
        mapping = detect(headers, sample, override=override)
    except ValueError as exc:
        raise FlowsInputError(str(exc), path=str(path), line=header_line) from exc
    if missing := missing_required(mapping):
        raise FlowsInputError(
            f"cannot find the {', '.join(m.replace('_', ' ') for m in missing)} column(s) among "
            f"{', '.join(repr(h) for h in headers if h.strip())}; pass a mapping override",
            path=str(path),
            line=header_line,
        )
    return mapping, encoding


# The fields a SpendLine carries, in columns.FIELDS order (the description is not kept).
_FIELDS = tuple(field for field in FIELDS if field != "description")


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


def read_spend(
    path: Path,
    *,
    override: dict[str, str] | None = None,
    on_bytes: Callable[[int], None] | None = None,
) -> Iterator[SpendLine]:
    """Stream the spend lines of one file (call `detect_file` first to show the mapping)."""
    path = Path(path)
    mapping, encoding = detect_file(path, override=override)
    pick = _picker({f: i for f, i in mapping.columns.items() if i is not None})
    started = False
    for line, row in _open_rows(path, encoding):
        if not started:
            started = any(cell.strip() for cell in row)
            continue
        if not any(cell.strip() for cell in row):
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
        try:
            amount = parse_amount(raw_amount)
        except ValueError as exc:
            raise FlowsInputError(
                f"the amount {exc}" if raw_amount else "the amount is missing",
                path=str(path),
                line=line,
                column=mapping.header_for("amount"),
            ) from exc
        try:
            paid_on = parse_date(raw_date)
        except ValueError as exc:
            raise FlowsInputError(
                str(exc), path=str(path), line=line, column=mapping.header_for("date")
            ) from exc
        if not 1990 <= paid_on.year <= 2100:
            raise FlowsInputError(
                f"the date {raw_date} is out of range",
                path=str(path),
                line=line,
                column=mapping.header_for("date"),
            )
        supplier, redacted = _supplier(raw_supplier)
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
