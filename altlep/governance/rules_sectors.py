"""Who may do what with a group's evidence base, survey and prospectus, and with the people's
plan. The only place these decisions are made."""

import rules

from altlep.core.rules import is_officer
from altlep.governance.models import Group, GroupMembership
from altlep.members.rules import is_confirmed_member


def _group(obj):
    if obj is None:
        return None
    if isinstance(obj, Group):
        return obj
    for path in ("group", "prospectus.group", "section.prospectus.group", "survey.group"):
        found = obj
        for part in path.split("."):
            found = getattr(found, part, None)
        if isinstance(found, Group):
            return found
    return None


def _membership(user, obj) -> GroupMembership | None:
    group = _group(obj)
    if group is None or not user.is_authenticated:
        return None
    return group.memberships.filter(member=user, accepted=True).first()


@rules.predicate
def convenes(user, obj) -> bool:
    group = _group(obj)
    return group is not None and user.is_authenticated and group.convenor_id == user.pk


@rules.predicate
def in_group(user, obj) -> bool:
    """An accepted member of the group (the convenor, businesses, local-authority counterparts)."""
    return _membership(user, obj) is not None


@rules.predicate
def business_member(user, obj) -> bool:
    """An accepted member who is not there as a local-authority counterpart."""
    found = _membership(user, obj)
    return found is not None and not found.local_authority


@rules.predicate
def survey_open(user, survey) -> bool:
    return survey is not None and survey.status == "open"


@rules.predicate
def prospectus_published(user, prospectus) -> bool:
    return prospectus is not None and prospectus.published_version is not None


rules.add_perm("governance.add_evidence", convenes | in_group)
rules.add_perm("governance.write_survey", convenes)
rules.add_perm("governance.answer_survey", business_member & survey_open)
rules.add_perm("governance.view_draft_prospectus", convenes | in_group | is_officer)
rules.add_perm(
    "governance.view_prospectus", prospectus_published | convenes | in_group | is_officer
)
rules.add_perm("governance.edit_prospectus", convenes | in_group)
rules.add_perm("governance.comment_initiative", convenes | in_group)
rules.add_perm("governance.sign_off_prospectus", in_group)
rules.add_perm("governance.publish_prospectus", convenes)
rules.add_perm("governance.send_initiative", convenes)
rules.add_perm("governance.propose_amendment", is_confirmed_member)
rules.add_perm("governance.support_amendment", is_confirmed_member)
rules.add_perm("governance.comment_amendment", is_confirmed_member)
rules.add_perm("governance.decide_amendment", is_officer)
