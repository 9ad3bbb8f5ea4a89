"""Pledging toward a project: money, hours, materials or a venue, until the vote closes."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.commissioning.models import Pledge
from altlep.commissioning.services.pledges import pledge_create
from altlep.core.models import AuditEntry
from tests.commissioning.factories import ProjectFactory, RoundFactory
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _pledge(client, project, **data):
    url = reverse("commissioning:pledge_create", args=[project.round.slug, project.ballot_id])
    return client.post(url, data)


def test_a_member_pledges_money_in_pounds(client, member):
    project = ProjectFactory()
    client.force_login(member)
    response = _pledge(client, project, kind="money", amount_pence="£250.50")
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert (pledge.member, pledge.kind, pledge.amount_pence) == (member, "money", 25050)
    assert not pledge.confirmed
    assert AuditEntry.objects.filter(action="pledge.create").exists()


def test_a_member_pledges_hours_and_a_venue(client, member):
    project = ProjectFactory()
    client.force_login(member)
    _pledge(client, project, kind="hours", hours="12")
    _pledge(client, project, kind="venue", description="Our church hall, Tuesdays")
    assert list(Pledge.objects.values_list("kind", "hours", "description")) == [
        ("hours", 12, ""),
        ("venue", None, "Our church hall, Tuesdays"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "money", "amount_pence": "a tenner"}, "is not an amount of money"),
        ({"kind": "money", "amount_pence": "-10"}, "The amount cannot be negative."),
        ({"kind": "money", "amount_pence": ""}, "Pledge an amount of money of more than £0."),
        ({"kind": "hours", "hours": "-3"}, "Hours must be at least 1."),
        ({"kind": "hours", "hours": "two"}, "Hours must be a whole number."),
        ({"kind": "materials", "description": ""}, "Say what you are offering."),
        ({"kind": "gold"}, "Select a valid choice"),
    ],
)
def test_bad_pledges_are_refused_with_a_clear_message(client, member, data, message):
    project = ProjectFactory()
    client.force_login(member)
    response = _pledge(client, project, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Pledge.objects.exists()


def test_the_service_refuses_negative_hours_and_money(member):
    project = ProjectFactory()
    with pytest.raises(ValidationError, match="hours"):
        pledge_create(actor=member, project=project, kind="hours", hours=-2)
    with pytest.raises(ValidationError, match="more than £0"):
        pledge_create(actor=member, project=project, kind="money", amount_pence=-100)
    assert not Pledge.objects.exists()


@pytest.mark.parametrize("phase", ["results", "delivery", "after"])
def test_pledging_after_the_vote_is_refused(client, member, phase):
    project = ProjectFactory(round=RoundFactory(phase=phase))
    client.force_login(member)
    assert _pledge(client, project, kind="money", amount_pence="10").status_code == 403
    with pytest.raises(PermissionDenied, match="until the vote closes"):
        pledge_create(actor=member, project=project, kind="money", amount_pence=1000)
    assert not Pledge.objects.exists()


def test_a_member_pledges_on_behalf_of_their_organisation(client, member, organisation):
    project = ProjectFactory()
    client.force_login(member)
    page = client.get(
        reverse("commissioning:pledge_create", args=[project.round.slug, project.ballot_id])
    ).content.decode()
    assert organisation.name in page
    _pledge(client, project, kind="materials", description="Timber", organisation=organisation.pk)
    assert Pledge.objects.get().organisation == organisation


def test_pledging_for_an_organisation_one_is_not_part_of_is_refused(client, member):
    project = ProjectFactory()
    stranger_org = OrganisationFactory()
    client.force_login(member)
    response = _pledge(client, project, kind="hours", hours="3", organisation=str(stranger_org.pk))
    assert response.status_code == 400
    with pytest.raises(ValidationError, match="not affiliated"):
        pledge_create(
            actor=member, project=project, kind="hours", hours=3, organisation=stranger_org
        )
    assert not Pledge.objects.exists()
