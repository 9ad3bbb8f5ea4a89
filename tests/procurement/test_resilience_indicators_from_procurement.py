"""The scorecard's procurement indicators, on fixtures with known answers: the mean check score
of opportunities published in the period, and the share of awarded value to micro/SMEs."""

import datetime

import pytest
from django.utils import timezone

from altlep.evidence.models import Period
from altlep.evidence.resilience.registry import compute
from altlep.procurement.models import AwardRecord
from altlep.procurement.services.opportunities import opportunity_publish
from tests.procurement.factories import friendly_draft, make_buyer

pytestmark = pytest.mark.django_db
FRIENDLINESS = "altlep.procurement.indicators.opportunity_friendliness"
SMALL_FIRMS = "altlep.procurement.indicators.awards_to_small_firms"


@pytest.fixture
def this_month():
    today = timezone.now().date()
    return Period.objects.create(
        name="now",
        starts_on=today - datetime.timedelta(days=15),
        ends_on=today + datetime.timedelta(days=15),
    )


def test_published_opportunities_give_their_mean_score_and_drafts_do_not_count(this_month):
    buyer, officer = make_buyer()
    for _ in range(2):
        opportunity_publish(actor=officer, opportunity=friendly_draft(buyer, officer))
    friendly_draft(buyer, officer)  # a draft: not published, not counted
    reading = compute(FRIENDLINESS, this_month)
    assert reading.value == 100.0
    assert "2 opportunities" in reading.lineage[0]


def test_no_opportunity_published_is_no_data_not_zero(this_month):
    reading = compute(FRIENDLINESS, this_month)
    assert reading.value is None and "no opportunity was published" in reading.no_data


def test_awarded_value_to_micro_and_smes_is_a_share_of_the_value_in_the_period(this_month):
    buyer, _ = make_buyer()
    today = timezone.now().date()
    awards = [
        ("micro", 30_000_00, today),
        ("sme", 20_000_00, today),
        ("large", 40_000_00, today),
        ("unknown", 10_000_00, today),
        ("micro", 99_000_00, today - datetime.timedelta(days=400)),  # before the period
    ]
    for n, (scale, amount, day) in enumerate(awards):
        AwardRecord.objects.create(
            buyer=buyer,
            ocid=f"ocds-test-{n}",
            award_id=f"award-{n}",
            supplier_name=f"Supplier {n}",
            scale=scale,
            amount_pence=amount,
            awarded_on=day,
            source_file="awards.json",
        )
    reading = compute(SMALL_FIRMS, this_month)
    assert reading.value == 50.0  # (30,000 + 20,000) of 100,000
    assert "£10,000 of it to suppliers of unknown size" in reading.lineage[0]


def test_no_award_recorded_is_no_data_and_says_how_to_import(this_month):
    reading = compute(SMALL_FIRMS, this_month)
    assert reading.value is None and "import-awards" in reading.no_data
