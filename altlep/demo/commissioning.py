"""The demo's commissioning: one past round with results and delivery, one open for voting.

Each round is walked through its phases with the real services (ideas submitted, assessed,
pledged to, voted on, counted, published, delivered), so the demo shows what members would.
"""

import random
from datetime import date, timedelta

from django.utils import timezone

from altlep.commissioning.models import PHASE_ORDER, Round
from altlep.commissioning.services import assessment, delivery, ideas, pledges, rounds
from altlep.commissioning.services.ballots import ballot_cast
from altlep.commissioning.services.results import results_publish, round_count
from altlep.demo import area

PAST_TITLE = "Spring 2026 community fund"
OPEN_TITLE = "Green places 2026"

# (title, category, cost £, description, place) — invented, local-sounding projects, each in
# the district of the place its title names.
PAST_IDEAS = [
    (
        "Repair café in Hebden Bridge",
        "Community space",
        6_500,
        "Monthly repair sessions.",
        "Hebden Bridge",
    ),
    (
        "Towpath lighting in Sowerby Bridge",
        "Transport",
        24_000,
        "Solar lights on the dark stretch.",
        "Sowerby Bridge",
    ),
    (
        "Dewsbury market stall incubator",
        "Town centre",
        12_000,
        "Six stalls for new traders.",
        "Dewsbury",
    ),
    (
        "Keighley youth coding club",
        "Skills",
        8_000,
        "Laptops and mentors for teenagers.",
        "Keighley",
    ),
    ("Armley community fridge", "Health", 4_500, "Surplus food shared, not wasted.", "Armley"),
    ("Castleford mural trail", "Culture", 15_000, "Local artists paint five walls.", "Castleford"),
    (
        "Huddersfield apprentice tool bank",
        "Skills",
        9_500,
        "Tools lent to apprentices.",
        "Huddersfield",
    ),
    (
        "Changing Places toilet in Pontefract",
        "Health",
        11_000,
        "A fully accessible toilet.",
        "Pontefract",
    ),
    (
        "Holme Valley bus shelter seats",
        "Transport",
        7_000,
        "Seats in twelve rural shelters.",
        "Holme Valley",
    ),
    (
        "Bingley wildflower verges",
        "Environment",
        5_500,
        "Verges sown and left to flower.",
        "Bingley",
    ),
    ("Batley shopfront grants", "Town centre", 20_000, "Matched grants for shopfronts.", "Batley"),
    ("Todmorden walking festival", "Culture", 6_000, "A week of guided walks.", "Todmorden"),
]
OPEN_IDEAS = [
    ("Tree planting on Pudsey Park's edge", "Environment", 9_000, "Sixty native trees.", "Pudsey"),
    (
        "Community orchard in Ossett",
        "Environment",
        7_500,
        "Fruit trees and a picnic spot.",
        "Ossett",
    ),
    (
        "Pocket park in Bradford city centre",
        "Town centre",
        18_000,
        "A derelict corner greened.",
        "Bradford",
    ),
    ("Cycle parking at Halifax station", "Transport", 6_500, "Forty covered spaces.", "Halifax"),
    (
        "Rain gardens on Headingley streets",
        "Environment",
        12_000,
        "Planting that soaks up rain.",
        "Headingley",
    ),
    (
        "Allotment taster plots in Normanton",
        "Health",
        4_000,
        "Small plots for beginners.",
        "Normanton",
    ),
    (
        "Green roof on Shipley library",
        "Environment",
        15_000,
        "Sedum roof and a bee hotel.",
        "Shipley",
    ),
    (
        "School nature trails in Mirfield",
        "Skills",
        5_500,
        "Trails and lessons for 5 schools.",
        "Mirfield",
    ),
]


def _phase_plans(current: str) -> list[rounds.PhasePlan]:
    """A week per phase with `current` holding now; "after" puts every phase in the past."""
    now = timezone.now()
    index = len(PHASE_ORDER) if current == "after" else PHASE_ORDER.index(current)
    day = timedelta(days=1)
    plans = []
    for position, kind in enumerate(PHASE_ORDER):
        starts = now + (position - index) * 7 * day - 3 * day
        plans.append(rounds.PhasePlan(kind, starts, starts + 7 * day))
    return plans


def _move(officer, round_: Round, current: str) -> None:
    rounds.round_update(
        actor=officer,
        round_=round_,
        phases=_phase_plans(current),
        **{f: getattr(round_, f) for f in rounds.ROUND_FIELDS},
    )


def _propose_and_assess(officer, round_, members, rng, plan) -> list:
    projects = []
    for n, (title, category, pounds, text, where) in enumerate(plan):
        idea = ideas.idea_submit(
            actor=members[n % len(members)],
            round_=round_,
            title=title,
            description=text,
            category=category,
            district_code=area.place(where).district,
            rough_cost_pence=pounds * 100,
            own_contribution="Volunteer time to help run it.",
        )
        for supporter in rng.sample(members, k=rng.randint(2, 9)):
            if supporter != idea.author:
                ideas.idea_support(actor=supporter, idea=idea)
        if n == 0:
            ideas.comment_add(actor=members[-1], idea=idea, body="I can lend a workbench.")
        projects.append((idea, pounds))
    _move(officer, round_, "assess")
    made = []
    for idea, pounds in projects:
        assessment.idea_shortlist(actor=officer, idea=idea)
        made.append(
            assessment.project_create(
                actor=officer,
                idea=idea,
                cost_pence=pounds * 100,
                feasibility_notes="Costed with two local quotes.",
            )
        )
    return made


def _vote(officer, round_, projects, voters, rng) -> None:
    _move(officer, round_, "vote")
    pledges.pledge_confirm(
        actor=officer,
        pledge=pledges.pledge_create(
            actor=voters[0], project=projects[0], kind="money", amount_pence=500_00
        ),
    )
    pledges.pledge_confirm(
        actor=officer,
        value_pence=300_00,
        pledge=pledges.pledge_create(
            actor=voters[1],
            project=projects[1],
            kind="venue",
            description="Our church hall, free on Saturdays",
        ),
    )
    # Voters lean toward a few favourites, with local groups backing their own projects.
    weights = [rng.uniform(0.5, 3) for _ in projects]
    for voter in voters:
        k = rng.randint(1, 4)
        chosen = set(rng.choices(range(len(projects)), weights=weights, k=k))
        ballot_cast(round_=round_, voter=voter, choices={projects[i].pk: 1 for i in chosen})


def _create(officer, title, budget_pounds, description) -> Round:
    return rounds.round_create(
        actor=officer,
        phases=_phase_plans("collect"),
        title=title,
        description=description,
        budget_pence=budget_pounds * 100,
        ballot_type="approval",
        max_choices=4,
        seed=2026,
    )


def demo_commissioning(*, officer, members: list, demo_accounts: list) -> int:
    """Seed both rounds unless they exist; returns how many rounds were added."""
    rng = random.Random(4242)
    added = 0
    voters = [m for m in members if m not in demo_accounts and m != officer]
    if not Round.objects.filter(title=PAST_TITLE).exists():
        round_ = _create(
            officer,
            PAST_TITLE,
            60_000,
            "What should the partnership fund this spring? Members decided.",
        )
        projects = _propose_and_assess(officer, round_, voters, rng, PAST_IDEAS)
        _vote(officer, round_, projects, voters[:150], rng)
        _move(officer, round_, "results")
        round_count(actor=officer, round_=round_)
        results_publish(actor=officer, round_=round_)
        _move(officer, round_, "delivery")
        winners = set(round_.result.winners)
        for project in [p for p in projects if p.ballot_id in winners]:
            delivery.milestone_add(
                actor=officer,
                project=project,
                title="Suppliers chosen",
                due=date.today() - timedelta(days=5),
            )
            delivery.milestone_add(
                actor=officer,
                project=project,
                title="Opened to the public",
                due=date.today() + timedelta(days=60),
            )
            delivery.delivery_update_post(
                actor=officer,
                project=project,
                status="on_track",
                spend_to_date_pence=project.cost_pence // 3,
                body="Two local micro-enterprises won the work; first materials bought.",
            )
        added += 1
    if not Round.objects.filter(title=OPEN_TITLE).exists():
        round_ = _create(
            officer, OPEN_TITLE, 40_000, "Greener streets, parks and stations. Voting is open now."
        )
        projects = _propose_and_assess(officer, round_, voters, rng, OPEN_IDEAS)
        # The demo accounts have not voted yet, so a visitor can try the ballot.
        _vote(officer, round_, projects, voters[:60], rng)
        added += 1
    return added
