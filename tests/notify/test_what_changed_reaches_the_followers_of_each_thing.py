"""Audit entries reach the followers of the things they concern: an idea's own changes; a
round's and those of its ideas, projects and results; a group's meetings and documents; a
meeting's agenda, papers and decisions; an organisation's details. Never anything private."""

import pytest
from django.core import mail

from altlep.commissioning.models import IdeaStatus
from altlep.commissioning.services.assessment import idea_shortlist, project_create
from altlep.commissioning.services.ballots import ballot_cast
from altlep.commissioning.services.ideas import comment_add, idea_submit
from altlep.commissioning.services.moderation import comment_hide
from altlep.commissioning.services.results import results_publish, round_count
from altlep.core.audit import audit_record, snapshot
from altlep.governance.services.decisions import decision_record
from altlep.governance.services.groups import group_document_add
from altlep.governance.services.meetings import agenda_item_add, minutes_publish
from altlep.members import services as member_services
from altlep.notify.services import follow_add
from tests.commissioning.factories import IdeaFactory, ProjectFactory, RoundFactory, lay_out_phases
from tests.factories import UserFactory
from tests.governance.factories import board
from tests.notify.factories import (
    a_group,
    a_meeting,
    an_idea,
    an_organisation,
    send_at,
)

pytestmark = pytest.mark.django_db


def _told(follower) -> str:
    send_at()
    mine = [m for m in mail.outbox if m.to == [follower.email]]
    assert len(mine) <= 1
    return mine[0].body if mine else ""


def test_an_idea_brought_into_a_round_reaches_the_ideas_and_the_rounds_followers(follower, officer):
    """The ideas box records `idea.bring_into_round` with the idea and, in `after`, the round."""
    idea = an_idea()
    round_follower = UserFactory()
    target = RoundFactory(phase="collect", title="Greener high streets")
    follow_add(actor=follower, thing=idea)
    follow_add(actor=round_follower, thing=target)
    idea.round = target
    idea.save(update_fields=["round"])
    audit_record(
        actor=officer,
        action="idea.bring_into_round",
        instance=idea,
        after={**snapshot(idea), "round": target.pk},
    )
    expected = f"“{idea.title}” was brought into the round “Greener high streets”."
    assert expected in _told(follower)
    assert expected in _told(round_follower)


def test_a_rounds_followers_hear_of_new_ideas_and_costed_projects(follower, officer):
    round_ = RoundFactory(phase="collect")
    follow_add(actor=follower, thing=round_)
    idea = idea_submit(
        actor=UserFactory(), round_=round_, title="Repair café", description="d", category="Other"
    )
    lay_out_phases(round_, "assess")
    idea_shortlist(actor=officer, idea=idea)
    project_create(actor=officer, idea=idea, cost_pence=1_500_00)
    body = _told(follower)
    assert f"Round: {round_.title}" in body
    assert "New idea: “Repair café”." in body
    assert "“Repair café” is shortlisted to be costed." in body
    assert "“Repair café” was costed at £1,500." in body
    assert "“Repair café” is on the ballot." in body


def test_an_ideas_followers_hear_its_results_but_never_the_ballots(follower, officer):
    round_ = RoundFactory(phase="vote", budget_pence=100_00)
    idea = IdeaFactory(round=round_, status=IdeaStatus.ON_BALLOT)
    project = ProjectFactory(round=round_, idea=idea, cost_pence=50_00)
    follow_add(actor=follower, thing=idea)
    ballot_cast(round_=round_, voter=UserFactory(), choices={project.pk: 1})
    lay_out_phases(round_, "results")
    round_count(actor=officer, round_=round_)
    body_before_publishing = _told(follower)
    assert body_before_publishing == ""  # a ballot cast and an unpublished count are not news
    results_publish(actor=officer, round_=round_)
    body = _told(follower)
    assert f"The results of “{round_.title}” are published." in body
    assert f"/{round_.slug}/results/" in body


def test_hidden_comments_are_not_told(follower, officer):
    idea = an_idea()
    follow_add(actor=follower, thing=idea)
    comment = comment_add(actor=UserFactory(), idea=idea, body="Rude words.")
    comment_hide(actor=officer, comment=comment, reason="Rude.")
    assert _told(follower) == ""


def test_a_groups_followers_hear_of_its_meetings_and_documents(follower, officer):
    group = a_group(officer)
    follow_add(actor=follower, thing=group)
    a_meeting(officer, title="Food group autumn meeting", group=group)
    group_document_add(
        actor=officer, group=group, title="Food sector evidence", url="https://example.org/e"
    )
    body = _told(follower)
    assert f"Group: {group.name}" in body
    assert "Meeting “Food group autumn meeting” on" in body
    assert f"A new document in “{group.name}”: Food sector evidence." in body


def test_a_meetings_followers_hear_its_agenda_decisions_and_minutes_but_not_private_items(
    follower, officer
):
    seats = board(micro=3, sme=0, social=1, councillors=0)
    meeting = a_meeting(officer, days=0)
    follow_add(actor=follower, thing=meeting)
    agenda_item_add(actor=officer, meeting=meeting, title="Town-centre grants")
    agenda_item_add(actor=officer, meeting=meeting, title="Staff salaries", public=False)
    decision_record(
        actor=officer,
        meeting=meeting,
        title="Fund repair cafés",
        text="£20,000.",
        votes={s.member: "for" for s in seats},
    )
    minutes_publish(actor=officer, meeting=meeting, minutes="We met and decided.")
    body = _told(follower)
    assert "1. Town-centre grants" in body
    assert "Staff salaries" not in body
    assert "Decided at “Board meeting”: Fund repair cafés (carried)." in body
    assert "The minutes of “Board meeting” are published." in body


def test_an_organisations_followers_hear_of_its_updates(follower):
    owner = UserFactory()
    organisation = an_organisation(owner)
    follow_add(actor=follower, thing=organisation)
    details = member_services.OrganisationDetails(
        name=organisation.name,
        legal_form=organisation.legal_form,
        postcode=organisation.postcode,
        description="Now with a bakery.",
        sic_codes=["62012"],
        employees=5,
    )
    member_services.organisation_update(actor=owner, organisation=organisation, details=details)
    assert f"“{organisation.name}” updated its details." in _told(follower)
