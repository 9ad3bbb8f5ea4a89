"""Once a moderator hides an idea or a comment, its "report" page shows nothing of it: to a
visitor or a member it is a 404, as if it did not exist, and no report about it is taken."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from altlep.commissioning.models import ContentReport
from altlep.commissioning.services.ideas import comment_add
from altlep.commissioning.services.moderation import comment_hide, content_report, idea_hide
from tests.commissioning.factories import IdeaFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Buy my miracle pills at scam.example"
SECRET_BODY = "Here is my neighbour's home address and phone number"


@pytest.fixture
def hidden_idea(officer):
    idea = IdeaFactory(title=SECRET_TITLE, description=SECRET_BODY)
    idea_hide(actor=officer, idea=idea, reason="Advertising")
    return idea


@pytest.fixture
def hidden_comment(officer, other_member):
    comment = comment_add(actor=other_member, idea=IdeaFactory(), body=SECRET_BODY)
    comment_hide(actor=officer, comment=comment, reason="Personal details")
    return comment


def _pages_for(client, member, url):
    yield client.get(url)
    client.force_login(member)
    yield client.get(url)


def test_a_hidden_idea_s_report_page_is_a_404_without_its_title(client, member, hidden_idea):
    url = reverse("commissioning:idea_report", args=[hidden_idea.pk])
    for response in _pages_for(client, member, url):
        assert response.status_code == 404
        page = response.content.decode()
        assert SECRET_TITLE not in page and SECRET_BODY not in page


def test_a_hidden_comment_s_report_page_is_a_404_without_its_text(client, member, hidden_comment):
    url = reverse("commissioning:comment_report", args=[hidden_comment.pk])
    for response in _pages_for(client, member, url):
        assert response.status_code == 404
        assert SECRET_BODY not in response.content.decode()


def test_a_comment_on_a_hidden_idea_has_no_report_page(client, officer, member, other_member):
    idea = IdeaFactory()
    comment = comment_add(actor=other_member, idea=idea, body=SECRET_BODY)
    idea_hide(actor=officer, idea=idea, reason="Off topic")
    response = client.get(reverse("commissioning:comment_report", args=[comment.pk]))
    assert response.status_code == 404 and SECRET_BODY not in response.content.decode()


def test_no_report_is_taken_about_hidden_content(client, member, hidden_idea, hidden_comment):
    client.post(
        reverse("commissioning:idea_report", args=[hidden_idea.pk]), {"reason": "Still spam"}
    )
    client.post(
        reverse("commissioning:comment_report", args=[hidden_comment.pk]), {"reason": "Rude"}
    )
    with pytest.raises(PermissionDenied):
        content_report(actor=member, idea=hidden_idea, reason="Spam")
    assert not ContentReport.objects.filter(resolved=False).exists()


def test_the_rule_allows_reporting_visible_content_and_refuses_hidden(member, hidden_idea):
    visible = IdeaFactory()
    assert AnonymousUser().has_perm("commissioning.report_content", visible)
    assert not AnonymousUser().has_perm("commissioning.report_content", hidden_idea)
    assert not member.has_perm("commissioning.report_content", hidden_idea)
