"""Table-driven funding cases: at and either side of every age and date boundary of the rules
table in altlep/skills/funding.py. Each case names the rule (RULES id) it checks."""

import datetime

import pytest

from altlep.skills.funding import RULES_BY_ID, FundingError, funding

D = datetime.date
BAND = 1_000_000  # £10,000 in pence
FULL = (BAND, 0)  # government, employer
COINVEST = (950_000, 50_000)
LEVY = (0, BAND)

# (rule cited, start, age, levy payer, employees, extra, (government, employer))
CASES = [
    # 2023-24: employers with fewer than 50 employees, young apprentices
    ("small-employer-young-2023", D(2023, 8, 1), 18, False, 49, {}, FULL),
    ("small-employer-young-2023", D(2023, 8, 1), 19, False, 49, {}, COINVEST),
    ("small-employer-young-2023", D(2023, 8, 1), 18, False, 50, {}, COINVEST),
    ("small-employer-young-2023", D(2024, 3, 31), 16, False, 1, {}, FULL),
    ("small-employer-young-2023", D(2023, 8, 1), 19, False, 49, {"ehcp": True}, FULL),
    ("small-employer-young-2023", D(2023, 8, 1), 24, False, 49, {"care_leaver": True}, FULL),
    ("small-employer-young-2023", D(2023, 8, 1), 25, False, 49, {"care_leaver": True}, COINVEST),
    ("small-employer-young-2023", D(2023, 8, 1), 24, False, 50, {"ehcp": True}, COINVEST),
    # 1 April 2024: non-levy employers of any size, apprentices aged 16 to 21
    ("non-levy-16-21", D(2024, 3, 31), 20, False, 10, {}, COINVEST),
    ("non-levy-16-21", D(2024, 4, 1), 20, False, 10, {}, FULL),
    ("non-levy-16-21", D(2024, 4, 1), 21, False, 10, {}, FULL),
    ("non-levy-16-21", D(2024, 4, 1), 22, False, 10, {}, COINVEST),
    ("non-levy-16-21", D(2024, 4, 1), 21, False, 5000, {}, FULL),
    ("non-levy-16-21", D(2024, 3, 31), 18, False, 50, {}, COINVEST),
    ("non-levy-16-21", D(2024, 4, 1), 18, False, 50, {}, FULL),
    # 1 April 2024: 22 to 24 with an EHC plan or care experience, fewer than 50 employees
    ("non-levy-small-22-24-ehcp-care", D(2024, 4, 1), 22, False, 49, {"ehcp": True}, FULL),
    ("non-levy-small-22-24-ehcp-care", D(2024, 4, 1), 24, False, 49, {"care_leaver": True}, FULL),
    ("non-levy-small-22-24-ehcp-care", D(2024, 4, 1), 25, False, 49, {"ehcp": True}, COINVEST),
    ("non-levy-small-22-24-ehcp-care", D(2024, 4, 1), 22, False, 50, {"ehcp": True}, COINVEST),
    # 1 August 2026: SMEs (assumed under 250 employees), apprentices under 25
    ("sme-under-25-2026", D(2026, 7, 31), 22, False, 100, {}, COINVEST),
    ("sme-under-25-2026", D(2026, 8, 1), 22, False, 100, {}, FULL),
    ("sme-under-25-2026", D(2026, 8, 1), 24, False, 249, {}, FULL),
    ("sme-under-25-2026", D(2026, 8, 1), 24, False, 250, {}, COINVEST),
    ("sme-under-25-2026", D(2026, 8, 1), 25, False, 100, {}, COINVEST),
    # the 5% co-investment, and the levy account
    ("co-investment-5", D(2023, 8, 1), 40, False, 3, {}, COINVEST),
    ("co-investment-5", D(2027, 7, 31), 40, False, 3, {}, COINVEST),
    ("levy-account", D(2023, 8, 1), 18, True, 49, {}, LEVY),
    ("levy-account", D(2026, 8, 1), 20, True, 100, {}, LEVY),
    # level 7 restricted to under-22s from January 2026
    ("level-7-under-22-2026", D(2025, 12, 31), 22, False, 10, {"level": 7}, COINVEST),
    ("level-7-under-22-2026", D(2026, 1, 1), 22, False, 10, {"level": 7}, (0, BAND)),
    ("level-7-under-22-2026", D(2026, 1, 1), 21, False, 10, {"level": 7}, FULL),
    ("level-7-under-22-2026", D(2026, 1, 1), 22, False, 10, {"level": 6}, COINVEST),
]


@pytest.mark.parametrize(
    "rule_id,start,age,levy,employees,extra,expected",
    CASES,
    ids=[f"{c[0]}:{c[1]}:age{c[2]}:{c[4]}emp:{sorted(c[5])}" for c in CASES],
)
def test_who_pays_follows_the_rule_in_force_on_the_start_date(
    rule_id, start, age, levy, employees, extra, expected
):
    assert rule_id in RULES_BY_ID
    result = funding(
        start=start,
        age=age,
        levy_payer=levy,
        employees=employees,
        band_max_pence=BAND,
        price_pence=BAND,
        **extra,
    )
    assert (result.government_pence, result.employer_pence) == expected
    assert result.above_band_pence == 0
    applied = [r.id for r in result.rules]
    if expected != COINVEST and not (rule_id.startswith("level-7") and age < 22):
        assert rule_id in applied  # the rule that lifts co-investment is the one cited
    if expected == COINVEST:
        assert "co-investment-5" in applied


def test_every_dated_rule_is_checked_by_a_case_here_or_in_the_incentive_tests():
    cited = {case[0] for case in CASES} | {
        "band-cap",
        "incentive-1000-young",
        "foundation-eligibility-2025",
        "foundation-incentive-2000",
        "sme-hiring-incentive-2026",
        "minimum-duration-12",
        "minimum-duration-8",
    }
    assert cited == set(RULES_BY_ID)


def test_the_employer_pays_all_of_the_price_above_the_band_maximum():
    # rule band-cap (and co-investment-5 on the part within the band)
    result = funding(
        start=D(2025, 1, 1),
        age=30,
        levy_payer=False,
        employees=5,
        band_max_pence=BAND,
        price_pence=1_200_000,
    )
    assert result.above_band_pence == 200_000
    assert result.government_pence == 950_000
    assert result.employer_pence == 250_000
    assert "band-cap" in [r.id for r in result.rules]


def test_a_price_under_the_band_is_shared_on_the_price_not_the_band():
    # rule co-investment-5: 5% of £3.33 is 16.65p, rounded half up to 17p
    result = funding(
        start=D(2025, 1, 1),
        age=30,
        levy_payer=False,
        employees=5,
        band_max_pence=BAND,
        price_pence=333,
    )
    assert (result.government_pence, result.employer_pence) == (316, 17)


@pytest.mark.parametrize(
    "start,months,rule_id",
    [
        (D(2025, 7, 31), 12, "minimum-duration-12"),
        (D(2025, 8, 1), 8, "minimum-duration-8"),
    ],
)
def test_the_minimum_duration_changes_on_1_august_2025(start, months, rule_id):
    result = funding(
        start=start, age=30, levy_payer=False, employees=5, band_max_pence=BAND, price_pence=BAND
    )
    assert result.minimum_duration_months == months
    assert rule_id in [r.id for r in result.rules]


@pytest.mark.parametrize(
    "start", [D(2023, 7, 31), D(2027, 8, 1)], ids=["day-before-2023-24", "day-after-2026-27"]
)
def test_a_start_date_outside_the_table_is_refused_naming_the_field(start):
    with pytest.raises(FundingError, match="start"):
        funding(
            start=start,
            age=30,
            levy_payer=False,
            employees=5,
            band_max_pence=BAND,
            price_pence=BAND,
        )


@pytest.mark.parametrize("field", ["band_max_pence", "price_pence"])
def test_a_negative_price_or_band_is_refused_naming_the_field(field):
    values = {"band_max_pence": BAND, "price_pence": BAND, field: -1}
    with pytest.raises(FundingError, match=field.removesuffix("_pence")):
        funding(start=D(2025, 1, 1), age=30, levy_payer=False, employees=5, **values)
