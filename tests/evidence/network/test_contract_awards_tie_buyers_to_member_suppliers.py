"""Contract awards are ties from the buyer to the supplier where the supplier resolves to a
member organisation (company number first, then its normalised name), typed and dated by the
award; the rest make no tie and are counted on the network page."""

import datetime

import pytest

from altlep.evidence.network.resolve import OrganisationIndex
from altlep.evidence.network.sources import platform_network
from altlep.procurement.models import AwardRecord
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_supplier_resolves_by_company_number_before_its_name():
    index = OrganisationIndex([("1", "01234567", "Canal Café Ltd"), ("2", "", "Canal Boats")])
    assert index.resolve("CANAL CAFE LIMITED") == "1"
    assert index.resolve("Anything at all", "1234567") == "1"  # padded to eight digits
    assert index.resolve("The Canal Boats Ltd.") == "2"
    assert index.resolve("Canal Bikes") is None


def test_a_name_two_organisations_share_resolves_to_neither():
    index = OrganisationIndex([("1", "", "Repair Café"), ("2", "", "REPAIR CAFE LTD")])
    assert index.resolve("Repair Cafe") is None


def _award(buyer, n, supplier, day):
    AwardRecord.objects.create(
        buyer=buyer,
        ocid=f"ocds-{n}",
        award_id=f"a-{n}",
        supplier_name=supplier,
        scale="micro",
        amount_pence=10_000_00,
        awarded_on=day,
        source_file="awards.json",
    )


@pytest.fixture
def awards(db):
    council = OrganisationFactory(name="Borough Council", legal_form="public")
    cafe = OrganisationFactory(name="Canal Café Ltd")
    _award(council, 1, "CANAL CAFE LIMITED", datetime.date(2025, 6, 1))
    _award(council, 2, "Canal Cafe", datetime.date(2026, 2, 1))
    _award(council, 3, "Faraway Consulting plc", datetime.date(2025, 7, 1))
    return council, cafe


def test_each_award_to_a_member_is_a_tie_typed_and_dated_by_the_award(awards):
    council, cafe = awards
    ties = [t for t in platform_network().ties if t.type == "award"]
    assert sorted((t.source, t.target, t.when) for t in ties) == [
        (str(council.pk), str(cafe.pk), "2025-06-01"),
        (str(council.pk), str(cafe.pk), "2026-02-01"),
    ]


def test_the_network_page_counts_awards_whose_supplier_is_not_a_member(client, awards):
    text = client.get("/evidence/network/").content.decode()
    assert "1 award whose supplier is not a member organisation makes no tie" in text
    data = client.get("/evidence/network.json?type=award&from=2026-01-01").json()
    assert data["tie_types"] == {"award": 1}
