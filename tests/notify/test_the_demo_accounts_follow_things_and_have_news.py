"""The demo's accounts follow believable things, choose a digest, and have news waiting."""

import pytest
from django.db import transaction

from altlep.demo import demo_load
from altlep.notify.models import Follow
from altlep.notify.selectors import follows_of, frequency_of
from altlep.notify.services import digests_send

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo twice, capture the follows and a dry run, then roll back."""
    from altlep.members.models import User

    with django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        after_first = Follow.objects.count()
        demo_load()
        accounts = {
            u.email.split("@")[0]: u
            for u in User.objects.filter(email__endswith="@demo.altlep.org", is_active=True)
            if not u.email.startswith("member")
        }
        snapshot = {
            "follows_added_again": Follow.objects.count() - after_first,
            "kinds": {k: sorted(f.kind for f in follows_of(member=u)) for k, u in accounts.items()},
            "frequency": {k: frequency_of(member=u) for k, u in accounts.items()},
            "dry_run": {r["email"]: r["changes"] for r in digests_send(dry_run=True).sent},
        }
        transaction.set_rollback(True)
    return snapshot


def test_each_demo_account_follows_what_fits_its_story(demo):
    assert demo["kinds"]["resident"] == ["group", "idea", "round"]
    assert demo["kinds"]["owner"] == ["group", "meeting", "organisation"]
    assert "group" in demo["kinds"]["officer"]
    assert demo["kinds"]["anchor"] == ["organisation"]
    assert demo["frequency"] == {
        "resident": "weekly",
        "owner": "daily",
        "officer": "weekly",
        "anchor": "weekly",
    }


def test_loading_the_demo_again_adds_no_follows(demo):
    assert demo["follows_added_again"] == 0


def test_the_first_send_has_a_digest_for_each_demo_account(demo):
    assert demo["dry_run"]["resident@demo.altlep.org"] == 2
    # The owner's bakery is also alerted to the NHS trust's bread (altlep/demo/procurement.py).
    assert demo["dry_run"]["owner@demo.altlep.org"] == 2
    assert demo["dry_run"]["officer@demo.altlep.org"] == 1
