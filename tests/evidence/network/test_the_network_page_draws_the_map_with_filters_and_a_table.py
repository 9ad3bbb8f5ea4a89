"""The network page: metrics, an SVG map drawn on the server, filters by tie type and period,
and the table of organisations with their partners by sector."""

import pytest

from altlep.commissioning.models import Pledge
from altlep.evidence.network.sources import platform_network
from altlep.governance.models import Group, GroupMembership
from tests.commissioning.factories import ProjectFactory
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def orgs(db):
    council_officer, charity_trustee, baker = UserFactory(), UserFactory(), UserFactory()
    council = OrganisationFactory(
        name="Borough Council", legal_form="public", created_by=council_officer
    )
    charity = OrganisationFactory(
        name="Food Bank", legal_form="charity", created_by=charity_trustee
    )
    bakery = OrganisationFactory(name="Bakery Ltd", created_by=baker)
    OrganisationFactory(name="Lonely Ltd")
    group = Group.objects.create(
        name="Food sector", slug="food", kind="sector", purpose="Food", convenor=baker
    )
    for person in (council_officer, baker):
        GroupMembership.objects.create(group=group, member=person, accepted=True)
    project = ProjectFactory()
    for org, person in ((charity, charity_trustee), (bakery, baker)):
        Pledge.objects.create(
            project=project, member=person, organisation=org, kind="venue", confirmed=True
        )
    return council, charity, bakery


def test_ties_come_typed_from_groups_and_pledges(orgs):
    council, charity, bakery = orgs
    network = platform_network()
    types = {(frozenset((t.source, t.target)), t.type) for t in network.ties}
    assert (frozenset((str(council.pk), str(bakery.pk))), "group") in types
    assert (frozenset((str(charity.pk), str(bakery.pk))), "co_delivery") in types


def test_the_page_has_the_map_the_measures_and_the_table(client, orgs):
    text = client.get("/evidence/network/").content.decode()
    assert '<svg role="img" aria-label="The cross-sector network"' in text
    assert "<title>Bakery Ltd (private)</title>" in text
    assert "Lonely Ltd" in text  # in the table, with no tie
    assert "<dt>Organisations with no tie to another sector</dt><dd>1</dd>" in text


def test_filtering_by_tie_type_keeps_only_those_ties(client, orgs):
    data = client.get("/evidence/network.json?type=group").json()
    assert data["tie_types"] == {"group": 1}
    data = client.get("/evidence/network.json?from=2999-01-01").json()
    assert data["ties"] == 0
