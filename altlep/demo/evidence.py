"""Demo money flows: one real council's published spend analysed, or, where the shared public
data is absent, a synthetic file generated here and labelled "synthetic" wherever it shows."""

import csv
import os
import random
from pathlib import Path

from altlep.core.models import Partnership
from altlep.core.postcodes import postcodes_in_districts
from altlep.demo import area
from altlep.evidence import services
from altlep.evidence.models import AnchorBody, UploadStatus
from altlep.evidence.store import open_store, uploads_dir
from altlep.flows.register import Company
from altlep.members.models import Organisation

REAL_FILE = ("raw", "council_spend_odileeds", "calderdale_clean_2022-08.csv")
CALDERDALE = "E08000033"
WEST_YORKSHIRE_OTHERS = ["E08000032", "E08000034", "E08000035", "E08000036"]
REAL_BODY = "Calderdale Council"
SYNTHETIC_BODY = "Demo Borough Council (synthetic)"
SEED = 2026
CATEGORIES = [
    "Building maintenance",
    "Catering",
    "Cleaning",
    "Consultancy",
    "IT services",
    "Printing",
    "Social care",
    "Transport",
]
# Fictional national firms, with a SIC code each so the dashboard can show which local
# micro-enterprises do the same kind of work.
NATIONAL_SUPPLIERS = [
    ("Nationwide Facilities Group", "SW1A 1AA", "SY000001", "81210"),
    ("Capital Consulting Partners", "EC1A 1BB", "SY000002", "70229"),
    ("Southern Print Services", "SW1A 2AA", "SY000003", "18129"),
    ("Metro IT Solutions", "EC2V 7HH", "SY000004", "62020"),
]


def shared_data_dir() -> Path | None:
    """ALTLEP_SHARED_DATA, else ../shared/data beside the repository, if it exists."""
    configured = os.environ.get("ALTLEP_SHARED_DATA")
    repo = Path(__file__).resolve().parents[2]
    candidate = Path(configured) if configured else repo.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


def real_spend_file() -> Path | None:
    root = shared_data_dir()
    path = root.joinpath(*REAL_FILE) if root else None
    return path if path and path.is_file() else None


def synthetic_spend_file(target: Path) -> Path:
    """A seeded spend file: local demo organisations, regional neighbours and national firms,
    with postcodes so every supplier can be located without the Companies House register."""
    rng = random.Random(SEED)
    partnership = Partnership.objects.current()
    codes = list(partnership.area_codes) if partnership else sorted(area.LANCASHIRE_LEP_DISTRICTS)
    local = [
        (o.name, o.postcode, o.company_number)
        for o in Organisation.objects.in_districts(codes).exclude(postcode="").order_by("name")[:40]
    ]
    regional_postcodes = postcodes_in_districts(
        set(area.NEIGHBOURING_DISTRICTS), area.NEIGHBOUR_POSTCODE_AREAS
    )[:20]
    regional = [
        (f"{word} Regional Services", pc, "")
        for word, pc in zip(
            ["Pennine", "Mersey", "Irwell", "Aire"], regional_postcodes[::5], strict=False
        )
    ]
    national = [(n, pc, number) for n, pc, number, _ in NATIONAL_SUPPLIERS]
    suppliers = local + regional + national
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Payment Date",
                "Supplier Name",
                "Supplier Postcode",
                "Company Number",
                "Amount",
                "Expense Type",
                "Service Area",
                "Transaction Number",
            ]
        )
        for n in range(600):
            name, postcode, number = rng.choice(suppliers)
            writer.writerow(
                [
                    f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/2025",
                    name,
                    postcode,
                    number,
                    f"{rng.randrange(50_000, 2_500_000) / 100:.2f}",
                    rng.choice(CATEGORIES),
                    rng.choice(["Adults", "Children", "Highways", "Corporate"]),
                    f"SYN{n:05d}",
                ]
            )
    return target


def _register_synthetic_firms() -> None:
    """Put the fictional national firms in the store's register (numbers prefixed SY, which
    Companies House never issues), so their sector is known."""
    with open_store() as store:
        store.import_register(
            Company(
                number, name.upper(), postcode, "Private Limited Company", "Active", "FULL", (sic,)
            )
            for name, postcode, number, sic in NATIONAL_SUPPLIERS
        )


def demo_evidence(*, officer) -> bool:
    """Analyse the demo's anchor spend once; returns whether anything was added."""
    real = real_spend_file()
    name = REAL_BODY if real else SYNTHETIC_BODY
    body = AnchorBody.objects.filter(name=name).first()
    if body and body.uploads.filter(status=UploadStatus.DONE).exists():
        return False
    if body is None:
        body = services.anchor_body_create(
            actor=officer,
            name=name,
            kind="council",
            home_codes=[CALDERDALE] if real else [],
            region_codes=WEST_YORKSHIRE_OTHERS if real else sorted(area.NEIGHBOURING_DISTRICTS),
        )
    if real is None:
        _register_synthetic_firms()
    spend = real or synthetic_spend_file(uploads_dir() / "demo" / "demo_borough_spend_2025.csv")
    upload = services.spend_upload_create(
        actor=officer, body=body, spend_file=spend, synthetic=real is None, background=False
    )
    upload.refresh_from_db()
    return upload.status == UploadStatus.DONE
