"""A published opportunity alerts organisations whose SIC or CPV codes and place fit, through
the notify digests, and never twice."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from altlep.notify.services import digests_send, follow_add
from altlep.procurement.models import CpvCapability, CpvCode, OpportunityAlert
from altlep.procurement.services.alerts import alerts_send
from altlep.procurement.services.opportunities import opportunity_publish
from tests.factories import OrganisationFactory, UserFactory
from tests.procurement.factories import friendly_draft

pytestmark = pytest.mark.django_db


def test_a_cleaning_business_hears_of_a_cleaning_contract_once(
    partnership, buyer_and_officer, micro
):
    buyer, officer = buyer_and_officer
    business, owner = micro  # SIC 81210: general cleaning of buildings
    caterer = OrganisationFactory(name="Pie Shop", sic_codes=["56101"], created_by=UserFactory())
    far_away = OrganisationFactory(
        name="Aberdeen Cleaners", sic_codes=["81210"], postcode="AB10 1XG", created_by=UserFactory()
    )
    follow_add(actor=owner, thing=business)
    opportunity = friendly_draft(buyer, officer)
    opportunity_publish(actor=officer, opportunity=opportunity)
    alerted = set(OpportunityAlert.objects.values_list("organisation__name", flat=True))
    assert "Sparkle Cleaning Ltd" in alerted
    assert caterer.name not in alerted and buyer.name not in alerted
    assert far_away.name not in alerted  # outside the partnership's area
    later = timezone.now() + datetime.timedelta(days=1)
    digests_send(now=later)
    sent = [m for m in mail.outbox if owner.email in m.to]
    assert len(sent) == 1 and opportunity.title in sent[0].body
    alerts_send(opportunity=opportunity)  # publishing again tells nobody twice
    digests_send(now=later + datetime.timedelta(days=8))
    assert len([m for m in mail.outbox if owner.email in m.to]) == 1


def test_a_declared_cpv_capability_fits_too(buyer_and_officer):
    buyer, officer = buyer_and_officer
    opportunity = friendly_draft(buyer, officer)
    printer = OrganisationFactory(name="Any Trade", sic_codes=["99999"], created_by=UserFactory())
    CpvCapability.objects.create(
        organisation=printer, cpv_code=CpvCode.objects.get(code="90910000")
    )
    opportunity_publish(actor=officer, opportunity=opportunity)
    alert = OpportunityAlert.objects.get(organisation=printer)
    assert "90910000" in alert.reason


def test_a_revised_version_does_not_alert_the_same_organisation_again(
    partnership, buyer_and_officer, micro
):
    from altlep.procurement.services.opportunities import opportunity_revise

    buyer, officer = buyer_and_officer
    business, _ = micro
    first = friendly_draft(buyer, officer)
    opportunity_publish(actor=officer, opportunity=first)
    revised = opportunity_revise(actor=officer, opportunity=first)
    opportunity_publish(actor=officer, opportunity=revised)
    assert OpportunityAlert.objects.filter(organisation=business).count() == 1
