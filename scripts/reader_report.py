"""The readers' closing report: every real spend file imported unaided (encoding, columns,
skipped lines, rows set aside, rows imported) and the seeded damage tests' counts per reader.

    .venv/bin/python scripts/reader_report.py            # both tables, as Markdown
    .venv/bin/python scripts/reader_report.py --json     # the same, as JSON
    .venv/bin/python scripts/reader_report.py --no-damage

Reads ../shared/data (or ALTLEP_SHARED_DATA) in place; imports into an in-memory store.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from altlep.flows.errors import FlowsInputError  # noqa: E402
from altlep.flows.store import Store  # noqa: E402
from tests.shared_data import shared_data_dir  # noqa: E402

FOLDERS = ("council_spend_odileeds", "council_spend_odileeds_years", "council_spend_oxford")
SHORT = {
    "date": "date",
    "amount": "amount",
    "supplier_name": "supplier",
    "supplier_id": "supplier id",
    "company_number": "company no",
    "charity_number": "charity no",
    "vat_number": "VAT no",
    "department": "department",
    "category": "category",
    "transaction": "reference",
    "body": "body",
    "postcode": "postcode",
}


def spend_rows(root: Path) -> list[dict]:
    rows = []
    for folder in FOLDERS:
        for path in sorted((root / "raw" / folder).glob("*.csv")):
            store = Store()
            try:
                result = store.import_spend(path, body=path.stem)
            except FlowsInputError as exc:
                rows.append({"file": f"{folder}/{path.name}", "error": str(exc)})
                continue
            report = result.report
            rows.append(
                {
                    "file": f"{folder}/{path.name}",
                    "encoding": report.encoding,
                    "header_line": report.header_line,
                    "columns": {k: v["header"] for k, v in report.columns().items()},
                    "notes": report.notes,
                    "skipped": [line for line, _ in report.skipped],
                    "set_aside": [row.line for row in report.set_aside],
                    "imported": result.rows,
                }
            )
            store.close()
    return rows


def damage_rows(root: Path) -> dict[str, dict[str, int]]:
    from tests.damage import cases, readers, run_case, tally

    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        for reader in readers().values():
            for path, kind, seed in cases(reader, root):
                outcomes.append(run_case(reader, path, kind, seed, Path(folder)))
    crashes = [o for o in outcomes if o.result == "crash"]
    for crash in crashes:
        print(f"CRASH {crash.reader} {crash.file} {crash.damage} {crash.seed}: {crash.detail}")
    return {name: dict(counts) for name, counts in tally(outcomes).items()}


def _lines(numbers: list[int]) -> str:
    if not numbers:
        return "–"
    shown = ", ".join(str(n) for n in numbers[:4])
    return shown + (f" … ({len(numbers)})" if len(numbers) > 4 else "")


def markdown(spend: list[dict], damage: dict | None) -> str:
    out = [
        "| file | encoding | columns detected | skipped lines | set aside | imported |",
        "|---|---|---|---|---|---|",
    ]
    for row in spend:
        if "error" in row:
            out.append(f"| {row['file']} | – | REFUSED: {row['error']} | | | 0 |")
            continue
        columns = "; ".join(f"{SHORT.get(k, k)}: {v}" for k, v in row["columns"].items())
        out.append(
            f"| {row['file']} | {row['encoding']} | {columns} | {_lines(row['skipped'])} "
            f"| {_lines(row['set_aside'])} | {row['imported']:,} |"
        )
    total = sum(row.get("imported", 0) for row in spend)
    refused = sum(1 for row in spend if "error" in row)
    out.append(f"\n{len(spend) - refused} of {len(spend)} files imported, {total:,} rows.")
    if damage is not None:
        out += [
            "",
            "| reader | cases | clean error | read correctly | crash |",
            "|---|---|---|---|---|",
        ]
        for name, counts in damage.items():
            cases = sum(counts.values())
            out.append(
                f"| {name} | {cases} | {counts.get('clean error', 0)} | "
                f"{counts.get('read', 0)} | {counts.get('crash', 0)} |"
            )
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-damage", action="store_true")
    args = parser.parse_args()
    root = shared_data_dir()
    if root is None:
        print("shared data not found: set ALTLEP_SHARED_DATA or put it at ../shared/data")
        return 2
    spend = spend_rows(root)
    damage = None if args.no_damage else damage_rows(root)
    if args.json:
        print(json.dumps({"spend": spend, "damage": damage}, indent=1, ensure_ascii=False))
    else:
        print(markdown(spend, damage))
    crashed = damage and any(c.get("crash") for c in damage.values())
    return 1 if crashed or any("error" in row for row in spend) else 0


if __name__ == "__main__":
    raise SystemExit(main())
