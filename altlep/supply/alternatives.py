"""Local alternatives to leaking spend: which CPV divisions a spend category stands for, and a
scenario that moves part of a leaking category to local micro-enterprises, recomputed with the
flows engine's LM3 (pure: no Django, no app).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from altlep.flows import lm3 as engine_lm3

# Words in a council's spend category → the CPV divisions that buy such work.
CATEGORY_DIVISIONS: list[tuple[str, tuple[str, ...]]] = [
    (r"cater|food|meal|kitchen", ("15", "55")),
    (r"clean|facilit|waste|refuse|hygiene", ("90",)),
    (r"\bit\b|digital|software|computer|ict|telecom", ("72", "48", "30")),
    (r"build|repair|construct|maintenance|propert|estate", ("45", "50")),
    (r"highway|road", ("45",)),
    (r"print|sign", ("79", "22")),
    (r"professional|consult|legal|audit|account", ("79", "71")),
    (r"care|health|clinical|social work", ("85",)),
    (r"transport|vehicle|fleet|taxi|travel", ("60", "34")),
    (r"training|education|learning", ("80",)),
    (r"ground|grow|garden|horticult|tree", ("77", "03")),
    (r"suppl|equipment|furniture|stationery", ("30", "39", "44")),
    (r"energy|fuel|electric|gas", ("09",)),
    (r"security", ("79",)),
]


def divisions_for(category: str) -> tuple[str, ...]:
    """The CPV divisions a spend category is most likely bought under (none if unknown)."""
    found: list[str] = []
    text = (category or "").lower()
    for pattern, divisions in CATEGORY_DIVISIONS:
        if re.search(pattern, text):
            found += [d for d in divisions if d not in found]
    return tuple(found)


@dataclass(frozen=True)
class ScenarioFigures:
    economy_pence: int
    local_before_pence: int
    local_after_pence: int
    moved_pence: int
    lm3_before: float
    lm3_after: float
    respend_share: float
    respend_basis: str

    @property
    def local_share_before(self) -> float:
        return round(self.local_before_pence / self.economy_pence, 4) if self.economy_pence else 0

    @property
    def local_share_after(self) -> float:
        return round(self.local_after_pence / self.economy_pence, 4) if self.economy_pence else 0

    def as_dict(self) -> dict:
        return {
            "economy_pence": self.economy_pence,
            "local_before_pence": self.local_before_pence,
            "local_after_pence": self.local_after_pence,
            "moved_pence": self.moved_pence,
            "local_share_before": self.local_share_before,
            "local_share_after": self.local_share_after,
            "lm3_before": self.lm3_before,
            "lm3_after": self.lm3_after,
            "respend_share": self.respend_share,
            "respend_basis": self.respend_basis,
        }


def leaking_amount(result: dict, category: str) -> int:
    """What the analysis says this category pays to suppliers outside the area."""
    for entry in result.get("leakage", []):
        if entry["category"] == category:
            return int(entry["amount_pence"])
    raise KeyError(f"“{category}” is not a leaking category of this analysis")


def scenario(
    result: dict,
    *,
    category: str,
    percent: int,
    surveys: Iterable[engine_lm3.SupplierSurvey] = (),
) -> ScenarioFigures:
    """Move `percent` of a leaking category's spend to local micro-enterprises: the spend
    stays the same (round 1), the local part (round 2) grows by what moves, and LM3 is the
    flows engine's own LM3 on that changed spend."""
    if isinstance(percent, bool) or not isinstance(percent, int) or not 0 <= percent <= 100:
        raise ValueError("percent must be a whole number from 0 to 100")
    surveys = list(surveys)
    full = result["full"]
    economy = int(full["economy_pence"])
    local = int(full["flows_pence"]["local"])
    moved = leaking_amount(result, category) * percent // 100
    before = engine_lm3.lm3(round1_pence=economy, local_pence=local, surveys=surveys)
    after = engine_lm3.lm3(round1_pence=economy, local_pence=local + moved, surveys=surveys)
    return ScenarioFigures(
        economy_pence=economy,
        local_before_pence=local,
        local_after_pence=local + moved,
        moved_pence=moved,
        lm3_before=before.value,
        lm3_after=after.value,
        respend_share=before.respend_share,
        respend_basis=before.respend_basis,
    )
