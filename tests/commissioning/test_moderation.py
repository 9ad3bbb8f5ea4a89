"""Moderation: anyone reports; officers hide with a public reason or dismiss the report."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.commissioning.models import ContentReport
from altlep.commissioning.services.ideas import comment_add
from altlep.commissioning.services.moderation import (
    comment_hide,
    content_report,
    idea_hide,
    report_dismiss,
)
from altlep.core.models import AuditEntry
from tests.commissioning.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def test_a_visitor_who_is_not_signed_in_reports_an_idea(client):
    idea = IdeaFactory()
    response = client.post(
        reverse("commissioning:idea_report", args=[idea.pk]), {"reason": "It is spam"}
    )
    assert response.status_code == 302
    report = ContentReport.objects.get()
    assert report.idea == idea and report.reporter is None and report.reason == "It is spam"
    assert AuditEntry.objects.filter(action="content.report").exists()


def test_a_member_reports_a_comment(client, member, other_member):
    comment = comment_add(actor=other_member, idea=IdeaFactory(), body="Rude")
    client.force_login(member)
    client.post(reverse("commissioning:comment_report", args=[comment.pk]), {"reason": "Rude"})
    assert ContentReport.objects.get().comment == comment


def test_a_report_without_a_reason_is_refused(client):
    idea = IdeaFactory()
    response = client.post(reverse("commissioning:idea_report", args=[idea.pk]), {"reason": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not ContentReport.objects.exists()


def test_an_officer_hides_an_idea_with_a_public_reason_and_its_reports_close(client, officer):
    idea = IdeaFactory(title="Buy my product", description="Spam text")
    report = ContentReport.objects.create(idea=idea, reason="spam")
    client.force_login(officer)
    client.post(reverse("commissioning:idea_hide", args=[idea.pk]), {"reason": "Advertising"})
    idea.refresh_from_db()
    report.refresh_from_db()
    assert idea.hidden and idea.hidden_reason == "Advertising"
    assert report.resolved
    assert AuditEntry.objects.filter(action="idea.hide", object_id=str(idea.pk)).exists()
    client.logout()
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Hidden by a moderator: Advertising" in page
    assert "Spam text" not in page


def test_hiding_without_a_reason_is_refused_and_changes_nothing(client, officer):
    idea = IdeaFactory()
    client.force_login(officer)
    response = client.post(reverse("commissioning:idea_hide", args=[idea.pk]), {"reason": " "})
    assert "Give a public reason for hiding it." in [
        str(m) for m in response.wsgi_request._messages
    ]
    with pytest.raises(ValidationError, match="public reason"):
        idea_hide(actor=officer, idea=idea, reason="")
    idea.refresh_from_db()
    assert not idea.hidden
    assert not AuditEntry.objects.filter(action="idea.hide").exists()


def test_an_officer_hides_a_comment(client, officer, member):
    comment = comment_add(actor=member, idea=IdeaFactory(), body="Insult")
    client.force_login(officer)
    client.post(reverse("commissioning:comment_hide", args=[comment.pk]), {"reason": "Insulting"})
    comment.refresh_from_db()
    assert comment.hidden and comment.hidden_reason == "Insulting"


def test_a_member_who_is_not_an_officer_cannot_hide_or_see_the_queue(client, member):
    idea = IdeaFactory()
    comment = comment_add(actor=member, idea=idea, body="x")
    client.force_login(member)
    assert client.get(reverse("commissioning:moderation")).status_code == 403
    url = reverse("commissioning:idea_hide", args=[idea.pk])
    assert client.post(url, {"reason": "r"}).status_code == 403
    with pytest.raises(PermissionDenied):
        comment_hide(actor=member, comment=comment, reason="r")
    idea.refresh_from_db()
    assert not idea.hidden


def test_the_queue_lists_open_reports_and_an_officer_dismisses_one(client, officer, member):
    idea = IdeaFactory(title="Borderline idea")
    report = content_report(actor=member, idea=idea, reason="Off topic")
    client.force_login(officer)
    page = client.get(reverse("commissioning:moderation")).content.decode()
    assert "Borderline idea" in page and "Off topic" in page
    client.post(reverse("commissioning:report_dismiss", args=[report.pk]))
    report.refresh_from_db()
    assert report.resolved
    assert AuditEntry.objects.filter(action="report.dismiss").exists()
    assert "No open reports" in client.get(reverse("commissioning:moderation")).content.decode()
    with pytest.raises(ValidationError, match="already dealt with"):
        report_dismiss(actor=officer, report=report)


def test_a_member_cannot_dismiss_a_report(client, member):
    report = content_report(actor=member, idea=IdeaFactory(), reason="x")
    client.force_login(member)
    assert client.post(reverse("commissioning:report_dismiss", args=[report.pk])).status_code == 403
    report.refresh_from_db()
    assert not report.resolved


def test_hiding_redirects_only_to_this_site(client, officer):
    idea = IdeaFactory()
    client.force_login(officer)
    response = client.post(
        reverse("commissioning:idea_hide", args=[idea.pk]),
        {"reason": "Spam", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("commissioning:moderation")
