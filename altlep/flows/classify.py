"""Classification of suppliers: where they are, how big, social economy, what kind (see
kinds.py), and why any is not located or not matched (see gaps.py).

Size band, in order of trust: the OCDS `scale` a buyer recorded; the members' directory's own
figures; otherwise an inference from the accounts category filed at Companies House (micro-entity
accounts → micro; small or total-exemption → small; medium → medium; full or group → large;
dormant or none filed → unknown). That last step is an inference: firms may file fuller accounts
than their size requires, so it can over-state size, never under-state it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from altlep.flows import gaps, kinds
from altlep.flows.store import Store

SOCIAL_CATEGORY = re.compile(
    r"community interest|registered society|industrial and provident|charitable incorporated|"
    r"charitable company|royal charter",
    re.IGNORECASE,
)
SOCIAL_NAME = re.compile(
    r"\b(CIC|CHARITY|CHARITABLE|COMMUNITY INTEREST|CO OPERATIVE|COOPERATIVE|"
    r"CREDIT UNION|HOUSING ASSOCIATION|VOLUNTARY|HOSPICE)\b"
)
ACCOUNTS_TO_BAND = {
    "MICRO ENTITY": "micro",
    "SMALL": "small",
    "TOTAL EXEMPTION SMALL": "small",
    "TOTAL EXEMPTION FULL": "small",
    "UNAUDITED ABRIDGED": "small",
    "AUDITED ABRIDGED": "small",
    "PARTIAL EXEMPTION": "small",
    "MEDIUM": "medium",
    "FULL": "large",
    "GROUP": "large",
}
OCDS_SCALE = {
    "micro": "micro",
    "sme": "sme",
    "small": "small",
    "medium": "medium",
    "large": "large",
}


@dataclass(frozen=True)
class Area:
    """The partnership area as plain data: district codes, and the wider region's."""

    name: str
    districts: frozenset[str]
    region_districts: frozenset[str] = field(default_factory=frozenset)

    def locality(self, district: str | None) -> str:
        if not district:
            return "unknown"
        if district in self.districts:
            return "local"
        if district in self.region_districts:
            return "regional"
        return "national"


def band_from_accounts(account_category: str | None) -> str:
    return ACCOUNTS_TO_BAND.get((account_category or "").strip().upper(), "unknown")


def _default_locate(postcode: str) -> str | None:
    # Imported when first needed: the postcode directory is only loaded if no `locate` is given.
    from altlep.geo.postcodes import PostcodeError, locate

    try:
        return locate(postcode).district_code
    except PostcodeError:
        return None


def classify(
    store: Store,
    area: Area,
    *,
    members: Iterable[Mapping] = (),
    locate: Callable[[str], str | None] | None = None,
) -> int:
    """Build `supplier_class` (one row per supplier); returns how many were classified.

    `members` are the members' directory entries as plain dicts with `company_number`,
    `size_band` and optionally `postcode`/`district_code`/`sic_codes`; their own figures outrank
    the register.
    """
    locate = locate or _default_locate
    own = {m["company_number"]: m for m in members if m.get("company_number")}
    register_loaded = bool(store.scalar("SELECT count(*) FROM register"))
    in_review = {k for (k,) in store.rows("SELECT DISTINCT supplier_key FROM review_queue")}
    rows = store.rows("""
        SELECT s.supplier_key, s.name, m.company_number, m.method, m.confidence,
               coalesce(nullif(r.postcode, ''), s.postcode, a.postcode) AS postcode,
               r.category, r.account_category, r.sic_codes, a.scale, a.vcse, c.charity
        FROM suppliers s
        LEFT JOIN matches m USING (supplier_key)
        LEFT JOIN register r ON r.company_number = m.company_number
        LEFT JOIN (SELECT supplier_key, max(nullif(scale, '')) AS scale, bool_or(vcse) AS vcse,
                          max(nullif(postcode, '')) AS postcode
                   FROM awards GROUP BY supplier_key) a USING (supplier_key)
        LEFT JOIN (SELECT supplier_key, max(nullif(charity_number, '')) AS charity
                   FROM spend GROUP BY supplier_key) c USING (supplier_key)""")
    located: dict[str, str | None] = {}
    out = []
    for (
        key,
        name,
        number,
        method,
        confidence,
        postcode,
        category,
        accounts,
        sics,
        scale,
        vcse,
        charity,
    ) in rows:
        member = own.get(number or "")
        district = (member or {}).get("district_code")
        if not district and postcode:
            if postcode not in located:
                located[postcode] = locate(postcode)
            district = located[postcode]
        if scale:
            band, basis = OCDS_SCALE.get(scale, "unknown"), "OCDS scale"
        elif member and member.get("size_band"):
            band, basis = member["size_band"], "members' own figures"
        else:
            band = band_from_accounts(accounts)
            basis = "register accounts category (inferred)" if band != "unknown" else ""
        if not sics and member:  # a member's own SIC codes, where the register has none
            sics = " ".join(member.get("sic_codes") or ())
        kind = kinds.supplier_kind(
            name or "",
            company_number=number or "",
            charity_number=charity or "",
            register_category=category or "",
        )
        public = kind == kinds.PUBLIC_BODY
        social = (
            bool(vcse)
            or bool(charity)
            or bool(SOCIAL_CATEGORY.search(category or ""))
            or bool(SOCIAL_NAME.search(name or ""))
        )
        locality = area.locality(district)
        known = {"in_review": key in in_review, "register_loaded": register_loaded}
        out.append(
            (
                key,
                number,
                method or "",
                confidence,
                postcode,
                district,
                locality,
                band,
                basis,
                social,
                public,
                sics or "",
                kind,
                gaps.unlocated_reason(
                    located=locality != "unknown",
                    public=public,
                    postcode=postcode or "",
                    resolved=bool(number),
                    **known,
                ),
                gaps.unresolved_reason(resolved=bool(number), public=public, kind=kind, **known),
            )
        )
    store.db.execute("""CREATE OR REPLACE TABLE supplier_class (
        supplier_key VARCHAR PRIMARY KEY, company_number VARCHAR, method VARCHAR,
        confidence DOUBLE, postcode VARCHAR, district VARCHAR, locality VARCHAR,
        size_band VARCHAR, size_basis VARCHAR, social BOOLEAN, public BOOLEAN,
        sic_codes VARCHAR, kind VARCHAR, unlocated_reason VARCHAR,
        unresolved_reason VARCHAR)""")
    store._append("supplier_class", out)
    return len(out)
