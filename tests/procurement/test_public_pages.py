"""The public list with its filters, the opportunity page with its check and formula, the Atom
feed, "what is on", and the officer's draft–check–publish pages."""

import pytest

from altlep.procurement.models import Opportunity
from altlep.procurement.services.opportunities import opportunity_publish
from tests.procurement.factories import friendly_draft, in_days, make_cpv_codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(buyer_and_officer):
    buyer, officer = buyer_and_officer
    opportunity = friendly_draft(buyer, officer)
    opportunity_publish(actor=officer, opportunity=opportunity)
    return opportunity


def test_the_list_filters_by_division_value_lots_and_score(client, published):
    assert published.title in client.get("/procurement/").content.decode()
    shown = lambda query: published.title in client.get(f"/procurement/?{query}").content.decode()  # noqa: E731
    assert shown("division=90") and not shown("division=55")
    assert shown("value_band=30k-100k") and not shown("value_band=over-500k")
    assert shown("has_lots=on") and shown("min_score=100")
    assert shown("q=cleaning") and not shown("q=catering")


def test_the_opportunity_page_shows_the_check_and_its_formula(client, published):
    page = client.get(f"/procurement/{published.pk}/").content.decode()
    assert "Micro-friendliness check: 100 out of 100" in page
    assert "weight of rules passed" in page


def test_a_draft_is_hidden_from_the_public(client, buyer_and_officer):
    buyer, officer = buyer_and_officer
    draft = friendly_draft(buyer, officer)
    assert client.get(f"/procurement/{draft.pk}/").status_code == 404
    client.force_login(officer)
    assert client.get(f"/procurement/{draft.pk}/").status_code == 200


def test_the_feed_and_whats_on_list_open_opportunities(client, published):
    feed = client.get("/procurement/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert published.title in feed.content.decode()
    assert published.title in client.get("/").content.decode()


def test_an_officer_drafts_sees_the_findings_fixes_and_publishes(client, buyer_and_officer):
    buyer, officer = buyer_and_officer
    make_cpv_codes()
    client.force_login(officer)
    form = {
        "title": "Catering for day centres",
        "description": "Lunches for three day centres.",
        "cpv_codes": "55520000",
        "estimated_value": "90000",
        "value_includes_vat": "on",
        "authority_kind": "sub_central",
        "contract_kind": "services",
        "procedure": "below_threshold",
        "below_threshold_notice_reference": "FTS-1",
        "tender_deadline": in_days(20).strftime("%Y-%m-%dT%H:%M"),
        "minimum_turnover": "500000",
        "payment_terms_days": "60",
        "subcontract_payment_terms_days": "30",
        "weight_price": "40",
        "weight_quality": "50",
        "weight_social_value": "10",
        "suitable_for_sme": "on",
        "suitable_for_vcse": "on",
        "consortia_welcome": "on",
        "subcontracting_welcome": "on",
        "insurance_when": "award",
    }
    response = client.post(f"/procurement/new/{buyer.slug}/", form)
    opportunity = Opportunity.objects.get(title="Catering for day centres")
    assert response.status_code == 302
    page = client.get(f"/procurement/{opportunity.pk}/").content.decode()
    assert "payment_within_30_days" in page and "lots_or_reason" in page
    form.update(
        payment_terms_days="30",
        minimum_turnover="0",
        no_lots_reason="One kitchen serves all three centres.",
    )
    client.post(f"/procurement/{opportunity.pk}/edit/", form)
    page = client.get(f"/procurement/{opportunity.pk}/").content.decode()
    assert "Every rule is met." in page
    client.post(f"/procurement/{opportunity.pk}/publish/")
    opportunity.refresh_from_db()
    assert opportunity.status == "published"


def test_a_form_with_a_bad_cpv_code_names_the_field(client, buyer_and_officer):
    buyer, officer = buyer_and_officer
    make_cpv_codes()
    client.force_login(officer)
    response = client.post(
        f"/procurement/new/{buyer.slug}/",
        {
            "title": "x",
            "description": "y",
            "cpv_codes": "99999999",
            "authority_kind": "central",
            "contract_kind": "goods",
            "procedure": "open",
            "tender_deadline": in_days(30).strftime("%Y-%m-%dT%H:%M"),
            "payment_terms_days": "30",
            "subcontract_payment_terms_days": "30",
            "weight_price": "40",
            "weight_quality": "50",
            "weight_social_value": "10",
        },
    )
    assert response.status_code == 200
    assert "CPV codes: Not in the CPV 2008 list: 99999999" in response.content.decode()
    assert not Opportunity.objects.exists()
