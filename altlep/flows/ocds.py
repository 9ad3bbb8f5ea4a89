"""Reader for Contracts Finder OCDS release and record packages: one row per awarded supplier.

Handles the 2019–20 flavour (`sme`/`vco` booleans, identifiers on the party) and the 2025
flavour (`details.scale` micro/sme/large, `details.vcse`, postcode inside `streetAddress`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from altlep.flows.errors import FlowsInputError
from altlep.flows.names import clean_company_number

_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b")


@dataclass(frozen=True)
class Award:
    ocid: str
    award_id: str
    buyer: str
    awarded_on: date | None
    amount_pence: int | None
    supplier_name: str
    scheme: str
    identifier: str
    company_number: str
    scale: str  # micro | sme | large | ""
    vcse: bool | None
    postcode: str
    street_address: str


def find_postcode(*texts: str) -> str:
    """The last UK-postcode-shaped text in the address fields ("…London EC3N 2LB" → "EC3N 2LB")."""
    for text in texts:
        found = _POSTCODE.findall((text or "").upper())
        if found:
            outward, inward = found[-1]
            return f"{outward} {inward}"
    return ""


def _scale(party: dict) -> tuple[str, bool | None]:
    details = party.get("details") or {}
    scale = (details.get("scale") or "").lower()
    vcse = details.get("vcse")
    if not scale and "sme" in party:
        scale = "sme" if party.get("sme") else ""
    if vcse is None and "vco" in party:
        vcse = bool(party.get("vco"))
    return scale, vcse


def _releases(document: dict) -> list[dict]:
    if "releases" in document:
        return document["releases"]
    if "records" in document:
        out = []
        for record in document["records"]:
            if record.get("compiledRelease"):
                out.append(record["compiledRelease"])
            else:
                out.extend(r for r in record.get("releases", []) if isinstance(r, dict))
        return out
    if "ocid" in document:
        return [document]
    raise ValueError("neither a release package, a record package nor a release")


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "")[:10]) if text else None
    except ValueError:
        return None


def _pence(value: dict | None) -> int | None:
    amount = (value or {}).get("amount")
    if amount is None:
        return None
    if isinstance(amount, bool) or not isinstance(amount, (int, float, str)):
        raise _Shape("value.amount", f"is {type(amount).__name__}, not a number")
    try:
        number = Decimal(str(amount))
    except ArithmeticError:
        raise _Shape("value.amount", f"“{amount}” is not a number") from None
    if not number.is_finite():
        raise _Shape("value.amount", f"“{amount}” is not a number")
    return int(number * 100)


class _Shape(ValueError):
    """A field whose value has the wrong shape, named by its path inside the release."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        super().__init__(f"{field} {problem}")


def read_ocds(path: Path) -> Iterator[Award]:
    """Every (award, supplier) pair in one OCDS package file."""
    path = Path(path)
    try:
        data = path.read_bytes()
        document = json.loads(data.decode("utf-8-sig"))
        releases = _releases(document)
    except OSError as exc:
        raise FlowsInputError(f"cannot read the file ({exc})", path=str(path)) from exc
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise FlowsInputError(
            f"byte 0x{data[exc.start]:02x} at character {column} is not valid UTF-8 "
            "(OCDS JSON is UTF-8)",
            path=str(path),
            line=line,
        ) from None
    except json.JSONDecodeError as exc:
        raise FlowsInputError(f"not JSON ({exc.msg})", path=str(path), line=exc.lineno) from exc
    except ValueError as exc:
        raise FlowsInputError(str(exc), path=str(path)) from exc
    if not isinstance(releases, list):
        raise FlowsInputError("releases is not a list", path=str(path), column="releases")
    seen: set[tuple[str, str]] = set()
    for number, release in enumerate(releases, start=1):
        try:
            awards = list(_release_awards(release, seen))
        except _Shape as exc:
            raise FlowsInputError(
                f"release {number}: {exc}", path=str(path), column=exc.field
            ) from exc
        except (AttributeError, TypeError, KeyError) as exc:
            # a list where an object belongs, a number where text belongs: name the release
            ocid = release.get("ocid", "") if isinstance(release, dict) else ""
            raise FlowsInputError(
                f"release {number} {ocid}".strip() + f": a field has the wrong shape ({exc})",
                path=str(path),
            ) from exc
        yield from awards


def _release_awards(release: dict, seen: set[tuple[str, str]]) -> Iterator[Award]:
    """The (award, supplier) pairs of one release."""
    parties = {p.get("id"): p for p in release.get("parties", []) if isinstance(p, dict)}
    buyer = (release.get("buyer") or {}).get("name") or next(
        (p.get("name", "") for p in parties.values() if "buyer" in p.get("roles", [])), ""
    )
    awards = release.get("awards") or []
    if not awards:
        # The 2019–20 packages carry the supplier on the party with an x_awardValue.
        awards = [
            {
                "id": f"{release.get('id', '')}-{p.get('id')}",
                "date": release.get("date"),
                "value": p.get("x_awardValue"),
                "suppliers": [{"id": p.get("id")}],
            }
            for p in parties.values()
            if "supplier" in p.get("roles", [])
        ]
    for award in awards:
        for ref in award.get("suppliers") or []:
            party = parties.get(ref.get("id"), {}) | {k: v for k, v in ref.items() if v}
            name = (party.get("name") or "").strip()
            key = (str(award.get("id")), name)
            if not name or key in seen:
                continue
            seen.add(key)
            identifier = party.get("identifier") or {}
            scheme = (identifier.get("scheme") or "").strip()
            ident = str(identifier.get("id") or "").strip()
            address = party.get("address") or {}
            scale, vcse = _scale(party)
            yield Award(
                ocid=release.get("ocid", ""),
                award_id=str(award.get("id", "")),
                buyer=buyer,
                awarded_on=_date(award.get("date") or release.get("date")),
                amount_pence=_pence(award.get("value")),
                supplier_name=name,
                scheme=scheme,
                identifier=ident,
                company_number=clean_company_number(ident) if scheme == "GB-COH" else "",
                scale=scale,
                vcse=vcse,
                postcode=find_postcode(
                    address.get("postalCode", ""), address.get("streetAddress", "")
                ),
                street_address=address.get("streetAddress") or "",
            )
