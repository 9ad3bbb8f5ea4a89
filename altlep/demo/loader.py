"""Seeds the demo partnership: area, demo accounts, ~200 members and ~130 organisations."""

import random
from dataclasses import dataclass, field

from django.db import transaction
from rich.progress import Progress

from altlep.core.models import Partnership
from altlep.demo import area, people
from altlep.demo.commissioning import demo_commissioning
from altlep.demo.evidence import demo_evidence
from altlep.demo.follows import demo_follows
from altlep.demo.governance import demo_governance
from altlep.demo.ideas_box import demo_ideas_box
from altlep.demo.organisations import (
    KIRKLEES_COUNCIL,
    OWNER_BUSINESS,
    PostcodeBook,
    organisation_ensure,
    plan_organisations,
)
from altlep.demo.procurement import demo_procurement
from altlep.demo.resilience import demo_resilience
from altlep.demo.sectors import demo_sectors
from altlep.demo.skills import demo_skills
from altlep.demo.supply import demo_supply
from altlep.members import services
from altlep.members.models import Organisation, Role, User, Visibility

SEED = 2026
MEMBER_COUNT = 200
DEMO_PASSWORD = "altlep-demo-2026"
DEMO_ACCOUNTS = [
    # email, name, role description, is_officer, is_staff
    ("officer@demo.altlep.org", "Olivia Officer", "partnership officer (and admin)", True, True),
    (
        "owner@demo.altlep.org",
        "Omar Owner",
        f"owner-manager of {OWNER_BUSINESS.name}, a micro-enterprise",
        False,
        False,
    ),
    (
        "resident@demo.altlep.org",
        "Rita Resident",
        "resident of Dewsbury, no business",
        False,
        False,
    ),
    (
        "anchor@demo.altlep.org",
        "Amrit Anchor",
        f"finance officer at {KIRKLEES_COUNCIL} (uploads its spend)",
        False,
        False,
    ),
]
# Where each demo account lives: a postcode of this place.
HOME_PLACES = {
    "officer@demo.altlep.org": "Leeds",
    "owner@demo.altlep.org": "Hebden Bridge",
    "resident@demo.altlep.org": "Dewsbury",
    "anchor@demo.altlep.org": "Huddersfield",
}
OWNER, RESIDENT, ANCHOR = (
    "owner@demo.altlep.org",
    "resident@demo.altlep.org",
    "anchor@demo.altlep.org",
)


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
                "deciding together what to commission for the people of Bradford, Calderdale, "
                "Kirklees, Leeds and Wakefield."
            ),
            area_codes=sorted(area.DISTRICTS),
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
    book = PostcodeBook()
    local_postcodes = [pc for p in area.LOCAL_PLACES for pc in book.of(p)]
    plan = plan_organisations(rng)
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("Loading the demo partnership", total=MEMBER_COUNT + len(plan))
        officer = None
        members: list[User] = []
        for email, name, what, is_officer, is_staff in DEMO_ACCOUNTS:
            user, added = _ensure_member(
                None,
                email=email,
                name=name,
                postcode=rng.choice(book.of(area.place(HOME_PLACES[email]))),
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
        accounts = {m.email: m for m in members[: len(DEMO_ACCOUNTS)]}
        # The demo accounts keep to their stories: only the owner runs a business (below).
        pool = members[len(DEMO_ACCOUNTS) :]
        for index, item in enumerate(plan):
            people_for = [pool[(index * 7 + k) % len(pool)] for k in range(2)]
            if item is OWNER_BUSINESS:
                people_for[0] = accounts[OWNER]
            postcode = item.postcode or rng.choice(book.of(item.place))
            if organisation_ensure(
                officer=officer, item=item, postcode=postcode, people_for=people_for, rng=rng
            ):
                summary.organisations_added += 1
            bar.advance(task)
        services.affiliation_add(
            actor=officer,
            member=accounts[ANCHOR],
            organisation=Organisation.objects.get(name=KIRKLEES_COUNCIL),
            role=Role.OFFICER,
        )
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
            unaffiliated=[accounts[RESIDENT], accounts[ANCHOR]],
        )
        demo_sectors(officer=officer)
        demo_follows()
        demo_procurement(officer=officer)
        demo_skills(officer=officer, owner_email=OWNER, resident_email=RESIDENT)
        demo_supply(officer=officer)
        demo_resilience(officer=officer)
    return summary
