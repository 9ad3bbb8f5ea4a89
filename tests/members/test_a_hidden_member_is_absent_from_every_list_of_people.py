"""A member who chose to be hidden is absent from every list of people (group pages, the
groups list, group meetings' attendance, organisations, the directory, idea and comment
authors, pledges), as their profile is a 404; a members-only member is absent for visitors.
All of these go through the one visibility selector (`altlep.members.selectors`)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from altlep.commissioning.services.ideas import comment_add
from altlep.commissioning.services.pledges import pledge_create
from altlep.governance.services.groups import group_create, group_join_ask, group_member_accept
from altlep.governance.services.meetings import attendance_record, meeting_schedule
from altlep.members.models import Role, Visibility
from altlep.members.services import affiliation_add
from tests.commissioning.factories import IdeaFactory, ProjectFactory
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

HIDDEN = "Hedda Hidden"
MEMBERS_ONLY = "Molly Membersonly"


@pytest.fixture
def people(partnership, officer):
    hidden = UserFactory(display_name=HIDDEN, visibility=Visibility.HIDDEN)
    members_only = UserFactory(display_name=MEMBERS_ONLY, visibility=Visibility.MEMBERS)
    convened = group_create(
        actor=officer, name="Hedda's group", kind="sector", purpose="Food.", convenor=hidden
    )
    group = group_create(
        actor=officer,
        name="Creative sector group",
        kind="sector",
        purpose="Creative firms.",
        convenor=UserFactory(visibility=Visibility.PUBLIC),
    )
    for person in (hidden, members_only):
        group_member_accept(actor=officer, membership=group_join_ask(actor=person, group=group))
    meeting = meeting_schedule(
        actor=officer, title="Group meeting", starts_at=timezone.now(), group=group
    )
    attendance_record(
        actor=officer, meeting=meeting, statuses={hidden: "present", members_only: "present"}
    )
    organisation = OrganisationFactory(name="Ribble Bakery Ltd", created_by=hidden)
    affiliation_add(
        actor=officer, organisation=organisation, member=members_only, role=Role.EMPLOYEE
    )
    idea = IdeaFactory(author=hidden, round__phase="collect")
    comment_add(actor=hidden, idea=idea, body="I would use it")
    comment_add(actor=members_only, idea=idea, body="So would I")
    project = ProjectFactory()
    pledge_create(actor=hidden, project=project, kind="hours", hours=3)
    pledge_create(actor=members_only, project=project, kind="hours", hours=2)
    return {
        "hidden": hidden,
        "pages": [
            reverse("members:members"),
            reverse("members:members") + "?q=Hedda",
            organisation.get_absolute_url(),
            reverse("governance:overview"),
            reverse("governance:groups"),
            group.get_absolute_url(),
            convened.get_absolute_url(),
            meeting.get_absolute_url(),
            idea.get_absolute_url(),
            project.get_absolute_url(),
        ],
    }


def _pages(client, people) -> dict[str, str]:
    pages = {}
    for url in people["pages"]:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    return pages


def test_a_visitor_sees_neither_the_hidden_nor_the_members_only_member(client, people):
    for url, page in _pages(client, people).items():
        assert HIDDEN not in page, url
        assert MEMBERS_ONLY not in page, url
    assert client.get(people["hidden"].get_absolute_url()).status_code == 404


def test_a_member_sees_the_members_only_member_but_never_the_hidden_one(client, member, people):
    client.force_login(member)
    pages = _pages(client, people)
    for url, page in pages.items():
        assert HIDDEN not in page, url
    assert all(MEMBERS_ONLY in pages[url] for url in people["pages"][:1])
    assert client.get(people["hidden"].get_absolute_url()).status_code == 404


def test_officers_and_the_member_themselves_still_see_them(client, officer, people):
    for viewer in (officer, people["hidden"]):
        client.force_login(viewer)
        group_page = client.get(people["pages"][5]).content.decode()
        assert HIDDEN in group_page
