"""`altlep evidence import-nomis`: UK Business Counts and BRES, as Nomis's API CSV or its
spreadsheet download, into `NomisObservation` rows. One transaction for all files: a bad file
leaves nothing imported. Rows that cannot be placed (an area the platform cannot name) are set
aside with their reason."""

import csv
import io
import re
import warnings
from collections.abc import Callable
from pathlib import Path

from django.db import transaction

from altlep.core import districts
from altlep.core.audit import audit_record
from altlep.evidence.models import NomisDataset, NomisImport, NomisObservation
from altlep.evidence.sectors.sic_levels import parse_industry

SUPPRESSED_MARKS = {"", "*", "!", "..", "...", "-", "x", "c", "#"}
BANDS = {
    "total": "total",
    "micro (0 to 9)": "micro",
    "small (10 to 49)": "small",
    "medium-sized (50 to 249)": "medium",
    "large (250+)": "large",
}
API_COLUMNS = {"DATE", "GEOGRAPHY_CODE", "GEOGRAPHY_NAME", "INDUSTRY_NAME", "OBS_VALUE"}
_DISTRICT_CODE = re.compile(r"^E0[6-9]\d{6}$")
_LEP_CODE = re.compile(r"^E37\d{6}$")


class NomisImportError(ValueError):
    def __init__(self, path: Path, message: str, *, line: int | None = None, field: str = ""):
        where = (
            path.name + (f", line {line}" if line else "") + (f", field {field}" if field else "")
        )
        super().__init__(f"{where}: {message}")


def _dataset_from_name(path: Path, hint: str) -> str | None:
    text = f"{path.name} {hint}".lower()
    if "nm_142" in text or "enterprises" in text:
        return NomisDataset.ENTERPRISES
    if "nm_141" in text or "local units" in text or "local_units" in text:
        return NomisDataset.LOCAL_UNITS
    if "nm_189" in text or "bres" in text or "employment survey" in text:
        return NomisDataset.EMPLOYMENT
    return None


def _value(path: Path, line: int, raw, field: str) -> tuple[int | None, bool]:
    if raw is None or (isinstance(raw, str) and raw.strip() in SUPPRESSED_MARKS):
        return None, True
    text = str(raw).strip().replace(",", "")
    try:
        number = float(text)
    except ValueError:
        raise NomisImportError(path, f"{raw!r} is not a count", line=line, field=field) from None
    if number < 0 or number != int(number):
        raise NomisImportError(path, f"{raw!r} is not a whole count", line=line, field=field)
    return int(number), False


def _lep_codes_by_name() -> dict[str, str]:
    from altlep.core.areas import leps

    return {lep.name.lower(): lep.code for lep in leps()}


def _district_codes_by_name() -> dict[str, str]:
    by_name: dict[str, str] = {}
    for code, name in districts.all_districts().items():
        by_name.setdefault(name.lower(), code)
    return by_name


def _api_rows(path: Path, text: str, dataset_hint: str):
    reader = csv.DictReader(io.StringIO(text))
    header = set(reader.fieldnames or [])
    missing = API_COLUMNS - header
    if missing:
        raise NomisImportError(
            path,
            "not a Nomis API CSV of business counts or BRES: missing columns "
            + ", ".join(sorted(missing)),
            line=1,
        )
    has_band = "EMPLOYMENT_SIZEBAND_NAME" in header
    dataset = _dataset_from_name(path, dataset_hint)
    if not has_band:
        if dataset not in (None, NomisDataset.EMPLOYMENT):
            raise NomisImportError(
                path, "business counts need EMPLOYMENT_SIZEBAND_NAME", line=1, field="header"
            )
        dataset = NomisDataset.EMPLOYMENT
    elif dataset in (None, NomisDataset.EMPLOYMENT):
        raise NomisImportError(
            path,
            "cannot tell enterprises (NM_142) from local units (NM_141): name the dataset "
            "with --dataset",
            line=1,
        )
    for line, row in enumerate(reader, start=2):
        code = (row.get("GEOGRAPHY_CODE") or "").strip()
        if not (_DISTRICT_CODE.match(code) or _LEP_CODE.match(code)):
            raise NomisImportError(
                path, f"{code!r} is not a district or LEP code", line=line, field="GEOGRAPHY_CODE"
            )
        if _DISTRICT_CODE.match(code) and not districts.is_known(code):
            raise NomisImportError(
                path, f"district {code} does not exist", line=line, field="GEOGRAPHY_CODE"
            )
        status = (row.get("OBS_STATUS") or "A").strip().upper()
        band_raw = (row.get("EMPLOYMENT_SIZEBAND_NAME") or "Total").strip()
        yield {
            "line": line,
            "dataset": dataset,
            "year": row.get("DATE"),
            "area_code": code,
            "area_name": (row.get("GEOGRAPHY_NAME") or "").strip(),
            "industry": (row.get("INDUSTRY_NAME") or "").strip(),
            "band": band_raw,
            "raw": None if status not in {"A", ""} else row.get("OBS_VALUE"),
            "value_field": "OBS_VALUE",
        }


def _spreadsheet_rows(path: Path, dataset_hint: str):
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Nomis writes no default style; harmless
            sheet = openpyxl.load_workbook(path, read_only=False, data_only=True).worksheets[0]
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise NomisImportError(path, f"cannot be read as a spreadsheet ({error})") from None
    title = ""
    context: dict[str, object] = {}
    bands: list[str] | None = None
    lep_names = _lep_codes_by_name()
    district_names = _district_codes_by_name()
    for line, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        first = row[0] if row else None
        if line == 1:
            title = str(first or "")
            continue
        if first in ("date", "industry", "legal status", "employment status"):
            context[first] = row[1]
        elif first == "Area":
            bands = [str(b) for b in row[1:] if b is not None]
        elif bands and isinstance(first, str) and ":" in first:
            kind, name = first.split(":", 1)
            kind, name = kind.strip(), name.strip()
            if kind == "ladu":
                code = district_names.get(name.lower())
            elif kind == "lep":
                code = lep_names.get(name.lower())
            else:
                code = None
            for band, raw in zip(bands, row[1:], strict=False):
                yield {
                    "line": line,
                    "dataset": _dataset_from_name(path, f"{dataset_hint} {title}"),
                    "year": context.get("date"),
                    "area_code": code,
                    "area_name": name,
                    "area_kind": kind,
                    "industry": str(context.get("industry") or ""),
                    "band": band,
                    "raw": raw,
                    "value_field": band,
                }
        elif first is None:
            bands = None
    if not title.lower().startswith(("uk business counts", "business register")):
        raise NomisImportError(
            path, "not a Nomis spreadsheet of UK Business Counts or BRES", line=1, field="title"
        )


def nomis_import(
    *,
    actor,
    path: Path,
    dataset: str = "",
    synthetic: bool = False,
    progress: Callable[[int], None] | None = None,
) -> NomisImport:
    """Import one Nomis file (CSV from the API or the spreadsheet download). Call inside a
    transaction to import several files all-or-nothing. Raises NomisImportError."""
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        layout, rows = "spreadsheet", _spreadsheet_rows(path, dataset)
    elif suffix == ".csv":
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise NomisImportError(path, "is not UTF-8 text") from None
        layout, rows = "api-csv", _api_rows(path, text, dataset)
    else:
        raise NomisImportError(path, "expected a Nomis .csv or .xlsx file")
    cells: dict[tuple, NomisObservation] = {}
    set_aside: list[dict] = []
    source = NomisImport(filename=path.name, layout=layout, synthetic=synthetic, imported_by=None)
    for n, row in enumerate(rows, start=1):
        line = row["line"]
        if not row["dataset"]:
            raise NomisImportError(path, "cannot tell which Nomis dataset this is", line=1)
        try:
            year = int(str(row["year"]).strip()[:4])
        except ValueError:
            raise NomisImportError(
                path, f"{row['year']!r} is not a year", line=line, field="DATE"
            ) from None
        industry = parse_industry(row["industry"])
        if industry is None:
            raise NomisImportError(
                path, f"unknown industry {row['industry']!r}", line=line, field="INDUSTRY_NAME"
            )
        band = BANDS.get(str(row["band"]).strip().lower())
        if band is None:
            raise NomisImportError(
                path,
                f"unknown size band {row['band']!r}",
                line=line,
                field="EMPLOYMENT_SIZEBAND_NAME",
            )
        if row["area_code"] is None:
            set_aside.append(
                {
                    "line": line,
                    "area": row["area_name"],
                    "reason": (
                        "LEP name not in the imported ONS lookups (import them with "
                        "`altlep areas import`)"
                        if row.get("area_kind") == "lep"
                        else "area name not known"
                    ),
                }
            )
            continue
        value, suppressed = _value(path, line, row["raw"], row["value_field"])
        key = (row["dataset"], year, row["area_code"], industry[0], industry[1], band)
        if key in cells:
            raise NomisImportError(
                path,
                f"duplicate row for {row['area_code']} {year} {row['industry']} {row['band']}",
                line=line,
            )
        cells[key] = NomisObservation(
            dataset=row["dataset"],
            year=year,
            area_code=row["area_code"],
            area_name=row["area_name"],
            industry_level=industry[0],
            industry_code=industry[1],
            industry_name=row["industry"][:200],
            size_band=band,
            value=value,
            suppressed=suppressed,
        )
        if progress and n % 1000 == 0:
            progress(n)
    if not cells:
        raise NomisImportError(path, "holds no rows of counts")
    source.dataset = next(iter(cells))[0]
    source.row_count = len(cells)
    source.set_aside = set_aside[:500]
    source.imported_by = actor if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        source.save()
        # A newer download of the same cells replaces the older one.
        keys = {(k[0], k[1], k[2], k[3]) for k in cells}
        for ds, year, area, level in keys:
            NomisObservation.objects.filter(
                dataset=ds, year=year, area_code=area, industry_level=level
            ).delete()
        for obs in cells.values():
            obs.source = source
        NomisObservation.objects.bulk_create(cells.values(), batch_size=2000)
        audit_record(
            actor=actor,
            action="evidence.import_nomis",
            instance=source,
            after={"rows": len(cells), "set_aside": len(set_aside), "dataset": source.dataset},
        )
    return source


GVA_COLUMNS = ("industry", "year", "gva_per_job_pounds", "source")


def gva_import(*, actor, path: Path) -> int:
    """Import a GVA-per-job table (CSV: industry, year, gva_per_job_pounds, source), where
    industry is `all`, a SIC section letter, a 2-digit division or a 4-digit class. All rows or
    none; a row for an industry and year already held replaces it. Returns the rows imported."""
    from decimal import Decimal, InvalidOperation

    from altlep.evidence.models import GvaPerJob
    from altlep.evidence.sectors import sic_levels

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NomisImportError(path, "is not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in GVA_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise NomisImportError(path, f"missing columns {', '.join(missing)}", line=1)
    rows: dict[tuple, GvaPerJob] = {}
    for line, row in enumerate(reader, start=2):
        raw = row["industry"].strip().upper()
        if raw in {"ALL", "TOTAL"}:
            level, code = "total", ""
        elif raw.isalpha() and len(raw) == 1 and sic_levels.classes_of(raw):
            level, code = "section", raw
        elif raw.replace(".", "").isdigit() and sic_levels.classes_of(raw.replace(".", "")):
            code = raw.replace(".", "")
            level = {2: "division", 3: "group", 4: "class"}.get(len(code), "")
        else:
            level = ""
        if not level:
            raise NomisImportError(
                path, f"unknown industry {row['industry']!r}", line=line, field="industry"
            )
        try:
            year = int(row["year"])
        except ValueError:
            raise NomisImportError(
                path, f"{row['year']!r} is not a year", line=line, field="year"
            ) from None
        try:
            pence = int(Decimal(row["gva_per_job_pounds"].replace(",", "")) * 100)
        except InvalidOperation:
            raise NomisImportError(
                path, "not an amount of pounds", line=line, field="gva_per_job_pounds"
            ) from None
        if pence <= 0:
            raise NomisImportError(
                path, "must be more than zero", line=line, field="gva_per_job_pounds"
            )
        if not row["source"].strip():
            raise NomisImportError(
                path, "say where the figure comes from", line=line, field="source"
            )
        if (level, code, year) in rows:
            raise NomisImportError(path, f"duplicate row for {raw} {year}", line=line)
        rows[(level, code, year)] = GvaPerJob(
            industry_level=level,
            industry_code=code,
            year=year,
            pence=pence,
            source=row["source"].strip(),
        )
    with transaction.atomic():
        for level, code, year in rows:
            GvaPerJob.objects.filter(industry_level=level, industry_code=code, year=year).delete()
        created = GvaPerJob.objects.bulk_create(rows.values())
        for row in created:
            audit_record(
                actor=actor,
                action="evidence.import_gva",
                instance=row,
                after={"file": path.name, "pence": row.pence, "source": row.source},
            )
    return len(rows)
