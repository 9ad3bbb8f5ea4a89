"""The apprentice minimum wage and the National Minimum Wage, at each age band and date boundary
of the table in altlep/skills/wages.py."""

import datetime

import pytest

from altlep.skills.wages import WageError, minimum_hourly, wage_problem

D = datetime.date


@pytest.mark.parametrize(
    "day,age,first_year,pence,label",
    [
        # April 2023 table: 23+ NLW, 21-22, 18-20, under 18; apprentice rate £5.28
        (D(2023, 4, 1), 17, False, 528, "apprentice rate"),
        (D(2023, 4, 1), 18, False, 528, "apprentice rate"),  # under 19: apprentice rate
        (D(2023, 4, 1), 19, False, 749, "18 to 20"),
        (D(2023, 4, 1), 20, False, 749, "18 to 20"),
        (D(2023, 4, 1), 21, False, 1018, "21 to 22"),
        (D(2023, 4, 1), 22, False, 1018, "21 to 22"),
        (D(2023, 4, 1), 23, False, 1042, "23 and over (National Living Wage)"),
        (D(2023, 4, 1), 40, True, 528, "apprentice rate"),  # first year: apprentice rate at any age
        (D(2024, 3, 31), 22, False, 1018, "21 to 22"),
        # April 2024: NLW from 21
        (D(2024, 4, 1), 18, False, 640, "apprentice rate"),
        (D(2024, 4, 1), 19, False, 860, "18 to 20"),
        (D(2024, 4, 1), 20, False, 860, "18 to 20"),
        (D(2024, 4, 1), 21, False, 1144, "21 and over (National Living Wage)"),
        (D(2024, 4, 1), 22, False, 1144, "21 and over (National Living Wage)"),
        (D(2025, 3, 31), 21, False, 1144, "21 and over (National Living Wage)"),
        # April 2025
        (D(2025, 4, 1), 18, True, 755, "apprentice rate"),
        (D(2025, 4, 1), 19, False, 1000, "18 to 20"),
        (D(2025, 4, 1), 21, False, 1221, "21 and over (National Living Wage)"),
        (D(2026, 3, 31), 20, False, 1000, "18 to 20"),
        # April 2026
        (D(2026, 4, 1), 18, False, 800, "apprentice rate"),
        (D(2026, 4, 1), 19, False, 1085, "18 to 20"),
        (D(2026, 4, 1), 20, False, 1085, "18 to 20"),
        (D(2026, 4, 1), 21, False, 1271, "21 and over (National Living Wage)"),
        (D(2027, 3, 31), 21, True, 800, "apprentice rate"),
    ],
)
def test_the_minimum_is_the_rate_for_the_age_band_on_the_day(day, age, first_year, pence, label):
    minimum = minimum_hourly(day=day, age=age, first_year=first_year)
    assert (minimum.hourly_pence, minimum.label) == (pence, label)
    assert minimum.source


@pytest.mark.parametrize(
    "day,pence,lawful",
    [
        (D(2025, 3, 31), 640, True),
        (D(2025, 4, 1), 640, False),
        (D(2025, 4, 1), 754, False),
        (D(2025, 4, 1), 755, True),
        (D(2026, 4, 1), 799, False),
        (D(2026, 4, 1), 800, True),
    ],
)
def test_a_wage_below_the_apprentice_rate_on_the_start_date_is_named(day, pence, lawful):
    problem = wage_problem(day=day, hourly_pence=pence)
    assert (problem is None) == lawful
    if not lawful:
        assert problem.startswith("wage:")


@pytest.mark.parametrize("day", [D(2023, 3, 31), D(2027, 4, 1)])
def test_a_day_outside_the_table_is_refused_rather_than_guessed(day):
    with pytest.raises(WageError, match="start"):
        minimum_hourly(day=day, age=20)


def test_under_16_is_refused():
    with pytest.raises(WageError, match="age"):
        minimum_hourly(day=D(2025, 4, 1), age=15)
