"""Each money limit of the size bands holds to the penny: a figure exactly at the limit is within
it and one penny more is over it, for turnover and balance sheet, in every band, whether the
two-of-three test or two known figures decide, and through the organisation form."""

import pytest
from django.urls import reverse

from altlep.members.models import Organisation
from altlep.members.sizing import SizeBand, SizeBasis, size_band

PENNY = 1
# band → (employees, turnover in pence, balance sheet in pence), from the Companies Act as
# amended for financial years from 6 April 2025 (written here, not read from the code).
LIMITS = {
    SizeBand.MICRO: (10, 100_000_000, 50_000_000),
    SizeBand.SMALL: (50, 1_500_000_000, 750_000_000),
    SizeBand.MEDIUM: (250, 5_400_000_000, 2_700_000_000),
}
NEXT_BAND = {
    SizeBand.MICRO: SizeBand.SMALL,
    SizeBand.SMALL: SizeBand.MEDIUM,
    SizeBand.MEDIUM: SizeBand.LARGE,
}
MONEY = {"turnover_pence": 1, "balance_sheet_pence": 2}


def _figures(limit_band, **overrides) -> dict:
    employees, turnover, balance = LIMITS[limit_band]
    figures = {"employees": employees, "turnover_pence": turnover, "balance_sheet_pence": balance}
    return {**figures, **overrides}


@pytest.mark.parametrize("limit_band", list(LIMITS))
@pytest.mark.parametrize("money", list(MONEY))
def test_with_staff_over_the_limit_one_penny_of_money_decides_the_band(limit_band, money):
    # Headcount is over, the other money figure within: this figure alone tips the test.
    limit = LIMITS[limit_band][MONEY[money]]
    over_staff = LIMITS[limit_band][0] + 1
    at = size_band(**_figures(limit_band, employees=over_staff, **{money: limit}))
    over = size_band(**_figures(limit_band, employees=over_staff, **{money: limit + PENNY}))
    under = size_band(**_figures(limit_band, employees=over_staff, **{money: limit - PENNY}))
    assert (at.band, under.band) == (limit_band, limit_band)
    assert over.band == NEXT_BAND[limit_band]
    assert at.basis == over.basis == SizeBasis.TWO_OF_THREE


@pytest.mark.parametrize("limit_band", list(LIMITS))
def test_both_money_figures_one_penny_over_leave_the_band_whatever_the_headcount(limit_band):
    _, turnover, balance = LIMITS[limit_band]
    figures = {"turnover_pence": turnover + PENNY, "balance_sheet_pence": balance + PENNY}
    assert size_band(employees=1, **figures).band == NEXT_BAND[limit_band]
    at = {"turnover_pence": turnover, "balance_sheet_pence": balance}
    assert size_band(employees=100_000, **at).band == limit_band


@pytest.mark.parametrize("limit_band", list(LIMITS))
def test_two_known_money_figures_hold_to_the_penny_without_a_headcount(limit_band):
    _, turnover, balance = LIMITS[limit_band]
    within = size_band(employees=None, turnover_pence=turnover, balance_sheet_pence=balance)
    assert (within.band, within.basis) == (limit_band, SizeBasis.TWO_KNOWN)
    over = size_band(
        employees=None, turnover_pence=turnover + PENNY, balance_sheet_pence=balance + PENNY
    )
    assert over.band == NEXT_BAND[limit_band]
    # One penny over on one figure only: the two known figures disagree, nothing decides.
    split = size_band(employees=None, turnover_pence=turnover + PENNY, balance_sheet_pence=balance)
    assert split.band == SizeBand.UNKNOWN


@pytest.mark.django_db
@pytest.mark.parametrize(
    "turnover,balance,expected",
    [
        ("1000000.00", "500000.00", "micro"),
        ("1000000.01", "500000.00", "small"),
        ("1000000.00", "500000.01", "small"),
        ("15000000.00", "7500000.00", "small"),
        ("15000000.01", "7500000.01", "medium"),
    ],
)
def test_the_organisation_form_keeps_the_pence_that_decide_the_band(
    client, member, turnover, balance, expected
):
    # Eleven staff are over the micro headcount, so each penny of money can tip the band.
    client.force_login(member)
    data = {
        "name": "Penny Test Ltd",
        "legal_form": "ltd",
        "postcode": "PR1 2HE",
        "sic_codes": "62012",
        "employees": "11",
        "turnover": turnover,
        "balance_sheet": balance,
        "role": "owner_manager",
    }
    assert client.post(reverse("members:organisation_create"), data).status_code == 302
    organisation = Organisation.objects.get(name="Penny Test Ltd")
    assert organisation.turnover_pence == int(turnover.replace(".", ""))
    assert organisation.size_band == expected
