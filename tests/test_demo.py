"""The demo partnership: believable, deterministic and idempotent."""

import pytest

from altlep.commissioning.models import DeliveryUpdate, Round
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
                "rounds": {
                    r.title: {
                        "phase": r.current_phase_kind,
                        "published": bool(getattr(r, "result", None) and r.result.published),
                        "updates": DeliveryUpdate.objects.filter(project__round=r).count(),
                        "ballots": r.ballots.count(),
                        "owner_may_vote": owner.has_perm("commissioning.vote", r),
                    }
                    for r in Round.objects.all()
                    for owner in [User.objects.get(email="owner@demo.altlep.org")]
                },
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


def test_the_demo_has_a_past_round_with_results_and_delivery_updates(demo_snapshot):
    past = demo_snapshot["rounds"]["Spring 2026 community fund"]
    assert past["published"] and past["updates"] > 0 and past["ballots"] == 150
    assert past["phase"] == "delivery"


def test_the_demo_has_a_round_open_for_voting_that_demo_accounts_can_vote_in(demo_snapshot):
    open_round = demo_snapshot["rounds"]["Green places 2026"]
    assert open_round["phase"] == "vote" and not open_round["published"]
    assert open_round["owner_may_vote"]
