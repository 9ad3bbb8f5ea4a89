"""Read OCDS tender notices for the check: release packages, record packages, single releases,
JSON arrays of releases and JSON lines. Imports no Django.

`read_releases` yields each release dict or raises `OcdsReadError` naming the file (and line, for
JSON lines). `notice_from_release` turns a release into a `Notice`, saying only what it says.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from altlep.procurement.check.engine import (
    COMPETITIVE,
    DIRECT,
    OPEN,
    LotFacts,
    Notice,
    Result,
    check,
    tender_period_days,
)


class OcdsReadError(Exception):
    """A file that cannot be read as OCDS; the message names the file and, if known, the line."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {reason}")


def _releases_in(document: object, path: Path, line: int | None) -> list[dict]:
    if isinstance(document, list):
        found: list[dict] = []
        for item in document:
            found.extend(_releases_in(item, path, line))
        return found
    if not isinstance(document, dict):
        raise OcdsReadError(path, "expected a JSON object (release or package)", line)
    if isinstance(document.get("releases"), list):
        return [r for r in document["releases"] if _is_release(r, path, line)]
    if isinstance(document.get("records"), list):
        found = []
        for record in document["records"]:
            if not isinstance(record, dict):
                raise OcdsReadError(path, "a record is not a JSON object", line)
            embedded = [
                r for r in record.get("releases") or [] if isinstance(r, dict) and "id" in r
            ]
            if embedded:
                found.extend(r for r in embedded if _is_release(r, path, line))
            elif isinstance(record.get("compiledRelease"), dict):
                found.append(record["compiledRelease"])
        return found
    if "ocid" in document:
        return [document]
    raise OcdsReadError(path, "not OCDS: no 'releases', 'records' or 'ocid' at the top level", line)


def _is_release(release: object, path: Path, line: int | None) -> bool:
    if not isinstance(release, dict):
        raise OcdsReadError(path, "a release is not a JSON object", line)
    return True


def read_releases(path: Path | str) -> Iterator[tuple[int | None, dict]]:
    """Yield (line or None, release) for every release in the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise OcdsReadError(path, f"cannot read the file ({error})") from None
    if not text.strip():
        raise OcdsReadError(path, "the file is empty")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg != "Extra data":
            raise OcdsReadError(
                path, f"not valid JSON ({error.msg}, column {error.colno})", error.lineno
            ) from None
        yield from _json_lines(path, text)
        return
    for release in _releases_in(document, path, None):
        yield None, release


def _json_lines(path: Path, text: str) -> Iterator[tuple[int, dict]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            document = json.loads(line)
        except json.JSONDecodeError as error:
            raise OcdsReadError(
                path, f"not valid JSON ({error.msg}, column {error.colno})", number
            ) from None
        for release in _releases_in(document, path, number):
            yield number, release


def parse_when(text: object) -> datetime | date | None:
    """An OCDS date-time (or date) as given, or None when absent or unreadable."""
    if not isinstance(text, str) or not text.strip():
        return None
    raw = text.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        try:
            return date.fromisoformat(raw[:10])
        except ValueError:
            return None


def _day(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def _amount(value: object) -> tuple[Decimal | None, str | None, bool | None]:
    """(amount, currency, VAT included?) from an OCDS Value (with the UK `amountGross`)."""
    if not isinstance(value, dict):
        return None, None, None
    currency = value.get("currency") if isinstance(value.get("currency"), str) else None
    for key, includes_vat in (("amountGross", True), ("amount", None)):
        raw = value.get(key)
        if isinstance(raw, bool) or raw is None:
            continue
        try:
            amount = Decimal(str(raw))
        except InvalidOperation:
            continue
        if amount.is_finite() and amount >= 0:
            return amount, currency, includes_vat
    return None, currency, None


@dataclass(frozen=True)
class CheckedRelease:
    ocid: str | None
    release_id: str | None
    title: str | None
    value: float | None
    currency: str | None
    lots: int
    tender_period_days: int | None
    result: Result

    def as_dict(self) -> dict:
        return {
            "ocid": self.ocid,
            "release_id": self.release_id,
            "title": self.title,
            "value": self.value,
            "currency": self.currency,
            "lots": self.lots,
            "tender_period_days": self.tender_period_days,
            "score": self.result.score,
            "findings": [finding.as_dict() for finding in self.result.findings],
        }


_PROCEDURES = {"open": OPEN, "selective": COMPETITIVE, "limited": DIRECT, "direct": DIRECT}


def notice_from_release(release: dict) -> tuple[Notice, dict]:
    """The facts a release states, as a Notice, and the plain figures printed beside it."""
    tender = release.get("tender") if isinstance(release.get("tender"), dict) else {}
    period = tender.get("tenderPeriod") if isinstance(tender.get("tenderPeriod"), dict) else {}
    released = parse_when(release.get("date"))
    start = parse_when(period.get("startDate")) or released
    end = parse_when(period.get("endDate"))
    published = _day(parse_when(tender.get("datePublished"))) or _day(start) or _day(released)
    amount, currency, includes_vat = _amount(tender.get("value"))
    raw_lots = tender.get("lots") if isinstance(tender.get("lots"), list) else []
    lots = tuple(
        LotFacts(value_pence=_pence(_amount(lot.get("value"))[0]))
        for lot in raw_lots
        if isinstance(lot, dict)
    )
    suitability = tender.get("suitability") if isinstance(tender.get("suitability"), dict) else {}
    method = tender.get("procurementMethod")
    category = tender.get("mainProcurementCategory")
    notice = Notice(
        published_on=published or date.today(),
        value_pence=_pence(amount),
        value_includes_vat=includes_vat,
        buyer_kind=None,
        works=(category == "works") if isinstance(category, str) else None,
        procedure=_PROCEDURES.get(method) if isinstance(method, str) else None,
        lots=lots,
        no_lots_reason=_no_lots_reason(tender),
        tender_start=start,
        tender_end=end,
        electronic_tenders=_electronic(tender),
        contract_years=_years(tender.get("contractPeriod")),
        # What OCDS tender notices do not carry as data is left unknown.
        minimum_turnover_pence=None,
        insurance_before_award=None,
        audited_accounts_demanded=None,
        payment_days=None,
        subcontract_payment_days=None,
        subcontracting=None,
        # A release read here is itself a published notice.
        notice_published=True,
        sme_suitable=suitability.get("sme") if isinstance(suitability.get("sme"), bool) else None,
        vcse_suitable=suitability.get("vcse")
        if isinstance(suitability.get("vcse"), bool)
        else None,
        consortia_welcome=None,
    )
    figures = {
        "value": float(amount) if amount is not None else None,
        "currency": currency,
        "lots": len(lots),
        "tender_period_days": tender_period_days(start, end),
    }
    return notice, figures


def _pence(amount: Decimal | None) -> int | None:
    return int((amount * 100).to_integral_value()) if amount is not None else None


def _no_lots_reason(tender: dict) -> str | None:
    details = tender.get("lotDetails")
    if isinstance(details, dict):
        reason = details.get("noLotsReason") or details.get("reasonForNotUsingLots")
        if isinstance(reason, str):
            return reason
    reason = tender.get("noLotsReason")
    return reason if isinstance(reason, str) else None


def _electronic(tender: dict) -> bool | None:
    terms = tender.get("submissionTerms")
    if isinstance(terms, dict) and isinstance(terms.get("electronicSubmissionPolicy"), str):
        return terms["electronicSubmissionPolicy"] in ("required", "allowed")
    methods = tender.get("submissionMethod")
    if isinstance(methods, list) and methods:
        return "electronicSubmission" in methods
    return None


def _years(period: object) -> float | None:
    if not isinstance(period, dict):
        return None
    start, end = parse_when(period.get("startDate")), parse_when(period.get("endDate"))
    days = tender_period_days(start, end)
    if days is None or days <= 0:
        return None
    return days / 365.25


def check_release(release: dict) -> CheckedRelease:
    """Check one release that has a tender."""
    notice, figures = notice_from_release(release)
    tender = release.get("tender") or {}
    title = tender.get("title") if isinstance(tender.get("title"), str) else None
    return CheckedRelease(
        ocid=release.get("ocid") if isinstance(release.get("ocid"), str) else None,
        release_id=str(release["id"]) if release.get("id") is not None else None,
        title=title,
        result=check(notice),
        **figures,
    )


def has_tender(release: dict) -> bool:
    return isinstance(release.get("tender"), dict)
