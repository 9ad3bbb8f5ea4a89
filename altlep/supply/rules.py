"""Who may do what with supplier profiles, consortia, scenarios, buying groups and shared
resources. The only place these decisions are made."""

import rules

from altlep.core.rules import is_officer
from altlep.members.models import Affiliation, Role
from altlep.members.rules import MANAGING_ROLES, is_confirmed_member
from altlep.supply.models import (
    Booking,
    BookingStatus,
    BuyingGroup,
    Consortium,
    ConsortiumMember,
    ConsortiumStatus,
    MemberStatus,
    Scenario,
    SharedResource,
    SupplierProfile,
)


def _manages(user, organisation, roles=MANAGING_ROLES) -> bool:
    if organisation is None or not user.is_authenticated:
        return False
    return Affiliation.objects.filter(
        member=user, organisation=organisation, role__in=roles
    ).exists()


@rules.predicate
def manages_supplier(user, obj) -> bool:
    """Speaks for the organisation (given, or the owner of a profile or resource)."""
    if isinstance(obj, SupplierProfile):
        obj = obj.organisation
    elif isinstance(obj, SharedResource):
        obj = obj.owner
    return _manages(user, obj)


@rules.predicate
def manages_any_organisation(user) -> bool:
    return (
        user.is_authenticated
        and Affiliation.objects.filter(member=user, role__in=MANAGING_ROLES).exists()
    )


@rules.predicate
def lot_welcomes_consortia(user, lot) -> bool:
    return lot is not None and lot.opportunity.consortia_welcome


@rules.predicate
def leads_consortium(user, consortium) -> bool:
    return isinstance(consortium, Consortium) and _manages(user, consortium.lead)


@rules.predicate
def in_consortium(user, consortium) -> bool:
    if not isinstance(consortium, Consortium) or not user.is_authenticated:
        return False
    return Affiliation.objects.filter(
        member=user,
        role__in=MANAGING_ROLES,
        organisation__consortium_places__consortium=consortium,
    ).exists()


@rules.predicate
def consortium_forming(user, consortium) -> bool:
    return isinstance(consortium, Consortium) and consortium.status == ConsortiumStatus.FORMING


@rules.predicate
def owner_manager_of_invitee(user, place) -> bool:
    """Acceptance is the invited organisation's owner-manager's to give."""
    return isinstance(place, ConsortiumMember) and _manages(
        user, place.organisation, roles=(Role.OWNER_MANAGER,)
    )


@rules.predicate
def invitation_open(user, place) -> bool:
    return (
        isinstance(place, ConsortiumMember)
        and place.status == MemberStatus.INVITED
        and place.consortium.status == ConsortiumStatus.FORMING
    )


@rules.predicate
def scenario_published(user, scenario) -> bool:
    return isinstance(scenario, Scenario) and scenario.published


@rules.predicate
def scenario_unpublished(user, scenario) -> bool:
    return isinstance(scenario, Scenario) and not scenario.published


@rules.predicate
def group_open(user, group) -> bool:
    return isinstance(group, BuyingGroup) and group.is_open


@rules.predicate
def organises_group(user, group) -> bool:
    return (
        isinstance(group, BuyingGroup) and user.is_authenticated and group.organiser_id == user.pk
    )


@rules.predicate
def resource_active(user, resource) -> bool:
    return isinstance(resource, SharedResource) and resource.active


@rules.predicate
def booked_it(user, booking) -> bool:
    return (
        isinstance(booking, Booking) and user.is_authenticated and booking.booked_by_id == user.pk
    )


@rules.predicate
def lends_it(user, booking) -> bool:
    return isinstance(booking, Booking) and _manages(user, booking.resource.owner)


@rules.predicate
def booking_confirmed(user, booking) -> bool:
    return isinstance(booking, Booking) and booking.status == BookingStatus.CONFIRMED


# The directory, matching and the evidence of leaking spend are public, as the partnership is.
rules.add_perm("supply.view_directory", rules.always_allow)
rules.add_perm("supply.find_suppliers", rules.always_allow)
rules.add_perm("supply.view_alternatives", rules.always_allow)
rules.add_perm("supply.list_supplier", is_confirmed_member & (manages_supplier | is_officer))
rules.add_perm(
    "supply.form_consortium",
    is_confirmed_member & manages_any_organisation & lot_welcomes_consortia,
)
rules.add_perm("supply.view_consortium", is_officer | in_consortium)
rules.add_perm(
    "supply.manage_consortium", is_confirmed_member & leads_consortium & consortium_forming
)
rules.add_perm(
    "supply.respond_to_invitation", is_confirmed_member & owner_manager_of_invitee & invitation_open
)
rules.add_perm("supply.save_scenario", is_officer)
rules.add_perm("supply.publish_scenario", is_officer & scenario_unpublished)
rules.add_perm("supply.view_scenario", scenario_published | is_officer)
rules.add_perm("supply.view_buying_groups", rules.always_allow)
rules.add_perm("supply.propose_buying_group", is_confirmed_member)
rules.add_perm("supply.pledge_to_buying_group", is_confirmed_member & group_open)
rules.add_perm("supply.close_buying_group", (organises_group | is_officer) & group_open)
rules.add_perm("supply.view_resources", rules.always_allow)
rules.add_perm("supply.share_resource", is_confirmed_member & manages_any_organisation)
rules.add_perm("supply.book_resource", is_confirmed_member & resource_active)
rules.add_perm("supply.cancel_booking", booking_confirmed & (booked_it | lends_it | is_officer))
