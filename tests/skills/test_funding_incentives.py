"""Incentive payments: to whom, how much and when, at each age and date boundary."""

import datetime

import pytest

from altlep.skills.funding import FundingError, funding

D = datetime.date
BAND = 500_000


def incentives(start, age, *, levy=False, employees=5, **extra):
    result = funding(
        start=start,
        age=age,
        levy_payer=levy,
        employees=employees,
        band_max_pence=BAND,
        price_pence=BAND,
        **extra,
    )
    return [(i.to, i.amount_pence, i.when, i.rule) for i in result.incentives], result


@pytest.mark.parametrize(
    "age,extra,paid",
    [
        (16, {}, True),
        (18, {}, True),
        (19, {}, False),
        (19, {"ehcp": True}, True),
        (24, {"care_leaver": True}, True),
        (25, {"care_leaver": True}, False),
        (25, {"ehcp": True}, False),
    ],
)
def test_the_1000_pound_incentive_goes_to_employer_and_provider_for_young_apprentices(
    age, extra, paid
):
    # rule incentive-1000-young
    start = D(2024, 9, 2)
    found, result = incentives(start, age, **extra)
    young = [f for f in found if f[3] == "incentive-1000-young"]
    if not paid:
        assert young == []
        return
    assert sorted(young) == sorted(
        [
            ("employer", 50_000, D(2024, 12, 1), "incentive-1000-young"),
            ("employer", 50_000, D(2025, 9, 2), "incentive-1000-young"),
            ("provider", 50_000, D(2024, 12, 1), "incentive-1000-young"),
            ("provider", 50_000, D(2025, 9, 2), "incentive-1000-young"),
        ]
    )
    assert "incentive-1000-young" in [r.id for r in result.rules]


def test_foundation_apprenticeships_cannot_start_before_1_august_2025():
    # rule foundation-eligibility-2025
    with pytest.raises(FundingError, match="foundation"):
        incentives(D(2025, 7, 31), 18, foundation=True)


@pytest.mark.parametrize(
    "age,extra,allowed",
    [
        (21, {}, True),
        (22, {}, False),
        (22, {"ehcp": True}, True),
        (24, {"care_leaver": True}, True),
        (25, {"ehcp": True}, False),
    ],
)
def test_foundation_apprentices_are_16_to_21_or_up_to_24_with_support(age, extra, allowed):
    # rule foundation-eligibility-2025 and foundation-incentive-2000
    if not allowed:
        with pytest.raises(FundingError, match="foundation"):
            incentives(D(2025, 8, 1), age, foundation=True, **extra)
        return
    found, result = incentives(D(2025, 8, 1), age, foundation=True, **extra)
    assert ("employer", 200_000, D(2025, 10, 30), "foundation-incentive-2000") in found
    assert any("foundation-incentive-2000" in a for a in result.assumptions)


@pytest.mark.parametrize(
    "start,age,levy,employees,paid",
    [
        (D(2026, 7, 31), 20, False, 10, False),
        (D(2026, 8, 1), 20, False, 10, True),
        (D(2026, 8, 1), 24, False, 249, True),
        (D(2026, 8, 1), 25, False, 10, False),
        (D(2026, 8, 1), 24, False, 250, False),
        (D(2026, 8, 1), 20, True, 10, False),
    ],
)
def test_the_2026_sme_hiring_incentive_is_paid_from_1_august_2026_for_under_25s(
    start, age, levy, employees, paid
):
    # rule sme-hiring-incentive-2026 (its instalments and SME threshold are assumptions)
    found, result = incentives(start, age, levy=levy, employees=employees)
    sme = [f for f in found if f[3] == "sme-hiring-incentive-2026"]
    if paid:
        assert [f[1] for f in sme] == [100_000, 100_000]
        assert any(a.startswith("sme-hiring-incentive-2026") for a in result.assumptions)
    else:
        assert sme == []
