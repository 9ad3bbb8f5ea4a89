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


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 and len(text) == 2 else year


@functools.lru_cache(maxsize=1 << 14)  # a year of payments has a few hundred distinct dates
def parse_date(raw: str) -> date:
    """A date from ISO, dd/mm/yyyy (UK order), "05-Jan-2018", yyyymmdd or an Excel serial."""
    text = (raw or "").strip()
    if not text:
        raise ValueError("no date")
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _UK.match(text):
            return date(_year(m[3]), int(m[2]), int(m[1]))
        if m := _NAMED.match(text):
            month = _MONTHS.get(m[2][:3].lower())
            if month is None:
                raise ValueError(f"“{raw}” has no month I know")
            return date(_year(m[3]), month, int(m[1]))
        if m := _COMPACT.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if re.fullmatch(r"\d{5}(\.\d+)?", text):
            serial = float(text)
            if 20000 <= serial <= 80000:  # 1954–2119: a plausible Excel serial day number
                return _EXCEL_EPOCH + timedelta(days=int(serial))
    except ValueError as exc:
        raise ValueError(f"“{raw}” is not a real date ({exc})") from exc
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"“{raw}” is not a date I can read") from None


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
