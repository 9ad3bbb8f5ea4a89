import pytest
from django.core.exceptions import ValidationError

from altlep.commissioning.models import Idea
from altlep.governance.services import prospectus as p


@pytest.fixture
def draft(people):
    prospectus = p.prospectus_start(
        actor=people.convenor, group=people.group, title="A creative economy for all"
    )
    section = p.section_save(
        actor=people.convenor, prospectus=prospectus, title="Workspace", body="Studios are scarce."
    )
    p.initiative_save(
        actor=people.business,
        section=section,
        title="Shared studios in mills",
        what="Convert mill floors into studios.",
        lead="Bea Business",
        theme="investment",
        cost_pence=5_000_000,
        jobs_expected=12,
        skills_expected="joinery",
    )
    return prospectus


def test_every_change_is_a_version_with_a_readable_diff(draft, people):
    draft.refresh_from_db()
    assert draft.version == 3
    assert [v["number"] for v in p.versions(draft)] == [1, 2, 3]
    section = draft.sections.get()
    p.section_save(
        actor=people.council,
        prospectus=draft,
        section=section,
        title="Workspace",
        body="Studios are scarce and dear.",
    )
    diff = p.version_diff(draft, 3, 4)
    assert ("removed", "Studios are scarce.") in diff
    assert ("added", "Studios are scarce and dear.") in diff
    assert "Shared studios in mills" in p.version_text(draft, 3)
    assert "Shared studios in mills" not in p.version_text(draft, 2)


def test_publication_waits_for_every_member_to_sign_off_the_current_version(draft, people):
    draft.refresh_from_db()
    p.prospectus_sign_off(actor=people.convenor, prospectus=draft)
    p.prospectus_sign_off(actor=people.business, prospectus=draft)
    with pytest.raises(ValidationError, match="Lou Council"):
        p.prospectus_publish(actor=people.convenor, prospectus=draft)
    p.prospectus_sign_off(actor=people.council, prospectus=draft)
    p.prospectus_publish(actor=people.convenor, prospectus=draft)
    assert draft.published_version == 3


def test_an_initiative_becomes_an_idea_linked_both_ways(draft, people):
    initiative = draft.sections.get().initiatives.get()
    idea = p.initiative_send_as_idea(actor=people.convenor, initiative=initiative)
    assert Idea.objects.get(pk=idea.pk).prospectus_initiatives.get() == initiative
    assert initiative.idea == idea
    assert draft.get_absolute_url() in idea.description


def test_the_idea_page_links_back_to_the_prospectus(client, draft, people):
    initiative = draft.sections.get().initiatives.get()
    idea = p.initiative_send_as_idea(actor=people.convenor, initiative=initiative)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert f"/governance/groups/{people.group.slug}/prospectus/" in page
    assert "the initiative “Shared studios in mills”" in page


def test_an_initiative_goes_to_an_upcoming_board_meeting_as_a_paper(client, draft, people, officer):
    from tests.governance.helpers import board_meeting, item

    initiative = draft.sections.get().initiatives.get()
    agenda = item(officer, board_meeting(officer, days=7), title="Prospectuses")
    p.initiative_send_as_paper(actor=people.convenor, initiative=initiative, item=agenda)
    page = client.get(agenda.meeting.get_absolute_url()).content.decode()
    assert "Paper from a prospectus" in page and "Shared studios in mills" in page
    past = item(officer, board_meeting(officer, days=-7), title="Old")
    with pytest.raises(ValidationError, match="already taken place"):
        p.initiative_send_as_paper(actor=people.convenor, initiative=initiative, item=past)
