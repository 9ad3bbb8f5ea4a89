"""Any member proposes an amendment to a section of the plan; members support and discuss it;
the board adopts or declines it by a recorded decision; every adopted version stays readable."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from altlep.governance.models import AmendmentStatus
from altlep.governance.services import plan
from altlep.governance.services.decisions import decision_record
from altlep.governance.services.strategy import strategy_update
from tests.factories import UserFactory
from tests.governance.factories import board
from tests.governance.helpers import board_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def strategy(officer):
    return strategy_update(
        actor=officer,
        title="Our plan",
        body="Intro.\n\n## Culture\n\nSupport festivals.\n\n## Skills\n\nApprenticeships.",
        sectors=[],
    )


def _decide(officer, carried: bool, text: str):
    seats = board(micro=3, sme=0, social=1)
    votes = {s.member: ("for" if carried else "against") for s in seats}
    return decision_record(
        actor=officer, meeting=board_meeting(officer), title="Amendment", text=text, votes=votes
    )


def test_an_adopted_amendment_changes_the_plan_and_keeps_both_versions(officer, strategy, member):
    amendment = plan.amendment_propose(
        actor=member,
        section="Culture",
        proposed_text="Support festivals and year-round studios.",
        reason="Festivals alone leave artists without work in winter.",
    )
    plan.amendment_support(actor=UserFactory(), amendment=amendment)
    plan.amendment_comment(actor=UserFactory(), amendment=amendment, body="Yes, studios.")
    decision = _decide(officer, True, "Adopted: studios matter.")
    plan.amendment_decide(actor=officer, amendment=amendment, decision=decision)
    amendment.refresh_from_db()
    assert amendment.status == AmendmentStatus.ADOPTED
    assert amendment.decision == decision
    strategy.refresh_from_db()
    assert "year-round studios" in strategy.body
    assert "Apprenticeships." in strategy.body  # other sections untouched
    versions = plan.plan_versions()
    assert len(versions) == 2
    assert "Support festivals." in versions[0]["body"]
    assert ("added", "Support festivals and year-round studios.") in versions[1]["diff"]


def test_a_decision_not_carried_declines_the_amendment_and_leaves_the_plan(
    officer, strategy, member
):
    amendment = plan.amendment_propose(
        actor=member, section="Skills", proposed_text="None.", reason="Why not."
    )
    plan.amendment_decide(
        actor=officer, amendment=amendment, decision=_decide(officer, False, "Declined: no.")
    )
    amendment.refresh_from_db()
    assert amendment.status == AmendmentStatus.DECLINED
    strategy.refresh_from_db()
    assert "Apprenticeships." in strategy.body
    with pytest.raises(ValidationError):
        plan.amendment_support(actor=UserFactory(), amendment=amendment)


def test_a_member_cannot_apply_a_decision(officer, strategy, member):
    amendment = plan.amendment_propose(
        actor=member, section="Skills", proposed_text="X", reason="Y"
    )
    with pytest.raises(PermissionDenied):
        plan.amendment_decide(
            actor=member, amendment=amendment, decision=_decide(officer, True, "ok")
        )
