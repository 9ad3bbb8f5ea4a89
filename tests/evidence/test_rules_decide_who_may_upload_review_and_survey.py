"""One test per evidence permission."""

from altlep.members.models import Role
from tests.factories import OrganisationFactory, UserFactory


def test_anyone_may_see_the_published_dashboards(db):
    from django.contrib.auth.models import AnonymousUser

    assert AnonymousUser().has_perm("evidence.view_dashboard")


def test_an_officer_of_the_bodys_organisation_may_upload_for_it(body, anchor_officer):
    assert anchor_officer.has_perm("evidence.upload_spend", body)


def test_a_partnership_officer_may_upload_for_any_body(body, officer):
    assert officer.has_perm("evidence.upload_spend", body)


def test_an_employee_of_the_body_may_not_upload_for_it(body):
    employee = UserFactory()
    OrganisationFactory(created_by=employee, role=Role.EMPLOYEE)
    body.organisation.affiliations.create(member=employee, role=Role.EMPLOYEE)
    assert not employee.has_perm("evidence.upload_spend", body)


def test_a_member_may_not_upload_for_a_body_they_do_not_speak_for(body, member):
    assert not member.has_perm("evidence.upload_spend", body)


def test_only_officers_manage_bodies(officer, anchor_officer):
    assert officer.has_perm("evidence.manage_bodies")
    assert not anchor_officer.has_perm("evidence.manage_bodies")


def test_only_officers_review_supplier_matches(officer, anchor_officer):
    assert officer.has_perm("evidence.review_matches")
    assert not anchor_officer.has_perm("evidence.review_matches")


def test_a_confirmed_member_may_answer_the_supplier_survey(member):
    assert member.has_perm("evidence.submit_survey")
    assert not UserFactory(email_confirmed=False).has_perm("evidence.submit_survey")


def test_an_upload_is_seen_by_the_bodys_officers_and_partnership_officers_only(
    body, anchor_officer, officer, member
):
    from tests.evidence.conftest import upload_fixture

    upload = upload_fixture(actor=anchor_officer, body=body)
    assert anchor_officer.has_perm("evidence.view_upload", upload)
    assert officer.has_perm("evidence.view_upload", upload)
    assert not member.has_perm("evidence.view_upload", upload)


def test_only_partnership_officers_upload_the_company_register(officer, anchor_officer, member):
    assert officer.has_perm("evidence.upload_register")
    assert not anchor_officer.has_perm("evidence.upload_register")
    assert not member.has_perm("evidence.upload_register")


def test_only_partnership_officers_see_a_register_upload(officer, anchor_officer, member):
    assert officer.has_perm("evidence.view_register_upload")
    assert not anchor_officer.has_perm("evidence.view_register_upload")
    assert not member.has_perm("evidence.view_register_upload")
