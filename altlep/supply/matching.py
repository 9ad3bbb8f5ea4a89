"""Ranking local suppliers for a need, with the reasons in words (pure: no Django, no app).

A need is CPV codes and/or words, a delivery point and a value. A firm is listed when it offers
something close to the need (by the CPV hierarchy, or by its words), serves the delivery point,
and can take a contract of that value. Listed firms are ranked by a score made of CPV closeness,
distance, size fit and social-economy status; among equal scores micro-enterprises come first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from altlep.supply import cpv

# Weights of the score's parts; they add up to 1.
WEIGHTS = {"cpv": 0.5, "distance": 0.25, "size": 0.15, "social": 0.1}
# Beyond this a firm is far away even when it says it serves everywhere.
FAR_KM = 60.0
# Scores this close are "equals", among which micro-enterprises come first.
EQUAL_WITHIN = 0.05
_WORD = re.compile(r"[a-z]{3,}")
_STOP = frozenset({"and", "the", "for", "with", "services", "service", "work", "works", "other"})


def words_of(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((text or "").lower()) if w not in _STOP)


@dataclass(frozen=True)
class Supplier:
    key: str
    name: str
    cpv_codes: tuple[str, ...] = ()
    capabilities: str = ""
    easting: int | None = None
    northing: int | None = None
    district_code: str = ""
    size_band: str = "unknown"
    social_economy: bool = False
    turnover_pence: int | None = None
    max_contract_pence: int | None = None
    serves_radius_km: float | None = None
    serves_districts: tuple[str, ...] = ()
    local: bool = True
    words: frozenset[str] = field(default=frozenset(), compare=False)

    def __post_init__(self) -> None:
        if not self.words and self.capabilities:
            object.__setattr__(self, "words", words_of(self.capabilities))


@dataclass(frozen=True)
class Need:
    cpv_codes: tuple[str, ...] = ()
    words: str = ""
    easting: int | None = None
    northing: int | None = None
    district_code: str = ""
    value_pence: int | None = None
    within_km: float | None = None
    local_only: bool = True


@dataclass(frozen=True)
class Match:
    supplier: Supplier
    listed: bool
    score: float
    distance_km: float | None
    reasons: tuple[str, ...]

    @property
    def micro(self) -> bool:
        return self.supplier.size_band == "micro"


def _distance(need: Need, s: Supplier) -> float | None:
    if None in (need.easting, need.northing, s.easting, s.northing):
        return None
    return math.hypot(need.easting - s.easting, need.northing - s.northing) / 1000


def _size_fit(value: int | None, s: Supplier) -> tuple[float, str]:
    if value is None or not value:
        return 0.5, ""
    if s.turnover_pence:
        ratio = s.turnover_pence / value
        if ratio >= 2:
            return 1.0, "its turnover is at least twice the contract's value"
        if ratio >= 1:
            return 0.6, "its turnover covers the contract's value, but not twice over"
        return 0.2, "the contract is larger than its yearly turnover (a consortium could help)"
    return 0.5, "its turnover is not given"


def assess(need: Need, s: Supplier) -> Match:
    """Whether a firm is listed for a need, its score, and why, in words."""
    reasons: list[str] = []
    refusals: list[str] = []
    close, why = cpv.best_closeness(list(need.cpv_codes), list(s.cpv_codes))
    need_words = words_of(need.words)
    if need_words and s.words:
        shared = need_words & s.words
        word_score = 0.7 * len(shared) / len(need_words)
        if word_score > close:
            close = word_score
            why = "describes its work with " + ", ".join(f"“{w}”" for w in sorted(shared))
    if close > 0:
        reasons.append(why.capitalize())
    elif need.cpv_codes or need_words:
        refusals.append("offers nothing close to what is needed")
    if need.local_only and not s.local:
        refusals.append("is outside the partnership area")
    distance = _distance(need, s)
    if distance is not None:
        if s.serves_radius_km is not None and distance > s.serves_radius_km:
            refusals.append(
                f"serves {s.serves_radius_km:g} km from its base, and the delivery point is "
                f"{distance:.1f} km away"
            )
        elif need.within_km is not None and distance > need.within_km:
            refusals.append(f"is {distance:.1f} km away, beyond the {need.within_km:g} km asked")
        else:
            reasons.append(f"{distance:.1f} km from the delivery point")
    if s.serves_districts and need.district_code and need.district_code not in s.serves_districts:
        refusals.append("does not serve the delivery point's district")
    if need.value_pence and s.max_contract_pence is not None:
        if s.max_contract_pence < need.value_pence:
            refusals.append("can take contracts only up to a smaller value than this one")
        else:
            reasons.append("Can take a contract of this value")
    size, size_why = _size_fit(need.value_pence, s)
    if size_why:
        reasons.append(size_why.capitalize())
    if s.social_economy:
        reasons.append("Part of the social economy")
    if s.size_band == "micro":
        reasons.append("A micro-enterprise")
    near = 0.5 if distance is None else max(0.0, 1 - distance / FAR_KM)
    score = (
        WEIGHTS["cpv"] * close
        + WEIGHTS["distance"] * near
        + WEIGHTS["size"] * size
        + WEIGHTS["social"] * (1.0 if s.social_economy else 0.0)
    )
    if refusals:
        return Match(s, False, round(score, 4), distance, tuple(r.capitalize() for r in refusals))
    return Match(s, True, round(score, 4), distance, tuple(reasons))


def rank_key(m: Match) -> tuple:
    # Scores are bucketed so near-equal firms count as equals; then micro first, then nearer.
    bucket = math.floor(m.score / EQUAL_WITHIN + 1e-9)
    far = m.distance_km if m.distance_km is not None else float("inf")
    return (-bucket, not m.micro, far, m.supplier.name, m.supplier.key)


def _quick(need: Need, s: Supplier, need_words: frozenset[str]) -> tuple[bool, float, float | None]:
    """`assess` without its words: (listed, score, distance). Ranking many firms needs only
    these; the reasons are written for the firms shown. Kept in step with `assess` by a test
    that compares the two on random directories."""
    close = cpv.best_score(need.cpv_codes, s.cpv_codes) if need.cpv_codes else 0.0
    if need_words and s.words:
        close = max(close, 0.7 * len(need_words & s.words) / len(need_words))
    listed = close > 0 or not (need.cpv_codes or need_words)
    if need.local_only and not s.local:
        listed = False
    distance = None
    if None not in (need.easting, need.northing, s.easting, s.northing):
        distance = math.hypot(need.easting - s.easting, need.northing - s.northing) / 1000
        if s.serves_radius_km is not None and distance > s.serves_radius_km:
            listed = False
        elif need.within_km is not None and distance > need.within_km:
            listed = False
    if s.serves_districts and need.district_code and need.district_code not in s.serves_districts:
        listed = False
    if need.value_pence and s.max_contract_pence is not None:
        if s.max_contract_pence < need.value_pence:
            listed = False
    size = _size_fit(need.value_pence, s)[0]
    near = 0.5 if distance is None else max(0.0, 1 - distance / FAR_KM)
    score = (
        WEIGHTS["cpv"] * close
        + WEIGHTS["distance"] * near
        + WEIGHTS["size"] * size
        + WEIGHTS["social"] * (1.0 if s.social_economy else 0.0)
    )
    return listed, round(score, 4), distance


def match(need: Need, suppliers: Iterable[Supplier], *, limit: int | None = 20) -> list[Match]:
    """The listed suppliers, best first, each with its reasons."""
    divisions = {cpv.division(c) for c in need.cpv_codes}
    need_words = words_of(need.words)
    found = []
    for s in suppliers:
        # A quick skip for the common case: nothing in the needed divisions and no words to try.
        if divisions and not need_words and not any(c[:2] in divisions for c in s.cpv_codes):
            continue
        listed, score, distance = _quick(need, s, need_words)
        if listed:
            found.append(Match(s, True, score, distance, ()))
    found.sort(key=rank_key)
    shown = found if limit is None else found[:limit]
    return [assess(need, m.supplier) for m in shown]
