"""A change to the constitution that would break the sitting board lists the seats affected."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from altlep.governance.selectors.composition import current_constitution
from altlep.governance.services.constitution import constitution_update
from tests.governance.factories import board

pytestmark = pytest.mark.django_db


def test_capping_sme_seats_below_those_filled_lists_the_sme_seats(officer):
    seats = board(micro=5, sme=2, social=1)
    with pytest.raises(ValidationError) as refused:
        constitution_update(actor=officer, changes={"sme_max": 1})
    text = " ".join(refused.value.messages)
    assert "category maximum" in text
    for s in seats:
        assert (str(s) in text) == (s.category == "sme")
    assert current_constitution().sme_max == 2


def test_shrinking_the_board_below_its_filled_seats_is_refused(officer):
    board(micro=6, sme=1, social=1)
    with pytest.raises(ValidationError, match="board size"):
        constitution_update(actor=officer, changes={"voting_seats": 7, "micro_max": 7})


def test_the_officer_may_confirm_a_change_having_seen_the_seats_affected(officer):
    board(micro=5, sme=2, social=1)
    c = constitution_update(actor=officer, changes={"sme_max": 1}, confirm=True)
    assert c.sme_max == 1


def test_a_change_that_keeps_the_board_valid_goes_through(officer):
    board(micro=5, sme=1, social=1)
    assert constitution_update(actor=officer, changes={"term_limit": 3}).term_limit == 3


def test_a_member_cannot_change_the_constitution(member):
    with pytest.raises(PermissionDenied):
        constitution_update(actor=member, changes={"voting_seats": 11})
