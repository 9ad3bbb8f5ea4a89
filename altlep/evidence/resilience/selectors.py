"""Reads for the scorecard: the principles in force, each indicator's reading against its
target and trend, summaries per theme, initiatives per theme, the export and comparisons."""

from __future__ import annotations

from dataclasses import dataclass

from altlep.evidence.charts import radar_svg
from altlep.evidence.models import (
    Assessment,
    ImportedScorecard,
    Indicator,
    IndicatorEntry,
    Period,
    PrincipleSet,
    Source,
    Theme,
)
from altlep.evidence.resilience.arithmetic import (
    FORMAT,
    FORMAT_VERSION,
    Judged,
    Reading,
    ThemeSummary,
    judge,
)
from altlep.evidence.resilience.registry import compute
from altlep.flows.report import bars_svg


def principles_in_force() -> PrincipleSet | None:
    """The latest version a board decision adopted."""
    return PrincipleSet.objects.filter(adopted_by__isnull=False).order_by("-version").first()


def latest_draft() -> PrincipleSet | None:
    return PrincipleSet.objects.filter(adopted_by__isnull=True).order_by("-version").first()


def reading_of(indicator: Indicator, period: Period | None) -> Reading:
    if period is None:
        return Reading.missing("no earlier period")
    if indicator.source == Source.COMPUTED:
        return compute(indicator.computed_key, period)
    entry = IndicatorEntry.objects.filter(indicator=indicator, period=period).first()
    if entry is None:
        return Reading.missing(f"no figure has been entered for {period.name}")
    return Reading(float(entry.value), (f"entered: {entry.evidence}",))


@dataclass
class Row:
    indicator: Indicator
    reading: Reading
    previous: Reading
    judged: Judged

    @property
    def target(self) -> float:
        return float(self.indicator.target)

    @property
    def progress(self) -> float:
        """Value as a share of its target (for the chart; inverted when lower is better)."""
        if not self.reading.known or not self.target:
            return 0.0
        value = float(self.reading.value)
        if self.indicator.direction == "higher":
            return max(0.0, value / self.target)
        return max(0.0, self.target / value) if value else 1.0


def scorecard(period: Period, principle_set: PrincipleSet | None = None) -> dict | None:
    principle_set = principle_set or principles_in_force()
    if principle_set is None:
        return None
    previous = Period.objects.filter(ends_on__lt=period.starts_on).order_by("-ends_on").first()
    themes = []
    for theme, label in Theme.choices:
        summary = ThemeSummary(theme, label)
        rows = []
        principles = principle_set.principles.filter(theme=theme).prefetch_related("indicators")
        for principle in principles:
            for ind in principle.indicators.all():
                reading = reading_of(ind, period)
                before = reading_of(ind, previous)
                judged = judge(
                    reading, target=float(ind.target), direction=ind.direction, previous=before
                )
                rows.append(Row(ind, reading, before, judged))
                if judged.status == "met":
                    summary.met += 1
                elif judged.status == "not met":
                    summary.not_met += 1
                    summary.names_not_met.append(ind.name)
                else:
                    summary.no_data += 1
                summary.better += judged.trend == "better"
                summary.worse += judged.trend == "worse"
        actions = list(
            Assessment.objects.filter(
                principle__principle_set=principle_set, principle__theme=theme
            ).select_related("principle")
        )
        summary.actions = len(actions)
        themes.append(
            {
                "theme": theme,
                "label": label,
                "principles": list(principles),
                "rows": rows,
                "summary": summary,
                "actions": actions,
            }
        )
    # A theme with no indicator judged has no bar (0% would read as failure); the table says so.
    chart = bars_svg(
        [
            (t["label"], t["summary"].share_met)
            for t in themes
            if t["summary"].share_met is not None
        ],
        title="Share of indicators with data that meet their target, by theme",
        percent=True,
    )
    return {
        "period": period,
        "previous": previous,
        "principle_set": principle_set,
        "themes": themes,
        "chart": chart,
        "radar": _radar(themes, period),
    }


def _radar(themes: list[dict], period) -> str:
    judged = [t for t in themes if t["summary"].share_met is not None]
    said = "; ".join(f"{t['label']} {t['summary'].share_met:.0%}" for t in judged)
    unjudged = [t["label"] for t in themes if t["summary"].share_met is None]
    if unjudged:
        said += ("; " if said else "") + "no data for " + ", ".join(unjudged)
    return radar_svg(
        [(t["label"], t["summary"].share_met) for t in themes],
        title=f"Share of indicators meeting their target by theme, {period.name}",
        desc=f"Share of the indicators with data that meet their target: {said}.",
    )


def export(card: dict, *, area: str) -> dict:
    """The scorecard as JSON another partnership can import to compare."""
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "area": area,
        "period": card["period"].name,
        "starts_on": card["period"].starts_on.isoformat(),
        "ends_on": card["period"].ends_on.isoformat(),
        "principles_version": card["principle_set"].version,
        "themes": [
            {
                "theme": t["theme"],
                "label": t["label"],
                "summary": t["summary"].sentence(),
                "indicators": [
                    {
                        "name": r.indicator.name,
                        "principle": r.indicator.principle.title,
                        "unit": r.indicator.unit,
                        "direction": r.indicator.direction,
                        "target": float(r.indicator.target),
                        "value": r.reading.value,
                        "status": r.judged.status,
                        "trend": r.judged.trend,
                        "no_data": r.reading.no_data,
                        "lineage": list(r.reading.lineage),
                        "source": r.indicator.source,
                    }
                    for r in t["rows"]
                ],
                "initiatives": [
                    {
                        "initiative": a.initiative,
                        "principle": a.principle.title,
                        "expected": a.expected_effect,
                    }
                    for a in t["actions"]
                ],
            }
            for t in card["themes"]
        ],
    }


def comparisons(card: dict) -> list[dict]:
    """Other areas' imported scorecards, theme by theme (share of indicators meeting target)."""
    out = []
    for imported in ImportedScorecard.objects.all():
        shares = {}
        for t in imported.data.get("themes", []):
            judged = [i for i in t["indicators"] if i.get("status") in ("met", "not met")]
            met = sum(1 for i in judged if i["status"] == "met")
            shares[t["theme"]] = (met / len(judged)) if judged else None
        out.append(
            {
                "area": imported.area,
                "period": imported.period,
                "shares": shares,
                "cells": [shares.get(theme) for theme, _ in Theme.choices],
            }
        )
    return out
