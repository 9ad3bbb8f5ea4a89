"""Two `altlep notify send` running at once send one digest (threads on a real PostgreSQL)."""

import threading

import pytest
from django.core import mail
from django.db import connection, connections

from altlep.commissioning.services.ideas import comment_add
from altlep.notify.models import Digest, DigestChange
from altlep.notify.services import digests_send, follow_add
from tests.factories import UserFactory
from tests.notify.factories import an_idea

THREADS = 4


@pytest.mark.django_db(transaction=True)
def test_concurrent_sends_email_each_change_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: an in-memory SQLite test database is one connection")
    follower = UserFactory()
    idea = an_idea()
    follow_add(actor=follower, thing=idea)
    comment_add(actor=UserFactory(), idea=idea, body="News for the follower.")
    barrier = threading.Barrier(THREADS)
    outcomes: list[object] = []

    def send():
        try:
            barrier.wait()
            outcomes.append(digests_send())
        except Exception as error:  # collected and asserted on below
            outcomes.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    assert sum(len(report.sent) for report in outcomes) == 1
    assert len(mail.outbox) == 1
    assert Digest.objects.filter(member=follower).count() == 1
    assert DigestChange.objects.filter(member=follower).count() == 1
