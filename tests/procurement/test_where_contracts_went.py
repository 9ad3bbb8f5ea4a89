"""Where a buyer's contracts went, from real Contracts Finder awards: by supplier scale and
year, against the 30% SME ambition, as a chart with a table and as CSV."""

import csv
import io

import pytest
from click.testing import CliRunner

from altlep.flows.ocds import read_ocds
from altlep.procurement.cli import procurement
from altlep.procurement.models import AwardRecord
from tests.factories import OrganisationFactory, UserFactory
from tests.shared_data import require_shared

pytestmark = pytest.mark.django_db


def test_cambridgeshires_awards_by_scale_match_a_plain_count(client):
    path = require_shared("raw", "contracts_finder_ocds_2025_cfserver1", "cf_releases_2025.json")
    buyer = OrganisationFactory(
        name="Cambridgeshire County Council",
        legal_form="public",
        postcode="CB3 0AP",
        created_by=UserFactory(),
    )
    result = CliRunner().invoke(procurement, ["import-awards", str(path), "--buyer", buyer.slug])
    assert result.exit_code == 0, result.output
    plain = [a for a in read_ocds(path) if "cambridgeshire county council" in a.buyer.lower()]
    assert AwardRecord.objects.filter(buyer=buyer).count() == len(plain) > 0
    expected_sme = sum(a.amount_pence or 0 for a in plain if a.scale in ("micro", "sme"))
    page = client.get(f"/procurement/buyers/{buyer.slug}/contracts/")
    assert page.status_code == 200
    assert b"<svg" in page.content and b"<table" in page.content and b"30% ambition" in page.content
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(f"/procurement/buyers/{buyer.slug}/contracts.csv").content.decode()
            )
        )
    )
    assert sum(int(r["micro_pence"]) + int(r["sme_pence"]) for r in rows) == expected_sme
    assert sum(int(r["total_count"]) for r in rows) == len(plain)


def test_a_damaged_award_file_imports_nothing(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"releases": [')
    buyer = OrganisationFactory(
        name="Somewhere Council", legal_form="public", created_by=UserFactory()
    )
    result = CliRunner().invoke(procurement, ["import-awards", str(bad), "--buyer", buyer.slug])
    assert result.exit_code == 1 and "bad.json" in result.output
    assert not AwardRecord.objects.exists()
