"""A network's impact from its members' reports, without double counting (pure).

- Spend: money one member pays another stays inside the network; the network counts it once,
  as the receiving member's income, so it leaves the network's spend and local spend.
- Ties: a pair of members trading both ways is one tie.
- Outcomes: each member claims its own net value (after deadweight, attribution and drop-off);
  an outcome two members report together must carry attribution for the other's share.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from altlep.evidence.resilience.arithmetic import net_value

SUMMED = (
    "jobs",
    "contracts_won_pence",
    "apprenticeships",
    "volunteer_hours",
    "people_supported",
    "emissions_kg",
    "waste_kg",
)


@dataclass(frozen=True)
class SpendItem:
    supplier: str | None  # an organisation id, or None for a supplier not on the platform
    amount_pence: int
    local: bool


@dataclass(frozen=True)
class OutcomeItem:
    theme: str
    quantity: int
    value_pence: int
    deadweight: float  # shares 0-1
    attribution: float
    drop_off: float
    years: int = 1

    @property
    def net_pence(self) -> int:
        return round(
            net_value(
                self.value_pence,
                deadweight=self.deadweight,
                attribution=self.attribution,
                drop_off=self.drop_off,
                years=self.years,
            )
        )


@dataclass
class MemberReport:
    organisation: str
    figures: dict  # the SUMMED fields, and "lm3" where the member knows it
    spend: list[SpendItem] = field(default_factory=list)
    outcomes: list[OutcomeItem] = field(default_factory=list)


def organisation_figures(report: MemberReport) -> dict:
    spend = sum(s.amount_pence for s in report.spend)
    local = sum(s.amount_pence for s in report.spend if s.local)
    return {
        **{k: report.figures.get(k, 0) for k in SUMMED},
        "spend_pence": spend,
        "local_spend_pence": local,
        "local_share": local / spend if spend else None,
        "outcomes_gross_pence": sum(o.value_pence for o in report.outcomes),
        "outcomes_net_pence": sum(o.net_pence for o in report.outcomes),
    }


def network_figures(reports: list[MemberReport]) -> dict:
    members = {r.organisation for r in reports}
    out: dict = {k: 0 for k in SUMMED}
    for r in reports:
        for k in SUMMED:
            out[k] += r.figures.get(k, 0)
    spend = local = internal = 0
    ties: set[tuple[str, str]] = set()
    for r in reports:
        for s in r.spend:
            if s.supplier in members and s.supplier != r.organisation:
                internal += s.amount_pence
                ties.add(tuple(sorted((r.organisation, s.supplier))))
                continue
            spend += s.amount_pence
            local += s.amount_pence if s.local else 0
    by_theme: dict[str, dict] = {}
    for r in reports:
        for o in r.outcomes:
            t = by_theme.setdefault(o.theme, {"quantity": 0, "gross_pence": 0, "net_pence": 0})
            t["quantity"] += o.quantity
            t["gross_pence"] += o.value_pence
            t["net_pence"] += o.net_pence
    out.update(
        {
            "members_reporting": len(members),
            "spend_pence": spend,
            "local_spend_pence": local,
            "local_share": local / spend if spend else None,
            "spend_between_members_pence": internal,
            "ties_between_members": len(ties),
            "outcomes": by_theme,
            "outcomes_net_pence": sum(t["net_pence"] for t in by_theme.values()),
            # Each member's own multiplier, side by side: LM3s of different incomes do not add.
            "lm3_by_member": {
                r.organisation: r.figures["lm3"]
                for r in reports
                if r.figures.get("lm3") is not None
            },
        }
    )
    return out
