"""Officers add an anchor institution by name — one of the area's councils, or an NHS trust
or other institution named in full — with districts chosen by name, not typed as codes."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from altlep.evidence import services
from altlep.evidence.models import AnchorBody, BodyKind
from tests.evidence.conftest import upload_fixture
from tests.factories import PartnershipFactory

PRESTON = "E07000123"


@pytest.fixture
def partnership(db):
    """Three Lancashire districts, whatever area the shared fixtures move to."""
    return PartnershipFactory(area_codes=[PRESTON, "E07000126", "E06000008"])


def test_the_form_offers_the_areas_councils_and_districts_by_name(client, partnership, officer):
    client.force_login(officer)
    page = client.get(reverse("evidence:body_new")).content.decode()
    assert f'<option value="council:{PRESTON}">Preston Council</option>' in page
    assert "Another institution (an NHS trust, a university…), named below" in page
    assert "Blackburn with Darwen" in page and "Comma-separated" not in page


def test_choosing_a_council_names_it_and_makes_its_district_home(client, partnership, officer):
    client.force_login(officer)
    response = client.post(reverse("evidence:body_new"), {"institution": f"council:{PRESTON}"})
    body = AnchorBody.objects.get()
    assert response.url == reverse("evidence:body", args=[body.slug])
    assert (body.name, body.kind, body.home_codes) == ("Preston Council", "council", [PRESTON])
    # The partnership's other districts are its wider region.
    assert sorted(body.region_codes) == sorted(set(partnership.area_codes) - {PRESTON})


def test_a_council_may_be_given_its_own_name(client, partnership, officer):
    client.force_login(officer)
    client.post(
        reverse("evidence:body_new"),
        {"institution": f"council:{PRESTON}", "name": "Preston City Council"},
    )
    assert AnchorBody.objects.get().name == "Preston City Council"


def test_an_nhs_trust_is_named_in_full_with_its_kind_and_home_districts(
    client, partnership, officer
):
    client.force_login(officer)
    client.post(
        reverse("evidence:body_new"),
        {
            "institution": "other",
            "name": "Lancashire Teaching Hospitals NHS Foundation Trust",
            "kind": BodyKind.NHS_TRUST,
            "home_codes": [PRESTON, "E07000126"],
        },
    )
    trust = AnchorBody.objects.get()
    assert trust.kind == BodyKind.NHS_TRUST
    assert trust.home_codes == [PRESTON, "E07000126"]


def test_another_institution_needs_a_name(client, partnership, officer):
    client.force_login(officer)
    page = client.post(
        reverse("evidence:body_new"), {"institution": "other", "kind": BodyKind.NHS_TRUST}
    ).content.decode()
    assert "Give the institution" in page and not AnchorBody.objects.exists()


def test_institutions_already_paid_in_spend_are_suggested_by_name(
    client, partnership, body, officer
):
    upload_fixture(actor=officer, body=body, name="spend_no_postcodes.csv")
    client.force_login(officer)
    page = client.get(reverse("evidence:body_new")).content.decode()
    assert '<datalist id="institutions-paid"><option value="Lancashire County Council">' in page


def test_the_service_refuses_district_codes_it_does_not_know(partnership, officer):
    with pytest.raises(ValidationError, match="Unknown district codes: E99999999"):
        services.anchor_body_create(actor=officer, name="Nowhere Trust", home_codes=["E99999999"])
