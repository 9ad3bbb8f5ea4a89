"""The demo partnership: believable, deterministic and idempotent."""

import pytest

from altlep.core.models import Partnership
from altlep.demo import demo_load
from altlep.demo.area import LANCASHIRE_LEP_DISTRICTS
from altlep.members.models import Affiliation, Organisation, User

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_snapshot(django_db_setup, django_db_blocker):
    """Load the demo twice in one transaction and capture what it made, then roll back."""
    from django.db import transaction

    with django_db_blocker.unblock():
        with transaction.atomic():
            first = demo_load()
            second = demo_load()
            snapshot = {
                "first": first,
                "second": second,
                "partnership": Partnership.objects.get(),
                "members": User.objects.count(),
                "organisations": list(
                    Organisation.objects.order_by("name").values_list(
                        "name", "postcode", "district_code", "size_band", "sector"
                    )
                ),
                "owner_roles": list(
                    Affiliation.objects.filter(member__email="owner@demo.altlep.org").values_list(
                        "role", "organisation__size_band"
                    )
                ),
            }
            transaction.set_rollback(True)
    return snapshot


def test_the_demo_covers_the_districts_of_a_former_lep(demo_snapshot):
    assert sorted(demo_snapshot["partnership"].area_codes) == sorted(LANCASHIRE_LEP_DISTRICTS)


def test_the_demo_has_about_200_members_and_120_organisations(demo_snapshot):
    assert demo_snapshot["members"] == 200
    assert len(demo_snapshot["organisations"]) == 120


def test_most_demo_organisations_are_local_micro_enterprises(demo_snapshot):
    rows = demo_snapshot["organisations"]
    micro = [r for r in rows if r[3] == "micro"]
    local = [r for r in rows if r[2] in LANCASHIRE_LEP_DISTRICTS]
    assert len(micro) > len(rows) / 2
    assert len(local) > 0.8 * len(rows)
    assert {r[4] for r in rows} == {"private", "public", "social"}
    assert {r[3] for r in rows} >= {"micro", "small", "medium", "large"}


def test_loading_the_demo_again_adds_nothing(demo_snapshot):
    assert demo_snapshot["first"].members_added == 200
    assert demo_snapshot["second"].members_added == 0
    assert demo_snapshot["second"].organisations_added == 0


def test_the_demo_owner_account_runs_a_micro_enterprise(demo_snapshot):
    assert ("owner_manager", "micro") in demo_snapshot["owner_roles"]


def test_the_demo_is_the_same_every_time(demo_snapshot):
    from django.db import transaction

    with transaction.atomic():
        demo_load()
        again = list(
            Organisation.objects.order_by("name").values_list(
                "name", "postcode", "district_code", "size_band", "sector"
            )
        )
        transaction.set_rollback(True)
    assert again == demo_snapshot["organisations"]
