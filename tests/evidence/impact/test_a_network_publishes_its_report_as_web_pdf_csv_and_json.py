"""Members file their reports, with spend between them; the network's convenor publishes the
aggregate for the period, compared with the period before, as a page, PDF, CSV and JSON."""

import datetime
import json

import pytest

from altlep.evidence.impact import services
from altlep.evidence.models import ImpactNetwork, NetworkReport
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(db):
    convenor = UserFactory(email_confirmed=True)
    cafe = OrganisationFactory(name="Canal Café CIC", legal_form="cic", created_by=convenor)
    bakery_owner = UserFactory(email_confirmed=True)
    bakery = OrganisationFactory(name="Co-op Bakery", legal_form="coop", created_by=bakery_owner)
    net = ImpactNetwork.objects.create(
        name="Social enterprise quarter", slug="quarter", convenor=convenor
    )
    net.members.set([cafe, bakery])
    for year, amount in ((2024, 500_00), (2025, 800_00)):
        start, end = datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)
        services.report_file(
            actor=convenor,
            organisation=cafe,
            starts_on=start,
            ends_on=end,
            figures={"jobs": 4, "volunteer_hours": 200},
            spend=[
                {
                    "supplier_name": "Co-op Bakery",
                    "supplier": bakery,
                    "amount_pence": amount,
                    "local": True,
                },
                {"supplier_name": "Veg Farm", "amount_pence": 1000_00, "local": True},
            ],
        )
        services.report_file(
            actor=bakery_owner,
            organisation=bakery,
            starts_on=start,
            ends_on=end,
            figures={"jobs": 2},
            spend=[{"supplier_name": "Flour Mill plc", "amount_pence": 3000_00, "local": False}],
        )
        services.network_report_publish(actor=convenor, network=net, starts_on=start, ends_on=end)
    return net


def test_the_published_figures_leave_out_spend_between_members(network):
    latest = NetworkReport.objects.get(starts_on=datetime.date(2025, 4, 1))
    f = latest.figures
    assert f["jobs"] == 6 and f["volunteer_hours"] == 200
    assert f["spend_pence"] == 4000_00 and f["local_spend_pence"] == 1000_00
    assert f["spend_between_members_pence"] == 800_00
    assert f["ties_between_members"] == 1


def test_the_page_compares_periods_and_offers_pdf_csv_and_json(client, network):
    text = client.get("/evidence/impact/networks/quarter/").content.decode()
    assert "1 Apr 2025 to 31 Mar 2026" in text and "1 Apr 2024 to 31 Mar 2025" in text
    assert "£800" in text and "£500" in text  # spend between members, each period
    pdf = client.get("/evidence/impact/networks/quarter/export.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    csv_text = client.get("/evidence/impact/networks/quarter/export.csv").content.decode()
    assert csv_text.splitlines()[0].startswith("period,Members reporting,Jobs")
    assert len(csv_text.splitlines()) == 3
    data = json.loads(client.get("/evidence/impact/networks/quarter/export.json").content)
    assert [r["starts_on"] for r in data["reports"]] == ["2025-04-01", "2024-04-01"]


def test_a_period_already_published_is_refused(network):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.network_report_publish(
            actor=network.convenor,
            network=network,
            starts_on=datetime.date(2025, 6, 1),
            ends_on=datetime.date(2025, 12, 31),
        )
