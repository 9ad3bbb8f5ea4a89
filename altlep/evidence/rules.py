"""Who may upload spend, review matches, manage anchor bodies and answer surveys.
The only place these decisions are made."""

import rules

from altlep.core.rules import is_officer
from altlep.members.models import Role
from altlep.members.rules import is_confirmed_member


@rules.predicate
def speaks_for_body(user, body) -> bool:
    """A member affiliated with the body's organisation in the officer role."""
    if body is None or not user.is_authenticated or body.organisation_id is None:
        return False
    return body.organisation.affiliations.filter(member=user, role=Role.OFFICER).exists()


@rules.predicate
def speaks_for_upload_body(user, upload) -> bool:
    return upload is not None and speaks_for_body(user, upload.body)


rules.add_perm("evidence.view_dashboard", rules.always_allow)
rules.add_perm("evidence.upload_spend", is_officer | speaks_for_body)
rules.add_perm("evidence.view_upload", is_officer | speaks_for_upload_body)
rules.add_perm("evidence.manage_bodies", is_officer)
rules.add_perm("evidence.review_matches", is_officer)
rules.add_perm("evidence.submit_survey", is_confirmed_member)
# Loading the company register re-resolves every body's suppliers: partnership officers only.
rules.add_perm("evidence.upload_register", is_officer)
rules.add_perm("evidence.view_register_upload", is_officer)

from altlep.evidence.resilience import rules as resilience_rules  # noqa: E402,F401
from altlep.evidence.sectors import rules as _sector_rules  # noqa: E402,F401
