from pathlib import Path

import pytest

from altlep.flows.spend import detect_file, read_spend
from tests.shared_data import require_shared, shared_data_dir

_root = shared_data_dir()
REAL_FILES = sorted(
    str(p.relative_to(_root / "raw"))
    for folder in ("council_spend_odileeds", "council_spend_oxford")
    for p in ((_root / "raw" / folder).glob("*.csv") if _root else [])
) or ["council_spend_odileeds/missing.csv"]


@pytest.mark.parametrize("name", REAL_FILES)
def test_every_real_spend_file_is_read_with_its_columns_detected(name):
    path = require_shared("raw", name)
    mapping, _ = detect_file(path)
    assert {"date", "amount", "supplier_name"} <= set(mapping.columns)
    lines = list(read_spend(path))
    assert len(lines) > 100
    assert all(line.paid_on.year >= 2017 for line in lines)


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
