"""Officers decline a box idea with a reason that everyone can read on the idea's page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.commissioning.models import IdeaStatus
from altlep.commissioning.services.ideas_box import idea_decline
from altlep.core.models import AuditEntry
from tests.commissioning.factories import BoxIdeaFactory, IdeaFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REASON = "Parking charges are set by the councils; we have passed the idea to them."


def test_a_declined_ideas_reason_is_shown_publicly(client, officer):
    idea = BoxIdeaFactory(title="Free weekend parking")
    idea_decline(actor=officer, idea=idea, reason=f"  {REASON}  ")
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.DECLINED and idea.status_reason == REASON
    assert idea.declined_at is not None and idea.round is None
    page = client.get(idea.get_absolute_url())  # a visitor, not signed in
    content = page.content.decode()
    assert page.status_code == 200
    assert "Why the partnership declined it" in content and REASON in content
    assert "Declined by the partnership" in content
    listing = client.get(reverse("ideas:list"), {"status": "declined"}).content.decode()
    assert "Free weekend parking" in listing


def test_declining_is_audited_on_the_idea(officer):
    idea = BoxIdeaFactory()
    idea_decline(actor=officer, idea=idea, reason=REASON)
    entry = AuditEntry.objects.get(action="idea.decline")
    assert entry.object_type == "commissioning.idea" and entry.object_id == str(idea.pk)
    assert entry.actor == officer
    assert entry.after["status_reason"] == REASON and entry.after["round"] is None
    assert entry.before["status"] == IdeaStatus.SUBMITTED


def test_a_decline_needs_a_reason(client, officer):
    idea = BoxIdeaFactory()
    with pytest.raises(ValidationError, match="Say why"):
        idea_decline(actor=officer, idea=idea, reason="   ")
    client.force_login(officer)
    response = client.post(reverse("ideas:decline", args=[idea.pk]), {"reason": ""}, follow=True)
    assert "Give the reason" in response.content.decode()
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SUBMITTED


def test_only_officers_decline(client, member):
    idea = BoxIdeaFactory()
    with pytest.raises(PermissionDenied):
        idea_decline(actor=member, idea=idea, reason=REASON)
    client.force_login(member)
    assert (
        client.post(reverse("ideas:decline", args=[idea.pk]), {"reason": REASON}).status_code == 403
    )
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SUBMITTED


def test_an_officer_declines_from_the_ideas_page(client, officer):
    idea = BoxIdeaFactory()
    client.force_login(officer)
    response = client.post(
        reverse("ideas:decline", args=[idea.pk]), {"reason": REASON}, follow=True
    )
    content = response.content.decode()
    assert "Declined, with your reason shown" in content and REASON in content


def test_a_round_idea_or_an_already_declined_one_is_not_declined_even_by_a_superuser(officer):
    superuser = UserFactory(is_superuser=True, is_staff=True, is_officer=True)
    # The rule refuses it, for superusers as for everyone (has_perm no longer waves them on).
    with pytest.raises(PermissionDenied):
        idea_decline(actor=superuser, idea=IdeaFactory(), reason=REASON)
    idea = BoxIdeaFactory()
    idea_decline(actor=officer, idea=idea, reason=REASON)
    with pytest.raises(PermissionDenied):
        idea_decline(actor=superuser, idea=idea, reason="Another reason")
    idea.refresh_from_db()
    assert idea.status_reason == REASON
