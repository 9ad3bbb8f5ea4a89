"""Eight officers approving at once never take the fund below zero (PostgreSQL row locks)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from altlep.skills.models import Claim, ClaimStatus, LedgerEntry, TeachingFund
from altlep.skills.services.fund import claim_decide, claim_submit
from tests.factories import UserFactory
from tests.skills.factories import START, make_apprenticeship, make_fund


@pytest.mark.django_db(transaction=True)
def test_eight_concurrent_approvals_never_exceed_the_budget():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: SQLite serialises writing transactions, so threads there test "
            "nothing about row locks"
        )
    officers = [UserFactory(is_officer=True) for _ in range(8)]
    # Room for three start payments of £500, not eight.
    fund = make_fund(officers[0], budget_pence=1_500_00)
    claims = []
    for _ in range(8):
        apprenticeship = make_apprenticeship()
        claims.append(
            claim_submit(
                actor=apprenticeship.placement.owner,
                fund=fund,
                apprenticeship=apprenticeship,
                kind="start",
                evidence="Induction",
                today=START,
            )
        )
    barrier = threading.Barrier(8)
    outcomes = []

    def approve(officer, claim):
        try:
            barrier.wait()
            claim_decide(actor=officer, claim=claim, approve=True)
            outcomes.append("paid")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=approve, args=pair) for pair in zip(officers, claims, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    fund = TeachingFund.objects.get(pk=fund.pk)
    assert sorted(outcomes) == ["paid"] * 3 + ["refused"] * 5
    assert fund.paid_pence == 1_500_00
    assert Claim.objects.filter(status=ClaimStatus.APPROVED).count() == 3
    assert sum(e.amount_pence for e in LedgerEntry.objects.all()) == 1_500_00
    assert min(e.balance_after_pence for e in LedgerEntry.objects.all()) == 0
