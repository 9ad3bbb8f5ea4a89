"""Streamed reader for the Companies House BasicCompanyData CSV (about 5.5 million rows)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
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
  FROM read_csv(?, header = true, all_varchar = true, names = ?, quote = '"', escape = '"')
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
