"""A permission written in a rules.py is decided by its rule for superusers too, while Django's
own model permissions (what the admin asks) still let a superuser through."""

import pytest
from django.urls import reverse

from altlep.members.models import User
from tests.commissioning.factories import RoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin@example.org", "a long passphrase", display_name="A")


def test_a_superuser_is_refused_what_the_rule_refuses(superuser):
    collecting = RoundFactory(phase="collect")
    assert not superuser.has_perm("commissioning.vote", collecting)
    assert not superuser.has_perm("commissioning.count_round", collecting)
    assert superuser.has_perm("commissioning.submit_idea", collecting)
    assert not superuser.has_perms(["commissioning.submit_idea", "commissioning.vote"], collecting)


def test_a_superuser_keeps_the_model_permissions_the_admin_asks_for(client, superuser):
    for perm in ("governance.change_election", "members.delete_user", "core.view_auditentry"):
        assert superuser.has_perm(perm)
    client.force_login(superuser)
    for name in (
        "admin:index",
        "admin:governance_election_changelist",
        "admin:members_user_changelist",
    ):
        assert client.get(reverse(name)).status_code == 200


def test_an_inactive_superuser_has_no_permission_at_all(superuser):
    superuser.is_active = False
    assert not superuser.has_perm("governance.change_election")
    assert not superuser.has_perm("commissioning.view_round", RoundFactory())
