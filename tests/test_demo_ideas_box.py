"""The demo's ideas box: believable ideas, one brought into a round, one declined with a reason,
made through the real services and only once."""

import pytest

from altlep.commissioning.models import IdeaStatus
from altlep.commissioning.selectors.ideas_box import box_ideas, rounds_taking_ideas
from altlep.core.models import AuditEntry
from altlep.demo.ideas_box import BOX_IDEAS, ROUND_TITLE, demo_ideas_box
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_people():
    """The demo's accounts and numbered members that the ideas box uses, by email."""
    emails = {plan.author for plan in BOX_IDEAS}
    for plan in BOX_IDEAS:
        emails |= set(plan.supporters) | {email for email, _ in plan.comments}
    people = {email: UserFactory(email=email) for email in sorted(emails)}
    people["officer@demo.altlep.org"].is_officer = True
    people["officer@demo.altlep.org"].save()
    return people


def test_the_demo_fills_the_ideas_box_once(demo_people):
    officer = demo_people["officer@demo.altlep.org"]
    assert demo_ideas_box(officer=officer) == len(BOX_IDEAS)
    assert demo_ideas_box(officer=officer) == 0
    ideas = {idea.title: idea for idea in box_ideas()}
    assert len(ideas) == len(BOX_IDEAS)
    assert any(i.author.email == "resident@demo.altlep.org" for i in ideas.values())
    assert sum(1 for i in ideas.values() if i.support_count > 0) >= 4


def test_one_demo_idea_is_brought_into_a_round_and_one_declined(demo_people):
    demo_ideas_box(officer=demo_people["officer@demo.altlep.org"])
    ideas = list(box_ideas().select_related("round"))
    brought = [i for i in ideas if i.brought_in_at]
    declined = [i for i in ideas if i.status == IdeaStatus.DECLINED]
    assert len(brought) == 1 and brought[0].round.title == ROUND_TITLE
    assert brought[0].round in rounds_taking_ideas()
    assert len(declined) == 1 and "councils" in declined[0].status_reason
    assert AuditEntry.objects.filter(action="idea.bring_into_round").count() == 1
    assert AuditEntry.objects.filter(action="idea.decline").count() == 1
