"""Does our engine reproduce the official winners recorded in pabulib files?

Files say which rule was used (META `rule`) and which projects won (`selected`). Greedy files
are recounted with greedy (with or without skipping, as named); Equal Shares files with each
named completion variant, reporting which variant (if any) gives the official winners.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from altlep.pb.completions import mes_completed
from altlep.pb.model import Election
from altlep.pb.profile import Profile, build_profile
from altlep.pb.rules.greedy import greedy
from altlep.pb.rules.phragmen import phragmen
from altlep.pb.ties import tie_rank

# (name, rule, options) in the order they are tried.
VARIANTS: dict[str, tuple[str, str, dict]] = {
    "greedy": ("greedy", "greedy", {"skip": True}),
    "greedy-no-skip": ("greedy-no-skip", "greedy", {"skip": False}),
    # pabulib's official greedy: by total score (votes, points, ranking points), not per cost
    "greedy-by-score": ("greedy-by-score", "greedy", {"skip": True, "by": "score"}),
    "greedy-no-skip-by-score": (
        "greedy-no-skip-by-score",
        "greedy",
        {"skip": False, "by": "score"},
    ),
    "mes": ("mes", "mes", {"completion": "none"}),
    "mes+add1": ("mes+add1", "mes", {"completion": "add1"}),
    "mes+add1+greedy": ("mes+add1+greedy", "mes", {"completion": "add1", "greedy_after": True}),
    "mes+add1u": ("mes+add1u", "mes", {"completion": "add1u"}),
    "mes+add1-full": ("mes+add1-full", "mes", {"completion": "add1-full"}),
    "mes+add1-full+greedy": (
        "mes+add1-full+greedy",
        "mes",
        {"completion": "add1-full", "greedy_after": True},
    ),
    "phragmen": ("phragmen", "phragmen", {}),
}
EQUAL_SHARES_VARIANTS = (
    "mes+add1u",
    "mes+add1",
    "mes+add1+greedy",
    "mes+add1-full",
    "mes+add1-full+greedy",
)


def family(rule: str | None) -> str | None:
    """Which of our rules a file's META `rule` names: greedy, greedy-no-skip, equalshares."""
    if not rule:
        return None
    rule = rule.strip().lower()
    if rule.startswith("equalshares"):
        return "equalshares"
    if rule in ("greedy", "greedy-no-skip"):
        return rule
    return None


def run_variant(profile: Profile, name: str, rank: list[int]) -> list[str]:
    """Winners (ids, selection order) of one named variant, without explanations (fast)."""
    _, rule, options = VARIANTS[name]
    if rule == "greedy":
        by = options.get("by", "density")
        winners = greedy(profile, rank, skip=options["skip"], by=by).winners
    elif rule == "phragmen":
        winners = phragmen(profile, rank).winners
    else:
        done = mes_completed(
            profile, rank, options["completion"], greedy_after=options.get("greedy_after", False)
        )
        winners = done.winners
    return [profile.ids[j] for j in winners]


@dataclass
class OfficialCheck:
    """The outcome of recounting one file against its official winners."""

    source: str
    rule: str
    official: list[str]
    matched: list[str] = field(default_factory=list)  # variants that reproduce the winners
    tried: dict[str, list[str]] = field(default_factory=dict)

    @property
    def reproduced(self) -> bool:
        return bool(self.matched)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "rule": self.rule,
            "reproduced": self.reproduced,
            "matched": self.matched,
            "official": self.official,
            "tried": self.tried,
        }


def check_official(election: Election) -> OfficialCheck | None:
    """Recount a file whose rule we implement and that lists winners; None otherwise."""
    kind = family(election.rule)
    official = election.official_winners
    if kind is None or official is None:
        return None
    profile = build_profile(election)
    rank = tie_rank(profile)
    names = EQUAL_SHARES_VARIANTS if kind == "equalshares" else (f"{kind}-by-score",)
    result = OfficialCheck(election.source, election.rule or "", official)
    target = sorted(official)
    for name in names:
        winners = run_variant(profile, name, rank)
        result.tried[name] = winners
        if sorted(winners) == target:
            result.matched.append(name)
    return result
