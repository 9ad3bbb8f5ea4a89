"""Runs over the shared real-election data: every Scottish BLT file, and the catalogue of
elections whose result is known (`DERIVED_catalogue.csv`), to see how many we reproduce.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from altlep.stv.blt import read_blt
from altlep.stv.count import count
from altlep.stv.model import BltError


def _tidy(name: str) -> str:
    return " ".join(name.split())


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one file: counted (with its winners) or an error message."""

    path: Path
    elected: tuple[str, ...] = ()
    error: str = ""
    expected: tuple[str, ...] | None = None  # catalogue runs: the known winners
    rule: str = "scottish"

    @property
    def reproduced(self) -> bool:
        # Names are compared with runs of spaces collapsed: some published winner lists
        # tidy the padding that the ballot files keep ("Ellen   Hurcombe").
        return (
            self.expected is not None
            and not self.error
            and sorted(map(_tidy, self.elected)) == sorted(map(_tidy, self.expected))
        )


def count_file(path: Path, rule: str = "scottish") -> Outcome:
    """Read and count one file, catching what a bad file raises."""
    try:
        result = count(read_blt(path), rule)
    except (BltError, ValueError) as exc:
        return Outcome(path, error=str(exc), rule=rule)
    return Outcome(path, result.elected, rule=rule)


def count_files(
    paths: list[Path], rule: str = "scottish", advance: Callable[[], None] | None = None
) -> Iterator[Outcome]:
    """Count each file in turn, calling `advance` after each (for a progress bar)."""
    for path in paths:
        yield count_file(path, rule)
        if advance:
            advance()


def catalogue_rows(root: Path) -> list[dict[str, str]]:
    """The rows of `DERIVED_catalogue.csv` that state expected winners."""
    with (root / "DERIVED_catalogue.csv").open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["expected_winners"].strip()]


def rule_for(row: dict[str, str]) -> str:
    return "meek" if "meek" in row["rule"].lower() else "scottish"


def check_catalogue(root: Path, advance: Callable[[], None] | None = None) -> Iterator[Outcome]:
    """Count every catalogued election under its rule and compare with its known winners."""
    for row in catalogue_rows(root):
        rule = rule_for(row)
        outcome = count_file(root / row["blt"], rule)
        expected = tuple(name.strip() for name in row["expected_winners"].split(" | "))
        yield Outcome(outcome.path, outcome.elected, outcome.error, expected, rule)
        if advance:
            advance()
