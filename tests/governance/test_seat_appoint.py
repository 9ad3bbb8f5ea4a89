"""Seating a member is refused, naming the rule, whenever the constitution does not allow it."""

import pytest
from django.core.exceptions import ValidationError

from altlep.core.models import AuditEntry
from altlep.governance.models import Seat
from altlep.governance.services.board import seat_appoint
from tests.governance.factories import (
    board,
    councillor,
    large_business_rep,
    micro_owner,
    resident,
    seat,
    sme_owner,
    vcse_trustee,
)

pytestmark = pytest.mark.django_db


def test_an_eligible_micro_owner_is_seated_and_the_audit_log_records_it(officer):
    owner = micro_owner()
    s = seat_appoint(actor=officer, member=owner, category="micro")
    assert s.member == owner and s.term_ends_on.year == s.started_on.year + 3
    assert AuditEntry.objects.filter(action="seat_appoint", object_id=str(s.pk)).exists()


def test_a_nine_seat_board_with_four_micro_owners_is_refused(officer):
    board(micro=4, sme=2, social=2, resident_seats=0)
    with pytest.raises(ValidationError, match="micro-enterprise majority"):
        seat_appoint(actor=officer, member=resident(), category="resident")
    assert Seat.objects.count() == 8


def test_a_large_business_representative_is_refused_for_every_seat(officer):
    rep = large_business_rep()
    for category in ("micro", "sme", "social", "resident", "councillor"):
        with pytest.raises(ValidationError, match="no big business"):
            seat_appoint(actor=officer, member=rep, category=category)
    assert not Seat.objects.exists()


def test_a_large_business_representative_who_also_owns_a_micro_firm_is_still_refused(officer):
    from tests.factories import OrganisationFactory
    from tests.governance.factories import SIZES

    rep = large_business_rep()
    OrganisationFactory(created_by=rep, **SIZES["micro"])
    with pytest.raises(ValidationError, match="no big business"):
        seat_appoint(actor=officer, member=rep, category="micro")


@pytest.mark.parametrize(
    ("make", "category", "rule"),
    [
        (sme_owner, "micro", "owner-managers of micro-enterprises"),
        (micro_owner, "sme", "small and medium enterprise seats"),
        (micro_owner, "social", "VCSE seats"),
        (micro_owner, "councillor", "councillor seats"),
    ],
)
def test_a_member_is_refused_a_seat_of_a_category_they_are_not_eligible_for(
    officer, make, category, rule
):
    with pytest.raises(ValidationError, match=rule):
        seat_appoint(actor=officer, member=make(), category=category)


def test_councillors_are_added_beyond_the_voting_seats(officer):
    board(micro=6, sme=2, social=1)  # all nine voting seats filled
    for _ in range(3):
        seat_appoint(actor=officer, member=councillor(), category="councillor")
    assert Seat.objects.sitting().count() == 12
    with pytest.raises(ValidationError, match="category maximum"):
        seat_appoint(actor=officer, member=councillor(), category="councillor")


def test_a_tenth_voting_member_is_refused_by_the_board_size(officer):
    board(micro=6, sme=2, social=1)
    with pytest.raises(ValidationError, match="board size"):
        seat_appoint(actor=officer, member=micro_owner(), category="micro")


def test_a_third_sme_seat_is_refused_by_the_category_maximum(officer):
    board(micro=5, sme=2, social=0)
    with pytest.raises(ValidationError, match="category maximum"):
        seat_appoint(actor=officer, member=sme_owner(), category="sme")


def test_a_non_micro_seat_that_would_end_the_micro_majority_is_refused(officer):
    board(micro=2, sme=1, social=0)
    with pytest.raises(ValidationError, match="micro-enterprise majority"):
        seat_appoint(actor=officer, member=vcse_trustee(), category="social")


def test_a_member_cannot_hold_two_seats(officer):
    owner = micro_owner()
    seat_appoint(actor=officer, member=owner, category="micro")
    with pytest.raises(ValidationError, match="one seat per member"):
        seat_appoint(actor=officer, member=owner, category="micro")


def test_a_member_who_has_served_the_term_limit_is_refused(officer):
    import datetime

    owner = micro_owner()
    long_ago = datetime.date(2015, 1, 1)
    for years in (0, 3):
        s = seat(owner, "micro", started_on=long_ago.replace(year=2015 + years))
        s.ended_on = s.term_ends_on
        s.end_reason = "term_ended"
        s.save()
    with pytest.raises(ValidationError, match="term limit of 2"):
        seat_appoint(actor=officer, member=owner, category="micro")


def test_a_co_opted_resident_must_live_in_the_area(officer, partnership):
    from tests.factories import UserFactory

    with pytest.raises(ValidationError, match="resident seats are for residents"):
        seat_appoint(
            actor=officer, member=UserFactory(district_code="E09000001"), category="resident"
        )
    board(micro=2, sme=0, social=0)
    assert seat_appoint(actor=officer, member=resident(), category="resident").pk
