"""The demo's local supply: directory entries with real CPV 2008 codes, a leaking category of
the demo council's spend with local alternatives and a saved scenario, a consortium bidding for
a lot, a buying group, and shared resources with bookings.

CPV codes and labels are copied from the published CPV 2008 list (Commission Regulation (EC)
No 213/2008); rows are created with get_or_create so they sit beside a full import.
"""

from altlep.procurement.models import CpvCode

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
