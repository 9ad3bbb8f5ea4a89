"""The dated rules table: a threshold change or a new section applies from its start date."""

from datetime import date

from altlep.procurement.check.engine import check
from altlep.procurement.check.table import ROWS, rows_in_force, thresholds_in_force
from tests.procurement.notices import friendly

# £210,000 incl. VAT for a council: above the 2024 threshold (£214,904)? No — below it; but
# £210,000 is above the 2026 threshold (£207,720).
VALUE = 21_000_000


def test_a_council_contract_of_210000_pounds_was_below_threshold_in_2025_and_above_in_2026():
    before = friendly(published_on=date(2025, 12, 31), value_pence=VALUE)
    after = friendly(published_on=date(2026, 1, 1), value_pence=VALUE)
    assert check(before).outcomes["above_threshold_procedure"] == "not_applicable"
    assert check(after).outcomes["above_threshold_procedure"] == "fail"


def test_the_thresholds_in_force_change_on_1_january_2026():
    assert thresholds_in_force(date(2025, 12, 31))["sub_central"] == 21_490_400
    assert thresholds_in_force(date(2026, 1, 1))["sub_central"] == 20_772_000
    assert thresholds_in_force(date(2026, 1, 1))["central"] == 13_501_800
    assert thresholds_in_force(date(2026, 1, 1))["works"] == 519_300_000


def test_insurance_before_award_is_judged_only_from_the_acts_commencement():
    before = friendly(published_on=date(2025, 2, 23), insurance_before_award=True)
    after = friendly(published_on=date(2025, 2, 24), insurance_before_award=True)
    assert "no_insurance_before_award" not in check(before).outcomes
    assert check(after).outcomes["no_insurance_before_award"] == "fail"


def test_the_tendering_period_before_the_act_followed_the_2015_regulations():
    assert rows_in_force(date(2025, 2, 23))["minimum_tendering_period"].params["open"] == 30
    assert rows_in_force(date(2025, 2, 24))["minimum_tendering_period"].params["open"] == 25


def test_every_row_names_its_severity_sentence_fix_and_source():
    for row in ROWS:
        assert row.severity in ("error", "warning")
        assert row.sentence and row.fix and row.source


def test_a_rule_change_is_a_new_row_not_an_edit():
    starts = {}
    for row in ROWS:
        starts.setdefault(row.rule, []).append(row.starts)
    assert all(len(set(dates)) == len(dates) for dates in starts.values())
