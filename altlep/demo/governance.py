"""The demo's governance: a board elected under the default constitution (with its count
sheets), meetings with minutes and decisions (one with a recusal), interests, a creative and
cultural sector group and a VCSE reference group.

Everything goes through the governance services, so the demo shows what members would see.
Deterministic (fixed seed, members taken in id order) and idempotent (skipped once seeded).
"""

import datetime
import random
from collections.abc import Sequence

from django.utils import timezone

from altlep.demo.figures import AreaFigures, area_figures
from altlep.governance.models import Election, Seat
from altlep.governance.selectors.composition import sitting_seats
from altlep.governance.selectors.eligibility import category_problem, large_business_of
from altlep.governance.services import board as board_services
from altlep.governance.services import decisions, elections, groups, meetings, strategy
from altlep.governance.services.constitution import constitution_update
from altlep.members.models import Organisation, Role
from altlep.members.services import affiliation_add

SEED = 2026
MICRO_ELECTION = "Board election 2026: micro-enterprise seats"
# (title, category, seats, candidates)
ELECTIONS = [
    (MICRO_ELECTION, "micro", 6, 9),
    ("Board election 2026: small and medium enterprise seat", "sme", 1, 2),
    ("Board election 2026: social economy (VCSE) seat", "social", 1, 2),
]
# Which of the partnership's organisations a fallback affiliation may use, per category.
FALLBACK = {
    "micro": ({"size_band": "micro", "sector": "private"}, Role.OWNER_MANAGER),
    "sme": ({"size_band__in": ["small", "medium"], "sector": "private"}, Role.OWNER_MANAGER),
    "social": ({"sector": "social"}, Role.TRUSTEE),
    "councillor": ({"sector": "public"}, Role.COUNCILLOR),
}
STATEMENTS = [
    "I have run my business here for {n} years and want the partnership to buy local.",
    "Micro-enterprises are most of our economy; I will make sure the board listens to them.",
    "I want procurement that a firm of three people can actually win.",
    "I will push for apprenticeships that owner-managers are paid to offer.",
]


def _eligible(
    members, category: str, taken: set[int], need: int, officer, unaffiliated: set[int]
) -> list:
    """`need` members eligible for `category`, in id order; tops up with demo affiliations
    (never for the members in `unaffiliated`, whose story has no organisation in it)."""
    chosen = []
    for member in members:
        if len(chosen) == need:
            break
        if member.pk in taken or not member.email_confirmed:
            continue
        if category_problem(member, category) is None:
            chosen.append(member)
    filters, role = FALLBACK.get(category, ({}, None))
    organisations = list(Organisation.objects.filter(**filters).order_by("pk")) if role else []
    for member in members:
        if len(chosen) == need or not organisations:
            break
        if member.pk in taken or member in chosen or not member.email_confirmed:
            continue
        if member.pk in unaffiliated or large_business_of(member):
            continue
        organisation = organisations[len(chosen) % len(organisations)]
        affiliation_add(actor=officer, member=member, organisation=organisation, role=role)
        if category_problem(member, category) is None:
            chosen.append(member)
    if len(chosen) < need:
        raise ValueError(f"the demo needs {need} members eligible for {category} seats")
    for member in chosen:
        taken.add(member.pk)
    return chosen


def _ballots(rng: random.Random, voters, election, popularity: list[float]) -> None:
    nominations = list(election.nominations.order_by("pk"))
    for voter in voters:
        order = sorted(range(len(nominations)), key=lambda i: -popularity[i] * rng.random() ** 0.5)[
            : rng.randint(1, len(nominations))
        ]
        elections.ballot_cast(
            actor=voter,
            election=election,
            ranks={nominations[i].pk: rank for rank, i in enumerate(order, 1)},
        )


def demo_governance(
    *, officer, members: Sequence, organisations: Sequence, unaffiliated: Sequence = ()
) -> int:
    """Seed the governance demo; returns how many elections it ran (0 when already seeded).

    `organisations` are the demo's; affiliations are added to them only when too few members
    are already eligible for a category, and never to the `unaffiliated` members.
    """
    if Election.objects.filter(title=MICRO_ELECTION).exists():
        return 0
    rng = random.Random(SEED)
    members = sorted((m for m in members if m.pk != officer.pk), key=lambda m: m.pk)
    today = timezone.localdate()
    seated_on = today - datetime.timedelta(days=120)
    constitution_update(actor=officer, changes={})
    taken: set[int] = set()
    keep = {m.pk for m in unaffiliated}
    for title, category, seats, standing in ELECTIONS:
        candidates = _eligible(members, category, taken, standing, officer, keep)
        election = elections.election_create(
            actor=officer, title=title, category=category, seats=seats
        )
        for n, candidate in enumerate(candidates):
            elections.nomination_submit(
                actor=candidate,
                election=election,
                statement=STATEMENTS[n % len(STATEMENTS)].format(n=3 + (7 * n) % 20),
            )
        elections.election_open_voting(actor=officer, election=election)
        voters = [m for m in members if m.email_confirmed][:150]
        popularity = [1.0 + rng.random() * 2 for _ in candidates]
        _ballots(rng, voters, election, popularity)
        elections.election_count(actor=officer, election=election, seated_on=seated_on)
    resident = next(
        m
        for m in members
        if m.pk not in taken
        and m.email_confirmed
        and m.district_code
        and category_problem(m, "resident") is None
    )
    taken.add(resident.pk)
    board_services.seat_appoint(
        actor=officer, member=resident, category="resident", how="coopted", started_on=seated_on
    )
    for councillor in _eligible(members, "councillor", taken, 2, officer, keep):
        board_services.seat_appoint(
            actor=officer, member=councillor, category="councillor", started_on=seated_on
        )
    _meetings_and_decisions(officer, today)
    _groups(officer, members, taken)
    title, body, sectors = _strategy(area_figures())
    strategy.strategy_update(actor=officer, title=title, body=body, sectors=sectors)
    return len(ELECTIONS)


# Priority sectors, each with the SIC 2007 section whose jobs ONS counts for it (if one fits).
SECTORS = [
    ("Creative and cultural industries", "Many micro-firms, strong local identity.", "R"),
    ("Repair, reuse and the circular economy", "Local jobs that keep resources here.", ""),
    ("Food and hospitality", "Short supply chains and town-centre footfall.", "I"),
    ("Care and the social economy", "Anchor institutions' largest local spend.", "Q"),
]
SECTION_NAMES = {
    "R": "arts, entertainment and recreation",
    "I": "accommodation and food",
    "Q": "health and social work",
}


def _strategy(figures: AreaFigures | None) -> tuple[str, str, list[tuple[str, str]]]:
    """The strategy's title, text and sectors, citing ONS figures for the area when the shared
    data has them (and saying nothing it cannot source when it does not)."""
    body = (
        "Keep money local: buy from local micro-enterprises, make public procurement "
        "micro-friendly, and measure how much of every pound stays in the area.\n\n"
        "Learn in the workplace: pay owner-managers to take on apprentices.\n\n"
        "Decide in the open: every decision, vote and declared interest is published."
    )
    sectors = [(name, why) for name, why, _ in SECTORS]
    if figures:
        body = (
            f"West Yorkshire has {figures.enterprises:,} businesses, "
            f"{figures.micro_share:.0%} of them micro-enterprises of fewer than ten people "
            f"(ONS UK Business Counts, {figures.enterprises_year}).\n\n" + body
        )
        sectors = [
            (
                name,
                f"{why} {figures.employment_by_section[section]:,} jobs in West Yorkshire in "
                f"{SECTION_NAMES[section]} (ONS BRES, {figures.employment_year}).",
            )
            if section
            else (name, why)
            for name, why, section in SECTORS
        ]
    title = "Our strategy: an economy that works for the people of West Yorkshire"
    return title, body, sectors


def _sitting_voting_members():
    return [s for s in sitting_seats() if s.voting]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _meetings_and_decisions(officer, today: datetime.date) -> None:
    seats = _sitting_voting_members()
    voters = [s.member for s in seats]
    first = meetings.meeting_schedule(
        actor=officer,
        title="Board meeting: first meeting of the elected board",
        starts_at=_at(today - datetime.timedelta(days=90), 18),
        location="Halifax Central Library",
    )
    meetings.agenda_item_add(actor=officer, meeting=first, title="Welcome and declarations")
    grants = meetings.agenda_item_add(
        actor=officer,
        meeting=first,
        title="Micro-enterprise procurement pledge",
        description="That the partnership splits its contracts into lots a micro-firm can win.",
    )
    meetings.paper_add(
        actor=officer,
        meeting=first,
        item=grants,
        title="Procurement pledge",
        url="https://example.org/altlep/procurement-pledge.pdf",
    )
    meetings.attendance_record(
        actor=officer,
        meeting=first,
        statuses={m: "present" for m in voters[:-1]} | {voters[-1]: "apologies"},
    )
    decisions.decision_record(
        actor=officer,
        meeting=first,
        item=grants,
        title="Adopt the micro-enterprise procurement pledge",
        text="The partnership will divide contracts into lots, pay "
        "suppliers within 10 days and ask only for proportionate evidence.",
        votes={m: ("abstain" if i == 0 else "for") for i, m in enumerate(voters[:-1])},
    )
    meetings.minutes_publish(
        actor=officer,
        meeting=first,
        minutes="The chair welcomed the elected board. No interests were declared. The board "
        "adopted the micro-enterprise procurement pledge.",
    )

    second = meetings.meeting_schedule(
        actor=officer,
        title="Board meeting: commissioning and repair cafés",
        starts_at=_at(today - datetime.timedelta(days=30), 18),
        location="Huddersfield Library",
    )
    cafes = meetings.agenda_item_add(
        actor=officer,
        meeting=second,
        title="Funding for repair cafés",
        description="£18,000 from the community fund for six repair cafés.",
    )
    meetings.agenda_item_add(
        actor=officer, meeting=second, title="Staffing of the secretariat", public=False
    )
    conflicted = voters[1]
    decisions.interest_declare(
        actor=conflicted,
        item=cafes,
        description="Runs a repair business that could supply the cafés' tools.",
    )
    decisions.decision_record(
        actor=officer,
        meeting=second,
        item=cafes,
        title="Fund six repair cafés",
        text="£18,000 is awarded for six repair cafés across the area, one in each of six "
        "districts, tools bought from local micro-enterprises.",
        votes={
            m: ("against" if i == 3 else "for") for i, m in enumerate(voters) if m != conflicted
        },
    )
    meetings.minutes_publish(
        actor=officer,
        meeting=second,
        minutes=f"{conflicted} declared an interest in the repair cafés item and took no "
        "part in the vote. The board agreed to fund six repair cafés.",
    )
    decisions.interest_declare(actor=voters[0], description="Director of a local bakery.")

    upcoming = meetings.meeting_schedule(
        actor=officer,
        title="Board meeting: the year ahead",
        starts_at=_at(today + datetime.timedelta(days=30), 18),
        location="Wakefield Library",
    )
    meetings.agenda_item_add(actor=officer, meeting=upcoming, title="Prospectus of initiatives")


def _groups(officer, members, taken: set[int]) -> None:
    free = [m for m in members if m.email_confirmed and m.pk not in taken]
    creative = groups.group_create(
        actor=officer,
        name="Creative and cultural sector group",
        kind="sector",
        purpose="Sector leaders and local-authority culture officers build the evidence base "
        "on creative firms (size, jobs, businesses) and co-write the prospectus.",
        convenor=free[0],
    )
    vcse = groups.group_create(
        actor=officer,
        name="VCSE reference group",
        kind="reference",
        purpose="Charities, social enterprises and community groups advise the board and test "
        "its plans against the resilience framework.",
        convenor=free[1],
    )
    councillors = [s.member for s in Seat.objects.sitting().filter(category="councillor")]
    for group, joiners in ((creative, free[2:7]), (vcse, free[7:11])):
        for n, member in enumerate(joiners):
            asked = groups.group_join_ask(actor=member, group=group, note="I would like to help.")
            if n < len(joiners) - 1:  # the last request is left for the convenor to answer
                groups.group_member_accept(actor=group.convenor, membership=asked)
        if councillors:
            asked = groups.group_join_ask(
                actor=councillors[0],
                group=group,
                local_authority=True,
                note="Council counterpart for this sector.",
            )
            groups.group_member_accept(actor=group.convenor, membership=asked)
        meetings.meeting_schedule(
            actor=group.convenor,
            title=f"{group.name}: quarterly meeting",
            group=group,
            starts_at=_at(timezone.localdate() + datetime.timedelta(days=14), 10),
            location="Online",
        )
        groups.group_document_add(
            actor=group.convenor,
            group=group,
            title=f"{group.name}: terms of reference",
            url="https://example.org/altlep/terms-of-reference.pdf",
        )
