"""One test per rule of the check, with a notice just inside and just outside it."""

from datetime import date, timedelta

from altlep.procurement.check.engine import LotFacts, check
from altlep.procurement.check.table import RULE_NAMES
from tests.procurement.notices import PUBLISHED, above, friendly


def outcome(notice, rule):
    return check(notice).outcomes.get(rule)


def test_the_friendly_notice_passes_everything_and_scores_100():
    result = check(friendly())
    assert result.findings == []
    assert result.score == 100


def test_lots_or_a_reason():
    assert outcome(friendly(lots=(LotFacts(1),) * 2), "lots_or_reason") == "pass"
    assert (
        outcome(friendly(lots=(), no_lots_reason="One site, one kitchen."), "lots_or_reason")
        == "pass"
    )
    assert outcome(friendly(lots=(), no_lots_reason=""), "lots_or_reason") == "fail"
    assert outcome(friendly(lots=None), "lots_or_reason") == "unknown"


def test_turnover_no_more_than_twice_the_smallest_lots_yearly_value():
    # Lots of £50,000 over two years: £25,000 a year, so £50,000 turnover is the most.
    assert (
        outcome(
            friendly(contract_years=2.0, minimum_turnover_pence=5_000_001), "turnover_proportionate"
        )
        == "fail"
    )
    assert (
        outcome(
            friendly(contract_years=2.0, minimum_turnover_pence=5_000_000), "turnover_proportionate"
        )
        == "pass"
    )


def test_turnover_with_unknown_length_is_judged_only_when_every_length_agrees():
    assert (
        outcome(
            friendly(contract_years=None, minimum_turnover_pence=10_000_000),
            "turnover_proportionate",
        )
        == "unknown"
    )
    assert (
        outcome(
            friendly(contract_years=None, minimum_turnover_pence=10_000_001),
            "turnover_proportionate",
        )
        == "fail"
    )


def test_no_insurance_demanded_before_award():
    assert outcome(friendly(insurance_before_award=False), "no_insurance_before_award") == "pass"
    assert outcome(friendly(insurance_before_award=True), "no_insurance_before_award") == "fail"


def test_no_audited_accounts_demanded():
    assert outcome(friendly(audited_accounts_demanded=False), "no_audited_accounts") == "pass"
    assert outcome(friendly(audited_accounts_demanded=True), "no_audited_accounts") == "fail"


def test_payment_within_30_days():
    assert outcome(friendly(payment_days=30), "payment_within_30_days") == "pass"
    assert outcome(friendly(payment_days=31), "payment_within_30_days") == "fail"


def test_subcontractors_paid_within_30_days():
    assert (
        outcome(friendly(subcontract_payment_days=30), "subcontract_payment_within_30_days")
        == "pass"
    )
    assert (
        outcome(friendly(subcontract_payment_days=31), "subcontract_payment_within_30_days")
        == "fail"
    )
    assert (
        outcome(
            friendly(subcontract_payment_days=60, subcontracting=False),
            "subcontract_payment_within_30_days",
        )
        == "not_applicable"
    )


def test_the_minimum_tendering_period_of_an_open_procedure_is_25_days():
    assert outcome(above(), "minimum_tendering_period") == "pass"
    assert (
        outcome(
            above(tender_end=PUBLISHED + timedelta(days=24, hours=23)), "minimum_tendering_period"
        )
        == "fail"
    )


def test_paper_tenders_need_30_days():
    assert (
        outcome(
            above(electronic_tenders=False, tender_end=PUBLISHED + timedelta(days=30)),
            "minimum_tendering_period",
        )
        == "pass"
    )
    assert (
        outcome(
            above(electronic_tenders=False, tender_end=PUBLISHED + timedelta(days=29)),
            "minimum_tendering_period",
        )
        == "fail"
    )


def test_a_planned_procurement_notice_40_days_to_a_year_before_shortens_it_to_10_days():
    ten_days = PUBLISHED + timedelta(days=10)
    assert (
        outcome(
            above(
                tender_end=ten_days,
                planned_procurement_notice_on=PUBLISHED.date() - timedelta(days=40),
            ),
            "minimum_tendering_period",
        )
        == "pass"
    )
    assert (
        outcome(
            above(
                tender_end=ten_days,
                planned_procurement_notice_on=PUBLISHED.date() - timedelta(days=39),
            ),
            "minimum_tendering_period",
        )
        == "fail"
    )
    assert (
        outcome(
            above(
                tender_end=ten_days,
                planned_procurement_notice_on=PUBLISHED.date() - timedelta(days=365),
            ),
            "minimum_tendering_period",
        )
        == "pass"
    )
    assert (
        outcome(
            above(
                tender_end=ten_days,
                planned_procurement_notice_on=PUBLISHED.date() - timedelta(days=366),
            ),
            "minimum_tendering_period",
        )
        == "fail"
    )


def test_below_threshold_a_proportionate_period_of_10_days():
    assert (
        outcome(
            friendly(tender_end=PUBLISHED + timedelta(days=10)),
            "proportionate_period_below_threshold",
        )
        == "pass"
    )
    assert (
        outcome(
            friendly(tender_end=PUBLISHED + timedelta(days=9, hours=23)),
            "proportionate_period_below_threshold",
        )
        == "fail"
    )


def test_a_below_threshold_notice_from_30000_pounds_for_a_council():
    unpublished = dict(notice_published=False, lots=(), no_lots_reason="small")
    assert (
        outcome(friendly(value_pence=2_999_999, **unpublished), "below_threshold_notice")
        == "not_applicable"
    )
    assert (
        outcome(friendly(value_pence=3_000_000, **unpublished), "below_threshold_notice") == "fail"
    )
    assert (
        outcome(friendly(value_pence=3_000_000, notice_published=True), "below_threshold_notice")
        == "pass"
    )


def test_a_below_threshold_notice_from_12000_pounds_for_central_government():
    unpublished = dict(notice_published=False, buyer_kind="central")
    assert (
        outcome(friendly(value_pence=1_199_999, **unpublished), "below_threshold_notice")
        == "not_applicable"
    )
    assert (
        outcome(friendly(value_pence=1_200_000, **unpublished), "below_threshold_notice") == "fail"
    )


def test_a_value_at_the_threshold_needs_a_competitive_procedure():
    at = friendly(value_pence=20_772_000, procedure="below_threshold")
    just_under = friendly(value_pence=20_771_999, procedure="below_threshold")
    assert outcome(at, "above_threshold_procedure") == "fail"
    assert outcome(just_under, "above_threshold_procedure") == "not_applicable"
    assert (
        outcome(friendly(value_pence=20_772_000, procedure="open"), "above_threshold_procedure")
        == "pass"
    )


def test_a_value_without_its_vat_is_judged_only_when_both_readings_agree():
    net = dict(value_includes_vat=None, procedure="below_threshold")
    assert outcome(friendly(value_pence=20_772_000, **net), "above_threshold_procedure") == "fail"
    assert (
        outcome(friendly(value_pence=17_310_000, **net), "above_threshold_procedure") == "unknown"
    )
    assert (
        outcome(friendly(value_pence=17_309_999, **net), "above_threshold_procedure")
        == "not_applicable"
    )


def test_suitability_for_smes_or_vcses_is_flagged():
    assert (
        outcome(friendly(sme_suitable=True, vcse_suitable=False), "sme_vcse_suitability") == "pass"
    )
    assert (
        outcome(friendly(sme_suitable=False, vcse_suitable=False), "sme_vcse_suitability") == "fail"
    )
    assert (
        outcome(friendly(sme_suitable=None, vcse_suitable=None), "sme_vcse_suitability")
        == "unknown"
    )


def test_consortia_are_welcome():
    assert outcome(friendly(consortia_welcome=True), "consortia_welcome") == "pass"
    assert outcome(friendly(consortia_welcome=False), "consortia_welcome") == "fail"


def test_every_rule_has_a_test_here():
    tested = {
        "lots_or_reason",
        "turnover_proportionate",
        "no_insurance_before_award",
        "no_audited_accounts",
        "payment_within_30_days",
        "subcontract_payment_within_30_days",
        "minimum_tendering_period",
        "proportionate_period_below_threshold",
        "below_threshold_notice",
        "above_threshold_procedure",
        "sme_vcse_suitability",
        "consortia_welcome",
    }
    assert set(RULE_NAMES) == tested


def test_a_finding_names_its_rule_severity_message_fix_and_source():
    finding = check(friendly(payment_days=45)).findings[0]
    assert finding.rule == "payment_within_30_days"
    assert finding.severity == "error"
    assert "45 days" in finding.message
    assert finding.fix and finding.source == "Procurement Act 2023 s.68"


def test_the_score_weighs_errors_three_and_warnings_one():
    # One error (payment) and one warning (consortia) fail out of 11 judged rules.
    result = check(friendly(payment_days=45, consortia_welcome=False))
    assert result.passed_weight == result.judged_weight - 4
    assert result.score == round(100 * result.passed_weight / result.judged_weight)
    assert date(2026, 1, 1) <= friendly().published_on


def test_a_period_long_enough_under_every_reading_passes_when_the_threshold_is_unknown():
    unknown_value = dict(value_pence=None, electronic_tenders=None)
    assert (
        outcome(
            above(tender_end=PUBLISHED + timedelta(days=30), **unknown_value),
            "minimum_tendering_period",
        )
        == "pass"
    )
    assert (
        outcome(
            above(tender_end=PUBLISHED + timedelta(days=29), **unknown_value),
            "minimum_tendering_period",
        )
        == "unknown"
    )
