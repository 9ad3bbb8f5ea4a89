"""One test per permission of the ideas box, and the round rules staying sound for an idea
with no round."""

import pytest
from django.contrib.auth.models import AnonymousUser

from altlep.commissioning.rules import idea_rule, round_of
from altlep.commissioning.services.ideas_box import idea_bring_into_round, idea_decline
from tests.commissioning.factories import BoxIdeaFactory, IdeaFactory, RoundFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROUND_RULES_ON_IDEAS = [
    "commissioning.submit_idea",
    "commissioning.support_idea",
    "commissioning.comment_idea",
    "commissioning.assess_idea",
    "commissioning.pledge",
    "commissioning.vote",
    "commissioning.count_round",
    "commissioning.publish_results",
    "commissioning.export_ballots",
    "commissioning.update_delivery",
]


def _declined(officer):
    idea = BoxIdeaFactory()
    idea_decline(actor=officer, idea=idea, reason="Not ours to fund.")
    return idea


def _brought_in(officer):
    idea = BoxIdeaFactory()
    idea_bring_into_round(actor=officer, idea=idea, round_=RoundFactory(phase="collect"))
    return idea


def test_submit_box_idea_is_for_confirmed_members_whatever_the_rounds(member, officer):
    RoundFactory(phase="after")
    assert member.has_perm("commissioning.submit_box_idea")
    assert officer.has_perm("commissioning.submit_box_idea")
    assert not AnonymousUser().has_perm("commissioning.submit_box_idea")
    assert not UserFactory(email_confirmed=False).has_perm("commissioning.submit_box_idea")
    assert not UserFactory(is_active=False).has_perm("commissioning.submit_box_idea")


def test_support_box_idea_is_for_confirmed_members_until_a_decision(member, officer):
    idea = BoxIdeaFactory()
    assert member.has_perm("commissioning.support_box_idea", idea)
    assert not AnonymousUser().has_perm("commissioning.support_box_idea", idea)
    assert not UserFactory(email_confirmed=False).has_perm("commissioning.support_box_idea", idea)
    assert not member.has_perm("commissioning.support_box_idea", _declined(officer))
    # Once in a round, the round's phase decides (support_idea), not the box.
    assert not member.has_perm("commissioning.support_box_idea", _brought_in(officer))
    assert not member.has_perm("commissioning.support_box_idea", IdeaFactory())


def test_comment_box_idea_is_for_confirmed_members_also_after_a_decline(member, officer):
    idea = BoxIdeaFactory()
    assert member.has_perm("commissioning.comment_box_idea", idea)
    assert member.has_perm("commissioning.comment_box_idea", _declined(officer))
    assert not AnonymousUser().has_perm("commissioning.comment_box_idea", idea)
    assert not UserFactory(email_confirmed=False).has_perm("commissioning.comment_box_idea", idea)
    assert not member.has_perm("commissioning.comment_box_idea", _brought_in(officer))


def test_bring_idea_into_round_is_for_officers_on_ideas_awaiting_a_decision(member, officer):
    idea = BoxIdeaFactory()
    assert officer.has_perm("commissioning.bring_idea_into_round", idea)
    assert not member.has_perm("commissioning.bring_idea_into_round", idea)
    assert not AnonymousUser().has_perm("commissioning.bring_idea_into_round", idea)
    assert not officer.has_perm("commissioning.bring_idea_into_round", _declined(officer))
    assert not officer.has_perm("commissioning.bring_idea_into_round", _brought_in(officer))
    assert not officer.has_perm("commissioning.bring_idea_into_round", IdeaFactory())


def test_decline_idea_is_for_officers_on_ideas_awaiting_a_decision(member, officer):
    idea = BoxIdeaFactory()
    assert officer.has_perm("commissioning.decline_idea", idea)
    assert not member.has_perm("commissioning.decline_idea", idea)
    assert not AnonymousUser().has_perm("commissioning.decline_idea", idea)
    assert not officer.has_perm("commissioning.decline_idea", _declined(officer))
    assert not officer.has_perm("commissioning.decline_idea", _brought_in(officer))
    assert not officer.has_perm("commissioning.decline_idea", IdeaFactory())


def test_round_rules_are_simply_false_for_an_idea_with_no_round(member, officer):
    idea = BoxIdeaFactory()
    assert round_of(idea) is None
    for permission in ROUND_RULES_ON_IDEAS:
        assert not member.has_perm(permission, idea), permission
        assert not officer.has_perm(permission, idea), permission


def test_moderation_of_a_box_idea_is_as_for_a_round_idea(member, officer):
    idea = BoxIdeaFactory()
    assert AnonymousUser().has_perm("commissioning.report_content", idea)
    assert officer.has_perm("commissioning.moderate", idea)
    assert not member.has_perm("commissioning.moderate", idea)


def test_an_idea_follows_the_box_rules_until_it_joins_a_round(officer):
    idea = BoxIdeaFactory()
    assert idea_rule("support_idea", idea) == "support_box_idea"
    assert idea_rule("comment_idea", idea) == "comment_box_idea"
    idea = _brought_in(officer)
    assert idea_rule("support_idea", idea) == "support_idea"
    assert idea_rule("comment_idea", idea) == "comment_idea"
