"""Who may write principles, enter and assess, import scorecards, and file impact reports.
Imported by altlep/evidence/rules.py; the only place these decisions are made."""

import rules

from altlep.core.rules import is_officer
from altlep.governance.rules import is_board_member
from altlep.members.models import Role

SPEAKING_ROLES = (Role.OWNER_MANAGER, Role.OFFICER, Role.TRUSTEE)


@rules.predicate
def speaks_for_organisation(user, organisation) -> bool:
    """An owner-manager, officer or trustee of the organisation."""
    if organisation is None or not user.is_authenticated:
        return False
    return organisation.affiliations.filter(member=user, role__in=SPEAKING_ROLES).exists()


@rules.predicate
def convenes_impact_network(user, network) -> bool:
    return network is not None and user.is_authenticated and network.convenor_id == user.pk


rules.add_perm("evidence.view_scorecard", rules.always_allow)
rules.add_perm("evidence.view_network", rules.always_allow)
rules.add_perm("evidence.view_impact", rules.always_allow)
# Officers draft principles and indicators; a board decision (recorded by an officer, voted
# by the board) is what adopts them.
rules.add_perm("evidence.manage_principles", is_officer)
rules.add_perm("evidence.enter_indicator", is_officer)
rules.add_perm("evidence.assess_initiative", is_officer | is_board_member)
rules.add_perm("evidence.import_scorecard", is_officer)
rules.add_perm("evidence.import_emission_factors", is_officer)
rules.add_perm("evidence.file_impact_report", is_officer | speaks_for_organisation)
rules.add_perm("evidence.publish_network_report", is_officer | convenes_impact_network)
