"""`serialise` makes concurrent check-then-write sections run one at a time on PostgreSQL."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from altlep.core.locks import serialise


@pytest.mark.django_db(transaction=True)
def test_two_transactions_holding_the_same_lock_do_not_overlap():
    if connection.vendor != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's; SQLite serialises writers itself")
    spans: list[tuple[float, float]] = []

    def hold():
        try:
            with transaction.atomic():
                serialise("test.lock")
                start = time.monotonic()
                time.sleep(0.2)
                spans.append((start, time.monotonic()))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=hold) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    (a_start, a_end), (b_start, b_end) = sorted(spans)
    assert b_start >= a_end  # the second waited for the first to commit
