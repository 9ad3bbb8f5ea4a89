"""The demo's ideas box: ideas members proposed outside any round, some supported and discussed,
one brought by the officers into a round that is collecting ideas, one declined with a reason.

Everything goes through the real services, so the audit log and the pages show what members
would see. Texts name no place: the demo's area may move.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from altlep.commissioning.models import Idea, Round
from altlep.commissioning.services import ideas, ideas_box, rounds
from altlep.members.models import User

ROUND_TITLE = "Neighbourhood fund 2027"
RESIDENT, OWNER, OFFICER = (
    "resident@demo.altlep.org",
    "owner@demo.altlep.org",
    "officer@demo.altlep.org",
)


def _member(n: int) -> str:
    return f"member{n:03d}@demo.altlep.org"


@dataclass(frozen=True)
class BoxIdea:
    author: str
    title: str
    category: str
    pounds: int
    description: str
    own_contribution: str = ""
    supporters: tuple[str, ...] = ()
    comments: tuple[tuple[str, str], ...] = field(default=())
    outcome: str = ""  # "", "bring_in" or "decline"
    reason: str = ""


BOX_IDEAS = [
    BoxIdea(
        OWNER,
        "Shared electric cargo bikes for local deliveries",
        "Transport",
        14_000,
        "Three electric cargo bikes kept at a community hub and booked by the day, so that "
        "micro-businesses and charities can make short deliveries without running a van.",
        "I would keep the booking sheet and do the weekly checks on the bikes.",
        (RESIDENT, *(_member(n) for n in (12, 27, 41, 58, 73, 96))),
        (
            (_member(27), "Our bakery would book one twice a week for wholesale orders."),
            (RESIDENT, "Could a few be lent to families at weekends too?"),
        ),
        outcome="bring_in",
    ),
    BoxIdea(
        RESIDENT,
        "Warm and welcoming spaces through the winter",
        "Health",
        6_000,
        "Heating, hot drinks and volunteers' expenses so that community halls can open as warm "
        "spaces on weekday afternoons from November to March, with a table for homework.",
        "I can help on Tuesday afternoons.",
        (OWNER, *(_member(n) for n in (5, 19, 33, 47, 61, 88, 104, 131))),
        ((_member(33), "Our hall has the room; the heating bill is what stops us."),),
    ),
    BoxIdea(
        _member(44),
        "Free town-centre parking on Saturdays",
        "Town centre",
        40_000,
        "Make parking free on Saturdays so that more people shop in the town centres.",
        supporters=tuple(_member(n) for n in (8, 66, 150)),
        outcome="decline",
        reason=(
            "Parking charges are set by the councils, and paying them for the lost income would "
            "take most of a round's budget for something that stops the day the money runs out. "
            "We have passed the idea to the councillors on the board, who will raise it with "
            "their councils."
        ),
    ),
    BoxIdea(
        _member(52),
        "Bookkeeping evenings for sole traders",
        "Skills",
        3_500,
        "Once a month, a volunteer accountant and a room: bring your receipts, leave with your "
        "books in order and your self-assessment understood.",
        "I keep books for two small firms and would teach the first sessions.",
        (OWNER, _member(15), _member(70), _member(118), _member(142)),
        ((OFFICER, "Thank you: we will look at this when the next round collects ideas."),),
    ),
    BoxIdea(
        _member(90),
        "Paid taster weeks with micro-businesses for school leavers",
        "Skills",
        9_000,
        "A paid week with a local micro-business for school leavers who are unsure whether an "
        "apprenticeship would suit them, with the owner-manager paid for their time.",
        supporters=(OWNER, _member(21), _member(77)),
    ),
    BoxIdea(
        _member(121),
        "A tool library in an empty shop",
        "Community space",
        7_500,
        "Lend drills, ladders and garden tools instead of everyone buying their own, run by "
        "volunteers from a shop unit that would otherwise stand empty.",
        "Two of us have tools to donate to start it off.",
        (_member(36), _member(99)),
    ),
]


def _round_taking_ideas(officer) -> Round:
    """The demo's round collecting ideas now, for the box idea the officers bring into it."""
    existing = Round.objects.filter(title=ROUND_TITLE).first()
    if existing:
        return existing
    now = timezone.now()
    day = timedelta(days=1)
    lengths = [("collect", 28), ("assess", 14), ("vote", 14), ("results", 7), ("delivery", 180)]
    phases, starts = [], now - 5 * day
    for kind, days in lengths:
        phases.append(rounds.PhasePlan(kind, starts, starts + days * day))
        starts += days * day
    return rounds.round_create(
        actor=officer,
        phases=phases,
        title=ROUND_TITLE,
        description="Small projects for neighbourhoods. Ideas are being collected now.",
        budget_pence=30_000_00,
        ballot_type="approval",
        max_choices=3,
        seed=2027,
    )


def demo_ideas_box(*, officer) -> int:
    """Fill the ideas box unless it was filled before; returns how many ideas were added."""
    if Idea.objects.filter(title__in=[plan.title for plan in BOX_IDEAS]).exists():
        return 0
    people = {user.email: user for user in User.objects.filter(email__endswith="@demo.altlep.org")}
    round_ = _round_taking_ideas(officer)
    for plan in BOX_IDEAS:
        idea = ideas.idea_submit(
            actor=people[plan.author],
            round_=None,
            title=plan.title,
            description=plan.description,
            category=plan.category,
            rough_cost_pence=plan.pounds * 100,
            own_contribution=plan.own_contribution,
        )
        for email in plan.supporters:
            ideas.idea_support(actor=people[email], idea=idea)
        for email, body in plan.comments:
            ideas.comment_add(actor=people[email], idea=idea, body=body)
        if plan.outcome == "bring_in":
            ideas_box.idea_bring_into_round(actor=officer, idea=idea, round_=round_)
        elif plan.outcome == "decline":
            ideas_box.idea_decline(actor=officer, idea=idea, reason=plan.reason)
    return len(BOX_IDEAS)
