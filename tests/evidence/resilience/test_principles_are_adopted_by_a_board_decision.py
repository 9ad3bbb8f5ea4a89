"""Principles are versioned and in force only once a carried board decision adopts them; an
adopted version never changes."""

import pytest
from django.core.exceptions import ValidationError

from altlep.evidence.models import PrincipleSet
from altlep.evidence.resilience import services
from altlep.evidence.resilience.selectors import principles_in_force
from altlep.governance.services.decisions import decision_record
from tests.evidence.resilience.helpers import (
    adopted_principles,
    adopting_decision,
    draft_principles,
)
from tests.governance.factories import board
from tests.governance.helpers import board_meeting

pytestmark = pytest.mark.django_db


def test_a_draft_is_not_in_force_until_the_board_adopts_it(officer):
    draft = draft_principles(officer)
    assert principles_in_force() is None
    decision = adopting_decision(officer)
    services.principle_set_adopt(actor=officer, principle_set=draft, decision=decision)
    assert principles_in_force() == draft
    draft.refresh_from_db()
    assert draft.adopted_on == decision.meeting.starts_at.date()


def test_a_decision_that_was_not_carried_adopts_nothing(officer):
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
        services.principle_set_adopt(actor=officer, principle_set=draft, decision=lost)
    assert principles_in_force() is None


def test_an_adopted_version_cannot_change_and_a_new_version_copies_it(officer):
    adopted = adopted_principles(officer)
    with pytest.raises(ValidationError, match="cannot change"):
        services.principle_add(
            actor=officer, principle_set=adopted, theme="environment", title="Cut emissions"
        )
    new = services.principle_set_create(actor=officer)
    assert new.version == adopted.version + 1
    assert [p.title for p in new.principles.all()] == [p.title for p in adopted.principles.all()]
    assert PrincipleSet.objects.count() == 2
    assert principles_in_force() == adopted
