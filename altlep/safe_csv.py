"""The one CSV writer every export goes through: cells that a spreadsheet would run as a
formula are neutralised (OWASP "CSV injection").

Plain Python with no Django, so the engines (`altlep.flows`) use it as well as the apps.
A cell whose text begins with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with
a single quote, which spreadsheets show but do not evaluate. Numbers stay numbers: a negative
amount is data, not a formula, and only text can carry one.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """The cell as it is safe to write: text that would start a formula gets a leading `'`."""
    if value is None or isinstance(value, bool | int | float | Decimal):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SafeWriter:
    """`csv.writer` whose every cell passes through `neutralise`."""

    def __init__(self, handle: TextIO, **options: Any) -> None:
        self._writer = csv.writer(handle, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(handle: TextIO, **options: Any) -> SafeWriter:
    """A CSV writer for anything people will open in a spreadsheet."""
    return SafeWriter(handle, **options)


def write_dicts(handle: TextIO, rows: list[dict[str, Any]]) -> None:
    """Rows of one shape with a header from the first row's keys; list values joined by `; `."""
    if not rows:
        return
    out = writer(handle)
    fields = list(rows[0])
    out.writerow(fields)
    for row in rows:
        out.writerow(
            ["; ".join(map(str, v)) if isinstance(v, list) else v for v in map(row.get, fields)]
        )
