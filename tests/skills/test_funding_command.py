"""`altlep skills funding` prints the result; with --json, the keys the issue names."""

import json

from click.testing import CliRunner

from altlep.skills.cli import skills


def run(*args):
    return CliRunner().invoke(skills, ["funding", *args])


def test_the_funding_command_prints_json_with_the_agreed_keys():
    result = run(
        "--start",
        "2025-09-01",
        "--age",
        "17",
        "--levy",
        "no",
        "--employees",
        "4",
        "--band-max",
        "9000",
        "--price",
        "9500",
        "--json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"government", "employer", "above_band", "incentives", "rules"} <= set(data)
    assert data["government"] == "9000.00"  # rule non-levy-16-21
    assert data["employer"] == "500.00"
    assert data["above_band"] == "500.00"
    assert {"to": "employer", "amount": "500.00", "when": "2025-11-30"} in data["incentives"]
    assert all({"id", "text", "source"} == set(r) for r in data["rules"])
    assert "non-levy-16-21" in [r["id"] for r in data["rules"]]


def test_a_negative_price_gets_a_message_naming_it_and_no_traceback():
    result = run(
        "--start",
        "2025-09-01",
        "--age",
        "30",
        "--levy",
        "no",
        "--employees",
        "4",
        "--band-max",
        "9000",
        "--price",
        "-1",
    )
    assert result.exit_code == 1
    assert "price cannot be negative" in result.output
    assert "Traceback" not in result.output


def test_the_plain_output_lists_rules_with_their_sources():
    result = run(
        "--start",
        "2024-01-10",
        "--age",
        "30",
        "--levy",
        "no",
        "--employees",
        "4",
        "--band-max",
        "9000",
        "--price",
        "9000",
    )
    assert result.exit_code == 0, result.output
    assert "Government pays: £8550.00" in result.output
    assert "[co-investment-5]" in result.output
    assert "gov.uk" in result.output


def test_the_rules_command_lists_every_row_with_its_status():
    result = CliRunner().invoke(skills, ["rules", "--json"])
    rows = json.loads(result.output)
    assert all(r["source"] and r["status"] in {"published", "reported", "assumed"} for r in rows)
    assert all(r["assumption"] for r in rows if r["status"] == "assumed")
