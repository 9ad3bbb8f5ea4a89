"""An officer moves a round to its next phase now, e.g. closing the vote early."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from altlep.commissioning.services.rounds import round_next_phase
from tests.commissioning.factories import RoundFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("now", "next_"),
    [
        ("before", "collect"),
        ("collect", "assess"),
        ("assess", "vote"),
        ("vote", "results"),
        ("results", "delivery"),
    ],
)
def test_the_next_phase_starts_now(officer, now, next_):
    round_ = RoundFactory(phase=now)
    round_next_phase(actor=officer, round_=round_)
    assert round_.current_phase_kind == next_
    assert round_.phases.count() == 5


def test_ending_the_last_phase_leaves_the_round_finished(officer):
    round_ = RoundFactory(phase="delivery")
    round_next_phase(actor=officer, round_=round_)
    assert round_.current_phase_kind is None
    with pytest.raises(ValidationError, match="over"):
        round_next_phase(actor=officer, round_=round_)


def test_an_officer_closes_the_vote_from_the_round_page(client, officer):
    round_ = RoundFactory(phase="vote")
    client.force_login(officer)
    client.post(reverse("commissioning:next_phase", args=[round_.slug]))
    assert round_.current_phase_kind == "results"


def test_a_member_cannot_move_a_round_on(client, member):
    round_ = RoundFactory(phase="vote")
    client.force_login(member)
    assert client.post(reverse("commissioning:next_phase", args=[round_.slug])).status_code == 403
    assert round_.current_phase_kind == "vote"
