"""The micro-friendliness check: a notice in, findings and a score out. Imports no Django.

Every field of `Notice` may be None, meaning "the notice does not say"; a rule that needs an
unsaid fact reports `unknown` rather than guessing. Ranges are used where a fact is half known
(a value without its VAT basis, a buyer of unknown kind): a rule is judged only when every
reading of the notice gives the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from altlep.procurement.check.table import (
    ERROR,
    UNKNOWN,
    WARNING,
    WEIGHTS,
    RuleRow,
    rows_in_force,
)

PASS = "pass"
FAIL = "fail"
NOT_APPLICABLE = "not_applicable"

OPEN = "open"
COMPETITIVE = "competitive_flexible"
BELOW_THRESHOLD = "below_threshold"
DIRECT = "direct"

CENTRAL = "central"
SUB_CENTRAL = "sub_central"

SCORE_FORMULA = (
    "score = 100 × (weight of rules passed) ÷ (weight of rules judged), rounded; "
    "a legal requirement (error) weighs 3, good practice (warning) weighs 1; "
    "rules the notice gives too little to judge are left out and listed as unknown"
)

VAT_STANDARD_RATE = 20  # percent; used only to bound a net value whose VAT is not stated


@dataclass(frozen=True)
class LotFacts:
    value_pence: int | None = None


@dataclass(frozen=True)
class Notice:
    """What the check needs to know about an opportunity or a published notice."""

    published_on: date
    value_pence: int | None = None
    value_includes_vat: bool | None = None
    buyer_kind: str | None = None  # central | sub_central
    works: bool | None = None
    procedure: str | None = None  # open | competitive_flexible | below_threshold | direct
    lots: tuple[LotFacts, ...] | None = None  # None: unknown; () : not divided
    no_lots_reason: str | None = None
    tender_start: datetime | date | None = None
    tender_end: datetime | date | None = None
    electronic_tenders: bool | None = True
    planned_procurement_notice_on: date | None = None
    contract_years: float | None = None
    minimum_turnover_pence: int | None = None
    insurance_before_award: bool | None = None
    audited_accounts_demanded: bool | None = None
    payment_days: int | None = None
    subcontract_payment_days: int | None = None
    subcontracting: bool | None = None
    notice_published: bool | None = None
    sme_suitable: bool | None = None
    vcse_suitable: bool | None = None
    consortia_welcome: bool | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # error | warning | unknown
    message: str
    fix: str
    source: str

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "source": self.source,
        }


@dataclass
class Result:
    outcomes: dict[str, str] = field(default_factory=dict)  # rule → pass/fail/unknown/n.a.
    findings: list[Finding] = field(default_factory=list)
    score: int | None = None
    passed_weight: int = 0
    judged_weight: int = 0

    def failed(self) -> list[str]:
        return [rule for rule, outcome in self.outcomes.items() if outcome == FAIL]


def tender_period_days(start: datetime | date | None, end: datetime | date | None) -> int | None:
    """Whole days from start to end (floored), or None when either is unknown."""
    if start is None or end is None:
        return None
    if isinstance(start, datetime) != isinstance(end, datetime):
        start = start.date() if isinstance(start, datetime) else start
        end = end.date() if isinstance(end, datetime) else end
    if isinstance(start, datetime):
        if (start.tzinfo is None) != (end.tzinfo is None):
            start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
        return int((end - start).total_seconds() // 86400)
    return (end - start).days


def gross_value_range(notice: Notice) -> tuple[int, int] | None:
    """The lowest and highest VAT-inclusive value the notice allows, or None if no value."""
    if notice.value_pence is None:
        return None
    if notice.value_includes_vat:
        return notice.value_pence, notice.value_pence
    with_vat = notice.value_pence * (100 + VAT_STANDARD_RATE) // 100
    if notice.value_includes_vat is False:
        return notice.value_pence, with_vat  # zero-rated or exempt, up to standard rate
    return notice.value_pence, with_vat


def _threshold_range(notice: Notice, params) -> tuple[int, int]:
    if notice.works:
        return params["works"], params["works"]
    kinds = [notice.buyer_kind] if notice.buyer_kind in (CENTRAL, SUB_CENTRAL) else None
    if kinds is None:
        values = [params["central"], params["sub_central"]]
        if notice.works is None:
            values.append(params["works"])
        return min(values), max(values)
    value = params[kinds[0]]
    if notice.works is None:
        return min(value, params["works"]), max(value, params["works"])
    return value, value


def above_threshold(notice: Notice) -> bool | None:
    """True/False when every reading of the notice agrees it is at/above the threshold; else
    None."""
    row = rows_in_force(notice.published_on).get("above_threshold_procedure")
    values = gross_value_range(notice)
    if row is None or values is None:
        return None
    low_threshold, high_threshold = _threshold_range(notice, row.params)
    if values[0] >= high_threshold:
        return True
    if values[1] < low_threshold:
        return False
    return None


class _Judge:
    def __init__(self, notice: Notice) -> None:
        self.notice = notice
        self.rows = rows_in_force(notice.published_on)
        self.result = Result()

    def verdict(self, rule: str, outcome: str, detail: str = "") -> None:
        row: RuleRow | None = self.rows.get(rule)
        if row is None:
            return
        self.result.outcomes[rule] = outcome
        if outcome == FAIL:
            message = row.sentence + (f" {detail}" if detail else "")
            self.result.findings.append(Finding(rule, row.severity, message, row.fix, row.source))
        elif outcome == UNKNOWN:
            message = "The notice does not say enough to judge: " + (detail or row.sentence)
            self.result.findings.append(Finding(rule, UNKNOWN, message, row.fix, row.source))
        if outcome in (PASS, FAIL):
            weight = WEIGHTS[row.severity]
            self.result.judged_weight += weight
            if outcome == PASS:
                self.result.passed_weight += weight


def check(notice: Notice) -> Result:
    """Judge a notice by the rules in force on its publication date."""
    judge = _Judge(notice)
    n = notice
    rows = judge.rows
    above = above_threshold(n)

    # Lots (s.18).
    if n.lots is None:
        judge.verdict("lots_or_reason", UNKNOWN, "it does not list its lots.")
    elif len(n.lots) >= 2 or (n.no_lots_reason or "").strip():
        judge.verdict("lots_or_reason", PASS)
    else:
        judge.verdict("lots_or_reason", FAIL, "It has no lots and gives no reason.")

    # Turnover no more than twice a lot's yearly value.
    if "turnover_proportionate" in rows:
        multiple = rows["turnover_proportionate"].params["multiple"]
        lot_values = [lot.value_pence for lot in (n.lots or ())]
        if not lot_values or len(lot_values) < 2:
            lot_values = [n.value_pence]
        if n.minimum_turnover_pence is None:
            judge.verdict("turnover_proportionate", UNKNOWN, "it states no minimum turnover.")
        elif n.minimum_turnover_pence == 0:
            judge.verdict("turnover_proportionate", PASS)
        elif any(v is None for v in lot_values):
            judge.verdict("turnover_proportionate", UNKNOWN, "a lot has no value.")
        else:
            smallest = min(lot_values)
            # Unknown length: the whole value bounds the yearly value from above.
            years = max(1.0, n.contract_years) if n.contract_years else None
            yearly = smallest / years if years else smallest
            allowed = multiple * yearly
            if n.minimum_turnover_pence <= allowed and years:
                judge.verdict("turnover_proportionate", PASS)
            elif n.minimum_turnover_pence > multiple * smallest or (
                years and n.minimum_turnover_pence > allowed
            ):
                judge.verdict(
                    "turnover_proportionate",
                    FAIL,
                    f"It asks £{n.minimum_turnover_pence / 100:,.0f}; twice the smallest "
                    f"lot's yearly value is £{allowed / 100:,.0f}.",
                )
            else:
                judge.verdict(
                    "turnover_proportionate", UNKNOWN, "the contract's length is not stated."
                )

    # Conditions before award (s.22).
    for rule, fact in (
        ("no_insurance_before_award", n.insurance_before_award),
        ("no_audited_accounts", n.audited_accounts_demanded),
    ):
        if fact is None:
            judge.verdict(rule, UNKNOWN)
        else:
            judge.verdict(rule, FAIL if fact else PASS)

    # Payment terms (s.68, s.73).
    if "payment_within_30_days" in rows:
        limit = rows["payment_within_30_days"].params["days"]
        if n.payment_days is None:
            judge.verdict("payment_within_30_days", UNKNOWN, "payment terms are not stated.")
        elif n.payment_days <= limit:
            judge.verdict("payment_within_30_days", PASS)
        else:
            judge.verdict("payment_within_30_days", FAIL, f"It pays in {n.payment_days} days.")
    if "subcontract_payment_within_30_days" in rows:
        limit = rows["subcontract_payment_within_30_days"].params["days"]
        if n.subcontracting is False:
            judge.verdict("subcontract_payment_within_30_days", NOT_APPLICABLE)
        elif n.subcontract_payment_days is None:
            judge.verdict("subcontract_payment_within_30_days", UNKNOWN)
        elif n.subcontract_payment_days <= limit:
            judge.verdict("subcontract_payment_within_30_days", PASS)
        else:
            judge.verdict(
                "subcontract_payment_within_30_days",
                FAIL,
                f"Subcontractors are paid in {n.subcontract_payment_days} days.",
            )

    # Tendering periods (s.54; proportionate below threshold).
    days = tender_period_days(n.tender_start, n.tender_end)
    _judge_periods(judge, n, above, days)

    # Below-threshold notice (ss.86–87).
    if "below_threshold_notice" in rows:
        params = rows["below_threshold_notice"].params
        values = gross_value_range(n)
        if above is True:
            judge.verdict("below_threshold_notice", NOT_APPLICABLE)
        elif n.notice_published:
            judge.verdict("below_threshold_notice", PASS)
        elif values is None:
            judge.verdict("below_threshold_notice", UNKNOWN, "the value is not stated.")
        else:
            if n.buyer_kind == CENTRAL:
                low = high = params["central"]
            elif n.buyer_kind == SUB_CENTRAL:
                low = high = params["other"]
            else:
                low, high = params["central"], params["other"]
            if values[1] < low:
                judge.verdict("below_threshold_notice", NOT_APPLICABLE)
            elif values[0] >= high and n.notice_published is False:
                judge.verdict(
                    "below_threshold_notice",
                    FAIL,
                    f"Its value (£{values[0] / 100:,.0f} or more) needs one.",
                )
            else:
                judge.verdict("below_threshold_notice", UNKNOWN)

    # Above-threshold values and the procedure used.
    if "above_threshold_procedure" in rows:
        if above is None:
            judge.verdict(
                "above_threshold_procedure",
                UNKNOWN,
                "the value, its VAT or the kind of buyer is not stated.",
            )
        elif not above:
            judge.verdict("above_threshold_procedure", NOT_APPLICABLE)
        elif n.procedure in (OPEN, COMPETITIVE):
            judge.verdict("above_threshold_procedure", PASS)
        elif n.procedure is None:
            judge.verdict("above_threshold_procedure", UNKNOWN, "the procedure is not stated.")
        else:
            judge.verdict(
                "above_threshold_procedure",
                FAIL,
                "Its value is at or above the threshold in force on its publication date.",
            )

    # Suitability and consortia.
    if n.sme_suitable is None and n.vcse_suitable is None:
        judge.verdict("sme_vcse_suitability", UNKNOWN)
    elif n.sme_suitable or n.vcse_suitable:
        judge.verdict("sme_vcse_suitability", PASS)
    else:
        judge.verdict("sme_vcse_suitability", FAIL, "It is flagged as suitable for neither.")
    if n.consortia_welcome is None:
        judge.verdict("consortia_welcome", UNKNOWN)
    else:
        judge.verdict("consortia_welcome", PASS if n.consortia_welcome else FAIL)

    result = judge.result
    if result.judged_weight:
        result.score = round(100 * result.passed_weight / result.judged_weight)
    return result


def _judge_periods(judge: _Judge, n: Notice, above: bool | None, days: int | None) -> None:
    rows = judge.rows
    if "minimum_tendering_period" in rows:
        params = rows["minimum_tendering_period"].params
        required = _required_days(n, params)
        if above is False or n.procedure in (BELOW_THRESHOLD, DIRECT):
            judge.verdict("minimum_tendering_period", NOT_APPLICABLE)
        elif days is None:
            judge.verdict("minimum_tendering_period", UNKNOWN, "the tender period is not stated.")
        elif required is not None and days >= required and above:
            judge.verdict("minimum_tendering_period", PASS)
        elif days >= max(params.values()):  # long enough under every reading
            judge.verdict("minimum_tendering_period", PASS)
        elif required is not None and days < required and above:
            judge.verdict(
                "minimum_tendering_period",
                FAIL,
                f"It is open for {days} days; at least {required} are required.",
            )
        else:
            judge.verdict(
                "minimum_tendering_period",
                UNKNOWN,
                "whether the contract is above the threshold, or its procedure, is not stated.",
            )
    if "proportionate_period_below_threshold" in rows:
        minimum = rows["proportionate_period_below_threshold"].params["days"]
        if above is True:
            judge.verdict("proportionate_period_below_threshold", NOT_APPLICABLE)
        elif days is None:
            judge.verdict(
                "proportionate_period_below_threshold", UNKNOWN, "the tender period is not stated."
            )
        elif days >= minimum:
            judge.verdict("proportionate_period_below_threshold", PASS)
        else:
            judge.verdict(
                "proportionate_period_below_threshold",
                FAIL,
                f"It is open for {days} days.",
            )


def _required_days(n: Notice, params) -> int | None:
    if n.procedure not in (OPEN, COMPETITIVE):
        return None
    if n.planned_procurement_notice_on and n.tender_start:
        start = n.tender_start.date() if isinstance(n.tender_start, datetime) else n.tender_start
        gap = (start - n.planned_procurement_notice_on).days
        if 40 <= gap <= 365:
            return params["pipeline"]
    key = "open" if n.procedure == OPEN else "competitive"
    if n.electronic_tenders is False:
        key += "_paper"
    elif n.electronic_tenders is None:
        return None
    return params[key]


__all__ = [
    "ERROR",
    "WARNING",
    "UNKNOWN",
    "Finding",
    "LotFacts",
    "Notice",
    "Result",
    "check",
    "tender_period_days",
]
