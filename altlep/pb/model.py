"""The election as read from a pabulib file: meta data, projects and votes, plus problems found.

Plain dataclasses with no Django; the counting rules work on a merged `Profile` built from this.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

VOTE_TYPES = ("approval", "choose-1", "cumulative", "scoring", "ordinal")
CARDINAL_TYPES = ("cumulative", "scoring")


class PabulibError(ValueError):
    """A pabulib file that cannot be read; names the file, line and problem."""

    def __init__(self, problem: Problem, source: str = "") -> None:
        self.problem = problem
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"{where}line {problem.line}: {problem.message}")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file: where it is, which kind, and what is wrong in plain words."""

    line: int
    kind: str
    message: str
    severity: str = "error"  # "error" stops counting; "warning" is reported but harmless

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "kind": self.kind,
            "message": self.message,
            "severity": self.severity,
        }


@dataclass(slots=True)
class Project:
    """A project: its id, cost and every column of its PROJECTS row (as the original strings)."""

    id: str
    cost: Fraction
    fields: dict[str, str] = field(default_factory=dict)
    line: int = 0

    @property
    def name(self) -> str:
        return self.fields.get("name", "")

    @property
    def selected(self) -> bool | None:
        """The official outcome recorded in the file, or None if the file does not say."""
        value = self.fields.get("selected")
        if value is None or value.strip().lower() in ("", "none"):
            return None
        return value.strip() not in ("0", "0.0", "false", "False")


@dataclass(slots=True)
class Vote:
    """One voter's ballot. `projects` is in file order (rank order for ordinal ballots);
    `points` is parallel to it for cumulative and scoring ballots, else None."""

    voter_id: str
    projects: tuple[str, ...]
    points: tuple[Fraction | int, ...] | None = None
    extra: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True, slots=True)
class VoteIndex:
    """The projects each vote names, as numbers in PROJECTS order, found while reading a big
    file in bulk (`vote_rows.py`): vote r's are projects[ptr[r]:ptr[r + 1]]. `votes` is the
    list it describes; `build_profile` uses the index only while that is still the
    election's list, with as many votes."""

    votes: list[Vote]
    ptr: np.ndarray
    projects: np.ndarray

    def describes(self, votes: list[Vote]) -> bool:
        return self.votes is votes and len(votes) == len(self.ptr) - 1


@dataclass(slots=True)
class Election:
    """Everything in a pabulib file. `extra` columns of votes are named by `vote_extra_columns`."""

    meta: dict[str, str]
    projects: dict[str, Project]
    votes: list[Vote]
    project_columns: list[str]
    vote_extra_columns: list[str] = field(default_factory=list)
    vote_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    source: str = ""
    vote_index: VoteIndex | None = field(default=None, repr=False, compare=False)

    @property
    def vote_type(self) -> str:
        return self.meta.get("vote_type", "approval").strip()

    @property
    def budget(self) -> Fraction:
        return parse_number(self.meta["budget"])

    @property
    def rule(self) -> str | None:
        return self.meta.get("rule")

    def content(self) -> tuple:
        """Everything that defines the election, for comparing two reads (e.g. a round trip)."""
        return (
            tuple(self.meta.items()),
            tuple((p.id, p.cost, tuple(p.fields.items())) for p in self.projects.values()),
            tuple((v.voter_id, v.projects, v.points, v.extra) for v in self.votes),
        )

    @property
    def official_winners(self) -> list[str] | None:
        """Project ids the file marks as selected, in file order; None if there is no record."""
        if "selected" not in self.project_columns:
            return None
        return [p.id for p in self.projects.values() if p.selected]


def parse_number(text: str) -> Fraction:
    """Exact value of a pabulib number ("1000", "400000.0", "12,5"); raises ValueError."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        raise ValueError("empty number")
    return Fraction(cleaned)


def number_text(value: Fraction | int) -> str:
    """Write a number the way pabulib files do: integers plainly, others as exact decimals."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    # Decimals with a power-of-2/5 denominator write exactly; others fall back to p/q.
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return f"{value.numerator}/{value.denominator}"
    digits = max(twos, fives)
    scaled = value * 10**digits
    sign = "-" if scaled < 0 else ""
    whole, frac = divmod(abs(scaled.numerator), 10**digits)
    return f"{sign}{whole}.{frac:0{digits}d}"


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while an election's votes are made or merged.

    A big file makes ~100,000 small objects, none in a reference cycle; the collector would
    otherwise walk the growing list of votes again and again (up to half the time of reading
    and merging Warszawa 2026). Reference counting still frees everything as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # The young generation now holds all those objects: the next allocation would
            # walk them all (~15 ms for Budapest 2024). Freezing and unfreezing moves them to
            # the oldest generation without a walk, as surviving a collection would; not if
            # the program keeps objects frozen itself (a server before it forks, say).
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
