"""Parsing the values public bodies publish: amounts to integer pence, dates in several forms."""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

_AMOUNT_NOISE = re.compile(r"[£$€,\s\u00a3]|GBP", re.IGNORECASE)
_EXCEL_EPOCH = date(1899, 12, 30)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}


_PLAIN_AMOUNT = re.compile(r"(-?)(\d{1,15})(?:\.(\d{1,2}))?")


def parse_amount(raw: str) -> int:
    """Pence from "£1,234.50", "(12.00)", "12.00CR", "-5" or "1.2E3"; raises ValueError."""
    if plain := _PLAIN_AMOUNT.fullmatch(raw or ""):
        # Most lines are a bare "1234.5": integer arithmetic, no Decimal needed.
        pence = int(plain[2]) * 100 + int((plain[3] or "0").ljust(2, "0"))
        return -pence if plain[1] else pence
    text = _AMOUNT_NOISE.sub("", raw or "")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    upper = text.upper()
    if upper.endswith("CR"):
        negative, text = True, text[:-2]
    elif upper.endswith("DR"):
        text = text[:-2]
    if text.endswith("-"):
        negative, text = True, text[:-1]
    if not text:
        raise ValueError("no amount")
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(f"“{raw}” is not a number") from exc
    if not value.is_finite():
        raise ValueError(f"“{raw}” is not a number")
    pence = int((value * 100).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    return -abs(pence) if negative else pence


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_UK = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:\s.*)?$")
_NAMED = re.compile(r"^(\d{1,2})[\s\-/]([A-Za-z]{3,9})[\s\-/,]+(\d{2}|\d{4})(?:\s.*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# A month rather than a day ("2016-11", "Nov 2016", "July 2010-September 2010"): councils that
# publish quarterly sometimes date every line with the period; the period's first day is used.
_YEAR_MONTH = re.compile(r"^(\d{4})[\-/](\d{1,2})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3,9})[\s\-/,]*(\d{4}|\d{2})(?:\s*(?:-|–|to)\s*.*)?$")


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 and len(text) == 2 else year


def _month(name: str, raw: str) -> int:
    month = _MONTHS.get(name[:3].lower())
    if month is None:
        raise ValueError(f"“{raw}” has no month I know")
    return month


@functools.lru_cache(maxsize=1 << 14)  # a year of payments has a few hundred distinct dates
def parse_date(raw: str, month_first: bool = False) -> date:
    """A date from ISO, dd/mm/yyyy (UK order; mm/dd/yyyy with month_first), "05-Jan-2018",
    yyyymmdd, an Excel serial, or a month ("2016-11", "Nov 2016": its first day)."""
    text = (raw or "").strip()
    if not text:
        raise ValueError("no date")
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _UK.match(text):
            first, second = int(m[1]), int(m[2])
            day, month = (second, first) if month_first else (first, second)
            return date(_year(m[3]), month, day)
        if m := _NAMED.match(text):
            return date(_year(m[3]), _month(m[2], raw), int(m[1]))
        if m := _COMPACT.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if re.fullmatch(r"\d{5}(\.\d+)?", text):
            serial = float(text)
            if 20000 <= serial <= 80000:  # 1954–2119: a plausible Excel serial day number
                return _EXCEL_EPOCH + timedelta(days=int(serial))
        if m := _YEAR_MONTH.match(text):
            return date(int(m[1]), int(m[2]), 1)
        if (m := _MONTH_YEAR.match(text)) and m[1][:3].lower() in _MONTHS:
            return date(_year(m[2]), _month(m[1], raw), 1)
    except ValueError as exc:
        raise ValueError(f"“{raw}” is not a real date ({exc})") from exc
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"“{raw}” is not a date I can read") from None


def is_period(raw: str) -> bool:
    """Whether a date value names a month or period rather than a day."""
    text = (raw or "").strip()
    return bool(_YEAR_MONTH.match(text) or _MONTH_YEAR.match(text))


def day_month_order(values: list[str]) -> tuple[bool, str]:
    """Decide for a whole file whether nn/nn/yyyy dates are month-first: (month_first, why).
    A first part over 12 proves day-first; a second part over 12 proves month-first; a file
    where every such date could be read either way is read in UK order, and says so."""
    day_first = month_first = ambiguous = 0
    for value in values:
        if m := _UK.match((value or "").strip()):
            first, second = int(m[1]), int(m[2])
            if first > 12 >= second:
                day_first += 1
            elif second > 12 >= first:
                month_first += 1
            elif first != second:
                ambiguous += 1
    if month_first and not day_first:
        return True, f"month first (mm/dd): {month_first} dates have a day over 12 second"
    if day_first:
        return False, ""
    if ambiguous:
        return False, "day first (UK order) assumed: no date in the sample has a day over 12"
    return False, ""


def looks_like_date(raw: str) -> bool:
    try:
        parse_date(raw)
    except ValueError:
        return False
    return True


def looks_like_amount(raw: str) -> bool:
    try:
        parse_amount(raw)
    except ValueError:
        return False
    return True
