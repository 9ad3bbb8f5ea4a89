"""Indicator arithmetic for the scorecard (pure: no Django, no app).

A reading is a value with its lineage, or "no data" with the reason. Status compares it with
the target in the indicator's direction; trend compares with the previous period's reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

THEMES = (
    ("responsible_business", "Responsible business"),
    ("investment", "Investment and local resource flows"),
    ("integration", "Integration and a responsive public sector"),
    ("engagement", "Engagement and accountability"),
    ("environment", "Environmental sustainability"),
)
FORMAT = "altlep-scorecard"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Reading:
    value: float | None
    lineage: tuple[str, ...] = ()
    no_data: str = ""  # why there is no value (never a zero standing in for one)

    @classmethod
    def missing(cls, why: str) -> Reading:
        return cls(None, (), why)

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Judged:
    status: str  # "met", "not met", "no data"
    trend: str  # "better", "worse", "same", "" (nothing to compare)


def judge(reading: Reading, *, target: float, direction: str, previous: Reading | None = None):
    if not reading.known:
        return Judged("no data", "")
    value = float(reading.value)
    met = value >= target if direction == "higher" else value <= target
    trend = ""
    if previous is not None and previous.known:
        delta = value - float(previous.value)
        if abs(delta) < 1e-9:
            trend = "same"
        else:
            trend = "better" if (delta > 0) == (direction == "higher") else "worse"
    return Judged("met" if met else "not met", trend)


@dataclass
class ThemeSummary:
    theme: str
    label: str
    met: int = 0
    not_met: int = 0
    no_data: int = 0
    better: int = 0
    worse: int = 0
    actions: int = 0
    names_not_met: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.met + self.not_met + self.no_data

    @property
    def share_met(self) -> float | None:
        judged = self.met + self.not_met
        return self.met / judged if judged else None

    def sentence(self) -> str:
        """A plain-language summary of the theme."""
        if not self.total:
            return f"{self.label}: no indicators yet."
        parts = [f"{self.met} of {self.met + self.not_met} indicators with data meet their target"]
        if self.no_data:
            parts.append(f"{self.no_data} ha{'s' if self.no_data == 1 else 've'} no data yet")
        if self.better or self.worse:
            parts.append(f"{self.better} improved and {self.worse} got worse since last period")
        text = f"{self.label}: " + "; ".join(parts) + "."
        if self.names_not_met:
            text += " Short of target: " + ", ".join(self.names_not_met) + "."
        text += (
            f" {self.actions} initiative{'s' if self.actions != 1 else ''} assessed as serving it."
        )
        return text


class ScorecardShapeError(ValueError):
    """An imported scorecard is not of this platform's shape; names the field."""


def check_scorecard(data: object, *, name: str = "the file") -> dict:
    """Check an exported scorecard's shape before anything is saved."""

    def fail(where: str, message: str):
        raise ScorecardShapeError(f"{name}: {where}: {message}")

    if not isinstance(data, dict):
        fail("top level", "expected an object")
    if data.get("format") != FORMAT:
        fail("format", f"expected '{FORMAT}', found {data.get('format')!r}")
    if data.get("version") != FORMAT_VERSION:
        fail("version", f"expected {FORMAT_VERSION}, found {data.get('version')!r}")
    for key in ("area", "period"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            fail(key, "expected a non-empty text")
    themes = data.get("themes")
    if not isinstance(themes, list):
        fail("themes", "expected a list")
    known = {k for k, _ in THEMES}
    for i, theme in enumerate(themes):
        where = f"themes[{i}]"
        if not isinstance(theme, dict) or theme.get("theme") not in known:
            fail(f"{where}.theme", f"expected one of {', '.join(sorted(known))}")
        if not isinstance(theme.get("indicators"), list):
            fail(f"{where}.indicators", "expected a list")
        for j, ind in enumerate(theme["indicators"]):
            w = f"{where}.indicators[{j}]"
            if not isinstance(ind, dict) or not isinstance(ind.get("name"), str):
                fail(f"{w}.name", "expected a text")
            if ind.get("direction") not in ("higher", "lower"):
                fail(f"{w}.direction", "expected 'higher' or 'lower'")
            for k in ("value", "target"):
                v = ind.get(k)
                if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
                    fail(f"{w}.{k}", "expected a number or null")
            if ind.get("target") is None:
                fail(f"{w}.target", "expected a number")
    return data


def net_value(
    gross: float, *, deadweight: float, attribution: float, drop_off: float, years: int = 1
) -> float:
    """Net value of an outcome over `years`: gross less deadweight and attribution, with the
    remaining value falling by `drop_off` each year after the first (shares 0-1)."""
    for label, share in (
        ("deadweight", deadweight),
        ("attribution", attribution),
        ("drop-off", drop_off),
    ):
        if not 0 <= share <= 1:
            raise ValueError(f"{label} must be between 0% and 100%")
    first = gross * (1 - deadweight) * (1 - attribution)
    return sum(first * (1 - drop_off) ** year for year in range(max(1, years)))


@dataclass(frozen=True)
class SpendEmissions:
    kg: Decimal
    matched_pence: int  # spend in categories mapped to an industry with a factor
    unmatched_pence: int  # spend left unestimated (never guessed)

    @property
    def matched_share(self) -> float:
        total = self.matched_pence + self.unmatched_pence
        return self.matched_pence / total if total else 0.0


def spend_emissions(
    spend_by_category: Iterable[tuple[str, int]],
    *,
    category_map: Mapping[str, str],
    factors: Mapping[str, Decimal],
) -> SpendEmissions:
    """kg CO2e of spend: each category's pounds times the factor of the industry (SIC) the
    officer mapped it to; spend in an unmapped category is counted as unestimated."""
    kg = Decimal(0)
    matched = unmatched = 0
    for category, pence in spend_by_category:
        sic = category_map.get(category)
        if sic in factors:
            kg += Decimal(str(factors[sic])) * Decimal(pence) / 100
            matched += pence
        else:
            unmatched += pence
    return SpendEmissions(kg, matched, unmatched)
