"""What the state of principles, periods and indicators forbids is refused for a superuser as
for anyone (has_perm lets a superuser through every permission, so the service must hold the
rule): an adopted version never changes or is adopted twice, a lost decision adopts nothing,
periods do not overlap, a computed indicator takes no entered figure, and a scorecard of
another shape is not imported."""

import pytest
from django.core.exceptions import ValidationError

from altlep.evidence.models import (
    ImportedScorecard,
    Indicator,
    IndicatorEntry,
    Period,
    Principle,
    PrincipleSet,
)
from altlep.evidence.resilience import services
from altlep.governance.services.decisions import decision_record
from tests.evidence.resilience.helpers import (
    adopted_principles,
    adopting_decision,
    draft_principles,
    period,
)
from tests.factories import UserFactory
from tests.governance.factories import board
from tests.governance.helpers import board_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return UserFactory(is_officer=True, is_superuser=True, is_staff=True)


def test_a_superuser_cannot_change_an_adopted_version(officer, superuser):
    adopted = adopted_principles(officer)
    principles = Principle.objects.count()
    with pytest.raises(ValidationError, match="cannot change"):
        services.principle_add(
            actor=superuser, principle_set=adopted, theme="environment", title="Cut emissions"
        )
    with pytest.raises(ValidationError, match="cannot change"):
        services.indicator_add(
            actor=superuser,
            principle=adopted.principles.first(),
            name="More trees",
            direction="higher",
            target="10",
            source="entered",
        )
    assert Principle.objects.count() == principles
    assert not Indicator.objects.filter(name="More trees").exists()


def test_a_superuser_cannot_adopt_a_version_twice_or_by_a_decision_used_before(officer, superuser):
    adopted = adopted_principles(officer)
    with pytest.raises(ValidationError, match="cannot change"):
        services.principle_set_adopt(
            actor=superuser, principle_set=adopted, decision=adopting_decision(officer)
        )
    draft = services.principle_set_create(actor=superuser)
    with pytest.raises(ValidationError) as caught:
        services.principle_set_adopt(
            actor=superuser, principle_set=draft, decision=adopted.adopted_by
        )
    assert "already adopted" in caught.value.message_dict["decision"][0]
    draft.refresh_from_db()
    assert not draft.adopted


def test_a_superuser_cannot_adopt_principles_by_a_decision_that_was_lost(officer, superuser):
    draft = draft_principles(officer)
    seats = board(micro=3, sme=0, social=1)
    lost = decision_record(
        actor=officer,
        meeting=board_meeting(officer),
        title="Adopt the principles",
        text="Not agreed.",
        votes={s.member: "against" for s in seats},
    )
    with pytest.raises(ValidationError, match="carried"):
        services.principle_set_adopt(actor=superuser, principle_set=draft, decision=lost)
    assert not PrincipleSet.objects.filter(adopted_by__isnull=False).exists()


def test_a_superuser_cannot_define_a_period_overlapping_another(officer, superuser):
    period(officer)
    with pytest.raises(ValidationError) as caught:
        period(superuser, "Half year", (2025, 10, 1), (2026, 9, 30))
    assert "starts_on" in caught.value.message_dict
    assert Period.objects.count() == 1


def test_a_superuser_cannot_enter_a_figure_for_a_computed_indicator(officer, superuser):
    adopted_principles(officer)
    computed = Indicator.objects.get(source="computed")
    with pytest.raises(ValidationError, match="computed"):
        services.indicator_enter(
            actor=superuser,
            indicator=computed,
            period=period(officer),
            value="99",
            evidence="I say so",
        )
    assert not IndicatorEntry.objects.exists()


def test_a_superuser_cannot_import_a_scorecard_of_another_shape(superuser):
    with pytest.raises(ValidationError, match="format"):
        services.scorecard_import(
            actor=superuser, raw='{"format": "something-else"}', name="other.json"
        )
    assert not ImportedScorecard.objects.exists()
