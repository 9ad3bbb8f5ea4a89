"""Precision and recall of supplier resolution against hand-matched ground truth.

The truth file (bluetail's DERIVED_supplier_name_to_identifier.csv) pairs supplier names as
published in Contracts Finder with the identifier matched by hand. The register side is built
from what the shared data holds: one register row per GB-COH company in the truth, named with
the `identifier.legalName` and registered-office postcode found *in the OCDS files* (never the
truth row itself), plus the real BasicCompanyData sample rows as distractors. Pass a real
BasicCompanyData file instead with `register_path` for a full-scale evaluation.
The query side is every truth name with its identifier removed (and postcode found in its
address); names the truth ties to another scheme (e.g. GB-CQC) have no company to find, so any
match made for them counts as a false positive.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from altlep.flows.names import clean_company_number, normalise_name
from altlep.flows.ocds import find_postcode
from altlep.flows.register import Company, read_register
from altlep.flows.resolve import resolve
from altlep.flows.store import Store


@dataclass(frozen=True)
class Evaluation:
    queries: int
    truth_companies: int
    predicted: int
    correct: int
    by_method: dict[str, tuple[int, int]]

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.truth_companies if self.truth_companies else 0.0

    def describe(self) -> str:
        lines = [
            f"queries {self.queries}; with a company-number truth {self.truth_companies}",
            f"matched {self.predicted}, correct {self.correct}",
            f"precision {self.precision:.3f}  recall {self.recall:.3f}",
        ]
        for method, (made, right) in sorted(self.by_method.items()):
            lines.append(f"  {method}: {made} made, {right} correct")
        return "\n".join(lines)


def _register_from_ocds(folder: Path) -> dict[str, Company]:
    companies: dict[str, Company] = {}
    for path in sorted(folder.glob("*.json")):
        for release in json.loads(path.read_text(encoding="utf-8")).get("releases", []):
            for party in release.get("parties", []):
                ident = party.get("identifier") or {}
                if ident.get("scheme") != "GB-COH" or not ident.get("id"):
                    continue
                number = clean_company_number(str(ident["id"]))
                address = party.get("address") or {}
                companies.setdefault(
                    number,
                    Company(
                        number=number,
                        name=ident.get("legalName") or party.get("name", ""),
                        postcode=find_postcode(
                            address.get("postalCode", ""), address.get("streetAddress", "")
                        ),
                        category="",
                        status="Active",
                        account_category="",
                        sic_codes=(),
                    ),
                )
    return companies


def evaluate(
    truth: Path,
    *,
    ocds_folder: Path | None = None,
    sample_register: Path | None = None,
    register_path: Path | None = None,
) -> Evaluation:
    """Resolve the truth names with identifiers hidden and score the result."""
    truth = Path(truth)
    rows = list(csv.DictReader(truth.open(encoding="utf-8")))
    store = Store()
    if register_path:
        store.import_register(read_register(register_path))
    else:
        folder = ocds_folder or truth.parent / "json_1_1_supplier_ids_match"
        companies = list(_register_from_ocds(folder).values())
        if sample_register and Path(sample_register).exists():
            companies += list(read_register(sample_register))
        store.import_register(companies)
    expected: dict[str, set[str]] = {}
    spend_like = []
    for row in rows:
        key = normalise_name(row["supplier_name"])
        number = (
            clean_company_number(row["identifier_id"])
            if row["identifier_scheme"] == "GB-COH"
            else ""
        )
        expected.setdefault(key, set())
        if number:
            expected[key].add(number)
        spend_like.append(
            (row["supplier_name"], key, find_postcode(row.get("street_address_raw", "")))
        )
    store._append(
        "awards",
        [
            (0, "", "", "", None, None, name, key, "", "", "", "", None, postcode)
            for name, key, postcode in spend_like
        ],
    )
    resolve(store)
    predicted = dict(
        (
            (k, (c, m))
            for k, c, m in store.rows("SELECT supplier_key, company_number, method FROM matches")
        )
    )
    by_method: dict[str, list[int]] = {}
    correct = 0
    for key, (company, method) in predicted.items():
        right = company in expected.get(key, set())
        correct += right
        tally = by_method.setdefault(method, [0, 0])
        tally[0] += 1
        tally[1] += right
    return Evaluation(
        queries=len(expected),
        truth_companies=sum(1 for v in expected.values() if v),
        predicted=len(predicted),
        correct=correct,
        by_method={k: (v[0], v[1]) for k, v in by_method.items()},
    )
