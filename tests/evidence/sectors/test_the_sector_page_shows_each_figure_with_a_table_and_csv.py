import csv
import io

import pytest

from altlep.evidence.models import SectorDefinition
from altlep.evidence.sectors.importing import nomis_import
from tests.evidence.sectors import nomis


@pytest.fixture
def leeds(db, tmp_path):
    nomis_import(actor=None, path=nomis.write(tmp_path / "leeds_NM_141_1.csv"))


def test_the_sector_page_shows_bands_with_their_notes_and_a_chart(client, leeds):
    page = client.get("/evidence/sectors/dcms-creative/?area=E08000035").content.decode()
    assert "<svg" in page and "Businesses by size band" in page
    assert "160" in page and "the rest are not in the data" in page
    assert "No GVA estimate" in page


def test_the_csv_carries_notes_beside_each_figure(client, leeds):
    response = client.get("/evidence/sectors/dcms-creative/size.csv?area=E08000035")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    micro = next(
        r for r in rows if r["measure"] == "businesses micro" and "official" in r["source"]
    )
    assert micro["value"] == "160" and micro["note"] == "lower-bound"


def test_a_page_for_an_area_that_does_not_exist_says_so(client, leeds):
    page = client.get("/evidence/sectors/all/?area=E08999999").content.decode()
    assert "area code does not exist: E08999999" in page


def test_an_officer_defines_a_sector_on_the_web_and_bad_codes_are_named(client, officer):
    client.force_login(officer)
    response = client.post(
        "/evidence/sectors/new/", {"name": "Low carbon", "codes": "3511\n9999", "source": "ours"}
    )
    assert "9999 is not a SIC 2007 class" in response.content.decode()
    response = client.post(
        "/evidence/sectors/new/",
        {"name": "Low carbon", "codes": "3511\n4322 0.25", "source": "ours"},
    )
    assert response.status_code == 302
    assert SectorDefinition.objects.get(slug="low-carbon").codes.count() == 2


def test_a_member_may_not_define_a_sector(client, member):
    client.force_login(member)
    assert client.get("/evidence/sectors/new/").status_code == 403
