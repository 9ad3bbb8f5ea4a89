"""An election's state binds everyone: a superuser and an officer stand only while nominations
are open, vote only while voting is open, and the election's page offers nothing else."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.governance.models import ElectionStatus
from altlep.governance.services.elections import (
    ballot_cast,
    election_count,
    election_create,
    election_open_voting,
    nomination_submit,
)
from altlep.members.models import User
from tests.governance.factories import micro_owner

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin@example.org", "a long passphrase", display_name="A")


@pytest.fixture(params=["superuser", "officer"])
def powerful(request, superuser, officer):
    return {"superuser": superuser, "officer": officer}[request.param]


def _election(officer, status: str):
    election = election_create(actor=officer, title="Micro seat", category="micro", seats=1)
    nomination = nomination_submit(actor=micro_owner(), election=election, statement="Me")
    if status != ElectionStatus.NOMINATIONS:
        election_open_voting(actor=officer, election=election)
        ballot_cast(actor=micro_owner(), election=election, ranks={str(nomination.pk): "1"})
    if status == ElectionStatus.COUNTED:
        election_count(actor=officer, election=election)
    election.refresh_from_db()
    return election, nomination


@pytest.mark.parametrize("status", [ElectionStatus.VOTING, ElectionStatus.COUNTED])
def test_nobody_stands_once_nominations_close(status, powerful, officer):
    election, _ = _election(officer, status)
    with pytest.raises(PermissionDenied):
        nomination_submit(actor=powerful, election=election, statement="Let me in")
    assert election.nominations.count() == 1


@pytest.mark.parametrize("status", [ElectionStatus.NOMINATIONS, ElectionStatus.COUNTED])
def test_nobody_votes_outside_the_voting_state(status, powerful, officer):
    election, nomination = _election(officer, status)
    ballots_before = election.ballots.count()
    with pytest.raises(PermissionDenied):
        ballot_cast(actor=powerful, election=election, ranks={str(nomination.pk): "1"})
    assert election.ballots.count() == ballots_before


@pytest.mark.parametrize("status", [ElectionStatus.NOMINATIONS, ElectionStatus.COUNTED])
def test_nobody_counts_an_election_whose_vote_is_not_open(status, powerful, officer):
    election, _ = _election(officer, status)
    with pytest.raises(ValidationError, match="vote is open"):
        election_count(actor=powerful, election=election)


@pytest.mark.parametrize("status", [ElectionStatus.VOTING, ElectionStatus.COUNTED])
def test_nobody_reopens_voting_once_it_has_opened(status, powerful, officer):
    election, _ = _election(officer, status)
    with pytest.raises(ValidationError, match="only open after nominations"):
        election_open_voting(actor=powerful, election=election)
    election.refresh_from_db()
    assert election.status == status


@pytest.mark.parametrize("status", ElectionStatus.values)
def test_the_election_page_offers_superusers_only_what_its_state_allows(
    status, client, superuser, officer
):
    election, _ = _election(officer, status)
    client.force_login(superuser)
    html = client.get(election.get_absolute_url()).content.decode()
    vote_link = f'href="{reverse("governance:ballot", args=[election.slug])}"'
    assert (vote_link in html) is (status == ElectionStatus.VOTING)
    assert ("Stand for election" in html) is (status == ElectionStatus.NOMINATIONS)
