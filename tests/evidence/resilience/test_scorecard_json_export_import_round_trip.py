"""A scorecard exported as JSON imports back unchanged for comparison; a file of another shape
is refused naming the field (or the line, for broken JSON), and nothing is saved."""

import json

import pytest
from django.core.exceptions import ValidationError

from altlep.evidence.models import ImportedScorecard, Indicator
from altlep.evidence.resilience import services
from tests.evidence.resilience.helpers import adopted_principles, analysis, period

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(client, officer, partnership):
    adopted_principles(officer)
    year = period(officer)
    analysis(months=[("2025-04", 1000_00, 500_00)])
    trust = Indicator.objects.get(source="entered")
    services.indicator_enter(
        actor=officer, indicator=trust, period=year, value="55", evidence="Residents' survey 2025"
    )
    response = client.get(f"/evidence/scorecard/{year.pk}/export.json")
    assert response.status_code == 200
    return response.content


def test_the_export_imports_back_unchanged_and_compares_by_theme(client, officer, exported):
    data = json.loads(exported)
    assert data["format"] == "altlep-scorecard"
    theme = {t["theme"]: t for t in data["themes"]}
    local = theme["investment"]["indicators"][0]
    assert local["value"] == 50.0 and local["status"] == "met"
    trust = theme["engagement"]["indicators"][0]
    assert trust["value"] == 55.0 and trust["status"] == "not met"
    assert trust["lineage"] == ["entered: Residents' survey 2025"]

    imported = services.scorecard_import(actor=officer, raw=exported, name="other.json")
    assert imported.data == data
    page = client.get("/evidence/scorecard/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Other partnership areas" in text
    assert f"{data['area']}, 2025-26" in text


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(format="something-else"), "format"),
        (lambda d: d["themes"][0].update(theme="luck"), "themes[0].theme"),
        (
            lambda d: d["themes"][1]["indicators"][0].update(target="high"),
            "themes[1].indicators[0].target",
        ),
        (lambda d: d["themes"][1]["indicators"][0].update(direction="up"), "direction"),
        (lambda d: d.pop("area"), "area"),
    ],
)
def test_a_scorecard_of_another_shape_is_refused_naming_the_field(
    officer, exported, change, message
):
    data = json.loads(exported)
    change(data)
    with pytest.raises(ValidationError) as caught:
        services.scorecard_import(actor=officer, raw=json.dumps(data), name="other.json")
    assert message in caught.value.messages[0]
    assert "other.json" in caught.value.messages[0]
    assert not ImportedScorecard.objects.exists()


def test_broken_json_is_refused_naming_the_line(officer, partnership):
    with pytest.raises(ValidationError, match="other.json, line 2"):
        services.scorecard_import(actor=officer, raw='{"format":\n  oops}', name="other.json")
