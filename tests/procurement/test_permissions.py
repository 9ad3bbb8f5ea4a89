"""One test per permission: who publishes for a buyer, who sees drafts, who answers
clarifications, who asks, who records interest."""

import pytest
from django.core.exceptions import PermissionDenied

from altlep.procurement.services.clarifications import (
    clarification_answer,
    clarification_ask,
    lot_interest_record,
)
from altlep.procurement.services.opportunities import opportunity_draft, opportunity_publish
from tests.factories import UserFactory
from tests.procurement.factories import friendly_draft

pytestmark = pytest.mark.django_db


def test_only_the_buyers_officers_publish_for_it(buyer_and_officer, micro):
    buyer, officer = buyer_and_officer
    partnership_officer = UserFactory(is_officer=True, is_superuser=True)
    _, owner = micro
    assert officer.has_perm("procurement.publish_for_buyer", buyer)
    for outsider in (owner, partnership_officer):
        assert not outsider.has_perm("procurement.publish_for_buyer", buyer)
        with pytest.raises(PermissionDenied):
            opportunity_draft(actor=outsider, buyer=buyer, title="x", description="y")
    draft = friendly_draft(buyer, officer)
    with pytest.raises(PermissionDenied):
        opportunity_publish(actor=partnership_officer, opportunity=draft)


def test_drafts_are_seen_by_the_buyers_officers_and_partnership_officers_only(
    buyer_and_officer, micro
):
    buyer, officer = buyer_and_officer
    draft = friendly_draft(buyer, officer)
    _, owner = micro
    from django.contrib.auth.models import AnonymousUser

    assert officer.has_perm("procurement.view_opportunity", draft)
    assert UserFactory(is_officer=True).has_perm("procurement.view_opportunity", draft)
    assert not owner.has_perm("procurement.view_opportunity", draft)
    assert not AnonymousUser().has_perm("procurement.view_opportunity", draft)
    opportunity_publish(actor=officer, opportunity=draft)
    assert AnonymousUser().has_perm("procurement.view_opportunity", draft)


def test_only_the_buyers_officers_answer_clarifications(buyer_and_officer, micro):
    buyer, officer = buyer_and_officer
    draft = friendly_draft(buyer, officer)
    opportunity_publish(actor=officer, opportunity=draft)
    _, owner = micro
    question = clarification_ask(actor=owner, opportunity=draft, question="Are windows included?")
    with pytest.raises(PermissionDenied):
        clarification_answer(actor=owner, clarification=question, answer="Yes")
    with pytest.raises(PermissionDenied):
        clarification_answer(
            actor=UserFactory(is_officer=True, is_superuser=True),
            clarification=question,
            answer="Yes",
        )
    clarification_answer(actor=officer, clarification=question, answer="Inside only.")
    question.refresh_from_db()
    assert question.answer == "Inside only."


def test_confirmed_members_ask_only_about_open_opportunities(buyer_and_officer, micro):
    buyer, officer = buyer_and_officer
    draft = friendly_draft(buyer, officer)
    _, owner = micro
    with pytest.raises(PermissionDenied):
        clarification_ask(actor=owner, opportunity=draft, question="Can I see it?")
    opportunity_publish(actor=officer, opportunity=draft)
    unconfirmed = UserFactory(email_confirmed=False)
    with pytest.raises(PermissionDenied):
        clarification_ask(actor=unconfirmed, opportunity=draft, question="Hello?")
    assert clarification_ask(actor=owner, opportunity=draft, question="Hello?").pk


def test_owner_managers_record_interest_for_their_own_organisation_only(buyer_and_officer, micro):
    buyer, officer = buyer_and_officer
    draft = friendly_draft(buyer, officer)
    opportunity_publish(actor=officer, opportunity=draft)
    business, owner = micro
    lot = draft.lots.first()
    resident = UserFactory()
    with pytest.raises(PermissionDenied):
        lot_interest_record(actor=resident, lot=lot, organisation=business)
    other_owner = UserFactory()
    from tests.factories import OrganisationFactory

    OrganisationFactory(created_by=other_owner)
    with pytest.raises(PermissionDenied):
        lot_interest_record(actor=other_owner, lot=lot, organisation=business)
    assert lot_interest_record(actor=owner, lot=lot, organisation=business).pk


def test_only_the_buyers_officers_change_a_draft_or_add_lots(buyer_and_officer, micro):
    from altlep.procurement.services.opportunities import lot_add, opportunity_update

    buyer, officer = buyer_and_officer
    draft = friendly_draft(buyer, officer)
    _, owner = micro
    for outsider in (owner, UserFactory(is_officer=True, is_superuser=True)):
        assert not outsider.has_perm("procurement.change_opportunity", draft)
        with pytest.raises(PermissionDenied):
            opportunity_update(actor=outsider, opportunity=draft, payment_terms_days=10)
        with pytest.raises(PermissionDenied):
            lot_add(actor=outsider, opportunity=draft, title="Extra", value_pence=0)
    opportunity_update(actor=officer, opportunity=draft, payment_terms_days=14)
    assert draft.terms.payment_terms_days == 14
