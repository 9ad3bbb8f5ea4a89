"""Suppliers, opportunities and lots for the supply tests, made through the services."""

from altlep.members.models import Role
from altlep.procurement.models import CpvCode, Lot, Opportunity, OpportunityStatus
from altlep.supply.services.profiles import supplier_profile_save
from tests.factories import OrganisationFactory, UserFactory


def supplier(name: str, codes: list[str], *, postcode: str = "PR1 2HE", owner=None, **profile):
    """An organisation with an owner-manager, listed in the directory with these codes."""
    owner = owner or UserFactory()
    org_fields = {
        k: profile.pop(k)
        for k in ("legal_form", "employees", "turnover_pence", "balance_sheet_pence")
        if k in profile
    }
    organisation = OrganisationFactory(
        name=name, postcode=postcode, created_by=owner, role=Role.OWNER_MANAGER, **org_fields
    )
    profile.setdefault("capabilities", f"{name} does good work.")
    supplier_profile_save(actor=owner, organisation=organisation, cpv_codes=codes, **profile)
    organisation.owner = owner
    return organisation


def lot_for(
    codes: list[str], *, value_pence: int = 120_000_00, postcode: str = "PR1 2HE", **conditions
):
    buyer = OrganisationFactory(name="Preston City Council", legal_form="public")
    opportunity = Opportunity.objects.create(
        buyer=buyer,
        title="Refurbishing community centres",
        description="Electrical, plumbing and decorating work in three centres.",
        status=OpportunityStatus.PUBLISHED,
        estimated_value_pence=value_pence,
        **conditions,
    )
    lot = Lot.objects.create(
        opportunity=opportunity,
        number=1,
        title="Centre refurbishment",
        value_pence=value_pence,
        delivery_postcode=postcode,
    )
    lot.cpv_codes.set(CpvCode.objects.filter(code__in=codes))
    return lot
