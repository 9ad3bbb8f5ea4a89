"""Bad input is refused naming the field, and nothing is half-saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from altlep.procurement.models import Lot, Opportunity, OpportunityStatus
from altlep.procurement.notice import check_opportunity
from altlep.procurement.services.opportunities import (
    lot_add,
    opportunity_draft,
    opportunity_publish,
    opportunity_revise,
    opportunity_set_status,
    opportunity_update,
)
from tests.procurement.factories import friendly_draft, in_days, make_cpv_codes

pytestmark = pytest.mark.django_db


def fields_of(error: ValidationError) -> set[str]:
    return set(error.value.message_dict)


def test_an_unknown_cpv_code_is_refused_and_nothing_is_saved(buyer_and_officer):
    buyer, officer = buyer_and_officer
    make_cpv_codes()
    with pytest.raises(ValidationError) as error:
        opportunity_draft(
            actor=officer, buyer=buyer, title="x", description="y", cpv_codes=["12345678"]
        )
    assert fields_of(error) == {"cpv_codes"}
    assert "12345678" in str(error.value)
    assert not Opportunity.objects.exists()


@pytest.mark.parametrize("value", [-1, "12", 1.5])
def test_a_negative_or_non_numeric_value_is_refused(buyer_and_officer, value):
    buyer, officer = buyer_and_officer
    with pytest.raises(ValidationError) as error:
        opportunity_draft(
            actor=officer, buyer=buyer, title="x", description="y", minimum_turnover_pence=value
        )
    assert fields_of(error) == {"minimum_turnover_pence"}
    assert not Opportunity.objects.exists()


def test_a_lot_whose_value_takes_the_lots_past_the_whole_is_refused(buyer_and_officer):
    buyer, officer = buyer_and_officer
    opportunity = friendly_draft(buyer, officer)  # £80,000 in two lots of £40,000
    with pytest.raises(ValidationError) as error:
        lot_add(actor=officer, opportunity=opportunity, title="Extra", value_pence=1)
    assert fields_of(error) == {"estimated_value_pence"}
    assert opportunity.lots.count() == 2


def test_a_deadline_in_the_past_or_before_publication_is_refused(buyer_and_officer):
    buyer, officer = buyer_and_officer
    with pytest.raises(ValidationError) as error:
        friendly_draft(buyer, officer, tender_deadline=in_days(-1))
    assert fields_of(error) == {"tender_deadline"}
    assert not Opportunity.objects.exists()
    opportunity = friendly_draft(buyer, officer, tender_deadline=in_days(1))
    with pytest.raises(ValidationError) as error:
        opportunity_publish(actor=officer, opportunity=opportunity, now=in_days(2))
    assert "tender_deadline" in fields_of(error)
    opportunity.refresh_from_db()
    assert opportunity.status == OpportunityStatus.DRAFT
    opportunity_update(
        actor=officer,
        opportunity=opportunity,
        tender_deadline=in_days(5),
        publication_at=in_days(6),
    )
    with pytest.raises(ValidationError) as error:
        opportunity_publish(actor=officer, opportunity=opportunity, now=in_days(0))
    assert "after publication" in str(error.value)


def test_weights_must_add_up_to_100(buyer_and_officer):
    buyer, officer = buyer_and_officer
    with pytest.raises(ValidationError) as error:
        friendly_draft(buyer, officer, weight_price=50, weight_quality=50, weight_social_value=10)
    assert "110%" in str(error.value)


def test_states_move_only_forward(buyer_and_officer):
    buyer, officer = buyer_and_officer
    opportunity = friendly_draft(buyer, officer)
    with pytest.raises(ValidationError):
        opportunity_set_status(actor=officer, opportunity=opportunity, status="awarded")
    opportunity_publish(actor=officer, opportunity=opportunity)
    with pytest.raises(ValidationError):
        opportunity_update(actor=officer, opportunity=opportunity, payment_terms_days=10)
    opportunity_set_status(actor=officer, opportunity=opportunity, status="closed")
    opportunity_set_status(actor=officer, opportunity=opportunity, status="awarded")
    with pytest.raises(ValidationError):
        opportunity_set_status(actor=officer, opportunity=opportunity, status="cancelled")


def test_the_tender_period_is_computed_from_publication(buyer_and_officer):
    buyer, officer = buyer_and_officer
    opportunity = friendly_draft(buyer, officer, tender_deadline=in_days(21))
    opportunity_publish(actor=officer, opportunity=opportunity)
    opportunity.terms.refresh_from_db()
    assert opportunity.terms.tender_period_days == 20  # a few moments short of 21 whole days


def test_an_unfriendly_draft_fails_revised_passes_and_replaces_the_first(buyer_and_officer):
    buyer, officer = buyer_and_officer
    unfriendly = friendly_draft(
        buyer, officer, minimum_turnover_pence=50_000_000, payment_terms_days=60
    )
    Lot.objects.filter(opportunity=unfriendly).delete()
    failed = set(check_opportunity(unfriendly).failed())
    assert failed == {"lots_or_reason", "turnover_proportionate", "payment_within_30_days"}
    opportunity_publish(actor=officer, opportunity=unfriendly)
    revised = opportunity_revise(actor=officer, opportunity=unfriendly)
    opportunity_update(
        actor=officer,
        opportunity=revised,
        minimum_turnover_pence=4_000_000,
        payment_terms_days=30,
        no_lots_reason="One building, one cleaning team: splitting it would cost more.",
    )
    result = check_opportunity(revised)
    assert result.failed() == [] and result.score == 100
    opportunity_publish(actor=officer, opportunity=revised)
    unfriendly.refresh_from_db()
    assert unfriendly.status == OpportunityStatus.CANCELLED
    assert revised.terms.revises == unfriendly
    assert isinstance(revised.terms.contract_start, datetime.date)


def test_a_lot_is_delivered_at_a_postcode_or_across_a_district(buyer_and_officer):
    buyer, officer = buyer_and_officer
    opportunity = friendly_draft(buyer, officer, estimated_value_pence=None)
    at = lot_add(
        actor=officer,
        opportunity=opportunity,
        title="A",
        value_pence=1,
        delivery_postcode="pr1 2he",
    )
    across = lot_add(
        actor=officer,
        opportunity=opportunity,
        title="B",
        value_pence=1,
        delivery_district_code="E07000123",
    )
    assert (at.delivery_postcode, at.delivery_district_code) == ("PR1 2HE", "E07000123")
    assert across.delivery_district_code == "E07000123"
    for bad in ({"delivery_postcode": "ZZ9 9ZZ"}, {"delivery_district_code": "E99999999"}):
        with pytest.raises(ValidationError) as error:
            lot_add(actor=officer, opportunity=opportunity, title="C", value_pence=1, **bad)
        assert fields_of(error) == set(bad)
