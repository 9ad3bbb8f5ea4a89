"""Seeds the demo partnership: area, demo accounts, ~200 members and ~120 organisations."""

import random
from dataclasses import dataclass, field

from django.db import transaction
from rich.progress import Progress

from altlep.core.models import Partnership
from altlep.core.postcodes import postcodes_in_districts
from altlep.demo import area, people
from altlep.demo.commissioning import demo_commissioning
from altlep.demo.evidence import demo_evidence
from altlep.demo.follows import demo_follows
from altlep.demo.governance import demo_governance
from altlep.demo.ideas_box import demo_ideas_box
from altlep.members import services
from altlep.members.models import Organisation, Role, User, Visibility

SEED = 2026
MEMBER_COUNT = 200
DEMO_PASSWORD = "altlep-demo-2026"
DEMO_ACCOUNTS = [
    # email, name, role description, is_officer, is_staff
    ("officer@demo.altlep.org", "Olivia Officer", "partnership officer (and admin)", True, True),
    ("owner@demo.altlep.org", "Omar Owner", "owner-manager of a micro-enterprise", False, False),
    ("resident@demo.altlep.org", "Rita Resident", "resident member", False, False),
]


@dataclass
class DemoSummary:
    partnership: str
    members_added: int = 0
    organisations_added: int = 0
    rounds_added: int = 0
    elections_added: int = 0
    spend_analysed: bool = False
    accounts: list[tuple[str, str]] = field(default_factory=list)

    def describe(self) -> str:
        lines = [
            f"Demo partnership: {self.partnership}",
            f"Added {self.members_added} members, {self.organisations_added} organisations, "
            f"{self.rounds_added} commissioning rounds and {self.elections_added} board "
            "elections (nothing is added twice).",
            "Spend analysis: " + ("loaded now." if self.spend_analysed else "already there."),
            "Demo accounts (password for all: " + DEMO_PASSWORD + "):",
        ]
        lines += [f"  {email:28}  {what}" for email, what in self.accounts]
        return "\n".join(lines)


def _partnership() -> Partnership:
    partnership = Partnership.objects.filter(name=area.PARTNERSHIP_NAME).first()
    if partnership is None:
        partnership = Partnership.objects.create(
            name=area.PARTNERSHIP_NAME,
            description=(
                "A demo partnership: free to join, led by owner-managers of micro-enterprises, "
                "deciding together what to commission for the people of Lancashire."
            ),
            area_codes=sorted(area.LANCASHIRE_LEP_DISTRICTS),
            area_description=area.AREA_DESCRIPTION,
        )
    return partnership


def _ensure_member(actor, *, email, name, postcode, **extra) -> tuple[User, bool]:
    existing = User.objects.filter(email=email).first()
    if existing:
        return existing, False
    return services.member_add(
        actor=actor, email=email, display_name=name, postcode=postcode, **extra
    ), True


@transaction.atomic
def demo_load(*, progress: bool = False) -> DemoSummary:
    """Seed the demo; deterministic (fixed seed, sorted inputs) and idempotent."""
    rng = random.Random(SEED)
    partnership = _partnership()
    summary = DemoSummary(partnership=partnership.name)
    local_postcodes = postcodes_in_districts(
        set(area.LANCASHIRE_LEP_DISTRICTS), area.AREA_POSTCODE_AREAS
    )
    outside_postcodes = postcodes_in_districts(
        set(area.NEIGHBOURING_DISTRICTS), area.NEIGHBOUR_POSTCODE_AREAS
    )
    plan = _plan_organisations(rng)
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("Loading the demo partnership", total=MEMBER_COUNT + len(plan))
        officer = None
        members: list[User] = []
        for email, name, what, is_officer, is_staff in DEMO_ACCOUNTS:
            user, added = _ensure_member(
                None,
                email=email,
                name=name,
                postcode=rng.choice(local_postcodes),
                password=DEMO_PASSWORD,
                is_officer=is_officer,
                is_staff=is_staff,
                visibility=Visibility.PUBLIC,
                interests=rng.choice(people.INTERESTS),
            )
            if is_staff and added:
                user.is_superuser = True
                user.save(update_fields=["is_superuser"])
            officer = officer or user
            summary.members_added += added
            summary.accounts.append((email, what))
            members.append(user)
            bar.advance(task)
        for n in range(len(DEMO_ACCOUNTS), MEMBER_COUNT):
            first, last = rng.choice(people.FIRST_NAMES), rng.choice(people.SURNAMES)
            user, added = _ensure_member(
                officer,
                email=f"member{n:03d}@demo.altlep.org",
                name=f"{first} {last}",
                postcode=rng.choice(local_postcodes) if rng.random() < 0.92 else "",
                interests=", ".join(rng.sample(people.INTERESTS, k=rng.randint(1, 3))),
                visibility=rng.choices(list(Visibility), weights=[5, 4, 1])[0],
            )
            summary.members_added += added
            members.append(user)
            bar.advance(task)
        owners = members[1:]  # the officer runs the partnership, not a business
        for index, item in enumerate(plan):
            postcode = rng.choice(outside_postcodes if item.outside else local_postcodes)
            people_for = [owners[(index * 7 + k) % len(owners)] for k in range(2)]
            if _ensure_organisation(officer, item, postcode, people_for, rng):
                summary.organisations_added += 1
            bar.advance(task)
        bar.update(task, description="Walking the commissioning rounds through their phases")
        summary.rounds_added = demo_commissioning(
            officer=officer, members=members, demo_accounts=members[: len(DEMO_ACCOUNTS)]
        )
        demo_ideas_box(officer=officer)
        bar.update(task, description="Analysing an anchor institution's spend")
        summary.spend_analysed = demo_evidence(officer=officer)
        bar.update(task, description="Electing the board and holding its meetings")
        summary.elections_added = demo_governance(
            officer=officer,
            members=members,
            organisations=list(Organisation.objects.order_by("pk")),
        )
        demo_follows()
    return summary


@dataclass
class _PlannedOrganisation:
    name: str
    legal_form: str
    sic: str
    band: str
    outside: bool = False


def _plan_organisations(rng: random.Random) -> list[_PlannedOrganisation]:
    """Decide every organisation up front so the plan is the same on every run."""
    plan: list[_PlannedOrganisation] = []
    names: set[str] = set()

    def unique(candidate: str) -> str:
        name, n = candidate, 2
        while name in names:
            name, n = f"{candidate} {n}", n + 1
        names.add(name)
        return name

    for _ in range(86):
        trade, code = rng.choice(people.MICRO_TRADES)
        form = rng.choices(["ltd", "sole_trader", "partnership", "llp"], weights=[12, 5, 2, 1])[0]
        suffix = {"ltd": " Ltd", "llp": " LLP"}.get(form, "")
        plan.append(
            _PlannedOrganisation(
                unique(f"{rng.choice(people.PLACES)} {trade}") + suffix, form, code, "micro"
            )
        )
    for _ in range(14):
        trade, code = rng.choice(people.SMALL_TRADES)
        plan.append(
            _PlannedOrganisation(
                unique(f"{rng.choice(people.PLACES)} {trade}") + " Ltd",
                "ltd",
                code,
                "small",
                outside=rng.random() < 0.3,
            )
        )
    for trade, code in people.MEDIUM_TRADES:
        plan.append(
            _PlannedOrganisation(
                unique(f"{rng.choice(people.PLACES)} {trade}") + " Ltd",
                "ltd",
                code,
                "medium",
                outside=rng.random() < 0.5,
            )
        )
    for trade, code, form in people.SOCIAL_ENTERPRISES:
        plan.append(
            _PlannedOrganisation(
                unique(f"{rng.choice(people.PLACES)} {trade}"), form, code, "micro"
            )
        )
    districts = sorted(area.LANCASHIRE_LEP_DISTRICTS.values())
    for kind, code in people.PUBLIC_BODIES:
        plan.append(
            _PlannedOrganisation(unique(f"{rng.choice(districts)} {kind}"), "public", code, "large")
        )
    plan.append(
        _PlannedOrganisation("Northern Supplies Group plc", "ltd", "46900", "large", outside=True)
    )
    plan.append(
        _PlannedOrganisation("Pennine Facilities Ltd", "ltd", "81100", "large", outside=True)
    )
    return plan


# Ranges of (employees, turnover £, balance sheet £) for each intended band.
_FIGURES = {
    "micro": ((0, 9), (15_000, 900_000), (2_000, 400_000)),
    "small": ((11, 48), (1_200_000, 12_000_000), (600_000, 6_000_000)),
    "medium": ((55, 240), (16_000_000, 50_000_000), (8_000_000, 25_000_000)),
    "large": ((300, 6_000), (60_000_000, 900_000_000), (30_000_000, 600_000_000)),
}


def _ensure_organisation(officer, item, postcode, owners, rng) -> bool:
    (e_lo, e_hi), (t_lo, t_hi), (b_lo, b_hi) = _FIGURES[item.band]
    employees = rng.randint(e_lo, e_hi)
    turnover = rng.randint(t_lo, t_hi) * 100
    balance = rng.randint(b_lo, b_hi) * 100
    finances_known = rng.random() < 0.7  # many micro-enterprises share only their headcount
    company_number = ""
    if item.legal_form in {"ltd", "cic"}:
        company_number = f"{rng.randint(1_000_000, 16_999_999):08d}"
    elif item.legal_form == "llp":
        company_number = f"OC{rng.randint(300_000, 450_000)}"
    if Organisation.objects.filter(name=item.name).exists():
        return False
    organisation = services.organisation_create(
        actor=officer,
        details=services.OrganisationDetails(
            name=item.name,
            legal_form=item.legal_form,
            postcode=postcode,
            company_number=company_number,
            charity_number=str(rng.randint(1_000_000, 1_199_999))
            if item.legal_form in {"charity", "cio"}
            else "",
            society_number=f"{rng.randint(10_000, 32_000)}R"
            if item.legal_form in {"coop", "bencom"}
            else "",
            description=f"{item.name}: based in {postcode.split()[0]}.",
            sic_codes=[item.sic],
            employees=employees,
            turnover_pence=turnover if finances_known else None,
            balance_sheet_pence=balance if finances_known else None,
        ),
        role=None,
    )
    lead_role = {
        "public": Role.COUNCILLOR,
        "charity": Role.TRUSTEE,
        "cio": Role.TRUSTEE,
    }.get(item.legal_form, Role.OWNER_MANAGER)
    services.affiliation_add(
        actor=officer, member=owners[0], organisation=organisation, role=lead_role
    )
    services.affiliation_add(
        actor=officer, member=owners[1], organisation=organisation, role=Role.EMPLOYEE
    )
    return True
