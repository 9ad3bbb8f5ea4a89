"""Owner-managers offer placements; bad offers are refused naming the field, nothing saved."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from altlep.skills.models import Placement
from tests.factories import UserFactory
from tests.skills.factories import make_owner, make_placement, make_standard

pytestmark = pytest.mark.django_db


def test_an_owner_manager_offers_a_placement_located_by_its_postcode():
    placement = make_placement()
    assert placement.status == "open"
    assert placement.district_code == "E07000123"  # Preston
    assert placement.easting and placement.northing


def test_a_wage_below_the_apprentice_rate_on_the_start_date_is_refused():
    # £7.99 < £8.00, the apprentice rate from 1 April 2026
    with pytest.raises(ValidationError) as caught:
        make_placement(hourly_wage_pence=799, start_date=datetime.date(2026, 4, 1))
    assert "hourly_wage_pence" in caught.value.message_dict
    assert Placement.objects.count() == 0


def test_the_same_wage_is_lawful_before_the_april_rise():
    placement = make_placement(hourly_wage_pence=799, start_date=datetime.date(2026, 3, 31))
    assert placement.pk


def test_a_start_before_the_standard_was_approved_is_refused():
    standard = make_standard("ST0900", approved_on=datetime.date(2026, 10, 1))
    with pytest.raises(ValidationError) as caught:
        make_placement(standard=standard, start_date=datetime.date(2026, 9, 30))
    assert "before the standard ST0900 was approved" in caught.value.message_dict["start_date"][0]


def test_a_start_after_the_standard_was_withdrawn_is_refused():
    standard = make_standard("ST0901", withdrawn_on=datetime.date(2026, 8, 1))
    with pytest.raises(ValidationError) as caught:
        make_placement(standard=standard, start_date=datetime.date(2026, 9, 1))
    assert "withdrawn" in caught.value.message_dict["start_date"][0]


def test_an_unknown_standard_is_refused():
    owner, organisation = make_owner()
    from altlep.skills.services.placements import placement_offer

    with pytest.raises(ValidationError) as caught:
        placement_offer(
            actor=owner,
            organisation=organisation,
            standard=None,
            title="x",
            workplace_postcode="PR1 2HE",
            hours_per_week=30,
            hourly_wage_pence=900,
            start_date=datetime.date(2026, 9, 1),
            learning="y",
        )
    assert "standard" in caught.value.message_dict


def test_a_bad_postcode_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as caught:
        make_placement(workplace_postcode="NOT A CODE")
    assert "workplace_postcode" in caught.value.message_dict


def test_a_member_who_is_not_an_owner_manager_cannot_offer_one():
    member = UserFactory()
    _, organisation = make_owner()
    with pytest.raises(PermissionDenied):
        make_placement(owner=member, organisation=organisation)


def test_an_owner_manager_cannot_offer_at_someone_elses_business():
    owner, _ = make_owner()
    _, other = make_owner()
    with pytest.raises(ValidationError) as caught:
        make_placement(owner=owner, organisation=other)
    assert "organisation" in caught.value.message_dict
