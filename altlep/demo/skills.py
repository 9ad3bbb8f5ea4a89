"""The apprenticeships demo: owner-managers offering placements, applications at every stage,
the board commissioning a teaching fund, two apprenticeships in progress with fund payments and
one completed. Idempotent (does nothing when its fund exists) and deterministic."""

import datetime

from django.utils import timezone

from altlep.governance.models import Seat
from altlep.governance.services import decisions, meetings
from altlep.members.models import Organisation, Role, SizeBandField, User
from altlep.skills.models import Standard, StandardVersion, TeachingFund
from altlep.skills.services import applications, fund, placements

FUND_NAME = "Teaching fund for owner-managers 2026–27"

# The handful of standards the demo uses, as the Institute listed them on 8 May 2018 (reference,
# title, level, route, typical months, LARS code, approved for delivery, band maximum in £).
# The bands are that file's (since revised), kept so the demo matches the importable data.
STANDARDS = [
    ("ST0191", "Baker", 2, "Catering and hospitality", 18, 177, "2017-06-09", 9000),
    ("ST0228", "Commis chef", 2, "Catering and hospitality", 12, 93, "2016-04-27", 9000),
    ("ST0116", "Software developer", 4, "Digital", 24, 2, "2014-11-12", 18000),
    ("ST0122", "Digital marketer", 3, "Digital", 18, 78, "2016-03-23", 12000),
    ("ST0171", "Property maintenance operative", 2, "Construction", 12, 23, "2015-03-26", 9000),
    ("ST0213", "Hair Professional", 2, "Hair and beauty", 24, 157, "2016-12-21", 9000),
    ("ST0078", "Butcher", 2, "Catering and hospitality", 18, 54, "2015-09-24", 9000),
]

# (business index, standard, title, start in days from today, hourly wage in pence, learning)
PLACEMENTS = [
    (0, "ST0191", "Apprentice baker", 40, 850,
     "Sourdough and laminated doughs at scale, the 4am bake, costing a loaf, running the "
     "counter on market days."),
    (1, "ST0228", "Apprentice commis chef", 55, 900,
     "A seasonal menu from Calderdale growers, knife skills, food safety and running the "
     "pass on a busy Saturday."),
    (2, "ST0122", "Apprentice digital marketer", 70, 1000,
     "Campaigns for local shops and charities: copy, photography, analytics and the budget."),
    (3, "ST0171", "Apprentice maintenance operative", 30, 950,
     "Repairs in social housing: joinery, plumbing, plastering and talking with tenants."),
    (2, "ST0116", "Apprentice software developer", -180, 1000,
     "Building booking systems for local venues, in a team of three, with code review."),
    (0, "ST0078", "Apprentice butcher", -150, 900,
     "Whole-carcass butchery from local farms, curing, and the shop counter."),
    (1, "ST0213", "Apprentice hair professional", -420, 820,
     "Cutting, colouring and running a column of clients in a two-chair salon."),
]  # fmt: skip

STATEMENT = (
    "I have wanted to learn this trade since I helped out locally at weekends, and I would "
    "rather learn it from someone who does it every day than in a classroom."
)


def _standards() -> dict[str, Standard]:
    found = {}
    for reference, title, level, route, months, lars, approved, band in STANDARDS:
        standard, _ = Standard.objects.get_or_create(
            reference=reference,
            defaults={
                "title": title,
                "level": level,
                "route": route,
                "typical_duration_months": months,
                "lars_code": lars,
                "status": "Approved for delivery",
                "approved_on": datetime.date.fromisoformat(approved),
                "source": "demo (Institute standards CSV of 8 May 2018)",
            },
        )
        StandardVersion.objects.get_or_create(
            standard=standard,
            version="as-of-2018-05-08",
            defaults={
                "max_funding_pence": band * 100,
                "effective_from": datetime.date.fromisoformat(approved),
            },
        )
        found[reference] = standard
    return found


def _owner_managed(owner_email: str) -> list[tuple[User, Organisation]]:
    """The owner's bakery first, then three more micro-enterprises with an owner-manager."""
    pairs = []
    owner = User.objects.get(email=owner_email)
    for org in Organisation.objects.filter(
        affiliations__member=owner, affiliations__role=Role.OWNER_MANAGER
    ):
        pairs.append((owner, org))
    others = (
        Organisation.objects.filter(
            size_band=SizeBandField.MICRO, affiliations__role=Role.OWNER_MANAGER
        )
        .exclude(affiliations__member=owner)
        .order_by("pk")
        .distinct()
    )
    for org in others:
        affiliation = org.affiliations.filter(role=Role.OWNER_MANAGER).order_by("pk").first()
        if affiliation.member.email_confirmed and affiliation.member not in [p[0] for p in pairs]:
            pairs.append((affiliation.member, org))
        if len(pairs) == 4:
            break
    return pairs


def _board_decision(officer):
    """The board commissions the teaching fund at a meeting of its own."""
    today = timezone.localdate()
    day = today - datetime.timedelta(days=45)
    voters = [s.member for s in Seat.objects.sitting(day).voting().select_related("member")]
    if not voters:
        return None
    meeting = meetings.meeting_schedule(
        actor=officer,
        title="Board meeting: apprenticeships with owner-managers",
        starts_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(18))),
        location="Halifax Central Library",
    )
    item = meetings.agenda_item_add(
        actor=officer,
        meeting=meeting,
        title="A teaching fund for owner-managers",
        description="£60,000 from the skills budget to pay owner-managers who teach apprentices.",
    )
    return decisions.decision_record(
        actor=officer,
        meeting=meeting,
        item=item,
        title="Pay owner-managers to teach apprentices",
        text="£60,000 moves from classroom provision to a teaching fund: £250 for each month of "
        "training on the job, £500 at the start, £300 at three months and £1,000 on completion.",
        votes={m: "for" for m in voters},
    )


def demo_skills(*, officer, owner_email: str, resident_email: str) -> int:
    """Seed the apprenticeships demo; returns the number of placements added."""
    if TeachingFund.objects.filter(name=FUND_NAME).exists():
        return 0
    standards = _standards()
    businesses = _owner_managed(owner_email)
    today = timezone.localdate()
    made = []
    for index, reference, title, days, wage, learning in PLACEMENTS:
        owner, organisation = businesses[index % len(businesses)]
        made.append(
            placements.placement_offer(
                actor=owner,
                organisation=organisation,
                standard=standards[reference],
                title=title,
                workplace_postcode=organisation.postcode,
                hours_per_week=30 + (index % 3) * 2,
                hourly_wage_pence=wage,
                start_date=today + datetime.timedelta(days=days),
                learning=learning,
                training_provider="" if index % 2 else "Calderdale College (day release)",
            )
        )
    owners = {owner.pk for owner, _ in businesses}
    applicants = list(
        User.objects.filter(email_confirmed=True, email__startswith="member")
        .exclude(pk__in=owners)
        .exclude(affiliations__role=Role.OWNER_MANAGER)
        .order_by("pk")[:20]
    )
    resident = User.objects.get(email=resident_email)
    pool = iter(applicants)

    def apply(placement, who=None):
        return applications.application_submit(
            actor=who or next(pool),
            placement=placement,
            statement=STATEMENT,
            availability="From next month; interviews any weekday afternoon.",
            consent_to_share=True,
        )

    def move(application, *steps):
        for step in steps:
            applications.application_move(
                actor=application.placement.owner, application=application, to=step
            )

    baker, chef, marketer, maintenance, developer, butcher, hair = made
    # Applications at every stage, on the open placements.
    move(apply(baker, resident), "shortlisted", "interview", "offered")  # Rita has an offer
    apply(baker)  # submitted
    move(apply(baker), "shortlisted")
    move(apply(chef), "shortlisted", "interview")
    declined = apply(chef)
    move(declined, "shortlisted", "interview", "offered")
    applications.application_answer(actor=declined.applicant, application=declined, accept=False)
    withdrawn = apply(marketer)
    applications.application_withdraw(actor=withdrawn.applicant, application=withdrawn)
    move(apply(marketer), "unsuccessful")
    apply(maintenance)
    # Three accepted offers: two in progress, one completed.
    apprenticeships = []
    for placement in (developer, butcher, hair):
        apply(placement)  # a rival, closed as unsuccessful when the offer is accepted
        chosen = apply(placement)
        move(chosen, "shortlisted", "interview", "offered")
        applications.application_answer(actor=chosen.applicant, application=chosen, accept=True)
        chosen.refresh_from_db()
        apprenticeships.append(chosen.apprenticeship)

    decision = _board_decision(officer)
    teaching = fund.fund_create(
        actor=officer,
        name=FUND_NAME,
        budget_pence=60_000_00,
        monthly_pence=250_00,
        start_pence=500_00,
        three_months_pence=300_00,
        completion_pence=1_000_00,
        decision=decision,
        round=None if decision else _any_round(),
    )

    def paid(apprenticeship, kind, month=None, approve=True):
        claim = fund.claim_submit(
            actor=apprenticeship.placement.owner,
            fund=teaching,
            apprenticeship=apprenticeship,
            kind=kind,
            month=month,
            evidence="Weekly teaching log and the apprentice's review notes.",
            today=today,
        )
        if approve:
            fund.claim_decide(actor=officer, claim=claim, approve=True)

    developer_a, butcher_a, hair_a = apprenticeships
    for a in (developer_a, butcher_a):
        paid(a, "start")
        paid(a, "three_months")
        first = a.started_on.replace(day=1)
        for n in range(1, 4):
            paid(a, "month", fund.add_months(first, n))
        fund.milestone_record(
            actor=a.placement.owner,
            apprenticeship=a,
            kind="review",
            reached_on=fund.add_months(a.started_on, 3),
            note="On track: working unsupervised on routine jobs.",
        )
    # One claim waits for the officer (the demo's "approve a payment").
    paid(butcher_a, "month", butcher_a.started_on.replace(day=1), approve=False)
    paid(hair_a, "start")
    fund.milestone_record(
        actor=hair_a.placement.owner,
        apprenticeship=hair_a,
        kind="epa",
        reached_on=today - datetime.timedelta(days=30),
        note="Passed with distinction.",
    )
    fund.apprenticeship_end(
        actor=officer,
        apprenticeship=hair_a,
        ended_on=today - datetime.timedelta(days=20),
        completed=True,
    )
    paid(hair_a, "completion")
    fund.milestone_record(
        actor=hair_a.placement.owner,
        apprenticeship=hair_a,
        kind="job",
        reached_on=today - datetime.timedelta(days=19),
        note="Kept on as a stylist.",
    )
    return len(made)


def _any_round():
    from altlep.commissioning.models import Round

    return Round.objects.order_by("pk").first()
