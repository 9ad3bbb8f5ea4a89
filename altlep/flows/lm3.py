"""Local Multiplier 3 (NEF): (round 1 + round 2 + round 3) / round 1.

Round 1 is the anchor's spend; round 2 the part of it spent with local suppliers (from the spend
analysis); round 3 what those suppliers and their employees re-spend locally (from supplier and
employee surveys). Scenarios move a share of the leaking spend to local micro-enterprises.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SupplierSurvey:
    """One supplier's answers: its turnover from the anchor and the share it spends locally
    (on local suppliers and on wages of employees who live locally)."""

    income_pence: int
    local_supplier_share: float
    local_wage_share: float
    wage_share_of_costs: float = 0.5


@dataclass(frozen=True)
class LM3:
    round1_pence: int
    round2_pence: int
    round3_pence: int
    respend_share: float
    respend_basis: str

    @property
    def value(self) -> float:
        if not self.round1_pence:
            return 0.0
        return round(
            (self.round1_pence + self.round2_pence + self.round3_pence) / self.round1_pence, 3
        )


# When no survey has been returned we say so and fall back to a stated assumption.
ASSUMED_RESPEND = 0.25


def respend_share(surveys: Iterable[SupplierSurvey]) -> tuple[float, str]:
    """Income-weighted local re-spend share across the returned surveys."""
    answered = [s for s in surveys if s.income_pence > 0]
    if not answered:
        return ASSUMED_RESPEND, f"assumed {ASSUMED_RESPEND:.0%} (no supplier surveys yet)"
    total = sum(s.income_pence for s in answered)
    share = (
        sum(
            s.income_pence
            * (
                s.wage_share_of_costs * s.local_wage_share
                + (1 - s.wage_share_of_costs) * s.local_supplier_share
            )
            for s in answered
        )
        / total
    )
    return round(share, 4), f"{len(answered)} supplier survey(s), weighted by income"


def lm3(*, round1_pence: int, local_pence: int, surveys: Iterable[SupplierSurvey] = ()) -> LM3:
    share, basis = respend_share(surveys)
    return LM3(round1_pence, local_pence, int(local_pence * share), share, basis)


def scenario(base: LM3, *, leaking_pence: int, moved_share: float) -> LM3:
    """LM3 if `moved_share` of the leaking spend went to local micro-enterprises instead."""
    moved = int(leaking_pence * moved_share)
    round2 = base.round2_pence + moved
    return LM3(
        base.round1_pence,
        round2,
        int(round2 * base.respend_share),
        base.respend_share,
        base.respend_basis,
    )


def from_analysis(
    result: dict,
    *,
    surveys: Iterable[SupplierSurvey] = (),
    scenarios: Iterable[float] = (0.1, 0.25),
) -> dict:
    """LM3 and its scenarios for one analysis (see analysis.analyse)."""
    full = result["full"]
    base = lm3(
        round1_pence=full["economy_pence"],
        local_pence=full["flows_pence"]["local"],
        surveys=surveys,
    )
    leaking = full["flows_pence"]["regional"] + full["flows_pence"]["national"]
    return {
        "lm3": base.value,
        "round1_pence": base.round1_pence,
        "round2_pence": base.round2_pence,
        "round3_pence": base.round3_pence,
        "respend_share": base.respend_share,
        "respend_basis": base.respend_basis,
        "scenarios": [
            {
                "moved_share": s,
                "lm3": scenario(base, leaking_pence=leaking, moved_share=s).value,
                "moved_pence": int(leaking * s),
            }
            for s in scenarios
        ],
    }
