"""Standing for election: eligible members stand with a statement; others are refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from altlep.governance.models import Nomination
from altlep.governance.services.elections import (
    election_create,
    election_open_voting,
    nomination_submit,
)
from tests.governance.factories import large_business_rep, micro_owner, sme_owner

pytestmark = pytest.mark.django_db


@pytest.fixture
def election(officer):
    return election_create(actor=officer, title="Micro seats 2026", category="micro", seats=2)


def test_an_eligible_member_stands_with_a_statement(election):
    owner = micro_owner()
    n = nomination_submit(actor=owner, election=election, statement="I run a bakery.")
    assert n.member == owner and n.statement == "I run a bakery."


def test_an_ineligible_nomination_is_refused_naming_the_rule(election):
    with pytest.raises(ValidationError, match="micro-enterprise seats are for owner-managers"):
        nomination_submit(actor=sme_owner(), election=election, statement="Let me in.")
    with pytest.raises(ValidationError, match="no big business"):
        nomination_submit(actor=large_business_rep(), election=election, statement="Me too.")
    assert not Nomination.objects.exists()


def test_a_nomination_needs_a_statement(election):
    with pytest.raises(ValidationError, match="statement"):
        nomination_submit(actor=micro_owner(), election=election, statement="  ")


def test_a_member_cannot_stand_twice(election):
    owner = micro_owner()
    nomination_submit(actor=owner, election=election, statement="Once.")
    with pytest.raises(ValidationError, match="already standing"):
        nomination_submit(actor=owner, election=election, statement="Twice.")


def test_nominations_close_when_voting_opens(election, officer):
    nomination_submit(actor=micro_owner(), election=election, statement="Early.")
    election_open_voting(actor=officer, election=election)
    with pytest.raises(PermissionDenied):
        nomination_submit(actor=micro_owner(), election=election, statement="Late.")


def test_an_election_for_more_seats_than_the_category_allows_is_refused(officer):
    with pytest.raises(ValidationError, match="category maximum"):
        election_create(actor=officer, title="Too many", category="sme", seats=3)
