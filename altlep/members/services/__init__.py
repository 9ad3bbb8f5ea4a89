"""Every write in the members app, split by what it changes."""

from altlep.members.services.members import (
    AlreadyRegistered,
    ConfirmationError,
    confirmation_email_send,
    confirmation_token,
    member_add,
    member_confirm_email,
    member_login_unblock,
    member_register,
    member_update_profile,
    normalised_email,
    registration_attempt_notify,
)
from altlep.members.services.organisations import (
    OrganisationDetails,
    affiliation_add,
    organisation_create,
    organisation_details_check,
    organisation_set_sector,
    organisation_update,
)

__all__ = [
    "AlreadyRegistered",
    "ConfirmationError",
    "OrganisationDetails",
    "affiliation_add",
    "confirmation_email_send",
    "confirmation_token",
    "member_add",
    "member_confirm_email",
    "member_login_unblock",
    "member_register",
    "member_update_profile",
    "normalised_email",
    "organisation_create",
    "organisation_details_check",
    "organisation_set_sector",
    "organisation_update",
    "registration_attempt_notify",
]
