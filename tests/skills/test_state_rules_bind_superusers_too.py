"""What a placement's or a claim's state forbids is refused for a superuser-officer as for
anyone: no application to a filled placement, no second decision on a decided claim."""

import pytest
from django.core.exceptions import ValidationError

from altlep.skills.models import ClaimStatus
from altlep.skills.services.applications import application_submit
from altlep.skills.services.fund import claim_decide
from tests.factories import UserFactory
from tests.skills.factories import make_apprenticeship, make_fund
from tests.skills.test_teaching_fund import claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return UserFactory(is_officer=True, is_superuser=True, is_staff=True)


def test_a_superuser_cannot_apply_to_a_filled_placement(superuser):
    filled = make_apprenticeship().placement
    with pytest.raises(ValidationError) as caught:
        application_submit(
            actor=superuser,
            placement=filled,
            statement="I would like to learn.",
            availability="Any weekday.",
            consent_to_share=True,
        )
    assert "placement" in caught.value.message_dict


def test_a_superuser_cannot_decide_a_claim_twice(officer, superuser):
    fund = make_fund(officer)
    decided = claim_decide(actor=officer, claim=claim(fund, make_apprenticeship()), approve=True)
    with pytest.raises(ValidationError) as caught:
        claim_decide(actor=superuser, claim=decided, approve=False)
    assert "already been decided" in caught.value.message_dict["status"][0]
    decided.refresh_from_db()
    assert decided.status == ClaimStatus.APPROVED
