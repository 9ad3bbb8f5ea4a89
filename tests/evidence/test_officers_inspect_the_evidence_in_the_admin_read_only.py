"""Officers inspect principles, indicators, entered figures, impact reports, networks and the
network's published report in the admin, with search; nothing can be added, changed or
deleted there, since writes go through the services (rules and the audit log)."""

import datetime

import pytest
from django.urls import reverse

from altlep.evidence.impact import services as impact
from altlep.evidence.models import ImpactNetwork, ImpactReport, Indicator, NetworkReport
from altlep.evidence.resilience import services
from tests.evidence.resilience.helpers import adopted_principles, period
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
START, END = datetime.date(2025, 4, 1), datetime.date(2026, 3, 31)


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def evidence(officer):
    adopted_principles(officer)
    services.indicator_enter(
        actor=officer,
        indicator=Indicator.objects.get(source="entered"),
        period=period(officer),
        value="55",
        evidence="Residents' survey",
    )
    cafe = OrganisationFactory(name="Canal Café CIC", legal_form="cic")
    network = ImpactNetwork.objects.create(name="Quarter", slug="quarter", convenor=officer)
    network.members.set([cafe])
    report = impact.report_file(
        actor=officer, organisation=cafe, starts_on=START, ends_on=END, figures={"jobs": 3}
    )
    published = impact.network_report_publish(
        actor=officer, network=network, starts_on=START, ends_on=END
    )
    return report, published


@pytest.mark.parametrize(
    "model, search",
    [
        ("principleset", "principles"),
        ("principle", "money"),
        ("indicator", "Local share"),
        ("indicatorentry", "survey"),
        ("impactreport", "Canal"),
        ("impactnetwork", "Quarter"),
        ("networkreport", "Quarter"),
    ],
)
def test_each_list_opens_and_searches(admin_client, evidence, model, search):
    response = admin_client.get(f"/admin/evidence/{model}/", {"q": search})
    assert response.status_code == 200 and response.context["cl"].result_count == 1


def test_a_report_shows_its_figures_but_offers_no_save_or_delete(admin_client, evidence):
    report, published = evidence
    page = admin_client.get(reverse("admin:evidence_impactreport_change", args=[report.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "Canal Café CIC" in text
    assert 'name="_save"' not in text
    assert admin_client.get("/admin/evidence/impactreport/add/").status_code == 403
    gone = admin_client.post(
        reverse("admin:evidence_networkreport_delete", args=[published.pk]), {"post": "yes"}
    )
    assert gone.status_code == 403 and NetworkReport.objects.exists()


def test_a_change_posted_to_the_admin_is_refused(admin_client, evidence):
    indicator = Indicator.objects.first()
    response = admin_client.post(
        reverse("admin:evidence_indicator_change", args=[indicator.pk]),
        {"name": "Renamed", "target": "1"},
    )
    assert response.status_code == 403
    indicator.refresh_from_db()
    assert indicator.name != "Renamed" and ImpactReport.objects.count() == 1
