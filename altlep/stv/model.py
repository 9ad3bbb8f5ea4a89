"""An STV election as read from a BLT file: candidates, seats and weighted ranked ballots.

Plain dataclasses with no Django. Candidates are numbered from 0 here (BLT numbers them from 1).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file: the line it is on and what is wrong, in plain words."""

    line: int
    message: str
    severity: str = "error"  # "error" stops a count; "warning" is reported but harmless

    def to_dict(self) -> dict[str, object]:
        return {"line": self.line, "message": self.message, "severity": self.severity}


class BltError(ValueError):
    """A ballot file that cannot be read; the message names the file, line and problem."""

    def __init__(self, problem: Problem, source: str = "", others: int = 0) -> None:
        self.problem = problem
        self.source = source
        where = f"{source}: " if source else ""
        more = f" (and {others} more problem{'s' if others != 1 else ''})" if others else ""
        super().__init__(f"{where}line {problem.line}: {problem.message}{more}")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate's name as on the ballot, and the party or description when the file gives one."""

    name: str
    party: str = ""


@dataclass(frozen=True, slots=True)
class Ballot:
    """`weight` identical ballot papers ranking candidates (0-based indices) in this order."""

    weight: int
    ranking: tuple[int, ...]


@dataclass(slots=True)
class Election:
    """Everything a count needs: candidates, seats, ballots, and who withdrew."""

    candidates: list[Candidate]
    seats: int
    ballots: list[Ballot]
    title: str = ""
    withdrawn: frozenset[int] = field(default_factory=frozenset)
    source: str = ""

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.candidates]

    def merged(self) -> Election:
        """The same election with identical rankings merged into one weighted ballot.

        Withdrawn candidates are dropped from every ranking first, and ballots left empty are
        dropped: they are not valid votes for anyone standing.
        """
        weights: Counter[tuple[int, ...]] = Counter()
        for ballot in self.ballots:
            ranking = tuple(c for c in ballot.ranking if c not in self.withdrawn)
            if ranking and ballot.weight > 0:
                weights[ranking] += ballot.weight
        merged = [Ballot(w, r) for r, w in weights.items()]
        return Election(
            list(self.candidates), self.seats, merged, self.title, self.withdrawn, self.source
        )

    @property
    def total_weight(self) -> int:
        """Number of ballot papers (the sum of the weights)."""
        return sum(b.weight for b in self.ballots)
