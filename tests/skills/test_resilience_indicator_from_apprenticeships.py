"""The scorecard's skills indicator: the share of apprenticeships started in the period that
are with micro-employers (known answers), and "no data" when none started."""

import datetime

import pytest

from altlep.evidence.models import Period
from altlep.evidence.resilience.registry import compute
from tests.skills.factories import START, make_apprenticeship, make_owner, make_placement

pytestmark = pytest.mark.django_db
INDICATOR = "altlep.skills.indicators.apprenticeships_with_micro_employers"


@pytest.fixture
def year_of_start():
    return Period.objects.create(
        name="2026-27",
        starts_on=datetime.date(2026, 4, 1),
        ends_on=datetime.date(2027, 3, 31),
    )


def test_one_of_two_apprenticeships_with_a_micro_employer_is_half(year_of_start):
    micro_owner, micro = make_owner(employees=4)
    small_owner, small = make_owner(
        employees=30, turnover_pence=2_000_000_00, balance_sheet_pence=1_000_000_00
    )
    assert (micro.size_band, small.size_band) == ("micro", "small")
    for owner, organisation in ((micro_owner, micro), (small_owner, small)):
        make_apprenticeship(make_placement(owner=owner, organisation=organisation))
    reading = compute(INDICATOR, year_of_start)
    assert reading.value == 50.0
    assert reading.lineage[0].startswith("1 of 2 apprenticeships started")


def test_a_period_with_no_start_has_no_data(year_of_start):
    before = Period.objects.create(
        name="2025-26", starts_on=datetime.date(2025, 4, 1), ends_on=datetime.date(2026, 3, 31)
    )
    make_apprenticeship()  # starts on START, in 2026-27
    assert START > before.ends_on
    reading = compute(INDICATOR, before)
    assert reading.value is None and "no apprenticeship started" in reading.no_data
