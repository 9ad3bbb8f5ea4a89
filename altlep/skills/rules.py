"""Who may do what with apprenticeships. The only place these decisions are made."""

import rules

from altlep.core.rules import is_officer
from altlep.members.models import Role
from altlep.members.rules import is_confirmed_member


@rules.predicate
def is_owner_manager(user) -> bool:
    """Owner-manager of at least one organisation listed in the directory."""
    return bool(
        user.is_authenticated and user.affiliations.filter(role=Role.OWNER_MANAGER).exists()
    )


def _placement_of(obj):
    from altlep.skills.models import Placement

    if isinstance(obj, Placement):
        return obj
    if hasattr(obj, "placement"):  # an application or an apprenticeship
        return obj.placement
    if hasattr(obj, "apprenticeship"):  # a claim or a milestone
        return obj.apprenticeship.placement
    return None


@rules.predicate
def owns_placement(user, obj) -> bool:
    """Offers the placement (or the placement an application, apprenticeship or claim is for)."""
    placement = _placement_of(obj) if obj is not None else None
    return placement is not None and user.is_authenticated and placement.owner_id == user.pk


@rules.predicate
def is_applicant(user, application) -> bool:
    return (
        application is not None
        and user.is_authenticated
        and application.applicant_id is not None
        and application.applicant_id == user.pk
    )


# Placements and the dashboard are public; offering one is for owner-managers.
rules.add_perm("skills.view_placements", rules.always_allow)
rules.add_perm("skills.view_dashboard", rules.always_allow)
rules.add_perm("skills.offer_placement", is_confirmed_member & is_owner_manager)
rules.add_perm("skills.manage_placement", owns_placement)
# Residents apply; only the applicant answers an offer or withdraws.
rules.add_perm("skills.apply", is_confirmed_member)
rules.add_perm("skills.answer_offer", is_applicant)
rules.add_perm("skills.withdraw_application", is_applicant)
# An application's personal data: the applicant, the placement's owner-manager and officers.
rules.add_perm("skills.view_application", is_applicant | owns_placement | is_officer)
rules.add_perm("skills.move_application", owns_placement)
rules.add_perm("skills.erase_application", is_applicant | is_officer)
# Progress and the teaching fund.
rules.add_perm("skills.record_milestone", owns_placement | is_officer)
rules.add_perm("skills.claim_payment", owns_placement)
rules.add_perm("skills.decide_claim", is_officer)
rules.add_perm("skills.manage_fund", is_officer)
rules.add_perm("skills.end_apprenticeship", owns_placement | is_officer)
