"""Size bands by the Companies Act two-of-three test (thresholds from 6 April 2025)."""

import pytest

from altlep.members.sizing import SizeBand, SizeBasis, size_band

POUND = 100
LIMITS = {
    # band: (employees, turnover £, balance sheet £)
    SizeBand.MICRO: (10, 1_000_000, 500_000),
    SizeBand.SMALL: (50, 15_000_000, 7_500_000),
    SizeBand.MEDIUM: (250, 54_000_000, 27_000_000),
}
NEXT_BAND = {
    SizeBand.MICRO: SizeBand.SMALL,
    SizeBand.SMALL: SizeBand.MEDIUM,
    SizeBand.MEDIUM: SizeBand.LARGE,
}


def band(employees, turnover, balance):
    return size_band(
        employees=employees,
        turnover_pence=None if turnover is None else turnover * POUND,
        balance_sheet_pence=None if balance is None else balance * POUND,
    )


@pytest.mark.parametrize("limit_band", list(LIMITS))
def test_figures_exactly_at_every_limit_stay_in_the_band(limit_band):
    result = band(*LIMITS[limit_band])
    assert result.band == limit_band
    assert result.basis == SizeBasis.TWO_OF_THREE


@pytest.mark.parametrize("limit_band", list(LIMITS))
def test_figures_just_over_every_limit_move_up_a_band(limit_band):
    employees, turnover, balance = LIMITS[limit_band]
    assert band(employees + 1, turnover + 1, balance + 1).band == NEXT_BAND[limit_band]


@pytest.mark.parametrize("limit_band", list(LIMITS))
def test_figures_just_under_every_limit_stay_in_the_band(limit_band):
    employees, turnover, balance = LIMITS[limit_band]
    assert band(employees - 1, turnover - 1, balance - 1).band == limit_band


@pytest.mark.parametrize("limit_band", list(LIMITS))
@pytest.mark.parametrize("over", [0, 1, 2])
def test_exceeding_only_one_limit_keeps_the_band(limit_band, over):
    figures = list(LIMITS[limit_band])
    figures[over] += 1
    assert band(*figures).band == limit_band


@pytest.mark.parametrize("limit_band", list(LIMITS))
@pytest.mark.parametrize("within", [0, 1, 2])
def test_exceeding_two_limits_leaves_the_band(limit_band, within):
    figures = [value + 1 for value in LIMITS[limit_band]]
    figures[within] -= 1
    assert band(*figures).band == NEXT_BAND[limit_band]


def test_a_sole_trader_with_tiny_figures_is_micro():
    assert band(1, 30_000, 5_000).band == SizeBand.MICRO


def test_many_staff_but_small_finances_is_still_micro():
    # 40 employees exceeds the micro headcount, but turnover and balance sheet are within.
    assert band(40, 900_000, 400_000).band == SizeBand.MICRO


@pytest.mark.parametrize(
    ("employees", "expected"),
    [
        (0, SizeBand.MICRO),
        (10, SizeBand.MICRO),
        (11, SizeBand.SMALL),
        (50, SizeBand.SMALL),
        (51, SizeBand.MEDIUM),
        (250, SizeBand.MEDIUM),
        (251, SizeBand.LARGE),
    ],
)
def test_headcount_alone_decides_when_finances_are_unknown(employees, expected):
    result = band(employees, None, None)
    assert result.band == expected
    assert result.basis == SizeBasis.HEADCOUNT


def test_two_known_figures_that_agree_decide_without_the_third():
    result = band(None, 900_000, 400_000)
    assert (result.band, result.basis) == (SizeBand.MICRO, SizeBasis.TWO_KNOWN)


def test_two_known_figures_that_disagree_fall_back_to_headcount():
    result = band(30, 900_000, None)  # turnover within micro, headcount over it
    assert (result.band, result.basis) == (SizeBand.SMALL, SizeBasis.HEADCOUNT)


def test_no_figures_gives_an_unknown_band():
    result = band(None, None, None)
    assert (result.band, result.basis) == (SizeBand.UNKNOWN, SizeBasis.NONE)


def test_one_financial_figure_alone_cannot_decide():
    assert band(None, 900_000, None).band == SizeBand.UNKNOWN
