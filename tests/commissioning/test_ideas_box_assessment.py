"""A box idea is assessed only once it is in a round, whoever asks."""

import pytest
from django.core.exceptions import PermissionDenied

from altlep.commissioning.models import IdeaStatus
from altlep.commissioning.services.assessment import idea_shortlist, project_create
from altlep.commissioning.services.ideas_box import idea_bring_into_round
from tests.commissioning.factories import BoxIdeaFactory, RoundFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_superuser_cannot_assess_an_idea_still_in_the_box():
    superuser = UserFactory(is_superuser=True, is_staff=True, is_officer=True)
    idea = BoxIdeaFactory()
    with pytest.raises(PermissionDenied):
        idea_shortlist(actor=superuser, idea=idea)
    with pytest.raises(PermissionDenied):
        project_create(actor=superuser, idea=idea, cost_pence=1_000_00)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SUBMITTED


def test_an_idea_brought_into_a_round_in_assessment_is_assessed_there(officer):
    round_ = RoundFactory(phase="assess")
    idea = BoxIdeaFactory(rough_cost_pence=5_000_00)
    idea_bring_into_round(actor=officer, idea=idea, round_=round_)
    idea_shortlist(actor=officer, idea=idea)
    project = project_create(actor=officer, idea=idea, cost_pence=4_500_00)
    assert project.round == round_ and project.idea == idea
