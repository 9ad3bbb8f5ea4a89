"""A sector group with its convenor, a business member, a local-authority counterpart, and an
outsider (a member of the public)."""

from types import SimpleNamespace

import pytest

from altlep.governance.models import GroupMembership
from altlep.governance.services.groups import group_create
from tests.factories import UserFactory


@pytest.fixture
def people(db, officer):
    convenor = UserFactory(display_name="Cara Convenor")
    business = UserFactory(display_name="Bea Business")
    council = UserFactory(display_name="Lou Council")
    outsider = UserFactory(display_name="Pat Public")
    group = group_create(
        actor=officer,
        name="Creative and cultural sector group",
        kind="sector",
        purpose="Grow the creative economy.",
        convenor=convenor,
    )
    GroupMembership.objects.create(group=group, member=business, accepted=True)
    GroupMembership.objects.create(group=group, member=council, accepted=True, local_authority=True)
    return SimpleNamespace(
        group=group, convenor=convenor, business=business, council=council, outsider=outsider
    )
