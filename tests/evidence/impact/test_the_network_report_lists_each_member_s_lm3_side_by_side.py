"""Members' LM3s are not added up (multipliers of different incomes do not add): the network's
report lists each member's LM3 beside its name, on the page and in the CSV and JSON."""

import datetime
import json

import pytest

from altlep.evidence.impact import services
from altlep.evidence.models import ImpactNetwork
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
START, END = datetime.date(2025, 4, 1), datetime.date(2026, 3, 31)


@pytest.fixture
def network(db):
    convenor = UserFactory(email_confirmed=True)
    cafe = OrganisationFactory(name="Canal Café CIC", legal_form="cic", created_by=convenor)
    bakery = OrganisationFactory(name="Co-op Bakery", legal_form="coop", created_by=convenor)
    net = ImpactNetwork.objects.create(name="Quarter", slug="quarter", convenor=convenor)
    net.members.set([cafe, bakery])
    for org, lm3 in ((cafe, "1.72"), (bakery, "")):
        services.report_file(
            actor=convenor,
            organisation=org,
            starts_on=START,
            ends_on=END,
            figures={"jobs": 2, "lm3": lm3},
        )
    services.network_report_publish(actor=convenor, network=net, starts_on=START, ends_on=END)
    return net, cafe


def test_only_members_who_know_their_lm3_are_listed_with_it(client, network):
    _, cafe = network
    text = client.get("/evidence/impact/networks/quarter/").content.decode()
    assert "LM3 of members who answered the LM3 survey" in text
    assert "Canal Café CIC: 1.72" in text and "Co-op Bakery:" not in text
    csv_text = client.get("/evidence/impact/networks/quarter/export.csv").content.decode()
    assert "Canal Café CIC: 1.72" in csv_text
    data = json.loads(client.get("/evidence/impact/networks/quarter/export.json").content)
    assert data["reports"][0]["lm3_by_member"] == {str(cafe.pk): 1.72}
