"""Ranked ballots: repeated ranks and unknown candidates are refused and nothing is stored."""

import pytest
from django.core.exceptions import ValidationError

from altlep.governance.models import ElectionBallot
from altlep.governance.services.elections import (
    ballot_cast,
    election_create,
    election_open_voting,
    nomination_submit,
)
from tests.governance.factories import micro_owner

pytestmark = pytest.mark.django_db


@pytest.fixture
def election(officer):
    e = election_create(actor=officer, title="Micro seats", category="micro", seats=1)
    for name in ("Ann", "Ben", "Cat"):
        nomination_submit(actor=micro_owner(display_name=name), election=e, statement=name)
    return election_open_voting(actor=officer, election=e)


def ids(election):
    return {n.member.display_name: n.pk for n in election.nominations.all()}


def test_a_member_ranks_candidates_and_the_ballot_keeps_their_order(election, member):
    c = ids(election)
    ballot = ballot_cast(
        actor=member, election=election, ranks={str(c["Cat"]): "1", str(c["Ann"]): "3"}
    )
    assert ballot.ranking == [c["Cat"], c["Ann"]]


def test_a_ballot_with_a_repeated_rank_is_refused(election, member):
    c = ids(election)
    with pytest.raises(ValidationError, match="Rank 1 is given to more than one candidate"):
        ballot_cast(actor=member, election=election, ranks={c["Ann"]: 1, c["Ben"]: 1})
    assert not ElectionBallot.objects.exists()


def test_a_ballot_with_an_unknown_candidate_is_refused(election, member):
    with pytest.raises(ValidationError, match="not a candidate in this election"):
        ballot_cast(actor=member, election=election, ranks={999999: 1})
    assert not ElectionBallot.objects.exists()


def test_an_empty_ballot_or_a_rank_below_one_is_refused(election, member):
    with pytest.raises(ValidationError, match="at least one candidate"):
        ballot_cast(actor=member, election=election, ranks={})
    with pytest.raises(ValidationError, match="ranks start at 1"):
        ballot_cast(actor=member, election=election, ranks={ids(election)["Ann"]: 0})


def test_a_member_cannot_vote_twice(election, member):
    ballot_cast(actor=member, election=election, ranks={ids(election)["Ann"]: 1})
    with pytest.raises(ValidationError, match="already voted"):
        ballot_cast(actor=member, election=election, ranks={ids(election)["Ben"]: 1})


def test_the_ballot_form_refuses_repeated_ranks_with_the_rule(client, election, member):
    c = ids(election)
    client.force_login(member)
    page = client.post(
        f"/governance/elections/{election.slug}/vote/",
        {f"rank_{c['Ann']}": "1", f"rank_{c['Ben']}": "1"},
    )
    assert page.status_code == 200
    assert "each preference once" in page.content.decode()
    assert not ElectionBallot.objects.exists()


def test_the_ballot_form_casts_a_ballot_without_javascript(client, election, member):
    c = ids(election)
    client.force_login(member)
    page = client.post(
        f"/governance/elections/{election.slug}/vote/",
        {f"rank_{c['Ben']}": "1", f"rank_{c['Ann']}": "2", f"rank_{c['Cat']}": ""},
    )
    assert page.status_code == 302
    assert ElectionBallot.objects.get().ranking == [c["Ben"], c["Ann"]]
