"""Registration numbers of UK organisations: normalisation and format checks.

Formats checked are the registers' published shapes; a number of the right shape may still
not exist, which only a look-up in the register could tell.
"""

import re

# Companies House: eight digits (England & Wales) or a two-letter register prefix and six digits
# (SC Scotland, NI Northern Ireland, OC/SO/NC LLPs, LP/SL/NL limited partnerships, IP/SP/NP/RS
# registered societies, CE/CS/NV charitable incorporated organisations, FC/SF/NF overseas, …),
# plus the older "R" + seven digits for pre-partition Northern Ireland companies.
_COMPANY = re.compile(r"^(\d{8}|[A-Z]{2}\d{6}|R\d{7})$")
LLP_PREFIXES = ("OC", "SO", "NC")
# Charity Commission (England & Wales) 6–7 digits with an optional "-n" subsidiary suffix;
# OSCR (Scotland) SC0 + 5 digits; Charity Commission for Northern Ireland NIC + 6 digits.
_CHARITY = re.compile(r"^(\d{6,7}(-\d{1,2})?|SC0\d{5}|NIC\d{6})$")
# FCA Mutuals Public Register numbers: up to six digits, optionally followed by R (e.g. 31372R).
_SOCIETY = re.compile(r"^\d{1,6}R?$")


class IdentifierError(ValueError):
    pass


def _compact(raw: str) -> str:
    return re.sub(r"\s+", "", raw or "").upper()


def normalise_company_number(raw: str) -> str:
    """Companies House number, zero-padded to eight characters ("1234567" → "01234567")."""
    value = _compact(raw)
    if value.isdigit() and len(value) < 8:
        value = value.zfill(8)
    if not _COMPANY.match(value):
        raise IdentifierError(
            f"“{raw}” is not a company number: use 8 digits, or 2 letters and 6 digits (SC123456)"
        )
    return value


def normalise_charity_number(raw: str) -> str:
    value = _compact(raw)
    if not _CHARITY.match(value):
        raise IdentifierError(
            f"“{raw}” is not a charity number: use 6–7 digits (England & Wales), "
            "SC0 and 5 digits (Scotland) or NIC and 6 digits (Northern Ireland)"
        )
    return value


def normalise_society_number(raw: str) -> str:
    value = _compact(raw)
    if not _SOCIETY.match(value):
        raise IdentifierError(
            f"“{raw}” is not a society number: use the FCA register number, e.g. 31372R"
        )
    return value
