"""The demo's procurement: a council and an NHS trust in West Yorkshire as buyers, one friendly
opportunity, one that fails on lots, turnover and payment with a revised version that passes,
and interest from demo micro-enterprises."""

import pytest

from altlep.demo import demo_load
from altlep.demo.organisations import KIRKLEES_COUNCIL, NHS_TRUST, OWNER_BUSINESS
from altlep.procurement.models import LotInterest, Opportunity
from altlep.procurement.notice import check_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.db import transaction
    from django.test import override_settings

    folder = tmp_path_factory.mktemp("demo")
    empty = tmp_path_factory.mktemp("no-shared-data")
    with (
        django_db_blocker.unblock(),
        pytest.MonkeyPatch.context() as patch,
        override_settings(
            ALTLEP_FLOWS_DB=folder / "flows.duckdb", ALTLEP_EVIDENCE_UPLOADS=folder / "uploads"
        ),
    ):
        patch.setenv("ALTLEP_SHARED_DATA", str(empty))
        with transaction.atomic():
            demo_load()
            demo_load()
            found = {
                o.title + (" (revised)" if o.terms.revises_id else ""): {
                    "buyer": o.buyer.name,
                    "status": o.status,
                    "failed": set(check_opportunity(o).failed()),
                    "score": check_opportunity(o).score,
                    "interest": list(
                        LotInterest.objects.filter(lot__opportunity=o).values_list(
                            "organisation__name", "organisation__size_band"
                        )
                    ),
                }
                for o in Opportunity.objects.select_related("terms", "buyer")
            }
            transaction.set_rollback(True)
    return found


def test_a_council_and_an_nhs_trust_publish(demo):
    theirs = [o for o in demo.values() if o["buyer"] in (KIRKLEES_COUNCIL, NHS_TRUST)]
    assert {o["buyer"] for o in theirs} == {KIRKLEES_COUNCIL, NHS_TRUST}
    assert len(theirs) == 3  # loading twice added nothing


def test_the_lot_the_supply_demo_s_consortium_bids_for_is_published_and_passes(demo):
    kitchens = demo["Community centre kitchens: refit and run"]
    assert kitchens["buyer"] == "Calderdale Council"
    assert kitchens["status"] == "published" and not kitchens["failed"]


def test_the_councils_parks_opportunity_is_friendly_and_open(demo):
    parks = demo["Grounds maintenance for Kirklees community parks"]
    assert parks["status"] == "published" and parks["score"] == 100 and not parks["failed"]
    assert parks["interest"] and all(size == "micro" for _, size in parks["interest"])


def test_the_trusts_first_notice_fails_and_its_revision_passes_and_replaces_it(demo):
    first = demo["Bread and bakery products for hospital kitchens"]
    revised = demo["Bread and bakery products for hospital kitchens (revised)"]
    assert {"lots_or_reason", "turnover_proportionate", "payment_within_30_days"} <= first["failed"]
    assert first["status"] == "cancelled"
    assert revised["status"] == "published" and not revised["failed"]
    assert (OWNER_BUSINESS.name, "micro") in revised["interest"]
