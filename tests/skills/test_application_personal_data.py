"""An applicant's personal data is visible only to them, the placement's owner-manager and
officers (one test per permission), and is erased on request with an audit entry."""

import pytest
from django.core.exceptions import PermissionDenied

from altlep.core.models import AuditEntry
from altlep.skills.services.applications import application_erase
from tests.factories import UserFactory
from tests.skills.factories import make_application, make_placement

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    return make_application(make_placement(), statement="My private reasons for applying")


def test_view_application_is_granted_to_the_applicant(application):
    assert application.applicant.has_perm("skills.view_application", application)


def test_view_application_is_granted_to_the_placements_owner_manager(application):
    assert application.placement.owner.has_perm("skills.view_application", application)


def test_view_application_is_granted_to_officers(application, officer):
    assert officer.has_perm("skills.view_application", application)


def test_view_application_is_refused_to_another_member(application):
    assert not UserFactory().has_perm("skills.view_application", application)


def test_view_application_is_refused_to_another_owner_manager(application):
    other = make_placement().owner
    assert not other.has_perm("skills.view_application", application)


def test_erase_application_is_granted_to_the_applicant_and_officers_only(application, officer):
    assert application.applicant.has_perm("skills.erase_application", application)
    assert officer.has_perm("skills.erase_application", application)
    assert not application.placement.owner.has_perm("skills.erase_application", application)


def test_erasure_removes_the_personal_data_and_audits_without_keeping_it(application, officer):
    application_erase(actor=officer, application=application)
    application.refresh_from_db()
    assert application.statement == "" and application.availability == ""
    assert application.applicant is None and application.erased_at is not None
    assert application.status == "withdrawn"
    entry = AuditEntry.objects.get(action="application_erase")
    assert entry.actor == officer
    for row in AuditEntry.objects.all():
        assert "My private reasons" not in f"{row.before} {row.after} {row.object_repr}"


def test_the_owner_manager_cannot_erase(application):
    with pytest.raises(PermissionDenied):
        application_erase(actor=application.placement.owner, application=application)
