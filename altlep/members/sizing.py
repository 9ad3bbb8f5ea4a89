"""Company size bands by the Companies Act test (two of three), thresholds from 6 April 2025.

Pure functions, no Django: the organisation model and the flows engine both use them.
"""

from dataclasses import dataclass
from enum import StrEnum


class SizeBand(StrEnum):
    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    UNKNOWN = "unknown"


class SizeBasis(StrEnum):
    TWO_OF_THREE = "two of three criteria"
    TWO_KNOWN = "two known criteria agree"
    HEADCOUNT = "headcount only"
    NONE = "no figures"


@dataclass(frozen=True)
class Threshold:
    band: SizeBand
    employees: int
    turnover_pence: int
    balance_sheet_pence: int


# Companies Act 2006 ss.382/384A/465 as amended for financial years beginning on or after
# 6 April 2025: a company is within a band if it does not exceed two of the three limits.
THRESHOLDS = (
    Threshold(SizeBand.MICRO, 10, 1_000_000_00, 500_000_00),
    Threshold(SizeBand.SMALL, 50, 15_000_000_00, 7_500_000_00),
    Threshold(SizeBand.MEDIUM, 250, 54_000_000_00, 27_000_000_00),
)


@dataclass(frozen=True)
class SizeResult:
    band: SizeBand
    basis: SizeBasis


def _within(value: int | None, limit: int) -> bool | None:
    return None if value is None else value <= limit


def size_band(
    *, employees: int | None, turnover_pence: int | None, balance_sheet_pence: int | None
) -> SizeResult:
    """The smallest band whose limits the figures meet, and the basis the decision rested on.

    With all three figures known this is the statutory two-of-three test. With one figure
    missing we decide only when the two known figures agree (both within or both over); when
    they disagree, or finances are unknown, we fall back to headcount alone.
    """
    known = [v is not None for v in (employees, turnover_pence, balance_sheet_pence)]
    if not any(known):
        return SizeResult(SizeBand.UNKNOWN, SizeBasis.NONE)
    for threshold in THRESHOLDS:
        tests = [
            _within(employees, threshold.employees),
            _within(turnover_pence, threshold.turnover_pence),
            _within(balance_sheet_pence, threshold.balance_sheet_pence),
        ]
        decided = [t for t in tests if t is not None]
        if len(decided) == 3:
            if sum(decided) >= 2:
                return SizeResult(threshold.band, SizeBasis.TWO_OF_THREE)
            continue
        if len(decided) == 2 and decided[0] == decided[1]:
            if decided[0]:
                return SizeResult(threshold.band, SizeBasis.TWO_KNOWN)
            continue
        if employees is None:
            # Finances alone cannot settle a band the two-of-three test leaves open.
            return SizeResult(SizeBand.UNKNOWN, SizeBasis.NONE)
        return _by_headcount(employees)
    return SizeResult(SizeBand.LARGE, SizeBasis.TWO_OF_THREE if all(known) else SizeBasis.TWO_KNOWN)


def _by_headcount(employees: int) -> SizeResult:
    for threshold in THRESHOLDS:
        if employees <= threshold.employees:
            return SizeResult(threshold.band, SizeBasis.HEADCOUNT)
    return SizeResult(SizeBand.LARGE, SizeBasis.HEADCOUNT)
