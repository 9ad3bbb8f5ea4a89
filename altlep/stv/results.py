"""The outcome of a count as plain dataclasses: stage-by-stage values for a count sheet.

Votes are exact `Decimal`s at the rule's precision (5 places for Scottish STV, 6 for Meek).
`to_dict()` gives JSON-ready data: numbers as JSON numbers, which for values with at most
15 significant digits print exactly as the decimal the count produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


def decimal_from_units(units: int, places: int) -> Decimal:
    """An integer count of 10**-places units as an exact Decimal with that many places."""
    return Decimal(units).scaleb(-places)


def _number(value: Decimal) -> float | int:
    return (
        int(value)
        if value == value.to_integral_value() and value.as_tuple().exponent >= 0
        else float(value)
    )


@dataclass(frozen=True, slots=True)
class Stage:
    """One stage (Scottish) or round (Meek) of a count and every candidate's votes at its end."""

    number: int
    action: str  # "first" | "surplus" | "exclusion" | "keep factors"
    subjects: tuple[str, ...]  # whose surplus is transferred or who is excluded
    amount: Decimal | None  # the surplus transferred, or the votes of the excluded
    votes: dict[str, Decimal]
    non_transferable: Decimal  # cumulative: exhausted papers plus rounding losses
    rounding: Decimal = Decimal(0)  # lost to rounding down at this stage (Scottish rule 49(3))
    quota: Decimal | None = None  # Meek: the threshold at this round
    keep_factors: dict[str, Decimal] = field(default_factory=dict)
    elected: tuple[str, ...] = ()  # deemed elected at the end of this stage
    excluded: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # ties broken, last vacancies filled …

    @property
    def description(self) -> str:
        """What happened, in the words of a count sheet."""
        who = ", ".join(self.subjects)
        amount = f" {self.amount:,}" if self.amount is not None else ""
        if self.action == "first":
            text = "First preferences"
        elif self.action == "surplus":
            text = f"Surplus of {who}{amount} transferred"
        elif self.action == "exclusion":
            text = f"{who} excluded{amount and ' with' + amount}"
        else:
            text = "Keep factors updated, surpluses transferred"
        if self.elected:
            text += "; elected: " + ", ".join(self.elected)
        return text

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "stage": self.number,
            "action": self.action,
            "subjects": list(self.subjects),
            "amount": None if self.amount is None else _number(self.amount),
            "description": self.description,
            "votes": {name: _number(v) for name, v in self.votes.items()},
            "non_transferable": _number(self.non_transferable),
            "rounding": _number(self.rounding),
            "elected": list(self.elected),
            "excluded": list(self.excluded),
            "notes": list(self.notes),
        }
        if self.quota is not None:
            data["quota"] = _number(self.quota)
        if self.keep_factors:
            data["keep_factors"] = {n: _number(v) for n, v in self.keep_factors.items()}
        return data


@dataclass(frozen=True, slots=True)
class CountResult:
    """A finished count: who was elected, in order, and the full count sheet."""

    rule: str
    title: str
    seats: int
    candidates: tuple[str, ...]
    valid_votes: int
    quota: Decimal  # Scottish: fixed (rule 47); Meek: the final round's threshold
    elected: tuple[str, ...]
    stages: tuple[Stage, ...]
    seed: int
    places: int  # decimal places of the arithmetic
    withdrawn: tuple[str, ...] = ()

    def elected_at(self) -> dict[str, int]:
        """The stage at which each elected candidate was deemed elected."""
        return {name: stage.number for stage in self.stages for name in stage.elected}

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "title": self.title,
            "seats": self.seats,
            "candidates": list(self.candidates),
            "withdrawn": list(self.withdrawn),
            "valid_votes": self.valid_votes,
            "quota": _number(self.quota),
            "decimal_places": self.places,
            "seed": self.seed,
            "elected": list(self.elected),
            "stages": [stage.to_dict() for stage in self.stages],
        }
