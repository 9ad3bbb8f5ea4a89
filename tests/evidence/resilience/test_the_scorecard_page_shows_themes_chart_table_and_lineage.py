"""The scorecard page: five themes, a chart with a table beside it, a summary per theme,
values against targets with lineage and trend, "no data" with its reason, and initiatives."""

import pytest

from altlep.evidence.models import Principle
from altlep.evidence.resilience import services
from tests.commissioning.factories import ProjectFactory
from tests.evidence.resilience.helpers import adopted_principles, analysis, period

pytestmark = pytest.mark.django_db


def test_the_scorecard_of_a_period_with_its_trend_and_initiatives(client, officer, partnership):
    adopted_principles(officer)
    earlier = period(officer, "2024-25", (2024, 4, 1), (2025, 3, 31))
    year = period(officer)
    analysis(months=[("2024-06", 1000_00, 300_00), ("2025-06", 1000_00, 450_00)])
    services.assessment_add(
        actor=officer,
        principle=Principle.objects.get(theme="investment"),
        initiative="",
        project=ProjectFactory(title="Buy local catering"),
        expected_effect="Moves council catering spend to local micro-enterprises.",
    )
    text = client.get(f"/evidence/scorecard/{year.pk}/").content.decode()
    for label in (
        "Responsible business",
        "Investment and local resource flows",
        "Integration and a responsive public sector",
        "Engagement and accountability",
        "Environmental sustainability",
    ):
        assert f"<h2>{label}</h2>" in text
    assert "<svg" in text and "<caption>Indicators by theme</caption>" in text
    assert "45 %" in text and "Better" in text and "(was 30)" in text
    assert "No figure has been entered for 2025-26" in text
    assert "Investment and local resource flows: 1 of 1 indicators with data meet" in text
    assert "Buy local catering" in text
    earlier_text = client.get(f"/evidence/scorecard/{earlier.pk}/").content.decode()
    assert "30 %" in earlier_text and "Not met" in earlier_text


def test_with_no_principles_adopted_the_page_says_so(client, officer):
    period(officer)
    text = client.get("/evidence/scorecard/").content.decode()
    assert "No principles have been adopted" in text
