"""One test per permission in members/rules.py and core/rules.py."""

import pytest
from django.contrib.auth.models import AnonymousUser

from altlep.members.models import Role, Visibility
from altlep.members.services import affiliation_add
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_member():
    return UserFactory(visibility=Visibility.HIDDEN)


def test_anyone_may_see_a_public_member():
    public = UserFactory(visibility=Visibility.PUBLIC)
    assert AnonymousUser().has_perm("members.view_member", public)


def test_only_signed_in_members_may_see_a_members_only_member(member):
    shy = UserFactory(visibility=Visibility.MEMBERS)
    assert not AnonymousUser().has_perm("members.view_member", shy)
    assert member.has_perm("members.view_member", shy)


def test_an_unconfirmed_member_may_not_see_a_members_only_member():
    shy = UserFactory(visibility=Visibility.MEMBERS)
    unconfirmed = UserFactory(email_confirmed=False)
    assert not unconfirmed.has_perm("members.view_member", shy)


def test_a_hidden_member_is_seen_only_by_themselves_and_officers(hidden_member, member, officer):
    assert not AnonymousUser().has_perm("members.view_member", hidden_member)
    assert not member.has_perm("members.view_member", hidden_member)
    assert hidden_member.has_perm("members.view_member", hidden_member)
    assert officer.has_perm("members.view_member", hidden_member)


def test_a_member_may_change_only_their_own_profile(member, other_member, officer):
    assert member.has_perm("members.change_member", member)
    assert not member.has_perm("members.change_member", other_member)
    assert officer.has_perm("members.change_member", other_member)


def test_only_confirmed_members_may_list_an_organisation(member):
    assert member.has_perm("members.add_organisation")
    assert not UserFactory(email_confirmed=False).has_perm("members.add_organisation")
    assert not AnonymousUser().has_perm("members.add_organisation")


def test_the_lister_of_an_organisation_may_edit_it(member, organisation):
    assert member.has_perm("members.change_organisation", organisation)


def test_an_owner_manager_may_edit_their_organisation(organisation, other_member):
    assert not other_member.has_perm("members.change_organisation", organisation)
    affiliation_add(
        actor=other_member,
        member=other_member,
        organisation=organisation,
        role=Role.OWNER_MANAGER,
    )
    assert other_member.has_perm("members.change_organisation", organisation)


def test_an_employee_may_not_edit_their_organisation(organisation, other_member):
    affiliation_add(
        actor=other_member, member=other_member, organisation=organisation, role=Role.EMPLOYEE
    )
    assert not other_member.has_perm("members.change_organisation", organisation)


def test_an_officer_may_edit_any_organisation(officer):
    assert officer.has_perm("members.change_organisation", OrganisationFactory())


def test_an_anonymous_visitor_may_not_edit_an_organisation(organisation):
    assert not AnonymousUser().has_perm("members.change_organisation", organisation)


def test_only_officers_may_override_the_sector(member, officer, organisation):
    assert officer.has_perm("members.override_sector", organisation)
    assert not member.has_perm("members.override_sector", organisation)


def test_only_staff_may_use_the_admin(member, officer, staff):
    assert staff.has_perm("core.use_admin")
    assert not officer.has_perm("core.use_admin")
    assert not member.has_perm("core.use_admin")
    assert not AnonymousUser().has_perm("core.use_admin")


def test_the_admin_turns_away_non_staff(client, member, staff):
    client.force_login(member)
    assert client.get("/admin/").status_code == 302
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


def test_anyone_may_browse_the_directories_and_organisation_pages(organisation):
    assert AnonymousUser().has_perm("members.view_member_directory")
    assert AnonymousUser().has_perm("members.view_organisation", organisation)


def test_anyone_may_see_the_home_and_area_pages():
    assert AnonymousUser().has_perm("core.view_partnership")
