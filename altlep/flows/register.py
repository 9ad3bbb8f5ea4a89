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


def read_register(path: Path) -> Iterator[Company]:
    """One Company per row; header names are trimmed (some start with a space)."""
    path = Path(path)
    try:
        handle = path.open("r", encoding="utf-8-sig", errors="replace", newline="")
    except OSError as exc:
        raise FlowsInputError(f"cannot read the file ({exc.strerror})", path=str(path)) from exc
    with handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader, [])]
        missing = [h for h in _NEEDED if h not in header]
        if missing:
            raise FlowsInputError(
                f"not a BasicCompanyData file: no {', '.join(missing)} column",
                path=str(path),
                line=1,
            )
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
