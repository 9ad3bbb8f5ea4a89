"""Damaged OCDS input: the error names the file (and line, for JSON lines); the command goes on
with the next file and exits non-zero at the end. Damage is seeded from a good release."""

import json
import random

from click.testing import CliRunner

from altlep.procurement.check.ocds import OcdsReadError, read_releases
from altlep.procurement.cli import procurement

RELEASE = {
    "ocid": "ocds-test-1",
    "id": "r1",
    "date": "2026-03-01T09:00:00Z",
    "tag": ["tender"],
    "tender": {
        "id": "t1",
        "title": "Grounds maintenance",
        "value": {"amount": 48000, "currency": "GBP"},
        "lots": [{"id": "1"}, {"id": "2"}],
        "tenderPeriod": {"endDate": "2026-03-31T12:00:00Z"},
    },
}


def test_each_shape_of_ocds_file_is_read(tmp_path):
    shapes = {
        "package.json": {"releases": [RELEASE]},
        "record.json": {"records": [{"ocid": "ocds-test-1", "releases": [RELEASE]}]},
        "compiled.json": {"records": [{"ocid": "ocds-test-1", "compiledRelease": RELEASE}]},
        "single.json": RELEASE,
    }
    for name, document in shapes.items():
        path = tmp_path / name
        path.write_text(json.dumps(document))
        assert [r["ocid"] for _, r in read_releases(path)] == ["ocds-test-1"], name
    lines = tmp_path / "lines.jsonl"
    lines.write_text(json.dumps(RELEASE) + "\n" + json.dumps({"releases": [RELEASE]}) + "\n")
    assert [line for line, _ in read_releases(lines)] == [1, 2]


def test_a_damaged_json_lines_file_names_its_line(tmp_path):
    rng = random.Random(17)
    good = json.dumps(RELEASE)
    broken_at = rng.randrange(2, 6)
    text = []
    for number in range(1, 7):
        if number == broken_at:
            cut = rng.randrange(10, len(good) - 10)
            text.append(good[:cut])  # truncated mid-release
        else:
            text.append(good)
    path = tmp_path / "damaged.jsonl"
    path.write_text("\n".join(text) + "\n")
    try:
        list(read_releases(path))
    except OcdsReadError as error:
        assert error.line == broken_at
        assert str(path) in str(error) and f"line {broken_at}" in str(error)
    else:
        raise AssertionError("damage not reported")


def test_the_command_goes_on_after_a_bad_file_and_exits_non_zero(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"releases": [')
    not_ocds = tmp_path / "not_ocds.json"
    not_ocds.write_text('{"hello": 1}')
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"releases": [RELEASE, {"ocid": "x", "id": "no-tender"}]}))
    result = CliRunner().invoke(
        procurement, ["check", str(bad), str(not_ocds), str(good), "--json"]
    )
    assert result.exit_code == 1
    assert "bad.json" in result.stderr and "not valid JSON" in result.stderr
    assert "not_ocds.json" in result.stderr and "not OCDS" in result.stderr
    records = json.loads(result.stdout)
    assert [r["ocid"] for r in records] == ["ocds-test-1"]  # the release without a tender is not
    assert records[0]["lots"] == 2
    assert records[0]["tender_period_days"] == 30
    assert "Traceback" not in result.output
