"""Real figures about the demo's area from the shared public data, when it is there: ONS UK
Business Counts (enterprises by size band) and the Business Register and Employment Survey
(employment by SIC section), both via Nomis, Open Government Licence v3.

Without the shared data the demo says nothing it cannot source: `area_figures()` is None.
"""

import csv
import os
from dataclasses import dataclass
from pathlib import Path

from altlep.demo import area

BUSINESS_COUNTS = ("raw", "business_counts", "DERIVED_ubc_enterprises_sizeband_2018-2022.csv")
EMPLOYMENT = ("raw", "business_counts", "wnycc_bres_employees_NM_189_1.csv")


def shared_data_dir() -> Path | None:
    """ALTLEP_SHARED_DATA, else ../shared/data beside the repository, if it exists."""
    configured = os.environ.get("ALTLEP_SHARED_DATA")
    repo = Path(__file__).resolve().parents[2]
    candidate = Path(configured) if configured else repo.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


@dataclass(frozen=True)
class AreaFigures:
    enterprises_year: str
    enterprises: int
    micro_enterprises: int
    employment_year: str
    employment_by_section: dict[str, int]  # SIC 2007 section letter → employees and owners

    @property
    def micro_share(self) -> float:
        return self.micro_enterprises / self.enterprises


def _enterprises(path: Path) -> tuple[str, int, int]:
    names = set(area.DISTRICTS.values())
    rows = [
        r
        for r in csv.DictReader(path.open(encoding="utf-8"))
        if r["area_type"] == "ladu" and r["area_name"] in names and r["industry"] == "Total"
    ]
    year = max(r["date"] for r in rows)
    latest = [r for r in rows if r["date"] == year]
    total = sum(int(r["enterprises"]) for r in latest if r["employment_sizeband"] == "Total")
    micro = sum(
        int(r["enterprises"]) for r in latest if r["employment_sizeband"].startswith("Micro")
    )
    return year, total, micro


def _employment(path: Path) -> tuple[str, dict[str, int]]:
    rows = [
        r
        for r in csv.DictReader(path.open(encoding="utf-8"))
        if r["GEOGRAPHY_CODE"] in area.DISTRICTS
    ]
    year = max(r["DATE"] for r in rows)
    by_section: dict[str, int] = {}
    for r in rows:
        if r["DATE"] == year:
            by_section[r["INDUSTRY_CODE"]] = by_section.get(r["INDUSTRY_CODE"], 0) + int(
                r["OBS_VALUE"]
            )
    return year, by_section


def area_figures() -> AreaFigures | None:
    """West Yorkshire's businesses and jobs from the shared data, or None without it."""
    root = shared_data_dir()
    if root is None:
        return None
    counts, jobs = root.joinpath(*BUSINESS_COUNTS), root.joinpath(*EMPLOYMENT)
    if not (counts.is_file() and jobs.is_file()):
        return None
    return AreaFigures(*_enterprises(counts), *_employment(jobs))
