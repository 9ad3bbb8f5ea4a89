"""Import an official ONS lookup CSV (LSOA→LEP, LSOA→LAD or LEP names) in one transaction."""

import codecs
import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from django.db import transaction

from altlep.core.audit import audit_record, snapshot
from altlep.core.models import AreaLookupImport, LepName, LsoaDistrict, LsoaLep

# Called with (rows done, rows expected) as the import streams, e.g. to drive a progress bar.
Progress = Callable[[int, int], None]

_BATCH = 2000

# ONS code shapes: a three-character entity prefix, then six digits.
_LSOA = re.compile(r"^[EW]01\d{6}$")
_LAD = re.compile(r"^(E06|E07|E08|E09|W06|S12|N09)\d{6}$")
_LEP = re.compile(r"^E37\d{6}$")

_SHAPES = {
    "LSOA": (_LSOA, "an LSOA code like E01000001"),
    "LAD": (_LAD, "a district code like E07000123"),
    "LEP": (_LEP, "a LEP code like E37000019"),
}


class AreaImportError(ValueError):
    """A lookup file that cannot be imported; says which file, line and field."""

    def __init__(self, path: Path, message: str, *, line: int | None = None, field: str = ""):
        self.path, self.line, self.field = path, line, field
        where = str(path.name)
        if line is not None:
            where += f", line {line}"
        if field:
            where += f", field {field}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class _Layout:
    """Which lookup a header describes and which columns hold what."""

    kind: str
    vintage: str
    lsoa: str = ""  # LSOA code column
    codes: tuple[tuple[str, str], ...] = ()  # (code column, name column) pairs, in order


def detect_layout(path: Path, header: list[str]) -> _Layout:
    """Recognise the lookup from its column names (LSOA11CD, LEP17CD1, LAD20CD, …)."""
    columns = {name.strip().upper(): name for name in header}

    def find(pattern: str) -> list[re.Match[str]]:
        return [m for c in columns if (m := re.fullmatch(pattern, c))]

    lsoa = find(r"LSOA\d\dCD")
    lep_pairs = find(r"LEP(\d\d)CD([12])")
    lad = find(r"LAD(\d\d)CD")
    lep_plain = find(r"LEP(\d\d)CD")

    if lsoa and lep_pairs:
        vintage = lep_pairs[0].group(1)
        pairs = []
        for n in ("1", "2"):
            code, name = f"LEP{vintage}CD{n}", f"LEP{vintage}NM{n}"
            if code in columns:
                _require(path, columns, name)
                pairs.append((columns[code], columns[name]))
        return _Layout(
            AreaLookupImport.Kind.LSOA_TO_LEP, vintage, columns[lsoa[0].group(0)], tuple(pairs)
        )
    if lsoa and lad:
        vintage = lad[0].group(1)
        name = _require(path, columns, f"LAD{vintage}NM")
        return _Layout(
            AreaLookupImport.Kind.LSOA_TO_LAD,
            vintage,
            columns[lsoa[0].group(0)],
            ((columns[lad[0].group(0)], name),),
        )
    if lep_plain and not lsoa:
        vintage = lep_plain[0].group(1)
        name = _require(path, columns, f"LEP{vintage}NM")
        return _Layout(
            AreaLookupImport.Kind.LEP_NAMES, vintage, "", ((columns[lep_plain[0].group(0)], name),)
        )
    raise AreaImportError(
        path,
        f"unrecognised header ({', '.join(header)}); expected an ONS LSOA→LEP lookup "
        "(LSOAyyCD, LEPyyCD1, LEPyyNM1…), an LSOA→LAD lookup (LSOAyyCD, LADyyCD, LADyyNM) "
        "or a LEP names list (LEPyyCD, LEPyyNM)",
        line=1,
    )


def _require(path: Path, columns: dict[str, str], wanted: str) -> str:
    if wanted not in columns:
        raise AreaImportError(
            path, f"column {wanted} is missing from the header", line=1, field=wanted
        )
    return columns[wanted]


def _code(path: Path, line: int, row: dict[str, Any], column: str, shape: str) -> str:
    value = (row.get(column) or "").strip()
    pattern, example = _SHAPES[shape]
    if not value:
        raise AreaImportError(path, "code is missing", line=line, field=column)
    if not pattern.match(value):
        raise AreaImportError(path, f"“{value}” is not {example}", line=line, field=column)
    return value


def _name(path: Path, line: int, row: dict[str, Any], column: str) -> str:
    value = (row.get(column) or "").strip()
    if not value:
        raise AreaImportError(path, "name is missing", line=line, field=column)
    return value


def _text_lines(path: Path, handle: BinaryIO) -> Iterator[str]:
    """Decode line by line, so an encoding fault is reported on its own line, not a chunk's."""
    for number, raw in enumerate(handle, start=1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]  # Excel and some ONS downloads start with a BOM
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise AreaImportError(
                path, f"not UTF-8 text ({error.reason}); is it really a CSV file?", line=number
            ) from error


def _reader(path: Path, handle: BinaryIO) -> "csv._reader":
    return csv.reader(_text_lines(path, handle))


def _next(path: Path, reader: "csv._reader") -> list[str] | None:
    try:
        return next(reader, None)
    except csv.Error as error:
        raise AreaImportError(path, f"not valid CSV ({error})", line=reader.line_num) from error


def _header(path: Path) -> list[str]:
    with path.open("rb") as handle:
        header = _next(path, _reader(path, handle))
    if not header or not any(h.strip() for h in header):
        raise AreaImportError(path, "the file is empty: no header row", line=1)
    return header


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row by column) pairs after the header, skipping blank lines."""
    with path.open("rb") as handle:
        reader = _reader(path, handle)
        header = _next(path, reader) or []
        while (values := _next(path, reader)) is not None:
            if not any(v.strip() for v in values):
                continue  # a blank line, often left at the end by spreadsheets
            if len(values) > len(header):
                raise AreaImportError(
                    path, "more values than the header has columns", line=reader.line_num
                )
            yield reader.line_num, dict(zip(header, values, strict=False))


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return max(
            sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")) - 1, 0
        )


def _records(path: Path, layout: _Layout, source: AreaLookupImport) -> Iterator[Any]:
    """Validated model instances, one or two per row, failing on the first bad value."""
    seen: set[str] = set()
    for line, row in _rows(path):
        if layout.kind == AreaLookupImport.Kind.LEP_NAMES:
            ((code_col, name_col),) = layout.codes
            code = _code(path, line, row, code_col, "LEP")
            if code in seen:
                raise AreaImportError(path, f"{code} is listed twice", line=line, field=code_col)
            seen.add(code)
            yield (
                line,
                [LepName(source=source, lep_code=code, lep_name=_name(path, line, row, name_col))],
            )
            continue
        lsoa = _code(path, line, row, layout.lsoa, "LSOA")
        if lsoa in seen:
            raise AreaImportError(path, f"{lsoa} is listed twice", line=line, field=layout.lsoa)
        seen.add(lsoa)
        if layout.kind == AreaLookupImport.Kind.LSOA_TO_LAD:
            ((code_col, name_col),) = layout.codes
            yield (
                line,
                [
                    LsoaDistrict(
                        source=source,
                        lsoa_code=lsoa,
                        lad_code=_code(path, line, row, code_col, "LAD"),
                        lad_name=_name(path, line, row, name_col),
                    )
                ],
            )
            continue
        leps = []
        for index, (code_col, name_col) in enumerate(layout.codes):
            # Every LSOA lies in a first LEP; the second column is filled only where LEPs overlap.
            if index > 0 and not (row.get(code_col) or "").strip():
                continue
            code = _code(path, line, row, code_col, "LEP")
            leps.append(
                LsoaLep(
                    source=source,
                    lsoa_code=lsoa,
                    lep_code=code,
                    lep_name=_name(path, line, row, name_col),
                )
            )
        yield line, leps


def area_lookup_import(
    *, path: Path | str, actor: Any = None, progress: Progress | None = None
) -> AreaLookupImport:
    """Import one ONS lookup file, replacing any earlier import of the same kind and vintage."""
    path = Path(path)
    layout = detect_layout(path, _header(path))
    expected = _count_lines(path)
    with transaction.atomic():
        previous = list(AreaLookupImport.objects.filter(kind=layout.kind, vintage=layout.vintage))
        before = snapshot(previous[0]) if previous else None
        for old in previous:
            old.delete()  # its rows go with it (on_delete=CASCADE)
        source = AreaLookupImport.objects.create(
            filename=path.name[:300], kind=layout.kind, vintage=layout.vintage, row_count=0
        )
        model = {
            AreaLookupImport.Kind.LSOA_TO_LAD: LsoaDistrict,
            AreaLookupImport.Kind.LEP_NAMES: LepName,
        }.get(layout.kind, LsoaLep)
        batch: list[Any] = []
        rows = 0
        for _line, records in _records(path, layout, source):
            batch.extend(records)
            rows += 1
            if len(batch) >= _BATCH:
                model.objects.bulk_create(batch)
                batch.clear()
                if progress:
                    progress(rows, expected)
        model.objects.bulk_create(batch)
        if rows == 0:
            raise AreaImportError(path, "the file has a header but no rows", line=2)
        if progress:
            progress(rows, rows)
        source.row_count = rows
        source.save(update_fields=["row_count"])
        audit_record(
            actor=actor,
            action="area_lookup.import",
            instance=source,
            before=before,
            after=snapshot(source),
        )
    return source
