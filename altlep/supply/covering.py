"""Which capabilities a consortium covers, and the smallest set of local firms that would cover
the rest: a set-cover problem (pure: no Django, no app).

`smallest_cover` solves it as an integer programme with SciPy's `milp` (HiGHS);
`smallest_cover_exhaustive` is the plain definition — try every set of firms, smallest first —
kept beside it for small cases and tested against it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from altlep.supply import cpv

Covers = Callable[[str, str], bool]


def covers_by_hierarchy(offer: str, need: str) -> bool:
    """An offered CPV code covers a need when the two lie on one line of the hierarchy."""
    return cpv.on_one_line(offer, need)


@dataclass(frozen=True)
class Coverage:
    covered: dict[str, list[str]]  # need → the members who cover it
    uncovered: list[str]

    @property
    def complete(self) -> bool:
        return not self.uncovered


@dataclass(frozen=True)
class Cover:
    chosen: list[str]  # candidate keys, in the order given
    missing: list[str]  # needs no candidate can cover

    @property
    def possible(self) -> bool:
        return not self.missing


def coverage(
    needs: Sequence[str], members: Mapping[str, Sequence[str]], covers: Covers = covers_by_hierarchy
) -> Coverage:
    """For each need, the members whose offers cover it; and the needs nobody covers."""
    covered = {
        need: [key for key, offers in members.items() if any(covers(o, need) for o in offers)]
        for need in needs
    }
    return Coverage(
        covered={n: ks for n, ks in covered.items() if ks},
        uncovered=[n for n, ks in covered.items() if not ks],
    )


def _incidence(needs, candidates, covers):
    keys = list(candidates)
    rows = [[any(covers(o, need) for o in candidates[k]) for k in keys] for need in needs]
    return keys, rows


def smallest_cover(
    needs: Sequence[str],
    candidates: Mapping[str, Sequence[str]],
    covers: Covers = covers_by_hierarchy,
) -> Cover:
    """The fewest candidates that together cover every need that can be covered at all;
    among equally small sets, candidates earlier in the mapping are preferred."""
    keys, rows = _incidence(needs, candidates, covers)
    missing = [need for need, row in zip(needs, rows, strict=True) if not any(row)]
    coverable = [row for row in rows if any(row)]
    if not coverable:
        return Cover([], missing)
    n = len(keys)
    # Cost 1 per firm, plus a tie-break too small to trade one firm for another's order.
    cost = np.array([1 + (j + 1) / (n + 1) ** 2 for j in range(n)])
    matrix = np.array(coverable, dtype=float)
    result = milp(
        cost,
        constraints=LinearConstraint(matrix, lb=np.ones(len(coverable)), ub=np.inf),
        integrality=np.ones(n),
        bounds=Bounds(0, 1),
    )
    if not result.success:  # cannot happen for a coverable instance; say so if it does
        raise RuntimeError(f"the set-cover solver failed: {result.message}")
    chosen = [keys[j] for j in range(n) if result.x[j] > 0.5]
    return Cover(chosen, missing)


def smallest_cover_exhaustive(
    needs: Sequence[str],
    candidates: Mapping[str, Sequence[str]],
    covers: Covers = covers_by_hierarchy,
) -> Cover:
    """The same question answered by trying every set, smallest first (small cases only)."""
    keys, rows = _incidence(needs, candidates, covers)
    missing = [need for need, row in zip(needs, rows, strict=True) if not any(row)]
    coverable = [row for row in rows if any(row)]
    for size in range(len(keys) + 1):
        for combo in combinations(range(len(keys)), size):
            if all(any(row[j] for j in combo) for row in coverable):
                return Cover([keys[j] for j in combo], missing)
    return Cover(list(keys), missing)  # unreachable: all keys cover every coverable need


@dataclass(frozen=True)
class ConditionResult:
    name: str
    met: bool
    words: str


@dataclass(frozen=True)
class MemberFacts:
    name: str
    turnover_pence: int | None = None
    years_trading: int | None = None
    insurance: tuple[tuple[str, int], ...] = ()  # (kind, cover in pence)
    certifications: tuple[str, ...] = ()


def _pounds(pence: int) -> str:
    return f"£{pence // 100:,}"


def conditions(
    *,
    members: Sequence[MemberFacts],
    minimum_turnover_pence: int | None,
    minimum_years_trading: int | None,
    insurance_requirements: Sequence[Mapping],
    accreditations: Sequence[str],
) -> list[ConditionResult]:
    """The conditions of participation checked for the group together: turnover is summed,
    experience is the longest any member has, each insurance cover and accreditation must be
    held by at least one member. Insurance asked only at award is shown but not counted."""
    found: list[ConditionResult] = []
    if minimum_turnover_pence:
        total = sum(m.turnover_pence or 0 for m in members)
        unknown = [m.name for m in members if m.turnover_pence is None]
        words = (
            f"Combined turnover {_pounds(total)} against {_pounds(minimum_turnover_pence)} asked"
        )
        if unknown:
            words += f" ({', '.join(unknown)} gave no turnover)"
        found.append(ConditionResult("turnover", total >= minimum_turnover_pence, words + "."))
    if minimum_years_trading:
        longest = max((m.years_trading or 0 for m in members), default=0)
        found.append(
            ConditionResult(
                "experience",
                longest >= minimum_years_trading,
                f"The longest-trading member has {longest} year(s); {minimum_years_trading} asked.",
            )
        )
    for req in insurance_requirements:
        kind = str(req.get("kind", "insurance"))
        cover = int(req.get("cover_pence") or 0)
        holders = [
            m.name
            for m in members
            for k, c in m.insurance
            if k.strip().lower() == kind.strip().lower() and c >= cover
        ]
        if req.get("when") == "award":
            found.append(
                ConditionResult(
                    f"insurance: {kind}",
                    True,
                    f"{kind.capitalize()} of {_pounds(cover)} is needed only if the bid wins"
                    + (f"; {', '.join(holders)} already hold it." if holders else "."),
                )
            )
            continue
        found.append(
            ConditionResult(
                f"insurance: {kind}",
                bool(holders),
                f"{kind.capitalize()} of {_pounds(cover)}: "
                + (f"held by {', '.join(holders)}." if holders else "no member holds it."),
            )
        )
    for accreditation in accreditations:
        holders = [
            m.name
            for m in members
            if any(
                c.strip().lower() == str(accreditation).strip().lower() for c in m.certifications
            )
        ]
        found.append(
            ConditionResult(
                f"accreditation: {accreditation}",
                bool(holders),
                f"{accreditation}: "
                + (f"held by {', '.join(holders)}." if holders else "no member holds it."),
            )
        )
    return found
