"""Double voting is impossible under concurrent requests (threads on a real PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from altlep.commissioning.models import Ballot
from altlep.commissioning.services.ballots import ballot_cast
from tests.commissioning.factories import ProjectFactory, RoundFactory
from tests.factories import UserFactory

THREADS = 8


@pytest.mark.django_db(transaction=True)
def test_concurrent_ballots_from_one_member_leave_exactly_one_ballot():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: an in-memory SQLite test database is one connection")
    round_ = RoundFactory(phase="vote")
    projects = [ProjectFactory(round=round_) for _ in range(THREADS)]
    voter = UserFactory()
    barrier = threading.Barrier(THREADS)
    outcomes: list[object] = []

    def vote(project):
        try:
            barrier.wait()
            outcomes.append(ballot_cast(round_=round_, voter=voter, choices={project.pk: 1})[1])
        except Exception as error:  # collected and asserted on below
            outcomes.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=vote, args=(p,)) for p in projects]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    assert outcomes.count(True) == 1  # exactly one request created the ballot
    ballots = Ballot.objects.filter(round=round_, voter=voter)
    assert ballots.count() == 1
    assert ballots.get().choices.count() == 1
