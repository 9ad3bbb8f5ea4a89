"""The demo's organisations: micro-enterprises, SMEs, social enterprises and the area's anchor
institutions, each named after a place and given a real postcode in that place's district;
plus firms outside the area that anchors also buy from.

The anchor institutions are the area's real councils, an NHS trust and two colleges (their
real postcodes); every other organisation is invented, and any likeness to a real one is chance.
"""

import random
from dataclasses import dataclass

from altlep.demo import area, people
from altlep.demo.area import Place, place
from altlep.geo.postcodes import postcodes_in_districts
from altlep.members import services
from altlep.members.models import Organisation, Role

# Companies House has issued numbers up to about 16 million and LLP numbers up to about
# OC450000, and charity numbers are below 1,300,000, so these demo numbers point at nobody real.
DEMO_COMPANY_NUMBERS = (99_000_000, 99_999_999)
DEMO_LLP_NUMBERS = (990_000, 999_999)
DEMO_CHARITY_NUMBERS = (1_900_000, 1_999_999)

# Local micro-enterprises are spread over the districts as West Yorkshire's enterprises are
# (ONS UK Business Counts, March 2022: Leeds 30,210, Bradford 16,605, Kirklees 15,360,
# Wakefield 9,985, Calderdale 8,420), fixed here so the demo is the same with or without the
# shared data.
DISTRICT_WEIGHTS = {
    area.LEEDS: 30_210,
    area.BRADFORD: 16_605,
    area.KIRKLEES: 15_360,
    area.WAKEFIELD: 9_985,
    area.CALDERDALE: 8_420,
}


@dataclass(frozen=True)
class PlannedOrganisation:
    name: str
    legal_form: str
    sic: str
    band: str
    place: Place
    postcode: str = ""  # a known address; otherwise a postcode of the place is drawn
    lead_role: str = ""  # the first affiliated member's role; by legal form when empty
    staff_role: str = Role.EMPLOYEE


# The owner-manager demo account's business (a micro-enterprise, like most members').
OWNER_BUSINESS = PlannedOrganisation(
    "Hebden Bridge Bakery Ltd", "ltd", "10710", "micro", place("Hebden Bridge")
)
KIRKLEES_COUNCIL = "Kirklees Council"
NHS_TRUST = "Mid Yorkshire Teaching NHS Trust"
# The area's anchor institutions at their real postcodes: councils (a councillor and a member
# of staff affiliated), a hospital trust and colleges (staff only).
ANCHORS = [
    ("City of Bradford Metropolitan District Council", "Bradford", "BD1 1HY", Role.COUNCILLOR),
    ("Calderdale Council", "Calderdale", "HX1 1UJ", Role.COUNCILLOR),
    (KIRKLEES_COUNCIL, "Kirklees", "HD1 2TA", Role.COUNCILLOR),
    ("Leeds City Council", "Leeds", "LS1 1UR", Role.COUNCILLOR),
    ("Wakefield Council", "Wakefield", "WF1 2EB", Role.COUNCILLOR),
    (NHS_TRUST, "Wakefield", "WF1 4DG", Role.EMPLOYEE),
    ("Kirklees College", "Kirklees", "HD1 3LD", Role.EMPLOYEE),
    ("Calderdale College", "Calderdale", "HX1 3UZ", Role.EMPLOYEE),
]
ANCHOR_SIC = {NHS_TRUST: "86101", "Kirklees College": "85410", "Calderdale College": "85410"}
# Larger firms outside the area that win much of the anchors' spend (invented names).
NATIONAL_FIRMS = [
    ("Northern Supplies Group plc", "46900", "Manchester"),
    ("Pennine Facilities Ltd", "81100", "Manchester"),
    ("Nationwide Facilities Group Ltd", "81210", "the City"),
    ("Capital Consulting Partners LLP", "70229", "the City"),
    ("Metro IT Solutions Ltd", "62020", "the City"),
    ("Southern Print Services Ltd", "18129", "the City"),
    ("Sheffield Care Homes Ltd", "87100", "Sheffield"),
    ("York Highways Contracting Ltd", "42110", "York"),
]


def _local_place(rng: random.Random) -> Place:
    district = rng.choices(list(DISTRICT_WEIGHTS), weights=list(DISTRICT_WEIGHTS.values()))[0]
    return rng.choice([p for p in area.LOCAL_PLACES if p.district == district])


def plan_organisations(rng: random.Random) -> list[PlannedOrganisation]:
    """Decide every organisation up front so the plan is the same on every run."""
    plan = [OWNER_BUSINESS]
    names = {OWNER_BUSINESS.name}

    def add(trade: str, suffix: str, legal_form: str, sic: str, band: str, where: Place) -> None:
        name, n = f"{where.name} {trade}", 2
        while name + suffix in names:
            name, n = f"{where.name} {trade} {n}", n + 1
        names.add(name + suffix)
        plan.append(PlannedOrganisation(name + suffix, legal_form, sic, band, where))

    for _ in range(85):
        trade, code = rng.choice(people.MICRO_TRADES)
        form = rng.choices(["ltd", "sole_trader", "partnership", "llp"], weights=[12, 5, 2, 1])[0]
        add(
            trade,
            {"ltd": " Ltd", "llp": " LLP"}.get(form, ""),
            form,
            code,
            "micro",
            _local_place(rng),
        )
    for _ in range(14):
        trade, code = rng.choice(people.SMALL_TRADES)
        where = rng.choice(area.OUTSIDE_PLACES) if rng.random() < 0.3 else _local_place(rng)
        add(trade, " Ltd", "ltd", code, "small", where)
    for trade, code in people.MEDIUM_TRADES:
        where = rng.choice(area.OUTSIDE_PLACES) if rng.random() < 0.4 else _local_place(rng)
        add(trade, " Ltd", "ltd", code, "medium", where)
    for trade, code, form in people.SOCIAL_ENTERPRISES:
        add(trade, "", form, code, "micro", _local_place(rng))
    for name, where, postcode, lead in ANCHORS:
        plan.append(
            PlannedOrganisation(
                name, "public", ANCHOR_SIC.get(name, "84110"), "large", place(where), postcode, lead
            )
        )
    for name, code, where in NATIONAL_FIRMS:
        form = "llp" if name.endswith("LLP") else "ltd"
        plan.append(PlannedOrganisation(name, form, code, "large", place(where)))
    return plan


class PostcodeBook:
    """Real postcodes of each place: those of its outward codes that lie in its district."""

    def __init__(self) -> None:
        self._by_district: dict[str, list[str]] = {}

    def of(self, where: Place) -> list[str]:
        if where.district not in self._by_district:
            areas = {
                code.rstrip("0123456789")
                for p in area.PLACES
                if p.district == where.district
                for code in p.outward
            }
            self._by_district[where.district] = postcodes_in_districts(
                {where.district}, sorted(areas)
            )
        found = [pc for pc in self._by_district[where.district] if pc.split()[0] in where.outward]
        if not found:
            raise ValueError(f"no postcode of {where.name} in the postcode directory")
        return found


# Ranges of (employees, turnover £, balance sheet £) for each intended band.
_FIGURES = {
    "micro": ((0, 9), (15_000, 900_000), (2_000, 400_000)),
    "small": ((11, 48), (1_200_000, 12_000_000), (600_000, 6_000_000)),
    "medium": ((55, 240), (16_000_000, 50_000_000), (8_000_000, 25_000_000)),
    "large": ((300, 6_000), (60_000_000, 900_000_000), (30_000_000, 600_000_000)),
}
_LEAD_ROLE = {"public": Role.COUNCILLOR, "charity": Role.TRUSTEE, "cio": Role.TRUSTEE}


def _numbers(item: PlannedOrganisation, rng: random.Random) -> dict[str, str]:
    numbers = {"company_number": "", "charity_number": "", "society_number": ""}
    if item.legal_form in {"ltd", "cic"}:
        numbers["company_number"] = str(rng.randint(*DEMO_COMPANY_NUMBERS))
    elif item.legal_form == "llp":
        numbers["company_number"] = f"OC{rng.randint(*DEMO_LLP_NUMBERS)}"
    elif item.legal_form in {"charity", "cio"}:
        numbers["charity_number"] = str(rng.randint(*DEMO_CHARITY_NUMBERS))
    elif item.legal_form in {"coop", "bencom"}:
        numbers["society_number"] = f"{rng.randint(990_000, 999_999)}R"
    return numbers


def organisation_ensure(
    *, officer, item: PlannedOrganisation, postcode: str, people_for: list, rng: random.Random
) -> bool:
    """Create one planned organisation with two affiliated members; False if it exists.

    The random draws happen either way, so a second run makes the same choices as the first.
    """
    (e_lo, e_hi), (t_lo, t_hi), (b_lo, b_hi) = _FIGURES[item.band]
    employees = rng.randint(e_lo, e_hi)
    turnover = rng.randint(t_lo, t_hi) * 100
    balance = rng.randint(b_lo, b_hi) * 100
    finances_known = rng.random() < 0.7  # many micro-enterprises share only their headcount
    numbers = _numbers(item, rng)
    if Organisation.objects.filter(name=item.name).exists():
        return False
    organisation = services.organisation_create(
        actor=officer,
        details=services.OrganisationDetails(
            name=item.name,
            legal_form=item.legal_form,
            postcode=postcode,
            description=f"{item.name}: based in {item.place.name} ({postcode.split()[0]}).",
            sic_codes=[item.sic],
            employees=employees,
            turnover_pence=turnover if finances_known else None,
            balance_sheet_pence=balance if finances_known else None,
            **numbers,
        ),
        role=None,
    )
    lead = item.lead_role or _LEAD_ROLE.get(item.legal_form, Role.OWNER_MANAGER)
    if people_for:
        services.affiliation_add(
            actor=officer, member=people_for[0], organisation=organisation, role=lead
        )
        services.affiliation_add(
            actor=officer, member=people_for[1], organisation=organisation, role=item.staff_role
        )
    return True
