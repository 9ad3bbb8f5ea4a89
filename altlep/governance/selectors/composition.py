"""The board measured against the constitution: breaches, flags and the at-a-glance summary."""

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from altlep.governance.models import Category, Constitution, Seat
from altlep.governance.models.constitution import VOTING_CATEGORIES
from altlep.governance.selectors.eligibility import category_problem

RULE_BOARD_SIZE = "board size"
RULE_MAXIMUM = "category maximum"
RULE_MINIMUM = "category minimum"
RULE_MAJORITY = "micro-enterprise majority"
RULE_ELIGIBILITY = "eligibility"
RULE_TERM = "term of office"


@dataclass(frozen=True)
class Breach:
    """One rule the board does not keep. `hard` breaches are refused; the others are flagged
    (a vacancy to fill is not a reason to refuse an appointment)."""

    rule: str
    message: str
    hard: bool = True
    category: str = ""
    seat_id: int | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.rule, self.category)


def current_constitution() -> Constitution:
    """The constitution in force: the latest saved, or the founding default if none is."""
    return Constitution.objects.order_by("-id").first() or Constitution()


def constitution_problems(c: Constitution) -> list[str]:
    """Why a constitution cannot work, each naming its rule; empty when it can."""
    problems: list[str] = []
    if c.voting_seats < 1:
        problems.append("The board needs at least one voting seat (rule: board size).")
    for category, label in Category.choices:
        if c.minimum(category) > c.maximum(category):
            problems.append(
                f"{label}: the minimum {c.minimum(category)} is above the maximum "
                f"{c.maximum(category)} (rule: minimum not above maximum)."
            )
    minimums = sum(c.minimum(cat) for cat in VOTING_CATEGORIES)
    if minimums > c.voting_seats:
        problems.append(
            f"The voting categories' minimums add up to {minimums}, more than the board's "
            f"{c.voting_seats} voting seats (rule: minimums fit the board)."
        )
    if c.micro_majority and c.voting_seats >= 1:
        if c.micro_max < c.majority:
            problems.append(
                f"A micro-enterprise majority cannot be met: micro-enterprise seats are capped "
                f"at {c.micro_max} but a majority of {c.voting_seats} voting seats is "
                f"{c.majority} (rule: {RULE_MAJORITY})."
            )
        others = sum(c.minimum(cat) for cat in VOTING_CATEGORIES if cat != Category.MICRO)
        if c.voting_seats - others < c.majority:
            problems.append(
                f"A micro-enterprise majority cannot be met: the other categories' minimums "
                f"({others}) leave {c.voting_seats - others} of {c.voting_seats} voting seats, "
                f"fewer than a majority of {c.majority} (rule: {RULE_MAJORITY})."
            )
    if c.term_limit < 1 or c.term_months < 1:
        problems.append("Terms must last at least a month, and a member serve at least one.")
    return problems


def composition_breaches(c: Constitution, categories: Iterable[str]) -> list[Breach]:
    """Rules broken by a board whose seats have these categories."""
    counts = Counter(categories)
    voting = sum(counts[cat] for cat in VOTING_CATEGORIES)
    breaches: list[Breach] = []
    if voting > c.voting_seats:
        breaches.append(
            Breach(
                RULE_BOARD_SIZE,
                f"{voting} voting seats would be filled but the board has {c.voting_seats} "
                f"(rule: {RULE_BOARD_SIZE}).",
            )
        )
    for category, label in Category.choices:
        if counts[category] > c.maximum(category):
            breaches.append(
                Breach(
                    RULE_MAXIMUM,
                    f"{label}: {counts[category]} seats would be filled but at most "
                    f"{c.maximum(category)} are allowed (rule: {RULE_MAXIMUM}).",
                    category=category,
                )
            )
        elif counts[category] < c.minimum(category):
            breaches.append(
                Breach(
                    RULE_MINIMUM,
                    f"{label}: {counts[category]} filled, at least {c.minimum(category)} needed "
                    f"(rule: {RULE_MINIMUM}).",
                    hard=False,
                    category=category,
                )
            )
    if c.micro_majority and voting and counts[Category.MICRO] * 2 <= voting:
        breaches.append(
            Breach(
                RULE_MAJORITY,
                f"Micro-enterprise owner-managers would hold {counts[Category.MICRO]} of "
                f"{voting} voting seats, not a majority (rule: {RULE_MAJORITY}).",
            )
        )
    return breaches


def sitting_seats(on: datetime.date | None = None) -> list[Seat]:
    """The board as it sits on a day, members loaded, in the constitution's category order."""
    order = list(Category.values)
    seats = Seat.objects.sitting(on).select_related("member")
    return sorted(seats, key=lambda s: (order.index(s.category), s.started_on, s.pk))


def seat_breaches(c: Constitution, seats: Iterable[Seat], on: datetime.date | None = None):
    """Rules broken by individual seats: lapsed eligibility and terms run out."""
    on = on or datetime.date.today()
    breaches: list[Breach] = []
    for seat in seats:
        problem = category_problem(seat.member, seat.category)
        if problem:
            breaches.append(
                Breach(
                    RULE_ELIGIBILITY,
                    f"Eligibility lapsed for {seat.member}'s {seat.get_category_display()} "
                    f"seat: {problem}",
                    hard=False,
                    category=seat.category,
                    seat_id=seat.pk,
                )
            )
        if seat.term_ends_on < on:
            breaches.append(
                Breach(
                    RULE_TERM,
                    f"{seat.member}'s term ended on {seat.term_ends_on:%-d %B %Y} (rule: "
                    f"{RULE_TERM} of {c.term_months} months).",
                    hard=False,
                    category=seat.category,
                    seat_id=seat.pk,
                )
            )
    return breaches


def governance_flags(on: datetime.date | None = None) -> list[Breach]:
    """Everything about the sitting board that the constitution does not allow, for officers.

    Organisations change size in the members app; this is where a firm growing past micro
    shows up, as a lapsed eligibility flag on its owner's seat.
    """
    c = current_constitution()
    seats = sitting_seats(on)
    return composition_breaches(c, [s.category for s in seats]) + seat_breaches(c, seats, on)


@dataclass
class CategoryRow:
    category: str
    label: str
    filled: int
    minimum: int
    maximum: int
    voting: bool

    @property
    def ok(self) -> bool:
        return self.minimum <= self.filled <= self.maximum


def board_composition() -> dict:
    """The board at a glance: seats by category against the constitution's rules."""
    c = current_constitution()
    seats = sitting_seats()
    counts = Counter(s.category for s in seats)
    rows = [
        CategoryRow(
            cat, label, counts[cat], c.minimum(cat), c.maximum(cat), cat in VOTING_CATEGORIES
        )
        for cat, label in Category.choices
    ]
    voting = sum(r.filled for r in rows if r.voting)
    return {
        "constitution": c,
        "seats": seats,
        "rows": rows,
        "voting_filled": voting,
        "micro": counts[Category.MICRO],
        "majority_held": not c.micro_majority or counts[Category.MICRO] * 2 > voting,
        "breaches": composition_breaches(c, [s.category for s in seats]),
    }
