"""`altlep procurement check` on every real OCDS release in ../shared/data/raw: no crash, a record
for every release with a tender, and lots and tender periods equal to a plain reading."""

import json
from datetime import datetime

from click.testing import CliRunner

from altlep.procurement.cli import procurement
from tests.shared_data import require_shared

KEYS = {
    "ocid",
    "release_id",
    "title",
    "value",
    "currency",
    "lots",
    "tender_period_days",
    "score",
    "findings",
}


def real_files():
    raw = require_shared("raw")
    return sorted(
        [
            *raw.glob("contracts_finder_ocds_2025_cfserver1/*.json"),
            *raw.glob("contracts_finder_ocds_2020_bluetail/json_1_1_*/*.json"),
            *raw.glob("find_a_tender/*.json"),
        ]
    )


def plain_reading(files):
    """Each release with a tender, read with nothing but json and datetime."""
    expected = {}
    for path in files:
        for release in json.loads(path.read_text()).get("releases", []):
            tender = release.get("tender")
            if not tender:
                continue
            period = tender.get("tenderPeriod") or {}
            start = period.get("startDate") or release.get("date")
            end = period.get("endDate")
            days = None
            if start and end:
                a = datetime.fromisoformat(start.replace("Z", "+00:00"))
                b = datetime.fromisoformat(end.replace("Z", "+00:00"))
                days = int((b - a).total_seconds() // 86400)
            expected[(release["ocid"], release["id"])] = (len(tender.get("lots") or []), days)
    return expected


def test_every_real_release_with_a_tender_is_checked_and_read_plainly():
    files = real_files()
    result = CliRunner().invoke(procurement, ["check", *map(str, files), "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    expected = plain_reading(files)
    assert len(records) == len(expected) > 400
    for record in records:
        assert set(record) == KEYS
        lots, days = expected[(record["ocid"], record["release_id"])]
        assert record["lots"] == lots
        assert record["tender_period_days"] == days
        for finding in record["findings"]:
            assert set(finding) == {"rule", "severity", "message", "source"}


def test_the_2025_contracts_finder_tenders_are_all_reported():
    path = require_shared("raw", "contracts_finder_ocds_2025_cfserver1", "cf_releases_2025.json")
    result = CliRunner().invoke(procurement, ["check", str(path), "--json", "--tag", "tender"])
    records = json.loads(result.stdout)
    assert len(records) == 40
    assert all(r["currency"] in ("GBP", None) for r in records)
