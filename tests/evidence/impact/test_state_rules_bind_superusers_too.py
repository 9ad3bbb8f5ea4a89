"""What a period already reported forbids is refused for a superuser as for anyone (has_perm
lets a superuser through every permission, so the service must hold the rule): no report
for a period overlapping one filed, no network report overlapping one published, and none
before any member has reported."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from altlep.evidence.impact import services
from altlep.evidence.models import ImpactNetwork, ImpactReport, NetworkReport
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
START, END = datetime.date(2025, 4, 1), datetime.date(2026, 3, 31)


@pytest.fixture
def superuser():
    return UserFactory(is_officer=True, is_superuser=True, is_staff=True)


@pytest.fixture
def network(db):
    convenor = UserFactory(email_confirmed=True)
    cafe = OrganisationFactory(name="Canal Café CIC", legal_form="cic", created_by=convenor)
    net = ImpactNetwork.objects.create(name="Quarter", slug="quarter", convenor=convenor)
    net.members.set([cafe])
    return net, cafe, convenor


def _file(actor, organisation, start=START, end=END):
    return services.report_file(
        actor=actor, organisation=organisation, starts_on=start, ends_on=end, figures={"jobs": 2}
    )


def test_a_superuser_cannot_file_a_report_overlapping_one_filed(network, superuser):
    _, cafe, convenor = network
    _file(convenor, cafe)
    with pytest.raises(ValidationError) as caught:
        _file(superuser, cafe, datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    assert "starts_on" in caught.value.message_dict
    assert ImpactReport.objects.count() == 1


def test_a_superuser_cannot_file_a_period_that_ends_before_it_starts(network, superuser):
    _, cafe, _ = network
    with pytest.raises(ValidationError) as caught:
        _file(superuser, cafe, END, START)
    assert "ends_on" in caught.value.message_dict
    assert not ImpactReport.objects.exists()


def test_a_superuser_cannot_publish_a_network_report_overlapping_one_published(network, superuser):
    net, cafe, convenor = network
    _file(convenor, cafe)
    services.network_report_publish(actor=convenor, network=net, starts_on=START, ends_on=END)
    with pytest.raises(ValidationError) as caught:
        services.network_report_publish(actor=superuser, network=net, starts_on=START, ends_on=END)
    assert "starts_on" in caught.value.message_dict
    assert NetworkReport.objects.count() == 1


def test_a_superuser_cannot_publish_a_network_report_before_any_member_reports(network, superuser):
    net, _, _ = network
    with pytest.raises(ValidationError, match="No member has filed"):
        services.network_report_publish(actor=superuser, network=net, starts_on=START, ends_on=END)
    assert not NetworkReport.objects.exists()
