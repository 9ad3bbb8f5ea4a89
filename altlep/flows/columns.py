"""Automatic column detection for spend files: every council names its columns differently.

Each field has header patterns with scores; the highest-scoring unused header wins. Where a
header is ambiguous (Gateshead's "Supplier ID(T)" holds names) the sampled values decide.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from altlep.flows.values import looks_like_amount, looks_like_date

FIELDS = (
    "date",
    "amount",
    "supplier_name",
    "supplier_id",
    "company_number",
    "charity_number",
    "vat_number",
    "department",
    "category",
    "transaction",
    "body",
    "postcode",
    "description",
)
REQUIRED = ("date", "amount", "supplier_name")

# (field, pattern on the normalised header, score). Higher scores win.
_PATTERNS: list[tuple[str, str, int]] = [
    ("date", r"^(invoice )?pa(id|yment) date$", 100),
    ("date", r"payment date|paid date|date paid", 90),
    ("date", r"^(transaction|clearing|posting) date$", 80),
    ("date", r"^date$", 75),
    ("date", r"date", 40),
    ("amount", r"^(net )?amount$", 100),
    ("amount", r"net amount|amount net|net of vat|excl?u?d?e?s? vat|total excl", 95),
    # Net / VAT / Gross columns: the net is preferred (spend analysis compares like with like)
    ("amount", r"^net( value| total| spend| paid| cost)?( gbp)?$", 94),
    ("amount", r"^(gross|total gross|gross (value|amount|total|paid))( gbp)?$", 55),
    ("amount", r"invoice line value|line value|total|value|amount|spend", 60),
    ("supplier_name", r"(supplier|beneficiary|vendor|payee).*name", 100),
    ("supplier_name", r"^(supplier|vendor|payee|beneficiary|merchant name)$", 90),
    ("supplier_name", r"^(creditor|recipient|paid to|supplier details|merchant)( name)?$", 85),
    ("supplier_name", r"^supplier.*\bt$", 60),  # Gateshead "Supplier ID(T)": text, checked below
    ("supplier_id", r"(supplier|vendor|beneficiary).*(id|number|no|ref|code|reference)$", 80),
    ("supplier_id", r"supplier internal reference|supplier reference", 85),
    ("company_number", r"compan(y|ies).*(number|no|reg)|registered company", 100),
    ("charity_number", r"charit(y|ies).*(number|no|reg)", 100),
    ("vat_number", r"vat reg", 100),
    (
        "department",
        r"^(directorate|department|service area|expense area|service division label)$",
        95,
    ),
    ("department", r"directorate|service area|expense area|department|service label", 85),
    ("department", r"organisational unit|organisation unit|nstrg|^service$|directotate", 70),
    ("category", r"procurement classification|expenditure categ|expense type|expenses type", 95),
    (
        "category",
        r"expenditure catergory|category internal name|purpose of spend|expenditure account",
        85,
    ),
    ("category", r"categ|cipfsubs|account description|expenditure code description", 70),
    ("category", r"^(purpose|account|type of expenditure|bvacopse t)$", 60),
    ("transaction", r"^trans(action)? ?(no|number|num|id|ref)$|^transno$", 100),
    ("transaction", r"transaction|document ?(no|number|id)|internal ref|invoice (no|number)", 80),
    (
        "transaction",
        r"^(voucher|payment|invoice|doc|document|reference|ref)( ?(no|number|id|ref))?$",
        70,
    ),
    ("body", r"^(body name|entity|organisation name|body|client)$", 80),
    ("postcode", r"post ?code", 90),
    ("description", r"^(description|narrative|extended description)$", 80),
]
_NEVER = {
    "amount": re.compile(r"vat amount|irrecoverable|\bcode\b|account|period|vat$"),
    "date": re.compile(r"effective date|updated|date of|due"),
    "supplier_id": re.compile(r"name|\bt$"),
    "department": re.compile(r"code|uri"),
    "category": re.compile(r"\bcode\b|uri"),
}
_EXEMPT = {
    "amount": re.compile(r"net of vat|excl"),
    "category": re.compile(r"code description"),
}
_NOTHING = re.compile(r"(?!x)x")


def clean_header(header: str) -> str:
    """The header as written, minus a real or mojibake byte-order mark and outer spaces."""
    return header.replace("\ufeff", "").replace("ï»¿", "").strip()


def normalise_header(header: str) -> str:
    """Lower case, BOM gone, punctuation to spaces: "Supplier ID(T)" → "supplier id t"."""
    text = clean_header(header).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@dataclass(frozen=True)
class Mapping:
    """Which source column feeds each field (index into the row, and the header as written)."""

    columns: dict[str, int]
    headers: tuple[str, ...]
    reasons: dict[str, str] = dataclass_field(default_factory=dict)
    rejected: dict[str, str] = dataclass_field(default_factory=dict)

    def header_for(self, field: str) -> str | None:
        index = self.columns.get(field)
        return None if index is None else self.headers[index]

    def describe(self) -> dict[str, str]:
        return {f: self.headers[i] for f, i in sorted(self.columns.items(), key=lambda x: x[1])}


def _share(values: list[str], test) -> float:
    filled = [v for v in values if v.strip()]
    return sum(1 for v in filled if test(v)) / len(filled) if filled else 0.0


def _looks_like_names(values: list[str]) -> bool:
    return _share(values, lambda v: bool(re.search(r"[A-Za-z]{3}", v))) >= 0.6


def detect(
    headers: Sequence[str],
    sample: Sequence[Sequence[str]],
    *,
    override: dict[str, str] | None = None,
) -> Mapping:
    """Map fields to columns by header and sampled content; `override` maps field → header."""
    normalised = [normalise_header(h) for h in headers]
    column_values = [
        [row[i] if i < len(row) else "" for row in sample] for i in range(len(headers))
    ]
    candidates: list[tuple[int, int, str, int]] = []  # (-score, index, field, score)
    for field, pattern, score in _PATTERNS:
        regex = re.compile(pattern)
        for index, name in enumerate(normalised):
            if not name or not regex.search(name):
                continue
            never = _NEVER.get(field)
            if never and never.search(name) and not _EXEMPT.get(field, _NOTHING).search(name):
                continue
            candidates.append((-score, index, field, score))
    chosen: dict[str, int] = {}
    reasons: dict[str, str] = {}
    rejected: dict[str, str] = {}
    used: set[int] = set()
    for field, header in (override or {}).items():
        if field not in FIELDS:
            raise ValueError(f"unknown field “{field}” in the mapping override")
        if header not in headers:
            raise ValueError(f"the mapping override names “{header}”, which is not a column")
        chosen[field] = list(headers).index(header)
        reasons[field] = "given in the mapping"
        used.add(chosen[field])
    rivals: dict[str, list[str]] = {}
    for _, index, field, score in sorted(candidates):
        if field in chosen or index in used:
            if field in chosen and index not in used and field in ("amount", "date"):
                rivals.setdefault(field, []).append(headers[index])
            continue
        values = column_values[index]
        check = {"date": looks_like_date, "amount": looks_like_amount}.get(field)
        if check and values and (share := _share(values, check)) < 0.5:
            rejected.setdefault(
                field,
                f"{headers[index]!r} is named like the {field} but only {share:.0%} of its "
                f"sampled values read as one",
            )
            continue
        if field == "supplier_name" and values and not _looks_like_names(values):
            continue
        chosen[field] = index
        reasons[field] = f"its header matches {field.replace('_', ' ')} (score {score})"
        used.add(index)
    for field, others in rivals.items():
        if field in chosen and not reasons[field].startswith("given"):
            reasons[field] += f"; preferred to {', '.join(repr(o) for o in others)}"
    if "date" not in chosen:
        # No header says "date": take the first column whose values are all dates.
        for index, values in enumerate(column_values):
            if index not in used and values and _share(values, looks_like_date) >= 0.95:
                if not re.fullmatch(r"\d+", (values[0] or "").strip()):
                    chosen["date"] = index
                    reasons["date"] = "no header says date; every sampled value is a date"
                    used.add(index)
                    break
    return Mapping(columns=chosen, headers=tuple(headers), reasons=reasons, rejected=rejected)


def missing_required(mapping: Mapping) -> list[str]:
    return [field for field in REQUIRED if field not in mapping.columns]
