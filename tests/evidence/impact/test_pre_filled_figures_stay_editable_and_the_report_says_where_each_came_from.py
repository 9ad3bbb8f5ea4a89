"""The report form fills in what the platform knows and lists what it left and why; the
organisation may change any filled figure, and the filed report says which figures the
platform filled, which the organisation changed, and which it entered itself."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from altlep.evidence import services as evidence_services
from altlep.evidence.impact import services
from altlep.evidence.models import ImpactReport
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
END = timezone.now().date() - datetime.timedelta(days=35)
START = END - datetime.timedelta(days=364)


@pytest.fixture
def cafe(member, officer):
    cafe = OrganisationFactory(name="Canal Café Ltd", created_by=member, employees=5)
    evidence_services.supplier_survey_submit(
        actor=officer,
        supplier_name="Canal Café Ltd",
        income_pence=10_000_00,
        wage_percent_of_costs=50,
        local_wage_percent=80,
        local_supplier_percent=40,
    )
    return cafe


def _form(client, cafe):
    return client.get(
        reverse("evidence:impact_file", args=[cafe.slug]),
        {"starts_on": START.isoformat(), "ends_on": END.isoformat()},
    )


def test_the_form_fills_in_known_figures_and_lists_what_it_left_and_why(client, member, cafe):
    client.force_login(member)
    page = _form(client, cafe).content.decode()
    assert 'name="local_spend_pounds" value="6000.00"' in page
    assert 'name="jobs" value="5"' in page
    assert "Left for you to enter" in page
    assert "no emission factors by industry have been imported" in page


def test_a_changed_figure_is_filed_as_entered_with_what_the_platform_had(client, member, cafe):
    client.force_login(member)
    data = {
        "starts_on": START.isoformat(),
        "ends_on": END.isoformat(),
        "jobs": "5",
        "local_spend_pounds": "5500",  # the organisation knows better than its survey
        "lm3": "",  # unknown stays unknown, not zero
        "contracts_won_pounds": "0",
        "apprenticeships": "0",
        "volunteer_hours": "0",
        "people_supported": "0",
        "emissions_kg": "900",  # the platform could not estimate it
        "waste_kg": "0",
        "evidence": "Our accounts",
        "spend-TOTAL_FORMS": "0",
        "spend-INITIAL_FORMS": "0",
        "outcome-TOTAL_FORMS": "0",
        "outcome-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("evidence:impact_file", args=[cafe.slug]), data)
    assert response.status_code == 302
    report = ImpactReport.objects.get()
    assert report.local_spend_pence == 5_500_00 and report.lm3 is None
    assert report.lineage["jobs"].startswith("filled in by the platform from headcount")
    assert report.lineage["local_spend_pence"].startswith(
        "entered by the organisation; the platform had £6,000.00 from 1 LM3 survey"
    )
    assert "could not fill it: no emission factors" in report.lineage["emissions_kg"]
    page = client.get(response["Location"]).content.decode()
    assert "Where the figures come from" in page and "Local spend" in page
    assert "the platform had £6,000.00" in page


def test_an_lm3_outside_one_to_three_is_refused(member, cafe):
    with pytest.raises(ValidationError) as caught:
        services.report_file(
            actor=member,
            organisation=cafe,
            starts_on=START,
            ends_on=END,
            figures={"lm3": "4.2"},
        )
    assert "lm3" in caught.value.message_dict and not ImpactReport.objects.exists()
