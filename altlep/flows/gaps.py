"""Why a supplier is not located (so its spend counts as neither local nor leaking) or not
matched to a registered company (so its size is unknown), and what would fix it.

One reason per supplier, the first that applies, so the reasons add up to the whole gap.
Pure: the classifier passes in what it knows.
"""

from __future__ import annotations

from altlep.flows import kinds

POSTCODE_UNKNOWN = "postcode not recognised"
AWAITING_REVIEW = "awaiting review"
NO_REGISTER = "no register loaded"
NO_MATCH = "no match in the register"
NO_POSTCODE = "no postcode anywhere"
NOT_A_COMPANY = "not a company"

WHY_UNLOCATED = {
    POSTCODE_UNKNOWN: "A postcode is given, but the ONS Postcode Directory does not know it "
    "(mistyped, or retired).",
    AWAITING_REVIEW: "The register holds a likely match, not sure enough to count until a "
    "person accepts or rejects it.",
    NO_REGISTER: "The file gives no postcode, and no Companies House register is loaded to "
    "look one up.",
    NO_MATCH: "The file gives no postcode, and no company in the register matches the name.",
    NO_POSTCODE: "The company is known, but neither the file nor the loaded register gives "
    "its postcode.",
}
WHY_UNRESOLVED = {
    AWAITING_REVIEW: WHY_UNLOCATED[AWAITING_REVIEW],
    NO_REGISTER: "No Companies House register is loaded to match names against.",
    NO_MATCH: "No company in the register matches the name or number.",
    NOT_A_COMPANY: "Charities, individuals and sole traders are not in the company register.",
}
FIX = {
    POSTCODE_UNKNOWN: "Correct the postcodes in the spend file and upload it again.",
    AWAITING_REVIEW: "Review the uncertain matches.",
    NO_REGISTER: "Load the Companies House register (BasicCompanyData), or publish suppliers' "
    "postcodes in the spend file.",
    NO_MATCH: "Publish company numbers or postcodes with the payments; many of these are "
    "individuals, charities or sole traders, who are not in the register.",
    NO_POSTCODE: "Load the whole Companies House register (all its parts), or publish "
    "suppliers' postcodes in the spend file.",
    NOT_A_COMPANY: "Their size cannot come from the register: ask them, through the members' "
    "directory or the supplier survey.",
}


def unlocated_reason(
    *,
    located: bool,
    public: bool,
    postcode: str,
    resolved: bool,
    in_review: bool,
    register_loaded: bool,
) -> str:
    """Why a supplier has no district; "" when it has one (or is a public body, which is
    shown apart from the economy and needs no place)."""
    if located or public:
        return ""
    if postcode:
        return POSTCODE_UNKNOWN
    if in_review:
        return AWAITING_REVIEW
    if not register_loaded:
        return NO_REGISTER
    if not resolved:
        return NO_MATCH
    return NO_POSTCODE


def unresolved_reason(
    *, resolved: bool, public: bool, in_review: bool, register_loaded: bool, kind: str
) -> str:
    """Why a supplier is not matched to a registered company; "" when it is."""
    if resolved or public:
        return ""
    if in_review:
        return AWAITING_REVIEW
    if not register_loaded:
        return NO_REGISTER
    if kind in {kinds.CHARITY, kinds.INDIVIDUAL}:
        return NOT_A_COMPANY
    return NO_MATCH
