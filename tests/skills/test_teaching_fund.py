"""The teaching fund: claims with evidence, officer approval into the ledger, never below zero,
and clawback when an apprenticeship ends early."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from altlep.skills.models import ClaimStatus, LedgerEntry, TeachingFund
from altlep.skills.services.fund import apprenticeship_end, claim_decide, claim_submit
from tests.skills.factories import START, make_apprenticeship, make_fund

pytestmark = pytest.mark.django_db
LATER = START + datetime.timedelta(days=200)


def claim(fund, apprenticeship, kind="start", **extra):
    return claim_submit(
        actor=apprenticeship.placement.owner,
        fund=fund,
        apprenticeship=apprenticeship,
        kind=kind,
        evidence="Induction done; first week's log attached.",
        today=extra.pop("today", LATER),
        **extra,
    )


def test_an_approved_claim_is_paid_from_the_budget_into_the_ledger(officer):
    fund = make_fund(officer)
    approved = claim_decide(actor=officer, claim=claim(fund, make_apprenticeship()), approve=True)
    fund.refresh_from_db()
    assert approved.status == ClaimStatus.APPROVED
    assert fund.paid_pence == 500_00 and fund.remaining_pence == 9_500_00
    entry = LedgerEntry.objects.get()
    assert (entry.amount_pence, entry.balance_after_pence) == (500_00, 9_500_00)


def test_a_claim_beyond_the_budget_is_refused_and_nothing_saved(officer):
    fund = make_fund(officer, budget_pence=400_00)
    apprenticeship = make_apprenticeship()
    with pytest.raises(ValidationError) as caught:
        claim(fund, apprenticeship)
    assert "beyond what remains" in caught.value.message_dict["amount_pence"][0]
    assert fund.claims.count() == 0


def test_approval_that_would_overspend_is_refused(officer):
    fund = make_fund(officer, budget_pence=700_00)
    first = claim(fund, make_apprenticeship())
    second = claim(fund, make_apprenticeship())
    claim_decide(actor=officer, claim=first, approve=True)
    with pytest.raises(ValidationError):
        claim_decide(actor=officer, claim=second, approve=True)
    fund.refresh_from_db()
    assert fund.paid_pence == 500_00


def test_the_database_refuses_an_overspend_whatever_the_caller(officer):
    fund = make_fund(officer, budget_pence=100_00)
    with pytest.raises(IntegrityError), transaction.atomic():
        TeachingFund.objects.filter(pk=fund.pk).update(paid_pence=100_01)


def test_a_month_is_claimed_once_and_only_once_it_is_over(officer):
    fund = make_fund(officer)
    apprenticeship = make_apprenticeship()
    september = datetime.date(2026, 9, 1)
    with pytest.raises(ValidationError):
        claim(fund, apprenticeship, "month", month=september, today=datetime.date(2026, 9, 20))
    claim(fund, apprenticeship, "month", month=september, today=datetime.date(2026, 10, 1))
    with pytest.raises(ValidationError):
        claim(fund, apprenticeship, "month", month=september, today=datetime.date(2026, 10, 1))


def test_the_owner_manager_cannot_approve_and_a_member_cannot_claim(officer, member):
    fund = make_fund(officer)
    apprenticeship = make_apprenticeship()
    submitted = claim(fund, apprenticeship)
    with pytest.raises(PermissionDenied):
        claim_decide(actor=apprenticeship.placement.owner, claim=submitted, approve=True)
    with pytest.raises(PermissionDenied):
        claim_submit(
            actor=member, fund=fund, apprenticeship=apprenticeship, kind="start", evidence="x"
        )


def test_ending_early_claws_back_payments_not_yet_earned(officer):
    fund = make_fund(officer)
    apprenticeship = make_apprenticeship()
    start = claim(fund, apprenticeship)
    october = claim(fund, apprenticeship, "month", month=datetime.date(2026, 10, 1), today=LATER)
    september = claim(fund, apprenticeship, "month", month=datetime.date(2026, 9, 1), today=LATER)
    for c in (start, october, september):
        claim_decide(actor=officer, claim=c, approve=True)
    fund.refresh_from_db()
    assert fund.paid_pence == 900_00
    # Ends on 30 September: within three months, so the start payment and October come back.
    apprenticeship_end(
        actor=officer,
        apprenticeship=apprenticeship,
        ended_on=datetime.date(2026, 9, 30),
        completed=False,
    )
    fund.refresh_from_db()
    assert fund.paid_pence == 200_00
    statuses = {c.pk: c.status for c in fund.claims.all()}
    assert statuses[start.pk] == statuses[october.pk] == ClaimStatus.CLAWED_BACK
    assert statuses[september.pk] == ClaimStatus.APPROVED
    assert sorted(e.amount_pence for e in LedgerEntry.objects.all()) == [
        -500_00,
        -200_00,
        200_00,
        200_00,
        500_00,
    ]


def test_completion_is_claimed_only_after_completion(officer):
    fund = make_fund(officer)
    apprenticeship = make_apprenticeship()
    with pytest.raises(ValidationError):
        claim(fund, apprenticeship, "completion")
    apprenticeship_end(actor=officer, apprenticeship=apprenticeship, ended_on=LATER, completed=True)
    assert claim(fund, apprenticeship, "completion").amount_pence == 1_000_00
