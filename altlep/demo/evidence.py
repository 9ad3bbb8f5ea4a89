"""Demo money flows, of two kinds that are never mixed up.

Demo data: Kirklees Council and Mid Yorkshire Teaching NHS Trust, anchor institutions of the
area, pay the demo's own organisations (found by company number, or by charity number and
postcode), firms elsewhere in and around West Yorkshire, national firms, other public bodies and
people whose names are withheld. The file is generated here with a fixed seed, stored as
synthetic and labelled so on every page.

Real data: where the shared public data (ALTLEP_SHARED_DATA, else ../shared/data) holds a West
Yorkshire council's published spend, that file is analysed as published: its suppliers resolve
only as far as the file itself and any loaded company register allow.
"""

import csv
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from altlep.demo import area
from altlep.demo.figures import shared_data_dir
from altlep.demo.organisations import KIRKLEES_COUNCIL, NHS_TRUST
from altlep.evidence import services
from altlep.evidence.models import AnchorBody, UploadStatus
from altlep.evidence.store import uploads_dir
from altlep.members.models import Affiliation, Organisation, Role

SEED = 2026
MONTHS = ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"]


@dataclass(frozen=True)
class DemoBody:
    name: str
    organisation: str
    kind: str
    home: tuple[str, ...]
    file_name: str
    economy_pounds: int
    # Shares of the spend with firms and charities: its own districts, the rest of West
    # Yorkshire, the rest of the former Leeds City Region, further away, and not locatable.
    shares: tuple[float, float, float, float, float]
    departments: tuple[str, ...]


DEMO_BODIES = [
    DemoBody(
        f"{KIRKLEES_COUNCIL} (demo data)",
        KIRKLEES_COUNCIL,
        "council",
        (area.KIRKLEES,),
        "kirklees_council_demo_spend_2026.csv",
        9_000_000,
        (0.31, 0.16, 0.06, 0.43, 0.04),
        ("Adults and Health", "Children and Families", "Place", "Corporate Resources"),
    ),
    DemoBody(
        f"{NHS_TRUST} (demo data)",
        NHS_TRUST,
        "nhs_trust",
        (area.WAKEFIELD, area.KIRKLEES),
        "mid_yorkshire_nhs_demo_spend_2026.csv",
        6_000_000,
        (0.22, 0.12, 0.08, 0.54, 0.04),
        ("Estates and Facilities", "Clinical Support", "Community Services", "Corporate"),
    ),
]


@dataclass(frozen=True)
class RealBody:
    name: str
    district: str
    file: tuple[str, ...]


# West Yorkshire councils whose published spend the shared data holds (one file each).
REAL_BODIES = [
    RealBody(
        "City of Bradford Metropolitan District Council",
        area.BRADFORD,
        ("raw", "council_spend_odileeds", "bradford_2019-12_clean.csv"),
    ),
    RealBody(
        "Calderdale Council",
        area.CALDERDALE,
        ("raw", "council_spend_odileeds", "calderdale_clean_2022-08.csv"),
    ),
    RealBody(
        "Leeds City Council", area.LEEDS, ("raw", "council_spend_odileeds", "leeds_raw_2020-06.csv")
    ),
    RealBody(
        "Wakefield Council",
        area.WAKEFIELD,
        ("raw", "council_spend_odileeds", "wakefield_clean_2021-Q4.csv"),
    ),
]

# What a council's procurement category would call the work, by SIC 2007 division.
CATEGORY_BY_DIVISION = {
    "01": "Grounds and growing",
    "10": "Catering and food",
    "11": "Catering and food",
    "56": "Catering and food",
    "47": "Supplies and equipment",
    "46": "Supplies and equipment",
    "13": "Supplies and equipment",
    "17": "Supplies and equipment",
    "23": "Supplies and equipment",
    "25": "Supplies and equipment",
    "28": "Supplies and equipment",
    "31": "Supplies and equipment",
    "18": "Printing and signs",
    "41": "Building works and repairs",
    "42": "Highways",
    "43": "Building works and repairs",
    "62": "IT and digital",
    "63": "IT and digital",
    "69": "Professional services",
    "70": "Professional services",
    "71": "Professional services",
    "73": "Professional services",
    "74": "Professional services",
    "81": "Cleaning and facilities",
    "86": "Care and health services",
    "87": "Care and health services",
    "88": "Care and health services",
    "49": "Transport",
    "45": "Transport",
    "85": "Training",
    "90": "Culture and events",
    "95": "Repairs and maintenance",
    "96": "Repairs and maintenance",
    "35": "Energy",
    "64": "Financial services",
}
# Suppliers a file names with nothing else to go on (no number, no postcode).
UNLOCATED = [
    ("J Smith Plumbing & Heating", "43220"),
    ("A1 Taxis", "49320"),
    ("Premier Tyres", "45200"),
    ("K & S Catering", "56210"),
    ("Hillside Tutors", "85590"),
    ("M Ali Decorating", "43341"),
]
# In capitals, as councils' finance systems often print them.
OTHER_PUBLIC_BODIES = [
    "WEST YORKSHIRE COMBINED AUTHORITY",
    "WEST YORKSHIRE FIRE AND RESCUE AUTHORITY",
    "HM REVENUE & CUSTOMS",
]
# Pounds per payment line by size band (low, high).
AMOUNTS = {
    "micro": (150, 6_000),
    "small": (800, 40_000),
    "medium": (4_000, 120_000),
    "large": (8_000, 400_000),
    "unknown": (100, 5_000),
}


def real_spend_files() -> list[tuple[RealBody, Path]]:
    """The real council files present in the shared data (none without it)."""
    root = shared_data_dir()
    found = [(real, root.joinpath(*real.file)) for real in REAL_BODIES] if root else []
    return [(real, path) for real, path in found if path.is_file()]


@dataclass(frozen=True)
class _Payee:
    name: str
    company_number: str
    charity_number: str
    postcode: str
    band: str
    category: str


def _payee(org: Organisation) -> _Payee:
    sic = (org.sic_codes or ["00000"])[0]
    has_number = bool(org.company_number or org.charity_number)
    return _Payee(
        org.name,
        org.company_number,
        org.charity_number,
        # A file gives a postcode only for payees it cannot name by a register number.
        "" if org.company_number else org.postcode,
        org.size_band if has_number else "unknown",
        CATEGORY_BY_DIVISION.get(sic[:2], "Other services"),
    )


def _groups(body: DemoBody) -> list[list[_Payee]]:
    """Payees in the order of `DemoBody.shares`."""
    firms = Organisation.objects.exclude(sector="public").order_by("name")
    home, region, beyond = set(body.home), set(area.REGION), set(area.BEYOND)
    rest = set(area.DISTRICTS) - home
    pick = [[_payee(o) for o in firms if o.district_code in codes] for codes in (home, rest)]
    pick += [[_payee(o) for o in firms if o.district_code in codes] for codes in (region, beyond)]
    pick.append(
        [
            _Payee(name, "", "", "", "unknown", CATEGORY_BY_DIVISION[sic[:2]])
            for name, sic in UNLOCATED
        ]
    )
    return pick


def synthetic_spend_file(body: DemoBody, target: Path) -> Path:
    """A seeded spend file for one demo anchor, spending about `economy_pounds` with firms and
    charities in the proportions of `body.shares`, plus other public bodies and withheld names."""
    rng = random.Random(f"{SEED}-{body.name}")
    lines: list[list[str]] = []

    def pay(name: str, number: str, charity: str, postcode: str, pounds: float, category: str):
        month = rng.choice(MONTHS)
        lines.append(
            [
                f"{month}-{rng.randrange(1, 29):02d}",
                name,
                number,
                charity,
                postcode,
                f"{pounds:.2f}",
                category,
                rng.choice(body.departments),
                f"DEMO{len(lines) + 1:06d}",
            ]
        )

    for share, payees in zip(body.shares, _groups(body), strict=True):
        budget = body.economy_pounds * share
        # Larger firms win more of the lines, as they do in real anchors' spend.
        weights = [{"micro": 3, "small": 3, "medium": 2, "large": 4}.get(p.band, 2) for p in payees]
        while budget > 0 and payees:
            payee = rng.choices(payees, weights=weights)[0]
            low, high = AMOUNTS[payee.band]
            pounds = min(budget, rng.uniform(low, high))
            budget -= pounds
            pay(
                payee.name,
                payee.company_number,
                payee.charity_number,
                payee.postcode,
                pounds,
                payee.category,
            )
    for _ in range(24):
        public = rng.choice(OTHER_PUBLIC_BODIES)
        pay(public, "", "", "", rng.uniform(5_000, 60_000), "Contributions to other bodies")
    for _ in range(40):  # care and fostering payments to people, whose names are withheld
        pay("REDACTED - personal data", "", "", "", rng.uniform(200, 3_000), "Care payments")
    for _ in range(6):  # refunds from suppliers
        line = rng.choice(lines[:-64])
        pay(line[1], line[2], line[3], line[4], -float(line[5]) / 4, line[6])
    for _ in range(2):  # invoices published before their amount was known, as councils do
        line = list(rng.choice(lines[:-64]))
        line[5], line[-1] = "TBC", f"DEMO{len(lines) + 1:06d}"
        lines.append(line)
    lines.sort(key=lambda row: (row[0], row[-1]))
    total = sum(float(row[5]) for row in lines if row[5] != "TBC")
    # A published file's footer: the reader skips it and lists the lines it skipped.
    lines += [["Total", "", "", "", "", f"{total:.2f}", "", "", ""], ["Demo data, not real spend"]]
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Payment Date",
                "Supplier Name",
                "Company Number",
                "Charity Number",
                "Supplier Postcode",
                "Amount",
                "Expense Type",
                "Service Area",
                "Transaction Number",
            ]
        )
        writer.writerows(lines)
    return target


def _body(officer, *, name: str, kind: str, organisation: str, home: Sequence[str]) -> AnchorBody:
    body = AnchorBody.objects.filter(name=name).first()
    if body is None:
        region = (set(area.DISTRICTS) | set(area.REGION)) - set(home)
        body = services.anchor_body_create(
            actor=officer,
            name=name,
            kind=kind,
            organisation=Organisation.objects.filter(name=organisation).first(),
            home_codes=list(home),
            region_codes=sorted(region),
        )
    return body


def _analysed(body: AnchorBody) -> bool:
    return body.uploads.filter(status=UploadStatus.DONE).exists()


def _surveys(officer, body: AnchorBody, spend: Path) -> None:
    """Six of the body's local suppliers answer the LM3 survey (how much they re-spend
    locally), each entered by the member who runs it."""
    income: dict[str, float] = {}
    with spend.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            try:  # the footer and the rows awaiting an amount are not income
                pounds = float(row["Amount"] or "")
            except (TypeError, ValueError):
                continue
            income[row["Supplier Name"]] = income.get(row["Supplier Name"], 0) + pounds
    local = Organisation.objects.filter(
        district_code__in=body.home_codes, size_band__in=["micro", "small"], sector="private"
    ).order_by("name")
    answering = [o for o in local if income.get(o.name, 0) > 0][:6]
    rng = random.Random(f"{SEED}-survey-{body.name}")
    for org in answering:
        lead = Affiliation.objects.filter(organisation=org, role=Role.OWNER_MANAGER).first()
        services.supplier_survey_submit(
            actor=lead.member if lead else officer,
            body=body,
            supplier_name=org.name,
            income_pence=int(income[org.name] * 100),
            local_supplier_percent=rng.randint(25, 60),
            local_wage_percent=rng.randint(70, 95),
            wage_percent_of_costs=rng.randint(30, 55),
        )


def demo_evidence(*, officer) -> bool:
    """Analyse the demo anchors' generated spend and any real council files, once each;
    returns whether anything was added."""
    added = False
    for demo in DEMO_BODIES:
        body = _body(
            officer, name=demo.name, kind=demo.kind, organisation=demo.organisation, home=demo.home
        )
        if _analysed(body):
            continue
        spend = synthetic_spend_file(demo, uploads_dir() / "demo" / demo.file_name)
        services.spend_upload_create(
            actor=officer, body=body, spend_file=spend, synthetic=True, background=False
        )
        if not body.surveys.exists():
            _surveys(officer, body, spend)
        added = True
    for real, path in real_spend_files():
        body = _body(
            officer, name=real.name, kind="council", organisation=real.name, home=[real.district]
        )
        if _analysed(body):
            continue
        services.spend_upload_create(actor=officer, body=body, spend_file=path, background=False)
        added = True
    return added
