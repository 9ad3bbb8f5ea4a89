"""What kind of supplier a payee is — company, charity, public body, individual or sole
trader — inferred from the identifiers published with the payment and from its name alone.

This is inference, stated as such: a name without a legal form ("Preston Bakers") could be a sole
trader, a partnership or a company that dropped "Ltd", so it stays "unknown" rather than guessed.
Pure: no store, no Django.
"""

from __future__ import annotations

import re

COMPANY = "company"
CHARITY = "charity"
PUBLIC_BODY = "public body"
INDIVIDUAL = "individual"
REDACTED = "redacted"
UNKNOWN = "unknown"

KINDS = (COMPANY, CHARITY, PUBLIC_BODY, INDIVIDUAL, REDACTED, UNKNOWN)
LABELS = {
    COMPANY: "Company (Ltd, plc, LLP, CIC)",
    CHARITY: "Charity",
    PUBLIC_BODY: "Public body",
    INDIVIDUAL: "Individual or sole trader",
    REDACTED: "Redacted (usually payments to individuals)",
    UNKNOWN: "Not known from the name",
}

PUBLIC_BODY_NAME = re.compile(
    r"\b(COUNCIL|BOROUGH OF|NHS|HMRC|HM REVENUE|POLICE|FIRE AND RESCUE|FIRE AUTHORITY|"
    r"COMBINED AUTHORITY|DEPARTMENT FOR|DEPT FOR|MINISTRY OF|PENSION FUND|CLINICAL COMMISSIONING|"
    r"INTEGRATED CARE BOARD|FOUNDATION TRUST|HOSPITALS? TRUST|CABINET OFFICE|DVLA|"
    r"ENVIRONMENT AGENCY|TRANSPORT FOR|PASSENGER TRANSPORT EXECUTIVE|HM COURTS|HMCTS|OFSTED|"
    r"DCLG|DWP|DEPARTMENT OF)\b"
)
# Legal forms that only a registered company (or LLP, or CIC) may use in its name.
COMPANY_NAME = re.compile(
    r"\b(LTD|LIMITED|PLC|P L C|LLP|L L P|CIC|C I C|COMMUNITY INTEREST COMPANY|"
    r"LIMITED LIABILITY PARTNERSHIP|INCORPORATED|INC|LLC|GMBH|BV|SARL|PTY)\b"
)
CHARITY_NAME = re.compile(r"\b(CHARITY|CHARITABLE|HOSPICE|CIO|SCIO)\b")
CHARITY_CATEGORY = re.compile(r"charitable|charity", re.IGNORECASE)
# A personal title, or initials then a surname ("J SMITH", "J P SMITH"), or a surname then
# initials ("SMITH J"): how spend files write payments to people.
PERSON_NAME = re.compile(
    r"^(MR|MRS|MS|MISS|MX|DR|REV|REVD|PROF|SIR|DAME)\b"
    r"|^([A-Z] ){1,2}[A-Z]{2,}$"
    r"|^[A-Z]{2,}( [A-Z]){1,2}$"
)
TRADING_AS = re.compile(r"(^|\s)(T/A|TRADING AS)(\s|$)")


def _plain(name: str) -> str:
    """Upper case with punctuation (other than "/") turned into spaces, for the patterns."""
    return " ".join(re.sub(r"[^A-Z0-9/]+", " ", (name or "").upper().replace(".", "")).split())


def supplier_kind(
    name: str,
    *,
    company_number: str = "",
    charity_number: str = "",
    register_category: str = "",
    redacted: bool = False,
) -> str:
    """The kind of supplier, from the strongest evidence first: a redaction, a public body's
    name, a charity number or charitable register category, a company number or legal form,
    then a person's name or a trading-as name without a legal form."""
    plain = _plain(name)
    if redacted:
        return REDACTED
    if PUBLIC_BODY_NAME.search(plain):
        return PUBLIC_BODY
    if (
        charity_number.strip()
        or CHARITY_CATEGORY.search(register_category)
        or CHARITY_NAME.search(plain)
    ):
        return CHARITY
    if company_number.strip() or COMPANY_NAME.search(plain.replace("/", " ")):
        return COMPANY
    if PERSON_NAME.search(plain) or TRADING_AS.search(plain):
        return INDIVIDUAL
    return UNKNOWN


def is_public_body_name(name: str) -> bool:
    return bool(PUBLIC_BODY_NAME.search(_plain(name)))
