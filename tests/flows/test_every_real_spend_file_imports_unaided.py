"""Every real spend file in the three shared folders imports with no mapping given."""

from pathlib import Path

import pytest

from altlep.flows.spend import detect_file, read_spend
from altlep.flows.store import Store
from tests.shared_data import require_shared, shared_data_dir

FOLDERS = ("council_spend_odileeds", "council_spend_odileeds_years", "council_spend_oxford")
_root = shared_data_dir()
REAL_FILES = sorted(
    str(p.relative_to(_root / "raw"))
    for folder in FOLDERS
    for p in ((_root / "raw" / folder).glob("*.csv") if _root else [])
) or ["council_spend_odileeds/missing.csv"]


@pytest.mark.parametrize("name", REAL_FILES)
def test_every_real_spend_file_imports_unaided_with_its_report(name):
    path = require_shared("raw", name)
    store = Store()
    result = store.import_spend(path, body="Somewhere")
    report = result.report
    assert {"date", "amount", "supplier_name"} <= set(report.columns())
    assert report.encoding in {"utf-8-sig", "cp1252", "latin-1"}
    assert result.rows > 100
    assert result.rows == store.scalar("SELECT count(*) FROM spend")
    assert len(report.set_aside) <= result.rows // 100
    assert store.scalar("SELECT count(*) FROM set_aside") == len(report.set_aside)
    years = store.rows("SELECT min(year(paid_on)), max(year(paid_on)) FROM spend")[0]
    assert 2009 <= years[0] <= years[1] <= 2024


def test_the_hm_treasury_25k_schema_headers_are_detected(tmp_path):
    import json

    schema = json.loads(require_shared("raw", "schemas_spend", "hmt_spend-25k.json").read_text())
    headers = [f["name"] for f in schema["fields"]]
    row = {
        "Date": "01/04/2023",
        "Amount": "30000.00",
        "Supplier": "Acme Ltd",
        "Expense type": "Consultancy",
        "Expense area": "Finance",
        "Supplier postcode": "PR1 2HE",
        "VAT registration number": "GB123",
    }
    path = Path(tmp_path / "hmt.csv")
    path.write_text(",".join(headers) + "\n" + ",".join(row.get(h, "x") for h in headers) + "\n")
    mapping, _ = detect_file(path)
    described = mapping.describe()
    assert described["date"] == "Date"
    assert described["amount"] == "Amount"
    assert described["supplier_name"] == "Supplier"
    assert described["postcode"] == "Supplier postcode"
    assert described["category"] == "Expense type"
    [line] = list(read_spend(path))
    assert line.amount_pence == 3_000_000 and line.postcode == "PR1 2HE"


def test_a_mapping_override_replaces_the_detected_column():
    from tests.flows.helpers import FIXTURES

    mapping, _ = detect_file(FIXTURES / "spend_cp1252.csv", override={"category": "Service Area"})
    assert mapping.describe()["category"] == "Service Area"
    assert mapping.reasons["category"] == "given in the mapping"
