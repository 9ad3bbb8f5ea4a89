"""`altlep supply match` ranks the directory for a need, as JSON or a table."""

import json

from click.testing import CliRunner

from altlep.supply.cli import supply
from tests.supply.factories import supplier


def test_the_command_prints_the_ranking_as_json(partnership, cpv):
    supplier("Preston Cleaners Ltd", ["90910000"], postcode="PR2 9YJ")
    supplier("Lancaster Cleaners Ltd", ["90919200"], postcode="LA1 1HP")
    supplier("Preston Bakery Ltd", ["15811000"])
    result = CliRunner().invoke(
        supply, ["match", "--cpv", "90910000", "--postcode", "PR1 2HE", "--json"]
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)["matches"]
    assert [m["supplier"] for m in found] == ["Preston Cleaners Ltd", "Lancaster Cleaners Ltd"]
    assert found[0]["distance_km"] == 2.9 and found[0]["reasons"][0] == "Offers exactly 90910000"


def test_a_postcode_that_does_not_exist_is_refused_by_name(partnership, cpv):
    result = CliRunner().invoke(supply, ["match", "--cpv", "90910000", "--postcode", "PR1 9ZZ"])
    assert result.exit_code == 2
    assert "--postcode" in result.output and "not in the ONS Postcode Directory" in result.output
