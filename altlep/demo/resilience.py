"""The demo's resilience principles (adopted by a board decision), a scorecard over two
financial years, emission factors, initiatives assessed against the principles, a few
cross-sector ties, and a network of social enterprises with its annual impact report."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from altlep.commissioning.models import Project, Round
from altlep.commissioning.services import pledges
from altlep.evidence import services as evidence_services
from altlep.evidence.impact import services as impact
from altlep.evidence.impact.selectors import prefill
from altlep.evidence.models import (
    EmissionFactor,
    EmissionFactorSet,
    ImpactNetwork,
    Indicator,
    Period,
    PrincipleSet,
    SupplierSurvey,
)
from altlep.evidence.resilience import services
from altlep.governance.models import Decision, Meeting
from altlep.governance.selectors.composition import sitting_seats
from altlep.governance.services import decisions
from altlep.members.models import Organisation, Sector

C = "altlep.evidence.resilience.computed."
# theme, principle, its text, [(indicator, direction, target, unit, computed path or "")]
PRINCIPLES = [
    (
        "responsible_business",
        "Businesses that treat people and place well",
        "We favour firms that pay fairly, employ locally and reinvest in the area.",
        [
            (
                "Share of anchor spend with the social economy",
                "higher",
                15,
                "%",
                C + "anchor_social_share",
            ),
            ("Member businesses paying the Real Living Wage", "higher", 60, "%", ""),
        ],
    ),
    (
        "investment",
        "Keep money circulating locally",
        "Public money should stay in the area and reach its micro-enterprises.",
        [
            (
                "Share of anchor spend with local suppliers",
                "higher",
                40,
                "%",
                C + "anchor_local_share",
            ),
            (
                "Share of anchor spend with micro-enterprises",
                "higher",
                10,
                "%",
                C + "anchor_micro_share",
            ),
            ("Local Multiplier 3 of anchor spend", "higher", 1.6, "ratio", C + "lm3"),
        ],
    ),
    (
        "integration",
        "Public, private and social sectors working together",
        "The most resilient places have strong ties across sectors; nobody works alone.",
        [
            ("Ties that cross sectors", "higher", 50, "%", C + "cross_sector_share"),
            (
                "Organisations with no tie to another sector",
                "lower",
                60,
                "%",
                C + "isolated_from_other_sectors",
            ),
            (
                "Commissioned projects co-delivered with pledges",
                "higher",
                50,
                "%",
                C + "co_delivery",
            ),
        ],
    ),
    (
        "engagement",
        "Decide in the open, with members",
        "Everything the partnership decides is public, and members decide its budget.",
        [
            ("Board agenda items taken in public", "higher", 90, "%", C + "meetings_in_public"),
            (
                "Days from a board meeting to its decisions being published",
                "lower",
                7,
                "days",
                C + "decision_publication_days",
            ),
            ("Board members with interests declared", "higher", 100, "%", C + "declared_interests"),
            (
                "Voting seats held by micro-enterprise owner-managers",
                "higher",
                51,
                "%",
                C + "board_micro_share",
            ),
            (
                "Districts where members voted in commissioning",
                "higher",
                100,
                "%",
                C + "participation_by_district",
            ),
            (
                "Commissioning budget allocated by members' votes",
                "higher",
                80,
                "%",
                C + "budget_decided_by_members",
            ),
        ],
    ),
    (
        "environment",
        "Cut the emissions of what we buy",
        "Spend is a large share of the area's footprint; we measure it and bring it down.",
        [
            ("Estimated emissions of anchor spend", "lower", 4000, "t CO2e", C + "spend_emissions"),
            ("Member businesses with a carbon reduction plan", "higher", 50, "%", ""),
        ],
    ),
]
ENTERED = {  # indicator → {period: (value, evidence)}
    "Member businesses paying the Real Living Wage": {
        "2025-26": (48, "Members' survey, March 2026: 96 of 200 businesses answered yes"),
        "2026-27": (57, "Members' survey, November 2026: 118 of 207 businesses answered yes"),
    },
    "Member businesses with a carbon reduction plan": {
        "2025-26": (21, "Members' survey, March 2026"),
        "2026-27": (34, "Members' survey, November 2026; plans checked by the environment group"),
    },
}
# Illustrative factors in the published layout (kg CO2e per £, by SIC division): the demo's
# stand-in for the government table an officer imports, not its figures.
FACTORS = [
    ("01", "Products of agriculture", "1.90"),
    ("10-11", "Food and drink", "0.95"),
    ("35", "Electricity and gas", "1.40"),
    ("41-43", "Construction", "0.45"),
    ("46-47", "Wholesale and retail", "0.30"),
    ("49", "Land transport", "0.70"),
    ("56", "Food and beverage services", "0.35"),
    ("62-63", "Computer and information services", "0.12"),
    ("69-74", "Professional services", "0.10"),
    ("81", "Services to buildings", "0.25"),
    ("86-88", "Health and social care", "0.20"),
]
CATEGORY_MAP = {
    "Grounds and growing": "01",
    "Catering and food": "56",
    "Supplies and equipment": "46-47",
    "Building works and repairs": "41-43",
    "Highways": "41-43",
    "IT and digital": "62-63",
    "Professional services": "69-74",
    "Cleaning and facilities": "81",
    "Care and health services": "86-88",
    "Transport": "49",
    "Energy": "35",
}
QUARTER = "West Yorkshire social enterprise quarter"
QUARTER_MEMBERS = [
    "Community Energy",
    "Food Co-operative",
    "Repair Café",
    "Community Transport",
    "Growing Project CIC",
    "Community Pub",
]


def _day(year: int, month: int, day: int) -> datetime.date:
    return datetime.date(year, month, day)


def _adopt(officer, draft: PrincipleSet) -> None:
    meeting = (
        Meeting.objects.filter(group__isnull=True, starts_at__lt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    voting = [
        s.member for s in sitting_seats(meeting.starts_at.date() if meeting else None) if s.voting
    ]
    if meeting is None or not voting:
        return
    decision = decisions.decision_record(
        actor=officer,
        meeting=meeting,
        title="Adopt the partnership's resilience principles (version 1)",
        text="The board adopts the five resilience principles and their indicators as part "
        "of the partnership's strategy, and will publish a scorecard against them every year.",
        votes={m: "for" for m in voting},
    )
    services.principle_set_adopt(actor=officer, principle_set=draft, decision=decision)


def _principles(officer) -> PrincipleSet:
    draft = services.principle_set_create(actor=officer, title="Our resilience principles")
    for theme, title, text, indicators in PRINCIPLES:
        principle = services.principle_add(
            actor=officer, principle_set=draft, theme=theme, title=title, text=text
        )
        for name, direction, target, unit, path in indicators:
            services.indicator_add(
                actor=officer,
                principle=principle,
                name=name,
                direction=direction,
                target=str(target),
                unit=unit,
                source="computed" if path else "entered",
                computed_key=path,
            )
    _adopt(officer, draft)
    return draft


def _factors(officer) -> None:
    if EmissionFactorSet.objects.exists():
        return
    factor_set = EmissionFactorSet.objects.create(
        name="Supply-chain emission factors by industry (illustrative, demo)",
        source="Layout of Defra/DESNZ conversion factors by SIC code; illustrative values",
        year=2026,
        category_map=CATEGORY_MAP,
        imported_by=officer,
    )
    EmissionFactor.objects.bulk_create(
        [
            EmissionFactor(factor_set=factor_set, sic_code=s, description=d, kg_co2e_per_pound=f)
            for s, d, f in FACTORS
        ]
    )


def _assess(officer, principle_set: PrincipleSet) -> None:
    by_theme = {p.theme: p for p in principle_set.principles.all()}
    done = Round.objects.filter(result__published_at__isnull=False).first()
    projects = list(Project.objects.filter(round=done)[:2]) if done else []
    plans = [
        (
            "investment",
            "Micro-enterprise procurement pledge",
            None,
            "Lots that micro-firms can win should raise the local and micro shares.",
        ),
        (
            "integration",
            "Prospectus: a shared kitchen for food businesses and the food bank",
            None,
            "Ties food micro-enterprises, the food co-operative and the council's catering.",
        ),
    ]
    if projects:
        plans.append(
            (
                "environment",
                "",
                projects[0],
                "Repairing instead of buying new cuts the emissions of what people buy.",
            )
        )
    for theme, title, project, effect in plans:
        if theme in by_theme:
            services.assessment_add(
                actor=officer,
                principle=by_theme[theme],
                initiative=title,
                project=project,
                expected_effect=effect,
            )


def _co_delivery() -> None:
    """A council, a social enterprise and a micro-enterprise pledge to the same open project:
    the cross-sector bridges the network shows."""
    open_round = (
        Round.objects.filter(result__isnull=True, projects__isnull=False)
        .distinct()
        .order_by("pk")
        .last()
    )
    project = Project.objects.filter(round=open_round).first() if open_round else None
    if project is None:
        return
    ends = ["Kirklees Council", "Repair Café", "Hebden Bridge Bakery Ltd"]
    chosen = [
        Organisation.objects.filter(name__endswith=end).order_by("name").first() for end in ends
    ]
    for org in [o for o in chosen if o is not None]:
        person = org.affiliations.select_related("member").first()
        if person is None:
            continue
        try:
            pledges.pledge_create(
                actor=person.member,
                project=project,
                kind="hours",
                hours=12,
                organisation=org,
                description=f"{org.name} staff time",
            )
        except (PermissionDenied, ValidationError):
            return  # the round no longer takes pledges: leave the network as it is


def _answers_the_lm3_survey(officer, org) -> None:
    """One member answers the LM3 survey after the 2025-26 year, so that year's report
    fills in its local spend and LM3, and the year before says why it cannot."""
    survey = evidence_services.supplier_survey_submit(
        actor=officer,
        supplier_name=org.name,
        income_pence=42_000_00,
        wage_percent_of_costs=60,
        local_wage_percent=85,
        local_supplier_percent=55,
    )
    answered = datetime.datetime(2026, 4, 20, 10, tzinfo=datetime.UTC)
    SupplierSurvey.objects.filter(pk=survey.pk).update(submitted_at=answered)


def _quarter(officer) -> None:
    if ImpactNetwork.objects.filter(slug="social-enterprise-quarter").exists():
        return
    members = [
        org
        for org in Organisation.objects.filter(sector=Sector.SOCIAL).order_by("name")
        if any(org.name.endswith(trade) for trade in QUARTER_MEMBERS)
    ]
    if len(members) < 3:
        return
    network = ImpactNetwork.objects.create(
        name=QUARTER,
        slug="social-enterprise-quarter",
        description="Social enterprises that report their economic, social and environmental "
        "impact together each year.",
        convenor=officer,
    )
    network.members.set(members)
    _answers_the_lm3_survey(officer, members[0])
    for year, scale in ((2024, 0.8), (2025, 1.0)):
        start, end = _day(year, 4, 1), _day(year + 1, 3, 31)
        for i, org in enumerate(members):
            partner = members[(i + 1) % len(members)]
            # What the platform knows wins over the demo's made-up figures, as on the form.
            known = prefill(organisation=org, starts_on=start, ends_on=end)["values"]
            impact.report_file(
                actor=officer,
                organisation=org,
                starts_on=start,
                ends_on=end,
                figures={
                    **{
                        "jobs": round((3 + i) * scale, 1),
                        "volunteer_hours": int((400 + 150 * i) * scale),
                        "people_supported": int((120 + 40 * i) * scale),
                        "apprenticeships": 1 if i % 2 == 0 else 0,
                        "emissions_kg": int((9000 + 2500 * i) * scale),
                        "waste_kg": int((1200 + 300 * i) * scale),
                    },
                    **known,
                },
                spend=[
                    {
                        "supplier_name": partner.name,
                        "supplier": partner,
                        "amount_pence": int(2400_00 * scale),
                        "local": True,
                    },
                    {
                        "supplier_name": "Local suppliers in West Yorkshire",
                        "amount_pence": int((18000_00 + 3000_00 * i) * scale),
                        "local": True,
                    },
                    {
                        "supplier_name": "Suppliers outside the area",
                        "amount_pence": int((9000_00 + 1000_00 * i) * scale),
                        "local": False,
                    },
                ],
                outcomes=[
                    {
                        "theme": "health" if i % 2 else "opportunity",
                        "description": "People less isolated"
                        if i % 2
                        else "People into work or training",
                        "quantity": int((20 + 5 * i) * scale),
                        "value_pence": int((12000_00 + 2000_00 * i) * scale),
                        "deadweight_percent": 25,
                        "attribution_percent": 20,
                        "drop_off_percent": 30,
                        "years": 2,
                        "evidence": "Participants' before-and-after survey; referral records",
                    },
                    {
                        "theme": "clean_energy",
                        "description": "Items repaired or food redistributed instead of wasted",
                        "quantity": int((300 + 80 * i) * scale),
                        "value_pence": 0,
                        "evidence": "Weighed at the door",
                    },
                ],
                evidence="Annual accounts and the members' own records",
            )
        impact.network_report_publish(actor=officer, network=network, starts_on=start, ends_on=end)


def _decisions_published_promptly() -> None:
    """The demo records its board's past decisions today; date each as a secretariat would
    have recorded it, two days after its meeting, so publication times read true."""
    for decision in Decision.objects.select_related("meeting"):
        recorded = decision.meeting.ends_at + datetime.timedelta(days=2)
        if decision.recorded_at > recorded and recorded < timezone.now():
            Decision.objects.filter(pk=decision.pk).update(recorded_at=recorded)


def demo_resilience(*, officer) -> None:
    """Seed everything above once; a second run adds nothing."""
    _factors(officer)
    _decisions_published_promptly()
    if not PrincipleSet.objects.exists():
        principle_set = _principles(officer)
        for name, start, end in (
            ("2025-26", (2025, 4, 1), (2026, 3, 31)),
            ("2026-27", (2026, 4, 1), (2027, 3, 31)),
        ):
            if not Period.objects.filter(name=name).exists():
                services.period_create(
                    actor=officer, name=name, starts_on=_day(*start), ends_on=_day(*end)
                )
        for indicator in Indicator.objects.filter(
            principle__principle_set=principle_set, source="entered"
        ):
            for period_name, (value, evidence) in ENTERED.get(indicator.name, {}).items():
                services.indicator_enter(
                    actor=officer,
                    indicator=indicator,
                    period=Period.objects.get(name=period_name),
                    value=value,
                    evidence=evidence,
                )
        if principle_set.adopted:
            _assess(officer, principle_set)
        _co_delivery()
    _quarter(officer)
