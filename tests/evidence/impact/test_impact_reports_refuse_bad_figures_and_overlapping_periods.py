"""Bad impact figures (negative, not a number, deadweight or attribution outside 0-100%) and
a period overlapping one already reported are refused naming the field; nothing is saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from altlep.evidence.impact import services
from altlep.evidence.models import ImpactReport, Outcome

pytestmark = pytest.mark.django_db
START, END = datetime.date(2025, 4, 1), datetime.date(2026, 3, 31)
GOOD_OUTCOME = {
    "theme": "health",
    "description": "People less isolated",
    "quantity": 40,
    "value_pence": 4000_00,
    "deadweight_percent": 20,
    "attribution_percent": 10,
    "drop_off_percent": 0,
    "evidence": "Before-and-after survey",
}


def file(member, organisation, figures=None, outcomes=(), start=START, end=END):
    return services.report_file(
        actor=member,
        organisation=organisation,
        starts_on=start,
        ends_on=end,
        figures=figures or {"jobs": 3},
        outcomes=list(outcomes),
    )


@pytest.mark.parametrize(
    "figures, outcome, field",
    [
        ({"volunteer_hours": -5}, None, "volunteer_hours"),
        ({"people_supported": "lots"}, None, "people_supported"),
        ({"jobs": "nan"}, None, "jobs"),
        ({}, {"deadweight_percent": 120}, "outcome 1: deadweight"),
        ({}, {"attribution_percent": -1}, "outcome 1: attribution"),
        ({}, {"theme": "National TOMs"}, "outcome 1: theme"),
        ({}, {"evidence": ""}, "outcome 1: evidence"),
    ],
)
def test_a_bad_figure_names_its_field(member, organisation, figures, outcome, field):
    outcomes = [{**GOOD_OUTCOME, **outcome}] if outcome else []
    with pytest.raises(ValidationError) as caught:
        file(member, organisation, figures, outcomes)
    assert field in caught.value.message_dict
    assert not ImpactReport.objects.exists() and not Outcome.objects.exists()


def test_a_period_overlapping_one_already_reported_is_refused(member, organisation):
    file(member, organisation, outcomes=[GOOD_OUTCOME])
    with pytest.raises(ValidationError) as caught:
        file(member, organisation, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31))
    assert "starts_on" in caught.value.message_dict
    assert ImpactReport.objects.count() == 1
