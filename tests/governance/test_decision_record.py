"""Recording decisions: votes by voting board members only, and recusal on declared interests."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from altlep.governance.models import Decision, Vote
from altlep.governance.services.decisions import decision_record, interest_declare
from tests.governance.factories import board
from tests.governance.helpers import board_meeting, item

pytestmark = pytest.mark.django_db


@pytest.fixture
def seats():
    return board(micro=3, sme=0, social=1, councillors=1)


def test_a_decision_is_recorded_with_each_vote_and_carried_on_a_majority(officer, seats):
    meeting = board_meeting(officer)
    m = [s.member for s in seats]
    d = decision_record(
        actor=officer,
        meeting=meeting,
        title="Fund repair cafés",
        text="£20,000 for repair cafés.",
        votes={m[0]: "for", m[1]: "for", m[2]: "against", m[3]: "abstain"},
    )
    assert d.carried
    assert d.tally() == {"for": 2, "against": 1, "abstain": 1, "recused": 0}


def test_a_vote_by_someone_not_on_the_board_is_refused_and_nothing_is_recorded(
    officer, seats, member
):
    meeting = board_meeting(officer)
    with pytest.raises(ValidationError, match="only voting board members vote"):
        decision_record(
            actor=officer,
            meeting=meeting,
            title="T",
            text="T",
            votes={seats[0].member: "for", member: "for"},
        )
    assert not Decision.objects.exists() and not Vote.objects.exists()


def test_a_councillor_in_an_added_seat_does_not_vote(officer, seats):
    councillor = next(s.member for s in seats if s.category == "councillor")
    with pytest.raises(ValidationError, match="only voting board members vote"):
        decision_record(
            actor=officer,
            meeting=board_meeting(officer),
            title="T",
            text="T",
            votes={councillor: "for"},
        )


def test_a_member_with_a_declared_interest_cannot_vote_and_is_shown_as_recused(officer, seats):
    meeting = board_meeting(officer)
    grants = item(officer, meeting)
    conflicted, others = seats[0].member, [s.member for s in seats[1:4]]
    interest_declare(actor=conflicted, item=grants, description="My café would apply.")
    with pytest.raises(ValidationError, match="declared interests"):
        decision_record(
            actor=officer,
            meeting=meeting,
            item=grants,
            title="T",
            text="T",
            votes={conflicted: "for", others[0]: "for"},
        )
    assert not Decision.objects.exists()
    d = decision_record(
        actor=officer,
        meeting=meeting,
        item=grants,
        title="Grants",
        text="Yes.",
        votes={member: "for" for member in others},
    )
    assert d.votes.get(member=conflicted).choice == "recused"
    assert d.tally()["recused"] == 1


def test_only_officers_record_decisions(seats):
    with pytest.raises(PermissionDenied):
        decision_record(actor=seats[0].member, meeting=None, title="T", text="T", votes={})


def test_an_unknown_vote_is_refused(officer, seats):
    with pytest.raises(ValidationError, match="not a vote"):
        decision_record(
            actor=officer,
            meeting=board_meeting(officer),
            title="T",
            text="T",
            votes={seats[0].member: "maybe"},
        )
