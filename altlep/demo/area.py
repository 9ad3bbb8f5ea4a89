"""The demo's area: the five districts of West Yorkshire, and the places in and around it.

West Yorkshire (Bradford, Calderdale, Kirklees, Leeds, Wakefield) is the West Yorkshire Combined
Authority's area and, from 2021, the Leeds City Region LEP's; its 2017 area (E37000020, see
`altlep areas districts E37000020`) also took in Barnsley, Craven, Harrogate, Selby and York.
Listed here so the demo works without the ONS lookup files.

Every place a demo name mentions is listed with its district and the postcode districts
(outward codes) that serve it, so an organisation named after a place gets a real postcode of
that place, inside that place's district (checked against the ONS Postcode Directory).
"""

import re
from dataclasses import dataclass

PARTNERSHIP_NAME = "West Yorkshire Alternative LEP"
AREA_DESCRIPTION = (
    "the five districts of West Yorkshire (the Leeds City Region LEP's area from 2021)"
)
BRADFORD = "E08000032"
CALDERDALE = "E08000033"
KIRKLEES = "E08000034"
LEEDS = "E08000035"
WAKEFIELD = "E08000036"
DISTRICTS = {
    BRADFORD: "Bradford",
    CALDERDALE: "Calderdale",
    KIRKLEES: "Kirklees",
    LEEDS: "Leeds",
    WAKEFIELD: "Wakefield",
}
# The rest of the Leeds City Region LEP's 2017 area, in today's districts (Craven, Harrogate and
# Selby became part of North Yorkshire in 2023): suppliers there count as "regional".
REGION = {
    "E08000038": "Barnsley",
    "E06000014": "York",
    "E06000065": "North Yorkshire",
}
# Further away: suppliers there count as "national".
BEYOND = {
    "E08000003": "Manchester",
    "E08000039": "Sheffield",
    "E09000001": "City of London",
}


@dataclass(frozen=True)
class Place:
    name: str
    district: str
    outward: tuple[str, ...]

    @property
    def in_area(self) -> bool:
        return self.district in DISTRICTS


def _places(district: str, *rows: tuple[str, tuple[str, ...]]) -> list[Place]:
    return [Place(name, district, outward) for name, outward in rows]


PLACES = [
    *_places(
        BRADFORD,
        ("Bradford", ("BD1", "BD3", "BD7", "BD8", "BD9")),
        ("Keighley", ("BD21",)),
        ("Shipley", ("BD18",)),
        ("Saltaire", ("BD18",)),
        ("Bingley", ("BD16",)),
        ("Ilkley", ("LS29",)),
        ("Haworth", ("BD22",)),
    ),
    *_places(
        CALDERDALE,
        ("Calderdale", ("HX1",)),
        ("Halifax", ("HX1", "HX2", "HX3")),
        ("Hebden Bridge", ("HX7",)),
        ("Calder Valley", ("HX7", "OL14")),
        ("Todmorden", ("OL14",)),
        ("Brighouse", ("HD6",)),
        ("Elland", ("HX5",)),
        ("Sowerby Bridge", ("HX6",)),
    ),
    *_places(
        KIRKLEES,
        ("Kirklees", ("HD1",)),
        ("Huddersfield", ("HD1", "HD2", "HD3", "HD4", "HD5")),
        ("Dewsbury", ("WF12", "WF13")),
        ("Batley", ("WF17",)),
        ("Holmfirth", ("HD9",)),
        ("Holme Valley", ("HD9",)),
        ("Colne Valley", ("HD7",)),
        ("Marsden", ("HD7",)),
        ("Mirfield", ("WF14",)),
        ("Cleckheaton", ("BD19",)),
        ("Heckmondwike", ("WF16",)),
    ),
    *_places(
        LEEDS,
        ("Leeds", ("LS1", "LS2", "LS6", "LS7", "LS9")),
        ("Headingley", ("LS6",)),
        ("Chapel Allerton", ("LS7",)),
        ("Kirkstall", ("LS5",)),
        ("Armley", ("LS12",)),
        ("Otley", ("LS21",)),
        ("Wetherby", ("LS22",)),
        ("Pudsey", ("LS28",)),
        ("Morley", ("LS27",)),
        ("Horsforth", ("LS18",)),
    ),
    *_places(
        WAKEFIELD,
        ("Wakefield", ("WF1", "WF2")),
        ("Pontefract", ("WF8",)),
        ("Castleford", ("WF10",)),
        ("Ossett", ("WF5",)),
        ("Normanton", ("WF6",)),
        ("Featherstone", ("WF7",)),
        ("Hemsworth", ("WF9",)),
        ("Knottingley", ("WF11",)),
    ),
    *_places("E08000038", ("Barnsley", ("S70", "S71"))),
    *_places("E06000014", ("York", ("YO1", "YO10"))),
    *_places("E06000065", ("Harrogate", ("HG1", "HG2"))),
    *_places("E08000003", ("Manchester", ("M1", "M2", "M4"))),
    *_places("E08000039", ("Sheffield", ("S1", "S2", "S3"))),
    # The City of London: home of the demo's national firms, none of them named after it.
    *_places("E09000001", ("the City", ("EC2V", "EC1A"))),
]
PLACES_BY_NAME = {p.name: p for p in PLACES}
LOCAL_PLACES = [p for p in PLACES if p.in_area]
OUTSIDE_PLACES = [p for p in PLACES if not p.in_area and p.name != "the City"]
# Longest names first, so "Calder Valley" is found before a shorter name inside it.
_PLACE_PATTERN = re.compile(
    r"\b("
    + "|".join(re.escape(p.name) for p in sorted(PLACES, key=lambda p: -len(p.name)))
    + r")\b"
)


def place(name: str) -> Place:
    return PLACES_BY_NAME[name]


def places_named_in(text: str) -> list[Place]:
    """The places of this list that `text` mentions by name ("Hebden Bridge Bakery")."""
    return [PLACES_BY_NAME[m] for m in _PLACE_PATTERN.findall(text or "") if m != "the City"]
