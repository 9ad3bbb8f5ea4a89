"""Officers confirm money pledges and value in-kind ones; confirmed pledges cut the net cost."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.commissioning.models import Pledge
from altlep.commissioning.selectors.costs import net_cost_pence
from altlep.commissioning.services.pledges import pledge_confirm, pledge_create
from altlep.core.models import AuditEntry
from tests.commissioning.factories import ProjectFactory, lay_out_phases

pytestmark = pytest.mark.django_db


def _confirm(client, pledge, **data):
    return client.post(reverse("commissioning:pledge_confirm", args=[pledge.pk]), data)


def test_an_officer_confirms_a_money_pledge_and_the_net_cost_falls(client, officer, member):
    project = ProjectFactory(cost_pence=2_000_00)
    pledge = pledge_create(actor=member, project=project, kind="money", amount_pence=500_00)
    assert net_cost_pence(project) == 2_000_00
    client.force_login(officer)
    assert _confirm(client, pledge).status_code == 302
    pledge.refresh_from_db()
    assert pledge.confirmed
    assert net_cost_pence(project) == 1_500_00
    assert AuditEntry.objects.filter(action="pledge.confirm").exists()


def test_an_officer_values_and_confirms_an_in_kind_pledge(client, officer, member):
    project = ProjectFactory(cost_pence=2_000_00)
    pledge = pledge_create(actor=member, project=project, kind="hours", hours=20)
    client.force_login(officer)
    _confirm(client, pledge, value_pence="240")
    pledge.refresh_from_db()
    assert (pledge.confirmed, pledge.value_pence) == (True, 240_00)
    assert net_cost_pence(project) == 1_760_00


@pytest.mark.parametrize("value", ["", "-1", "lots"])
def test_an_in_kind_pledge_without_a_sound_value_is_not_confirmed(client, officer, member, value):
    project = ProjectFactory()
    pledge = pledge_create(actor=member, project=project, kind="venue", description="Hall")
    client.force_login(officer)
    response = _confirm(client, pledge, value_pence=value)
    assert response.wsgi_request._messages  # the refusal is told on the project page
    pledge.refresh_from_db()
    assert not pledge.confirmed and pledge.value_pence is None


def test_a_member_who_is_not_an_officer_cannot_confirm(client, member):
    pledge = pledge_create(actor=member, project=ProjectFactory(), kind="money", amount_pence=100)
    client.force_login(member)
    assert _confirm(client, pledge).status_code == 403
    with pytest.raises(PermissionDenied, match="Officers confirm"):
        pledge_confirm(actor=member, pledge=pledge)
    pledge.refresh_from_db()
    assert not pledge.confirmed


def test_confirming_twice_is_refused(officer, member):
    pledge = pledge_create(actor=member, project=ProjectFactory(), kind="money", amount_pence=100)
    pledge_confirm(actor=officer, pledge=pledge)
    with pytest.raises(ValidationError, match="already confirmed"):
        pledge_confirm(actor=officer, pledge=pledge)
    assert AuditEntry.objects.filter(action="pledge.confirm").count() == 1


def test_pledges_are_not_confirmed_once_the_vote_has_closed(client, officer, member):
    project = ProjectFactory()
    pledge = pledge_create(actor=member, project=project, kind="money", amount_pence=100)
    lay_out_phases(project.round, "results")
    client.force_login(officer)
    assert _confirm(client, pledge).status_code == 403
    assert not Pledge.objects.get().confirmed
