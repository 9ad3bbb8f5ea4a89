"""The demo's local supply: directory entries with real CPV codes, a leaking category with
local alternatives and a published scenario, a consortium bidding for a lot, a buying group,
and shared resources with bookings; loading again adds nothing."""

import pytest

from altlep.demo import demo_load
from altlep.demo.organisations import OWNER_BUSINESS
from altlep.demo.supply import CONSORTIUM_NAME, CPV_CODES, demo_supply
from altlep.members.models import User
from altlep.supply import selectors
from altlep.supply.models import (
    Booking,
    BuyingGroup,
    Consortium,
    MemberStatus,
    Scenario,
    SharedResource,
    SupplierProfile,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once in a transaction, look at the supply part, then roll back."""
    from django.db import transaction
    from django.test import override_settings

    folder = tmp_path_factory.mktemp("demo-supply")
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
            counts = [SupplierProfile.objects.count(), Booking.objects.count()]
            again = demo_supply(officer=User.objects.get(email="officer@demo.altlep.org"))
            consortium = Consortium.objects.get(name=CONSORTIUM_NAME)
            scenario = Scenario.objects.get()
            found = {
                "again": again,
                "counts": counts,
                "counts_after": [SupplierProfile.objects.count(), Booking.objects.count()],
                "codes": set(SupplierProfile.objects.values_list("cpv_codes__code", flat=True)),
                "bakery_codes": sorted(
                    SupplierProfile.objects.get(
                        organisation__name=OWNER_BUSINESS.name
                    ).cpv_codes.values_list("code", flat=True)
                ),
                "lead": consortium.lead.name,
                "statuses": sorted(consortium.members.values_list("status", flat=True)),
                "analysis": selectors.consortium_analysis(consortium),
                "scenario": (scenario.category, scenario.percent, scenario.published),
                "figures": scenario.figures,
                "alternatives": [
                    m.supplier.name for m in selectors.alternatives_for(scenario.category)
                ],
                "group": selectors.buying_group_totals(BuyingGroup.objects.get()),
                "resources": SharedResource.objects.count(),
            }
            transaction.set_rollback(True)
    return found


def test_the_directory_lists_demo_firms_with_real_cpv_codes(demo):
    assert demo["counts"][0] >= 80
    assert demo["codes"] <= {code for code, *_ in CPV_CODES}
    assert demo["bakery_codes"] == ["15810000", "15811000", "55520000"]


def test_the_consortium_for_the_lot_waits_for_one_invited_member(demo):
    assert demo["lead"] == OWNER_BUSINESS.name
    assert demo["statuses"].count(MemberStatus.ACCEPTED) == 3
    assert demo["statuses"].count(MemberStatus.INVITED) == 1
    analysis = demo["analysis"]
    assert not analysis["complete"] and analysis["complete_if_invited_accept"]
    assert analysis["conditions_met"]


def test_a_leaking_category_has_local_alternatives_and_a_published_scenario(demo):
    assert demo["scenario"] == ("Cleaning and facilities", 25, True)
    figures = demo["figures"]
    assert figures["local_share_after"] > figures["local_share_before"]
    assert figures["lm3_after"] > figures["lm3_before"]
    assert len(demo["alternatives"]) >= 3


def test_the_buying_group_and_shared_resources_are_in_use(demo):
    assert demo["group"]["organisations"] == 8 and demo["group"]["saving_pence"] > 0
    assert demo["resources"] == 4 and demo["counts"][1] == 8


def test_loading_the_supply_demo_again_adds_nothing(demo):
    assert demo["again"] == 0
    assert demo["counts_after"] == demo["counts"]
