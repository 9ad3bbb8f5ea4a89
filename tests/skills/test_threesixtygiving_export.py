"""The fund's payments as 360Giving JSON, valid against the standard's own schema (offline)."""

import json

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from altlep.skills.services.fund import claim_decide, claim_submit
from altlep.skills.threesixty import grants_package
from tests.shared_data import require_shared
from tests.skills.factories import START, make_apprenticeship, make_fund

pytestmark = pytest.mark.django_db


def validator():
    folder = require_shared("raw", "threesixtygiving")
    package = json.loads((folder / "360-giving-package-schema.json").read_text())
    grant = json.loads((folder / "360-giving-schema.json").read_text())
    # The schema's $schema is written http://…/draft/2020-12/schema, which `referencing` does
    # not recognise, so the draft is named here.
    resource = Resource(contents=grant, specification=DRAFT202012)
    registry = Registry().with_resources(
        [
            (grant["$id"], resource),
            # The package schema names the 1.4.2 grant schema; the file is 1.4.3.
            ("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/"
             "360-giving-schema.json", resource),
        ]
    )  # fmt: skip
    return jsonschema.Draft202012Validator(
        package, registry=registry, format_checker=jsonschema.FormatChecker()
    )


def test_approved_payments_export_as_valid_360giving(officer):
    fund = make_fund(officer)
    apprenticeship = make_apprenticeship()
    claim = claim_submit(
        actor=apprenticeship.placement.owner,
        fund=fund,
        apprenticeship=apprenticeship,
        kind="start",
        evidence="Induction",
        today=START,
    )
    claim_decide(actor=officer, claim=claim, approve=True)
    package = grants_package()
    errors = sorted(validator().iter_errors(package), key=str)
    assert errors == [], [e.message for e in errors]
    grant = package["grants"][0]
    assert grant["amountAwarded"] == 500.0 and grant["currency"] == "GBP"
    assert grant["recipientOrganization"][0]["name"] == apprenticeship.placement.organisation.name


def test_a_broken_grant_is_caught_by_the_validator():
    broken = {"grants": [{"id": "x", "title": "t", "currency": "GBP"}]}
    assert list(validator().iter_errors(broken))
