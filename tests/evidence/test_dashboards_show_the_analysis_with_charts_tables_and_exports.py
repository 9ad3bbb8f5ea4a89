import json

from django.urls import reverse

from altlep.evidence.store import open_store
from altlep.flows.register import Company
from tests.evidence.conftest import upload_fixture
from tests.factories import OrganisationFactory


def test_the_body_dashboard_shows_shares_charts_and_tables(client, body, anchor_officer):
    upload_fixture(actor=anchor_officer, body=body)
    page = client.get(reverse("evidence:body", args=[body.slug])).content.decode()
    assert "£8,750" in page
    # flows, sizes, social economy, leakage, months; kinds, categories, largest suppliers
    assert page.count("<svg") == 8
    assert "Leakage by category" in page and "London Consulting Plc" in page
    assert "2024-04" in page and "2024-05" in page
    assert "Synthetic data" not in page


def test_the_partnership_dashboard_is_public(client, body, anchor_officer):
    upload_fixture(actor=anchor_officer, body=body)
    response = client.get(reverse("evidence:index"))
    assert response.status_code == 200
    assert "Local, regional, national" in response.content.decode()


def test_local_micro_enterprises_that_could_serve_a_leaking_category_are_listed(
    client, body, anchor_officer, member
):
    # A local micro-enterprise in the same SIC division as a leaking supplier.
    OrganisationFactory(name="Fishergate Consulting", sic_codes=["70229"], created_by=member)
    with open_store() as store:
        store.import_register(
            [
                Company(
                    "09999999",
                    "LONDON CONSULTING PLC",
                    "EC1A 1BB",
                    "Public Limited Company",
                    "Active",
                    "FULL",
                    ("70221",),
                )
            ]
        )
    upload_fixture(actor=anchor_officer, body=body)
    page = client.get(reverse("evidence:body", args=[body.slug])).content.decode()
    leakage = page[page.index('id="leakage"') :]
    consultancy = leakage[leakage.index('<th scope="row">Consultancy</th>') :].split("</tr>")[0]
    assert "London Consulting Plc" in consultancy and "Fishergate Consulting" in consultancy


def test_exports_give_csv_and_json(client, body, anchor_officer):
    upload_fixture(actor=anchor_officer, body=body)
    csv_text = client.get(reverse("evidence:body_export", args=[body.slug, "csv"])).content
    assert b"full share,local" in csv_text
    data = json.loads(client.get(reverse("evidence:export", args=["json"])).content)
    assert data["full"]["economy_pence"] == 8_750_00
    assert data["lm3"]["lm3"] > 1


def test_an_empty_dashboard_says_so(client, partnership):
    assert "No spend has been analysed" in client.get(reverse("evidence:index")).content.decode()
