"""Sizing arithmetic for sector evidence. ENGINE: imports no Django and no app.

Official counts arrive rounded (ONS rounds UK Business Counts to the nearest 5) and some cells
are suppressed. A sum of rounded cells is not an exact figure, and a cell that is suppressed is
not a zero: `Figure` carries both facts through every sum so that nothing downstream can show a
rounded or partial total as if it were exact.

Industry detail is the other limit: a sector defined by 4-digit SIC classes cannot be sized from
data by SIC section. `industries_for_sector` says which industries of the data fall wholly in
the sector (counted), which hold it only in part (the sector cannot be sized from them, and the
page says so), and `size_note` words the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

ROUNDING_BASE = 5  # UK Business Counts are rounded by ONS to the nearest 5


@dataclass(frozen=True)
class Figure:
    """A count built from cells. `value` is the sum of the cells that are known (None when none
    is); `rounded_cells` of them were rounded by the publisher; `suppressed_cells` were withheld."""

    value: int | None
    cells: int = 1
    rounded_cells: int = 0
    suppressed_cells: int = 0
    rounding_base: int = ROUNDING_BASE

    @classmethod
    def exact(cls, value: int) -> Figure:
        return cls(value=value, cells=1)

    @classmethod
    def rounded(cls, value: int, base: int = ROUNDING_BASE) -> Figure:
        return cls(value=value, cells=1, rounded_cells=1, rounding_base=base)

    @classmethod
    def suppressed(cls) -> Figure:
        return cls(value=None, cells=1, suppressed_cells=1)

    @classmethod
    def nothing(cls) -> Figure:
        """No cells at all: the data does not say."""
        return cls(value=None, cells=0)

    def __add__(self, other: Figure) -> Figure:
        if self.value is None and other.value is None:
            value = None
        else:
            value = (self.value or 0) + (other.value or 0)
        return Figure(
            value=value,
            cells=self.cells + other.cells,
            rounded_cells=self.rounded_cells + other.rounded_cells,
            suppressed_cells=self.suppressed_cells + other.suppressed_cells,
            rounding_base=max(self.rounding_base, other.rounding_base),
        )

    def scaled(self, share: Decimal) -> Figure:
        """The figure times a share (a DCMS-style part of a mixed code), still marked."""
        if self.value is None or share == 1:
            return self
        return Figure(
            value=int((Decimal(self.value) * share).to_integral_value()),
            cells=self.cells,
            rounded_cells=max(self.rounded_cells, 1),
            suppressed_cells=self.suppressed_cells,
            rounding_base=self.rounding_base,
        )

    @property
    def is_exact(self) -> bool:
        return self.value is not None and not self.rounded_cells and not self.suppressed_cells

    @property
    def note(self) -> str:
        """One word for the figure's status: exact, rounded, suppressed, partial or missing."""
        if self.cells == 0:
            return "missing"
        if self.value is None:
            return "suppressed"
        if self.suppressed_cells:
            return "partial"
        if self.rounded_cells:
            return "rounded"
        return "exact"

    @property
    def margin(self) -> int:
        """How far the true total may lie from `value` because of rounding (not suppression)."""
        return self.rounded_cells * (self.rounding_base // 2)

    def explain(self) -> str:
        """Words a reader needs beside the number."""
        if self.cells == 0:
            return "not in the data"
        if self.value is None:
            return "suppressed by the publisher"
        parts = []
        if self.rounded_cells == 1 and self.cells == 1:
            parts.append(f"rounded by the publisher to the nearest {self.rounding_base}")
        elif self.rounded_cells:
            parts.append(
                f"a sum of {self.rounded_cells} rounded figures: the true total may differ by "
                f"up to {self.margin:,}"
            )
        if self.suppressed_cells:
            parts.append(
                f"{self.suppressed_cells} of {self.cells} figures suppressed, so this is a "
                "lower bound"
            )
        return "; ".join(parts) or "exact"

    def as_json(self) -> dict:
        return {
            "value": self.value,
            "note": self.note,
            "explanation": self.explain(),
            "cells": self.cells,
            "rounded_cells": self.rounded_cells,
            "suppressed_cells": self.suppressed_cells,
            "margin": self.margin,
        }


def total(figures: Iterable[Figure]) -> Figure:
    """The sum of figures, carrying rounding and suppression (no figures: `Figure.nothing()`)."""
    result = Figure.nothing()
    for figure in figures:
        result = result + figure
    return result


def share_of(part: Figure, whole: Figure) -> float | None:
    """Part over whole, or None when either is unknown or the whole is zero."""
    if part.value is None or not whole.value:
        return None
    return part.value / whole.value


# --- industry detail ------------------------------------------------------------------------


@dataclass
class Coverage:
    """How a sector meets the industries of a dataset.

    `whole` industries lie entirely inside the sector (with their share, 1 unless the
    definition counts a part of a mixed code); `partial` industries hold some of the sector's
    codes and also activities outside it; `covered_codes` are the sector's codes that lie in a
    whole industry, `uncovered_codes` those that lie only in partial industries.
    """

    whole: dict[str, Decimal] = field(default_factory=dict)
    partial: list[str] = field(default_factory=list)
    covered_codes: list[str] = field(default_factory=list)
    uncovered_codes: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.uncovered_codes and bool(self.covered_codes)

    @property
    def none(self) -> bool:
        return not self.covered_codes


def industries_for_sector(
    sector_codes: Mapping[str, Decimal] | None,
    industry_classes: Mapping[str, frozenset[str]],
    part_classes: frozenset[str] = frozenset(),
    universe: frozenset[str] = frozenset(),
) -> Coverage:
    """Match a sector (4-digit class → share counted; None for the whole economy) against the
    industries a dataset holds (industry code → the 4-digit classes it contains).

    `part_classes` are classes the sector holds only in part (it names some of their 5-digit
    subclasses): an industry containing one can never be counted whole. `universe` is every
    class there is, against which the whole economy's coverage is judged."""
    coverage = Coverage()
    if sector_codes is None:
        # The whole economy: every industry counts whole, and the data sizes it in full only
        # if its industries hold every class of the classification (`universe`).
        coverage.whole = {code: Decimal(1) for code in industry_classes}
        held = frozenset().union(*industry_classes.values()) if industry_classes else frozenset()
        coverage.covered_codes = sorted(held)
        coverage.uncovered_codes = sorted(universe - held) if universe else []
        if coverage.uncovered_codes:
            coverage.partial = ["classes not in the data"]
        return coverage
    in_sector = set(sector_codes)
    covered: set[str] = set()
    for industry, classes in industry_classes.items():
        inside = classes & in_sector
        if not inside:
            continue
        shares = {sector_codes[c] for c in inside}
        if inside == classes and len(shares) == 1 and not inside & part_classes:
            coverage.whole[industry] = shares.pop()
            covered |= inside
        else:
            coverage.partial.append(industry)
    coverage.partial.sort()
    coverage.covered_codes = sorted(covered)
    coverage.uncovered_codes = sorted(in_sector - covered)
    return coverage


def size_note(coverage: Coverage, level: str) -> str:
    """Say how far data at this industry level can size the sector."""
    if coverage.complete:
        return f"sized in full from data by {level}"
    if coverage.none:
        return (
            f"cannot be sized from data by {level}: every {level} that holds the sector's codes "
            f"({', '.join(coverage.partial) or 'none'}) also holds other activities; their "
            "totals are an upper bound, not the sector's size"
        )
    counted = (
        f"sized only in part from data by {level}: {len(coverage.covered_codes)} of "
        f"{len(coverage.covered_codes) + len(coverage.uncovered_codes)} codes counted"
    )
    industries = [p for p in coverage.partial if p != "classes not in the data"]
    if industries:
        return (
            f"{counted}; the rest lie in {', '.join(industries)}, which also hold other activities"
        )
    return f"{counted}; the rest are not in the data"


# --- the platform's own organisations ---------------------------------------------------------

SIZE_BANDS = ("micro", "small", "medium", "large")


@dataclass(frozen=True)
class Organisation:
    """What sizing needs of an organisation on the platform."""

    sic_codes: tuple[str, ...]
    size_band: str
    employees: int | None
    turnover_pence: int | None
    social_economy: bool


def sector_organisations(
    organisations: Iterable[Organisation], sector_codes: Mapping[str, Decimal] | None
) -> list[Organisation]:
    """Organisations with at least one SIC code in the sector (by its 4-digit class), or all."""
    if sector_codes is None:
        return list(organisations)
    wanted = set(sector_codes)
    return [o for o in organisations if any(c[:4] in wanted for c in o.sic_codes)]


def organisations_size(organisations: list[Organisation]) -> dict:
    """Counts by size band, employees, turnover and social-economy share: exact counts of what
    the platform holds (every organisation counted once, whatever its number of SIC codes)."""
    bands = {band: sum(1 for o in organisations if o.size_band == band) for band in SIZE_BANDS}
    employees = [o.employees for o in organisations if o.employees is not None]
    turnover = [o.turnover_pence for o in organisations if o.turnover_pence is not None]
    social = sum(1 for o in organisations if o.social_economy)
    return {
        "businesses": {
            **bands,
            "unknown": len(organisations) - sum(bands.values()),
            "total": len(organisations),
        },
        "employees": sum(employees),
        "employees_known_for": len(employees),
        "turnover_pence": sum(turnover),
        "turnover_known_for": len(turnover),
        "social_economy": social,
        "social_economy_share": social / len(organisations) if organisations else None,
    }


def gva_estimate(employment: Figure, gva_per_job_pence: int | None) -> dict:
    """Employment × GVA per job; None unless both are known. Carries the method beside it."""
    if employment.value is None or gva_per_job_pence is None:
        return {"value_pence": None, "method": None}
    return {
        "value_pence": employment.value * gva_per_job_pence,
        "method": (
            f"employment ({employment.value:,}, {employment.explain()}) × GVA per job "
            f"(£{gva_per_job_pence / 100:,.0f}); an estimate, not a measured GVA"
        ),
    }
