"""Who may see members and edit organisations. The only place these decisions are made."""

import rules

from altlep.core.rules import is_officer
from altlep.members.models import Role, Visibility


@rules.predicate
def is_confirmed_member(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.email_confirmed)


@rules.predicate
def is_self(user, member) -> bool:
    return member is not None and user.is_authenticated and user.pk == member.pk


@rules.predicate
def member_is_public(user, member) -> bool:
    return member is not None and member.visibility == Visibility.PUBLIC


@rules.predicate
def member_is_for_members(user, member) -> bool:
    return member is not None and member.visibility == Visibility.MEMBERS


# Roles that speak for an organisation and so may keep its entry up to date.
MANAGING_ROLES = (Role.OWNER_MANAGER, Role.OFFICER, Role.TRUSTEE)


@rules.predicate
def manages_organisation(user, organisation) -> bool:
    if organisation is None or not user.is_authenticated:
        return False
    return organisation.affiliations.filter(member=user, role__in=MANAGING_ROLES).exists()


@rules.predicate
def created_organisation(user, organisation) -> bool:
    return (
        organisation is not None and user.is_authenticated and organisation.created_by_id == user.pk
    )


# The directories and organisation pages are public: the partnership is open by design.
rules.add_perm("members.view_member_directory", rules.always_allow)
rules.add_perm("members.view_organisation", rules.always_allow)
rules.add_perm(
    "members.view_member",
    member_is_public | (member_is_for_members & is_confirmed_member) | is_self | is_officer,
)
rules.add_perm("members.change_member", is_self | is_officer)
rules.add_perm("members.add_organisation", is_confirmed_member)
rules.add_perm(
    "members.change_organisation",
    is_officer | (is_confirmed_member & (manages_organisation | created_organisation)),
)
rules.add_perm("members.override_sector", is_officer)
