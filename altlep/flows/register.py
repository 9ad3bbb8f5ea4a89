"""Streamed reader for the Companies House BasicCompanyData CSV (about 5.5 million rows)."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from altlep.flows.errors import FlowsInputError

_NEEDED = ("CompanyName", "CompanyNumber")


@dataclass(frozen=True)
class Company:
    number: str
    name: str
    postcode: str
    category: str
    status: str
    account_category: str
    sic_codes: tuple[str, ...]


def register_header(path: Path) -> list[str]:
    """The trimmed header of a BasicCompanyData file; an error if it is not one."""
    try:
        with Path(path).open("r", encoding="utf-8-sig", errors="replace", newline="") as handle:
            header = [h.strip() for h in next(csv.reader(handle), [])]
    except OSError as exc:
        raise FlowsInputError(f"cannot read the file ({exc.strerror})", path=str(path)) from exc
    missing = [h for h in _NEEDED if h not in header]
    if missing:
        raise FlowsInputError(
            f"not a BasicCompanyData file: no {', '.join(missing)} column", path=str(path), line=1
        )
    return header


def read_register(path: Path) -> Iterator[Company]:
    """One Company per row; header names are trimmed (some start with a space)."""
    path = Path(path)
    header = register_header(path)
    with path.open("r", encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)  # the header, read and checked above
        at = {h: i for i, h in enumerate(header)}
        sic_at = [at[h] for h in header if h.startswith("SICCode.SicText")]

        def get(row: list[str], name: str) -> str:
            i = at.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        for row in reader:
            if not row:
                continue
            number = get(row, "CompanyNumber").upper()
            if not number:
                raise FlowsInputError(
                    "no company number",
                    path=str(path),
                    line=reader.line_num,
                    column="CompanyNumber",
                )
            sics = tuple(
                row[i].split(" - ")[0].strip()
                for i in sic_at
                if i < len(row) and row[i].strip() and not row[i].startswith("None")
            )
            yield Company(
                number=number.zfill(8) if number.isdigit() else number,
                name=get(row, "CompanyName"),
                postcode=get(row, "RegAddress.PostCode").upper(),
                category=get(row, "CompanyCategory"),
                status=get(row, "CompanyStatus"),
                account_category=get(row, "Accounts.AccountCategory"),
                sic_codes=sics,
            )


# Loading the whole file inside DuckDB: read_csv, normalise_name (the SQL macro) and the
# cleaning below run in parallel and out of Python's memory, which is what makes the
# 5.5-million-row register load in seconds. Same cleaning as read_register above.
_LOAD_SQL = """
CREATE OR REPLACE TEMP TABLE register_in AS
SELECT CASE WHEN regexp_full_match(n, '[0-9]{{1,7}}') THEN lpad(n, 8, '0') ELSE n END
         AS company_number,
       name, normalise_name(name) AS name_key, postcode, category, status, account_category,
       sic_codes
FROM (
  SELECT upper(trim(coalesce("CompanyNumber", ''))) AS n,
         trim(coalesce("CompanyName", '')) AS name,
         {postcode} AS postcode, {category} AS category, {status} AS status,
         {accounts} AS account_category, {sics} AS sic_codes
  -- skip and strict_mode fixed: left to sniff, DuckDB may skip a file's first lines whole
  -- when a later row is damaged, importing nothing and saying nothing.
  FROM read_csv(?, header = true, all_varchar = true, names = ?, delim = ',', quote = '"',
                escape = '"', skip = 0, strict_mode = true)
)
"""


def load_sql(header: list[str]) -> str:
    """The statement that loads a file with this header into the temp table register_in."""

    def text(name: str) -> str:
        return f"trim(coalesce(\"{name}\", ''))" if name in header else "''"

    sics = [
        f"""CASE WHEN trim(coalesce("{h}", '')) = '' OR starts_with("{h}", 'None') THEN NULL
            ELSE trim(split_part("{h}", ' - ', 1)) END"""
        for h in header
        if h.startswith("SICCode.SicText")
    ]
    return _LOAD_SQL.format(
        postcode=f"upper({text('RegAddress.PostCode')})",
        category=text("CompanyCategory"),
        status=text("CompanyStatus"),
        accounts=text("Accounts.AccountCategory"),
        sics=f"concat_ws(' ', {', '.join(sics)})" if sics else "''",
    )


def first_row_without_number(path: Path) -> int:
    """The line of the first row with no company number (found only when one is missing)."""
    at = register_header(path).index("CompanyNumber")
    with Path(path).open("r", encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        for row in reader:
            if row and (at >= len(row) or not row[at].strip()):
                return reader.line_num
    return 0


def first_bad_row(path: Path) -> tuple[int, str]:
    """The line of the first row that is not one record of the header's width, and what is
    wrong with it; (0, "") when every row is whole (found only after DuckDB refused the file)."""
    width = len(register_header(path))
    with Path(path).open("r", encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        start = reader.line_num + 1
        for row in reader:
            if row and len(row) != width:
                problem = f"{len(row)} fields where the header has {width}"
                if reader.line_num > start:
                    problem += (
                        f" (the record runs on to line {reader.line_num}: a quote left open?)"
                    )
                return start, problem
            start = reader.line_num + 1
    return 0, ""


def unpack_register(
    path: Path, folder: Path, *, progress: Callable[[float], None] | None = None
) -> Path:
    """The CSV inside a Companies House zip, unpacked into `folder` (progress as a fraction
    of its size); a CSV is returned as it is. Each zip Companies House publishes holds one CSV."""
    path = Path(path)
    if not zipfile.is_zipfile(path):
        return path
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if m.filename.lower().endswith(".csv")]
            if len(members) != 1:
                raise FlowsInputError(
                    f"the zip holds {len(members)} CSV files; a Companies House zip holds one "
                    "(upload each part's zip on its own)",
                    path=path.name,
                )
            member = members[0]
            target = Path(folder) / Path(member.filename).name
            target.parent.mkdir(parents=True, exist_ok=True)
            done = 0
            with archive.open(member) as source, target.open("wb") as out:
                while chunk := source.read(1 << 22):
                    out.write(chunk)
                    done += len(chunk)
                    if progress and member.file_size:
                        progress(done / member.file_size)
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise FlowsInputError(f"the zip file is damaged ({exc})", path=path.name) from exc
    return target
