"""Who may publish for a buyer, see drafts, answer clarifications and record interest. The only
place these decisions are made."""

import rules

from altlep.core.rules import is_officer
from altlep.members.models import Role
from altlep.members.rules import MANAGING_ROLES, is_confirmed_member, manages_organisation
from altlep.procurement.models import OpportunityStatus


def _buyer(obj):
    """The buyer organisation of an opportunity, lot or clarification (or the organisation)."""
    if obj is None:
        return None
    for hop in ("lot", "opportunity"):
        if hasattr(obj, hop) and not hasattr(obj, "affiliations"):
            obj = getattr(obj, hop)
    return getattr(obj, "buyer", obj)


@rules.predicate
def is_buyer_officer(user, obj) -> bool:
    """A member with the role officer in the buying organisation."""
    organisation = _buyer(obj)
    if organisation is None or not user.is_authenticated or not user.is_active:
        return False
    return organisation.affiliations.filter(member=user, role=Role.OFFICER).exists()


@rules.predicate
def is_public(user, opportunity) -> bool:
    return opportunity is not None and opportunity.status != OpportunityStatus.DRAFT


@rules.predicate
def is_open(user, obj) -> bool:
    opportunity = getattr(obj, "opportunity", obj)
    return opportunity is not None and opportunity.status == OpportunityStatus.PUBLISHED


@rules.predicate
def manages_a_business(user) -> bool:
    return bool(
        user.is_authenticated
        and user.affiliations.filter(role__in=MANAGING_ROLES).exclude(role=Role.OFFICER).exists()
    )


# Publishing: officers of the buying organisation, never anyone else (partnership officers
# included: they do not speak for a council or a trust).
rules.add_perm("procurement.publish_for_buyer", is_confirmed_member & is_buyer_officer)
rules.add_perm("procurement.change_opportunity", is_confirmed_member & is_buyer_officer)
# Drafts are seen by the buyer's officers and by partnership officers; the rest is public.
rules.add_perm("procurement.view_opportunity", is_public | is_buyer_officer | is_officer)
rules.add_perm("procurement.answer_clarification", is_confirmed_member & is_buyer_officer)
rules.add_perm("procurement.ask_clarification", is_confirmed_member & is_open)
rules.add_perm("procurement.record_interest", is_confirmed_member & manages_a_business & is_open)
rules.add_perm("procurement.view_opportunity_list", rules.always_allow)
rules.add_perm("procurement.view_where_contracts_went", rules.always_allow)
# Which CPV codes an organisation supplies is said by those who manage it.
rules.add_perm(
    "procurement.declare_capabilities",
    is_confirmed_member & manages_organisation,
)
