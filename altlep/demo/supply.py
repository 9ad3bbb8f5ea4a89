"""The demo's local supply: directory entries with real CPV 2008 codes, a leaking category of
the demo council's spend with local alternatives and a saved scenario, a consortium bidding for
a lot, a buying group, and shared resources with bookings.

CPV codes and labels are copied from the published CPV 2008 list (Commission Regulation (EC)
No 213/2008); rows are created with get_or_create so they sit beside a full import.
"""

import datetime
import random

from django.utils import timezone

from altlep.demo import area
from altlep.demo.organisations import KIRKLEES_COUNCIL, OWNER_BUSINESS
from altlep.demo.procurement import buyer_officer
from altlep.evidence.models import AnchorBody
from altlep.members.models import Affiliation, Organisation, Role, User
from altlep.members.rules import MANAGING_ROLES
from altlep.procurement.models import CpvCode, Lot
from altlep.procurement.services.opportunities import (
    lot_add,
    opportunity_draft,
    opportunity_publish,
)
from altlep.supply.models import (
    BuyingGroup,
    Consortium,
    Scenario,
    SharedResource,
    SupplierProfile,
)
from altlep.supply.services import consortia, groups, profiles, resources, scenarios

# (code, check digit, label, level) — parents are found by the codes' digits.
CPV_CODES = [
    ("09000000", "3", "Petroleum products, fuel, electricity and other sources of energy", 1),
    ("09300000", "2", "Electricity, heating, solar and nuclear energy", 2),
    ("09310000", "5", "Electricity", 3),
    ("15000000", "8", "Food, beverages, tobacco and related products", 1),
    ("15800000", "6", "Miscellaneous food products", 2),
    ("15810000", "9", "Bread products, fresh pastry goods and cakes", 3),
    ("15811000", "6", "Bread products", 4),
    ("34000000", "7", "Transport equipment and auxiliary products to transportation", 1),
    ("34100000", "8", "Motor vehicles", 2),
    ("34130000", "7", "Motor vehicles for the transport of goods", 3),
    ("34136000", "9", "Vans", 4),
    (
        "39000000",
        "2",
        "Furniture (incl. office furniture), furnishings, domestic appliances "
        "(excl. lighting) and cleaning products",
        1,
    ),
    ("39100000", "3", "Furniture", 2),
    ("45000000", "7", "Construction work", 1),
    ("45200000", "9", "Works for complete or part construction and civil engineering work", 2),
    ("45260000", "7", "Roof works and other special trade construction works", 3),
    ("45261000", "4", "Erection and related works of roof frames and coverings", 4),
    ("45261900", "3", "Roof repair and maintenance work", 5),
    ("45300000", "0", "Building installation work", 2),
    ("45310000", "3", "Electrical installation work", 3),
    ("45330000", "9", "Plumbing and sanitary works", 3),
    ("45332000", "3", "Plumbing and drain-laying work", 4),
    ("45400000", "1", "Building completion work", 2),
    ("45440000", "3", "Painting and glazing work", 3),
    ("45442000", "7", "Application work of protective coatings", 4),
    ("45442100", "8", "Painting work", 5),
    ("48000000", "8", "Software package and information systems", 1),
    ("50000000", "5", "Repair and maintenance services", 1),
    ("50700000", "2", "Repair and maintenance services of building installations", 2),
    (
        "50710000",
        "5",
        "Repair and maintenance services of electrical and mechanical building installations",
        3,
    ),
    ("55000000", "0", "Hotel, restaurant and retail trade services", 1),
    ("55300000", "3", "Restaurant and food-serving services", 2),
    ("55320000", "9", "Meal-serving services", 3),
    ("55500000", "5", "Canteen and catering services", 2),
    ("55520000", "1", "Catering services", 3),
    ("60000000", "8", "Transport services (excl. Waste transport)", 1),
    ("60100000", "9", "Road transport services", 2),
    ("66000000", "0", "Financial and insurance services", 1),
    ("66500000", "5", "Insurance and pension services", 2),
    ("66510000", "8", "Insurance services", 3),
    ("71000000", "8", "Architectural, construction, engineering and inspection services", 1),
    ("71300000", "1", "Engineering services", 2),
    ("71310000", "4", "Consultative engineering and construction services", 3),
    ("71314000", "2", "Energy and related services", 4),
    ("71314300", "5", "Energy-efficiency consultancy services", 5),
    ("72000000", "5", "IT services: consulting, software development, Internet and support", 1),
    ("72200000", "7", "Software programming and consultancy services", 2),
    ("72210000", "0", "Programming services of packaged software products", 3),
    ("72212000", "4", "Programming services of application software", 4),
    ("72400000", "4", "Internet services", 2),
    (
        "77000000",
        "0",
        "Agricultural, forestry, horticultural, aquacultural and apicultural services",
        1,
    ),
    ("77300000", "3", "Horticultural services", 2),
    ("77310000", "6", "Planting and maintenance services of green areas", 3),
    (
        "79000000",
        "4",
        "Business services: law, marketing, consulting, recruitment, printing and security",
        1,
    ),
    ("79800000", "2", "Printing and related services", 2),
    ("79810000", "5", "Printing services", 3),
    ("80000000", "4", "Education and training services", 1),
    ("80500000", "9", "Training services", 2),
    ("80530000", "8", "Vocational training services", 3),
    ("85000000", "9", "Health and social work services", 1),
    ("85300000", "2", "Social work and related services", 2),
    ("85310000", "5", "Social work services", 3),
    ("90000000", "7", "Sewage, refuse, cleaning and environmental services", 1),
    ("90900000", "6", "Cleaning and sanitation services", 2),
    ("90910000", "9", "Cleaning services", 3),
    ("90911000", "6", "Accommodation, building and window cleaning services", 4),
    ("90919000", "2", "Office, school and office equipment cleaning services", 4),
    ("90919200", "4", "Office cleaning services", 5),
]


def cpv_ensure() -> dict[str, CpvCode]:
    """The CPV rows the demo (and the supply tests) use, created where missing."""
    from altlep.supply import cpv

    rows: dict[str, CpvCode] = {}
    for code, check, label, level in CPV_CODES:  # parents come first in the list
        stem = cpv.stem(code)
        parents = [c for c in rows if stem.startswith(cpv.stem(c)) and c != code]
        parent = rows[max(parents, key=lambda c: len(cpv.stem(c)))] if parents else None
        rows[code], _ = CpvCode.objects.get_or_create(
            code=code,
            defaults={"check_digit": check, "label": label, "level": level, "parent": parent},
        )
    return rows


# What the demo's organisations offer, by the start of their SIC 2007 code (longest first).
CPV_BY_SIC = [
    ("43210", ["45310000", "50710000"]),
    ("43220", ["45330000", "45332000"]),
    ("43320", ["45400000"]),
    ("43341", ["45442100", "45440000"]),
    ("43910", ["45261900"]),
    ("81210", ["90910000", "90919200"]),
    ("81100", ["90910000", "90911000"]),
    ("81300", ["77310000"]),
    ("01", ["77310000"]),
    ("10", ["15811000", "15810000"]),
    ("11", ["15000000"]),
    ("18", ["79810000"]),
    ("23", ["39000000"]),
    ("31", ["39100000"]),
    ("35", ["09310000"]),
    ("41", ["45200000"]),
    ("42", ["45200000"]),
    ("45", ["50000000"]),
    ("49", ["60100000"]),
    ("56", ["55520000", "55320000"]),
    ("62", ["72212000", "72200000"]),
    ("63", ["72400000"]),
    ("69", ["79000000"]),
    ("70", ["79000000"]),
    ("71", ["71314300", "71310000"]),
    ("73", ["79000000"]),
    ("74", ["79000000"]),
    ("85", ["80530000", "80500000"]),
    ("86", ["85310000"]),
    ("87", ["85310000"]),
    ("88", ["85310000"]),
    ("95", ["50000000"]),
]
CAPACITY_POUNDS = {"micro": 60_000, "small": 300_000, "medium": 1_500_000}
LOT_NEEDS = ["45310000", "45330000", "45442100", "55520000"]
OPPORTUNITY_TITLE = "Community centre kitchens: refit and run"
BUYER = "Calderdale Council"
CONSORTIUM_NAME = "Calder Valley Kitchens Consortium"
GROUP_TITLE = "Renewable electricity for workshops and kitchens"
SCENARIO_PERCENT = 25


def _codes_for(sic: str) -> list[str]:
    for prefix, codes in CPV_BY_SIC:
        if sic.startswith(prefix):
            return codes
    return []


def _owner_manager(org: Organisation) -> User | None:
    found = Affiliation.objects.filter(organisation=org, role=Role.OWNER_MANAGER).first()
    return found.member if found else None


def _speaker(org: Organisation) -> User | None:
    """Whoever speaks for the organisation: its owner-manager, officer or trustee."""
    found = (
        Affiliation.objects.filter(organisation=org, role__in=MANAGING_ROLES)
        .order_by("role", "pk")
        .first()
    )
    return found.member if found else None


def _bakery(owner: User) -> int:
    """The owner-manager demo account lists the bakery's services itself."""
    bakery = Organisation.objects.get(name=OWNER_BUSINESS.name)
    if SupplierProfile.objects.filter(organisation=bakery).exists():
        return 0
    profiles.supplier_profile_save(
        actor=owner,
        organisation=bakery,
        cpv_codes=["15811000", "15810000", "55520000"],
        capabilities="Bread, cakes and pastries baked daily in Hebden Bridge; catering for "
        "meetings and events, and running community cafés.",
        serves_radius_km=30,
        max_contract_pence=40_000_00,
        lead_time_days=2,
        years_trading=9,
        certifications=["Food Hygiene Rating 5", "Living Wage employer"],
        insurance=[{"kind": "public liability", "cover_pence": 2_000_000_00}],
    )
    return 1


def _profiles(officer, rng: random.Random) -> int:
    added = _bakery(_owner_manager(Organisation.objects.get(name=OWNER_BUSINESS.name)))
    firms = Organisation.objects.filter(district_code__in=area.DISTRICTS).exclude(sector="public")
    for org in firms.order_by("name"):
        codes = _codes_for((org.sic_codes or [""])[0])
        if not codes or SupplierProfile.objects.filter(organisation=org).exists():
            continue
        capacity = CAPACITY_POUNDS.get(org.size_band)
        profiles.supplier_profile_save(
            actor=officer,
            organisation=org,
            cpv_codes=codes,
            capabilities=f"{org.description or org.name}. "
            + "; ".join(CpvCode.objects.get(code=c).label for c in codes)
            + ".",
            serves_radius_km=25 if org.size_band == "micro" else 60,
            max_contract_pence=capacity * 100 if capacity else None,
            lead_time_days=rng.choice([3, 5, 7, 10, 14]),
            years_trading=rng.randint(1, 18),
            certifications=rng.sample(
                [
                    "ISO 9001",
                    "Constructionline Gold",
                    "SafeContractor",
                    "Living Wage employer",
                    "Food Hygiene Rating 5",
                ],
                k=1,
            ),
            insurance=[
                {
                    "kind": "public liability",
                    "cover_pence": rng.choice([1_000_000, 2_000_000, 5_000_000]) * 100,
                }
            ],
            welcomes_consortia=org.size_band in {"micro", "small"} or rng.random() < 0.3,
        )
        added += 1
    return added


def _first_with(sic_prefix: str, *, exclude=()) -> Organisation | None:
    for org in Organisation.objects.filter(
        district_code__in=area.DISTRICTS, size_band="micro", supplier_profile__isnull=False
    ).order_by("name"):
        if (org.sic_codes or [""])[0].startswith(sic_prefix) and org not in exclude:
            if _owner_manager(org) is not None:
                return org
    return None


def _day(days: int) -> datetime.datetime:
    return (timezone.now() + datetime.timedelta(days=days)).replace(
        hour=12, minute=0, second=0, microsecond=0
    )


def _kitchens_lot(officer) -> Lot:
    """Calderdale Council's lot that the demo consortium bids for, published through the
    procurement services like any buyer's (so it has its terms and passes the check)."""
    existing = Lot.objects.filter(opportunity__title=OPPORTUNITY_TITLE, number=1).first()
    if existing is not None:
        return existing
    buyer = Organisation.objects.get(name=BUYER)
    buyer_officer_user = buyer_officer(buyer, officer)
    start = (timezone.now() + datetime.timedelta(days=100)).date()
    opportunity = opportunity_draft(
        actor=buyer_officer_user,
        buyer=buyer,
        title=OPPORTUNITY_TITLE,
        description="Refit the kitchens of community centres and run a daily community café "
        "in each for two years. Split into lots so that local firms can bid.",
        cpv_codes=LOT_NEEDS,
        estimated_value_pence=180_000_00,
        minimum_turnover_pence=60_000_00,  # twice the smaller lot's yearly value (s.22 check)
        minimum_years_trading=2,
        insurance_requirements=[
            {"kind": "public liability", "cover_pence": 2_000_000_00, "when": "award"},
            {"kind": "employer's liability", "cover_pence": 5_000_000_00, "when": "award"},
        ],
        consortia_welcome=True,
        procedure="below_threshold",
        below_threshold_notice_reference="Find a Tender BT-2026-000517 (demo)",
        clarification_deadline=_day(20),
        tender_deadline=_day(30),
        award_on=_day(50).date(),
        contract_start=start,
        contract_end=start + datetime.timedelta(days=730),
        weight_price=40,
        weight_quality=40,
        weight_social_value=20,
    )
    lots = [
        lot_add(
            actor=buyer_officer_user,
            opportunity=opportunity,
            title=title,
            value_pence=value,
            cpv_codes=LOT_NEEDS,
            delivery_postcode=postcode,
        )
        for title, value, postcode in (
            ("Kitchen refit and café, Hebden Bridge and Todmorden", 120_000_00, "HX7 8AD"),
            ("Kitchen refit and café, Halifax", 60_000_00, "HX1 1UJ"),
        )
    ]
    opportunity_publish(actor=buyer_officer_user, opportunity=opportunity)
    return lots[0]


def _consortium(officer) -> Consortium | None:
    if Consortium.objects.filter(name=CONSORTIUM_NAME).exists():
        return None
    lot = _kitchens_lot(officer)
    bakery = Organisation.objects.get(name=OWNER_BUSINESS.name)
    owner = _owner_manager(bakery)
    consortium = consortia.consortium_create(
        actor=owner,
        lot=lot,
        lead=bakery,
        name=CONSORTIUM_NAME,
        role="Runs the cafés and the catering",
        work_share_percent=40,
    )
    plan = [
        ("43210", "Electrical work in the kitchens", 20, True),
        ("43220", "Plumbing and drainage", 20, True),
        ("43341", "Decorating", 10, False),
    ]
    for sic, role, share, accepts in plan:
        org = _first_with(sic, exclude=[bakery])
        if org is None:
            continue
        place = consortia.consortium_invite(
            actor=owner,
            consortium=consortium,
            organisation=org,
            role=role,
            work_share_percent=share,
        )
        if accepts:
            consortia.consortium_respond(actor=_owner_manager(org), place=place, accept=True)
    return consortium


def _leaking_category(body: AnchorBody) -> str | None:
    from altlep.evidence.selectors import analysis_for
    from altlep.supply import alternatives

    analysis = analysis_for(body=body)
    if analysis is None:
        return None
    leakage = analysis.result.get("leakage", [])
    for entry in leakage:  # the largest leaking category that local firms could serve
        if "cleaning" in entry["category"].lower():
            return entry["category"]
    found = [e for e in leakage if alternatives.divisions_for(e["category"])]
    return found[0]["category"] if found else None


def _scenario(officer) -> Scenario | None:
    body = AnchorBody.objects.filter(name=f"{KIRKLEES_COUNCIL} (demo data)").first()
    if body is None or Scenario.objects.filter(body=body).exists():
        return None
    category = _leaking_category(body)
    if category is None:
        return None
    scenario = scenarios.scenario_save(
        actor=officer,
        body=body,
        category=category,
        percent=SCENARIO_PERCENT,
        note="A quarter of this category, re-let in small lots to the local firms listed.",
    )
    return scenarios.scenario_publish(actor=officer, scenario=scenario)


def _buying_group(rng: random.Random) -> None:
    if BuyingGroup.objects.filter(title=GROUP_TITLE).exists():
        return
    bakery = Organisation.objects.get(name=OWNER_BUSINESS.name)
    group = groups.buying_group_propose(
        actor=_owner_manager(bakery),
        title=GROUP_TITLE,
        kind="energy",
        description="A two-year 100% renewable electricity tariff for members' premises, "
        "bought together through a broker the group chooses. Pledge your yearly use.",
        unit="MWh a year",
        threshold_quantity=250,
        price_alone_pence=310_00,
        price_together_pence=255_00,
    )
    firms = Organisation.objects.filter(
        district_code__in=area.DISTRICTS, size_band="micro", sector__in=["private", "social"]
    ).order_by("name")
    pledgers = [bakery] + [o for o in firms if o != bakery and _owner_manager(o)][:7]
    for org in pledgers:
        groups.buying_group_pledge(
            actor=_owner_manager(org), group=group, organisation=org, quantity=rng.randint(12, 40)
        )


def _resources(rng: random.Random) -> None:
    if SharedResource.objects.exists():
        return
    plan = [
        ("49420", "Luton van with tail lift", "van", "Weekdays 7am–6pm", 1_200),
        ("31", "Joinery workshop bench time", "workshop", "Saturdays", 1_500),
        ("88", "Community room for 20 people", "room", "Weekday evenings", 0),
        ("81300", "Ride-on mower and trailer", "equipment", "Mondays and Tuesdays", 900),
    ]
    borrowers = [
        o
        for o in Organisation.objects.filter(
            district_code__in=area.DISTRICTS, size_band__in=["micro", "small"]
        )
        .exclude(sector="public")
        .order_by("name")
        if _speaker(o)
    ]
    start = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    for n, (sic, name, kind, when, price) in enumerate(plan):
        owner = next((o for o in borrowers if (o.sic_codes or [""])[0].startswith(sic)), None)
        if owner is None:
            continue
        resource = resources.resource_share(
            actor=_speaker(owner),
            owner=owner,
            name=name,
            kind=kind,
            description=f"Shared by {owner.name} with the partnership's members.",
            availability=when,
            price_per_hour_pence=price,
        )
        for k in range(2):
            borrower = rng.choice([b for b in borrowers if b != owner])
            begins = start + datetime.timedelta(days=2 + 3 * k + n, hours=k)
            resources.booking_make(
                actor=_speaker(borrower),
                resource=resource,
                borrower=borrower,
                starts_at=begins,
                ends_at=begins + datetime.timedelta(hours=3 + k),
            )


def demo_supply(*, officer) -> int:
    """Directory entries, a consortium, a saved scenario, a buying group and shared resources;
    idempotent. Returns how many directory entries were added."""
    rng = random.Random("supply-2026")
    cpv_ensure()
    added = _profiles(officer, rng)
    _consortium(officer)
    _scenario(officer)
    _buying_group(rng)
    _resources(rng)
    return added
