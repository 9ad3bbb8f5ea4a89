"""Explanations of a count, for people and for the results page: what happened to each project.

`CountResult.to_dict()` is plain JSON (numbers, strings, lists); `ProjectExplanation.sentence()`
says the same in one plain-language sentence. Money is in currency units (floats rounded to the
cent for display; exact values are kept as strings where a rule computed them exactly).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field


@dataclass
class Payment:
    """`voters` supporters each paid `amount`."""

    amount: float
    voters: int


@dataclass
class ProjectExplanation:
    """The fate of one project, with the numbers behind it."""

    project_id: str
    name: str
    cost: float
    votes: int
    selected: bool
    position: int | None = None  # 1-based place in the selection order
    stage: str | None = None  # "mes", "greedy", "completion" (greedy after MES), "phragmen", "free"
    reason: str = ""  # selected, supporters_ran_out, no_support, did_not_fit, stopped, ...
    rho: float | None = None  # MES: price per unit of satisfaction
    rho_exact: str | None = None
    paid_by: int | None = None  # MES: supporters who paid something
    payments: list[Payment] = field(default_factory=list)
    supporters_money_before: float | None = None
    supporters_money_left: float | None = None
    shortfall: float | None = None  # MES non-winner: cost minus what its supporters had left
    support_factor_needed: float | None = None  # cost / money its supporters had left
    extra_voters_needed: int | None = None  # at a fresh per-voter share each
    dropped_after: str | None = None  # MES: the winner after which it became unaffordable
    score: float | None = None  # greedy: satisfaction per unit of cost
    money_left_at_turn: float | None = None  # greedy: budget left when its turn came
    load: float | None = None  # Phragmén: max load of its supporters after selection

    def to_dict(self) -> dict:
        data = asdict(self)
        # `v != []` would compare NumPy scalars element-wise; test for an empty list directly.
        return {
            k: v for k, v in data.items() if v is not None and not (isinstance(v, list) and not v)
        }

    def sentence(self, currency: str = "") -> str:
        """One plain-language sentence saying why the project was or was not chosen."""
        money = _money_formatter(currency)
        if self.selected:
            place = f"Selected {_ordinal(self.position)}" if self.position else "Selected"
            if self.stage == "mes" and self.paid_by is not None:
                parts = ", ".join(f"{p.voters:,} paid {money(p.amount)}" for p in self.payments[:3])
                more = " and others paid less" if len(self.payments) > 3 else ""
                return (
                    f"{place}: {self.paid_by:,} supporters shared its cost of "
                    f"{money(self.cost)} ({parts}{more}); they had "
                    f"{money(self.supporters_money_before or 0)} before and "
                    f"{money(self.supporters_money_left or 0)} left after."
                )
            if self.stage in ("greedy", "completion"):
                step = " in the greedy completion" if self.stage == "completion" else ""
                return (
                    f"{place}{step}: {self.votes:,} votes, and its cost of "
                    f"{money(self.cost)} fit in the {money(self.money_left_at_turn or 0)} "
                    "left."
                )
            if self.stage == "phragmen":
                return f"{place}: its {self.votes:,} supporters could share its cost evenly."
            if self.stage == "free":
                return f"{place}: it costs nothing and has supporters."
            return f"{place}."
        if self.reason == "no_support":
            return "Not selected: nobody supported it."
        if self.reason == "supporters_ran_out":
            left = money(self.supporters_money_left or 0)
            need = ""
            if self.support_factor_needed is not None:
                need = f"; it needed {self.support_factor_needed:.1f} times as much support"
                if self.extra_voters_needed is not None:
                    need += f" (about {self.extra_voters_needed:,} more voters with a full share)"
            return (
                f"Not selected: its {self.votes:,} supporters had only {left} left for its "
                f"cost of {money(self.cost)}{need}."
            )
        if self.reason in ("did_not_fit", "stopped"):
            left = money(self.money_left_at_turn or 0)
            return (
                f"Not selected: it costs {money(self.cost)} but only {left} was left "
                "when its turn came."
            )
        return "Not selected."


@dataclass
class CountResult:
    """A whole count: settings, winners in selection order, and every project explained."""

    rule: str
    completion: str
    ties: str
    seed: int | None
    vote_type: str
    budget: float
    winners: list[str]
    total_cost: float
    projects: list[ProjectExplanation]
    per_voter_budget: float | None = None
    rounds: int = 1
    exact_checks: int = 0
    official_winners: list[str] | None = None
    source: str = ""

    @property
    def reproduces_official(self) -> bool | None:
        if self.official_winners is None:
            return None
        return sorted(self.winners) == sorted(self.official_winners)

    def project(self, project_id: str) -> ProjectExplanation:
        return next(p for p in self.projects if p.project_id == project_id)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "rule": self.rule,
            "completion": self.completion,
            "ties": self.ties,
            "seed": self.seed,
            "vote_type": self.vote_type,
            "budget": self.budget,
            "total_cost": self.total_cost,
            "winners": self.winners,
            "per_voter_budget": self.per_voter_budget,
            "rounds": self.rounds,
            "exact_checks": self.exact_checks,
            "official_winners": self.official_winners,
            "reproduces_official": self.reproduces_official,
            "projects": [p.to_dict() for p in self.projects],
        }

    def to_json(self, **kwargs) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# Symbols written before the amount ("£23.10"); codes such as "PLN" go after it ("23.10 PLN").
_PREFIX_SYMBOLS = {"£", "$", "€", "¥"}


def _money_formatter(currency: str):
    def money(value: float) -> str:
        text = f"{value:,.2f}".removesuffix(".00")
        if currency in _PREFIX_SYMBOLS:
            return f"{currency}{text}"
        return f"{text} {currency}".strip()

    return money
