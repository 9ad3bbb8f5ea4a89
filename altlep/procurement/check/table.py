"""The dated rules table of the micro-friendliness check.

A change in the law or in a threshold is a NEW row with its start date, never an edit of an old
row, so a notice is always judged by the rows in force on its publication date. Rows before 24
February 2025 (the Procurement Act 2023's commencement) carry the Public Contracts Regulations
2015 (PCR) equivalents where there was one; a rule with no row in force is not applied.

Facts checked against: legislation.gov.uk (Procurement Act 2023 ss.12, 18, 22, 54, 68, 73, 84–87),
Cabinet Office guidance "Time Periods" (2024) and "Conditions of Participation" (2024), the
Procurement Act 2023 (Threshold Amounts) (Amendment) Regulations 2025 / PPN 023 (thresholds from
1 January 2026, VAT included), and PPN 001 (February 2025, SME spend ambition).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

ERROR = "error"  # the notice breaks the law in force
WARNING = "warning"  # lawful, but shuts out micro-enterprises needlessly
UNKNOWN = "unknown"  # the notice does not say enough to judge

PCR_2015 = date(2015, 2, 26)
ACT_COMMENCED = date(2025, 2, 24)

# Weight of each severity in the score (see `engine.SCORE_FORMULA`).
WEIGHTS = MappingProxyType({ERROR: 3, WARNING: 1})


@dataclass(frozen=True)
class RuleRow:
    """One rule as it stood from `starts` until the next row of the same rule."""

    rule: str
    starts: date
    severity: str
    sentence: str  # what the rule asks, in plain words
    fix: str  # what the buyer should change
    source: str  # the section or policy note it comes from
    params: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))


def _p(**values: Any) -> MappingProxyType:
    return MappingProxyType(values)


# Thresholds (pence, VAT included). Central government includes NHS trusts.
_THRESHOLDS_2024 = _p(central=13_968_800, sub_central=21_490_400, works=537_260_900)
_THRESHOLDS_2026 = _p(central=13_501_800, sub_central=20_772_000, works=519_300_000)

ROWS: tuple[RuleRow, ...] = (
    RuleRow(
        "lots_or_reason",
        PCR_2015,
        WARNING,
        "A contract should be divided into lots, or the notice should say why it is not.",
        "Split the work into lots a small firm can deliver, or state why one contract is needed.",
        "Public Contracts Regulations 2015 reg. 46",
    ),
    RuleRow(
        "lots_or_reason",
        ACT_COMMENCED,
        ERROR,
        "The buyer must consider lots and, if it does not use them, give its reasons.",
        "Split the work into lots a small firm can deliver, or state why one contract is needed.",
        "Procurement Act 2023 s.18",
    ),
    RuleRow(
        "turnover_proportionate",
        PCR_2015,
        ERROR,
        "Minimum yearly turnover may not exceed twice the yearly value of the contract or lot.",
        "Lower the turnover asked to at most twice the smallest lot's yearly value.",
        "Public Contracts Regulations 2015 reg. 58(9)",
        _p(multiple=2),
    ),
    RuleRow(
        "turnover_proportionate",
        ACT_COMMENCED,
        WARNING,
        "Turnover asked should be proportionate: no more than twice a lot's yearly value.",
        "Lower the turnover asked to at most twice the smallest lot's yearly value.",
        "Procurement Act 2023 s.22(2) (proportionate conditions); Cabinet Office guidance "
        "on conditions of participation",
        _p(multiple=2),
    ),
    RuleRow(
        "no_insurance_before_award",
        ACT_COMMENCED,
        ERROR,
        "Insurance for the contract may only be required of the winner, not before award.",
        "Ask for insurance cover 'at award' instead of with the tender.",
        "Procurement Act 2023 s.22",
    ),
    RuleRow(
        "no_audited_accounts",
        ACT_COMMENCED,
        ERROR,
        "Audited accounts may only be asked of suppliers the law already requires to have them.",
        "Ask for audited accounts only where the supplier is required to be audited.",
        "Procurement Act 2023 s.22",
    ),
    RuleRow(
        "payment_within_30_days",
        PCR_2015,
        ERROR,
        "Valid invoices must be paid within 30 days.",
        "Set payment terms of 30 days or fewer.",
        "Public Contracts Regulations 2015 reg. 113",
        _p(days=30),
    ),
    RuleRow(
        "payment_within_30_days",
        ACT_COMMENCED,
        ERROR,
        "Valid invoices must be paid within 30 days.",
        "Set payment terms of 30 days or fewer.",
        "Procurement Act 2023 s.68",
        _p(days=30),
    ),
    RuleRow(
        "subcontract_payment_within_30_days",
        ACT_COMMENCED,
        ERROR,
        "Subcontractors must be paid within 30 days too.",
        "Require 30-day payment terms in every subcontract.",
        "Procurement Act 2023 s.73",
        _p(days=30),
    ),
    RuleRow(
        "minimum_tendering_period",
        PCR_2015,
        ERROR,
        "An above-threshold tender must stay open for the minimum period.",
        "Move the tender deadline later.",
        "Public Contracts Regulations 2015 regs. 27–28",
        # open: 35 days, 30 with electronic tenders, 15 after a prior information notice;
        # restricted: 30 days for tenders, 25 electronic, 10 after a prior information notice.
        _p(open=30, open_paper=35, competitive=25, competitive_paper=30, pipeline=15),
    ),
    RuleRow(
        "minimum_tendering_period",
        ACT_COMMENCED,
        ERROR,
        "An above-threshold tender must stay open for the minimum period of s.54.",
        "Move the tender deadline later.",
        "Procurement Act 2023 s.54 (25 days, electronic; 30 otherwise; 10 after a qualifying "
        "planned procurement notice published 40 days to a year before)",
        _p(open=25, open_paper=30, competitive=25, competitive_paper=30, pipeline=10),
    ),
    RuleRow(
        "proportionate_period_below_threshold",
        PCR_2015,
        WARNING,
        "A below-threshold tender should give a proportionate time to respond (10 days or more).",
        "Give small firms at least 10 days to respond.",
        "Procurement Act 2023 s.54(1) and s.12(4) as good practice; Cabinet Office guidance on "
        "below-threshold contracts",
        _p(days=10),
    ),
    RuleRow(
        "below_threshold_notice",
        PCR_2015,
        ERROR,
        "An advertised below-threshold contract of £10,000 (central) or £25,000 (others) must "
        "be published on Contracts Finder.",
        "Publish the notice on Contracts Finder and record its reference.",
        "Public Contracts Regulations 2015 regs. 110 and 112",
        _p(central=1_000_000, other=2_500_000),
    ),
    RuleRow(
        "below_threshold_notice",
        ACT_COMMENCED,
        ERROR,
        "An advertised below-threshold contract of £12,000 (central government) or £30,000 "
        "(others), VAT included, needs a below-threshold tender notice on the central platform.",
        "Publish a below-threshold tender notice on Find a Tender and record its reference.",
        "Procurement Act 2023 ss.86–87",
        _p(central=1_200_000, other=3_000_000),
    ),
    RuleRow(
        "above_threshold_procedure",
        date(2024, 1, 1),
        ERROR,
        "A contract at or above the threshold in force must use a full competitive procedure.",
        "Use the open or competitive flexible procedure, or revisit the estimate.",
        "Schedule 1 thresholds from 1 January 2024 (VAT included): £139,688 central, "
        "£214,904 sub-central, £5,372,609 works",
        _THRESHOLDS_2024,
    ),
    RuleRow(
        "above_threshold_procedure",
        date(2026, 1, 1),
        ERROR,
        "A contract at or above the threshold in force must use a full competitive procedure.",
        "Use the open or competitive flexible procedure, or revisit the estimate.",
        "Procurement Act 2023 Sch. 1 as amended by SI 2025/1200 (PPN 023), from 1 January "
        "2026, VAT included: £135,018 central, £207,720 sub-central, £5,193,000 works",
        _THRESHOLDS_2026,
    ),
    RuleRow(
        "sme_vcse_suitability",
        PCR_2015,
        WARNING,
        "The notice should say whether the contract suits SMEs and VCSEs.",
        "Mark the opportunity as suitable for SMEs and VCSEs where it is.",
        "Procurement Act 2023 s.12(4) (barriers facing SMEs); PPN 001 (SME spend ambition)",
    ),
    RuleRow(
        "consortia_welcome",
        PCR_2015,
        WARNING,
        "Small firms should be able to bid together as a consortium.",
        "Say that consortia are welcome and how they are assessed.",
        "Procurement Act 2023 s.12(4) and s.22 (reliance on associated persons)",
    ),
)

RULE_NAMES: tuple[str, ...] = tuple(dict.fromkeys(row.rule for row in ROWS))


def rows_in_force(on: date) -> dict[str, RuleRow]:
    """The row of each rule in force on `on` (rules with no row yet in force are absent)."""
    chosen: dict[str, RuleRow] = {}
    for row in sorted(ROWS, key=lambda r: r.starts):
        if row.starts <= on:
            chosen[row.rule] = row
    return chosen


def thresholds_in_force(on: date) -> MappingProxyType:
    """The above-threshold amounts (pence, VAT included) in force on `on`."""
    row = rows_in_force(on).get("above_threshold_procedure")
    return row.params if row else _THRESHOLDS_2024
