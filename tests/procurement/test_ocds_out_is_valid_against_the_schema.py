"""Published opportunities as an OCDS release package per buyer, valid against the OCDS 1.1.5
release-package schema with the lots, selection criteria, suitability, submission terms, party
scale and UK extensions patched in (offline)."""

import json

import pytest

from altlep.procurement.check.ocds import check_release
from altlep.procurement.check.schema import package_validator
from altlep.procurement.services.opportunities import opportunity_publish
from tests.procurement.factories import friendly_draft
from tests.shared_data import require_shared

pytestmark = pytest.mark.django_db


def test_a_buyers_package_is_valid_ocds_and_reads_back(client, buyer_and_officer):
    schema_dir = require_shared("raw", "ocds_schema")
    buyer, officer = buyer_and_officer
    draft_only = friendly_draft(buyer, officer)
    published = friendly_draft(buyer, officer)
    opportunity_publish(actor=officer, opportunity=published)
    response = client.get(f"/procurement/ocds/{buyer.slug}.json")
    assert response.status_code == 200
    package = json.loads(response.content)
    errors = sorted(package_validator(schema_dir).iter_errors(package), key=str)
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]
    releases = package["releases"]
    assert [r["ocid"] for r in releases] == [f"ocds-altlep-{published.pk}"]
    assert draft_only.pk != published.pk
    tender = releases[0]["tender"]
    assert len(tender["lots"]) == 2
    assert tender["suitability"] == {"sme": True, "vcse": True}
    assert tender["selectionCriteria"]["criteria"][0]["type"] == "economic"
    assert releases[0]["parties"][0]["roles"] == ["buyer"]
    # What we publish, our own check reads back the same way.
    checked = check_release(releases[0])
    assert checked.lots == 2 and checked.value == 80000.0


def test_a_damaged_release_fails_the_schema(client, buyer_and_officer):
    schema_dir = require_shared("raw", "ocds_schema")
    buyer, officer = buyer_and_officer
    opportunity_publish(actor=officer, opportunity=friendly_draft(buyer, officer))
    package = json.loads(client.get(f"/procurement/ocds/{buyer.slug}.json").content)
    package["releases"][0]["tender"]["lots"][0]["value"]["amount"] = "lots"
    assert list(package_validator(schema_dir).iter_errors(package))


def test_a_buyer_with_nothing_published_has_no_package(client, buyer_and_officer):
    buyer, officer = buyer_and_officer
    friendly_draft(buyer, officer)
    assert client.get(f"/procurement/ocds/{buyer.slug}.json").status_code == 404
