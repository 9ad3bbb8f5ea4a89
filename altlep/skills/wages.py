"""The National Minimum Wage, National Living Wage and apprentice rate, by the date they apply.

ENGINE: imports no Django. An apprentice is entitled to at least the apprentice rate while under
19, or 19 or over and in the first year of the apprenticeship; after that, to the rate for their
age ("National Minimum Wage and National Living Wage rates", gov.uk, 'Apprentices'). Rates change
on 1 April each year. Rates from 1 April 2027 are not in the table: a date after 31 March 2027 is
refused rather than guessed.
"""

import datetime
from dataclasses import dataclass

GOV_NMW = "https://www.gov.uk/national-minimum-wage-rates"


@dataclass(frozen=True)
class Band:
    label: str
    min_age: int  # inclusive
    hourly_pence: int


@dataclass(frozen=True)
class RateYear:
    first_day: datetime.date
    last_day: datetime.date
    apprentice_pence: int
    bands: tuple[Band, ...]  # age bands, youngest first
    source: str


RATES: tuple[RateYear, ...] = (
    RateYear(
        datetime.date(2023, 4, 1),
        datetime.date(2024, 3, 31),
        528,
        (
            Band("under 18", 16, 528),
            Band("18 to 20", 18, 749),
            Band("21 to 22", 21, 1018),
            Band("23 and over (National Living Wage)", 23, 1042),
        ),
        f"National Minimum Wage and National Living Wage rates (gov.uk), 'Current rates', "
        f"April 2023, as archived at http://www.businesslink.gov.uk/bdotg/action/layer?topicId="
        f"1081657912; {GOV_NMW}",
    ),
    RateYear(
        datetime.date(2024, 4, 1),
        datetime.date(2025, 3, 31),
        640,
        (
            Band("under 18", 16, 640),
            Band("18 to 20", 18, 860),
            Band("21 and over (National Living Wage)", 21, 1144),
        ),
        f"National Minimum Wage and National Living Wage rates (gov.uk), 'Current rates', "
        f"April 2024, as reproduced at https://derby-community-accountancy.org.uk/2024/04/11/"
        f"changes-to-the-national-minimum-wage-and-living-wage; {GOV_NMW}",
    ),
    RateYear(
        datetime.date(2025, 4, 1),
        datetime.date(2026, 3, 31),
        755,
        (
            Band("under 18", 16, 755),
            Band("18 to 20", 18, 1000),
            Band("21 and over (National Living Wage)", 21, 1221),
        ),
        "National Minimum Wage rates from April 2025, as tabulated at https://workwiseforscreen."
        "org.uk/en/topics/good-work/modules/module/resources/6th-april-2025-national-minimum-"
        f"wage-update; {GOV_NMW}",
    ),
    RateYear(
        datetime.date(2026, 4, 1),
        datetime.date(2027, 3, 31),
        800,
        (
            Band("under 18", 16, 800),
            Band("18 to 20", 18, 1085),
            Band("21 and over (National Living Wage)", 21, 1271),
        ),
        "Rates from 1 April 2026 announced in the Autumn Budget of 26 November 2025 (Low Pay "
        "Commission recommendations), as listed at https://www.howespercival.com/articles/"
        f"new-national-minimum-wage-rates-announced; {GOV_NMW}",
    ),
)


class WageError(ValueError):
    """A wage check that cannot be made (a date outside the table, an age below 16)."""


@dataclass(frozen=True)
class Minimum:
    hourly_pence: int
    label: str  # "apprentice rate" or the age band
    first_day: datetime.date
    source: str


def rates_on(day: datetime.date) -> RateYear:
    for year in RATES:
        if year.first_day <= day <= year.last_day:
            return year
    raise WageError(
        f"start: no minimum wage rates in the table for {day.isoformat()} (it covers "
        f"{RATES[0].first_day.isoformat()} to {RATES[-1].last_day.isoformat()})"
    )


def minimum_hourly(*, day: datetime.date, age: int, first_year: bool = True) -> Minimum:
    """The legal minimum hourly pay of an apprentice of `age` on `day`."""
    if age < 16:
        raise WageError(f"age: {age} is below school-leaving age; the minimum wage starts at 16")
    year = rates_on(day)
    if age < 19 or first_year:
        return Minimum(year.apprentice_pence, "apprentice rate", year.first_day, year.source)
    band = [b for b in year.bands if b.min_age <= age][-1]
    return Minimum(band.hourly_pence, band.label, year.first_day, year.source)


def wage_problem(*, day: datetime.date, hourly_pence: int, age: int | None = None) -> str | None:
    """Why this hourly wage is below the legal minimum for an apprentice starting on `day`
    (the apprentice rate when no age is given: the floor for every first-year apprentice),
    or None when it is lawful."""
    if hourly_pence < 0:
        return "wage cannot be negative"
    minimum = minimum_hourly(day=day, age=age if age is not None else 16, first_year=True)
    if hourly_pence < minimum.hourly_pence:
        return (
            f"wage: £{hourly_pence / 100:.2f} an hour is below the {minimum.label} of "
            f"£{minimum.hourly_pence / 100:.2f} in force on {day.isoformat()} "
            f"(from {minimum.first_day.isoformat()})"
        )
    return None
