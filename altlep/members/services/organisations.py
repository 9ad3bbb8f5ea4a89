"""Every write about organisations: create, update, officer sector override, affiliations.

Derived fields (district, size band, sector, SIC sections) are computed here, in one place,
so the directory can filter on stored values.
"""

from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from altlep.core.audit import audit_record, changed_fields, snapshot
from altlep.geo import postcodes
from altlep.members import identifiers, sic
from altlep.members.models import Affiliation, Organisation, Role, User
from altlep.members.sectors import (
    CHARITY_FORMS,
    COMPANY_FORMS,
    SOCIETY_FORMS,
    LegalForm,
    Sector,
    sector_for,
)
from altlep.members.sizing import size_band


@dataclass
class OrganisationDetails:
    """What a person tells us about an organisation; everything else is derived."""

    name: str
    legal_form: str
    postcode: str
    company_number: str = ""
    charity_number: str = ""
    society_number: str = ""
    description: str = ""
    website: str = ""
    sic_codes: list[str] = field(default_factory=list)
    employees: int | None = None
    turnover_pence: int | None = None
    balance_sheet_pence: int | None = None


def organisation_details_check(details: OrganisationDetails) -> tuple[OrganisationDetails, str]:
    """Normalise and validate; returns the cleaned details and the district code.

    Collects every problem before raising so a form can show them all at once.
    """
    errors: dict[str, list[str]] = {}
    data = OrganisationDetails(**asdict(details))
    data.name = data.name.strip()
    if not data.name:
        errors.setdefault("name", []).append("Give the organisation's name.")
    if data.legal_form not in LegalForm.values:
        errors.setdefault("legal_form", []).append(f"“{data.legal_form}” is not a legal form.")

    district = ""
    try:
        location = postcodes.locate(data.postcode)
        data.postcode, district = location.postcode, location.district_code
    except postcodes.PostcodeError as error:
        errors.setdefault("postcode", []).append(str(error))

    for name, normalise, allowed, label in (
        ("company_number", identifiers.normalise_company_number, COMPANY_FORMS, "company"),
        ("charity_number", identifiers.normalise_charity_number, CHARITY_FORMS, "charity"),
        ("society_number", identifiers.normalise_society_number, SOCIETY_FORMS, "society"),
    ):
        raw = (getattr(data, name) or "").strip()
        if not raw:
            setattr(data, name, "")
            continue
        try:
            setattr(data, name, normalise(raw))
        except identifiers.IdentifierError as error:
            errors.setdefault(name, []).append(str(error))
            continue
        if data.legal_form in LegalForm.values and data.legal_form not in allowed:
            form_label = LegalForm(data.legal_form).label.lower()
            errors.setdefault(name, []).append(f"A {form_label} has no {label} number.")
    if (
        data.legal_form == LegalForm.LLP
        and data.company_number
        and not data.company_number.startswith(identifiers.LLP_PREFIXES)
    ):
        errors.setdefault("company_number", []).append("An LLP's number starts with OC, SO or NC.")

    codes = []
    for code in data.sic_codes:
        code = code.strip()
        if not code:
            continue
        if not sic.is_valid(code):
            errors.setdefault("sic_codes", []).append(f"{code} is not a SIC 2007 code.")
        elif code not in codes:
            codes.append(code)
    data.sic_codes = codes

    for name in ("employees", "turnover_pence", "balance_sheet_pence"):
        value = getattr(data, name)
        if value is not None and (not isinstance(value, int) or value < 0):
            errors.setdefault(name, []).append("Must be a whole number, zero or more.")
    if errors:
        raise ValidationError(errors)
    return data, district


def _apply(organisation: Organisation, data: OrganisationDetails, district: str) -> None:
    for key, value in asdict(data).items():
        setattr(organisation, key, value)
    organisation.district_code = district
    result = size_band(
        employees=data.employees,
        turnover_pence=data.turnover_pence,
        balance_sheet_pence=data.balance_sheet_pence,
    )
    organisation.size_band = result.band.value
    organisation.size_basis = result.basis.value
    if not organisation.sector_overridden:
        organisation.sector = sector_for(data.legal_form).value
    organisation.sic_sections = "".join(sorted({sic.section_of(c) for c in data.sic_codes}))


def _unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "organisation"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def organisation_create(
    *, actor: User, details: OrganisationDetails, role: str | None = Role.OWNER_MANAGER
) -> Organisation:
    """List a new organisation, linking the member who listed it with the given role."""
    data, district = organisation_details_check(details)
    organisation = Organisation(created_by=actor, slug=_unique_slug(data.name))
    _apply(organisation, data, district)
    organisation.save()
    audit_record(
        actor=actor,
        action="organisation.create",
        instance=organisation,
        after=snapshot(organisation),
    )
    if role:
        affiliation_add(actor=actor, member=actor, organisation=organisation, role=role)
    return organisation


@transaction.atomic
def organisation_update(
    *, actor: User, organisation: Organisation, details: OrganisationDetails
) -> Organisation:
    data, district = organisation_details_check(details)
    before = snapshot(organisation)
    _apply(organisation, data, district)
    organisation.save()
    after = snapshot(organisation)
    if changed_fields(before, after):
        audit_record(
            actor=actor,
            action="organisation.update",
            instance=organisation,
            before=before,
            after=after,
        )
    return organisation


@transaction.atomic
def organisation_set_sector(
    *, actor: User, organisation: Organisation, sector: str | None
) -> Organisation:
    """An officer's override of the sector; None returns to the sector the legal form implies."""
    if sector is not None and sector not in Sector.values:
        raise ValidationError({"sector": f"“{sector}” is not a sector."})
    before = snapshot(organisation, ["sector", "sector_overridden"])
    organisation.sector_overridden = sector is not None
    organisation.sector = sector if sector is not None else sector_for(organisation.legal_form)
    organisation.save(update_fields=["sector", "sector_overridden", "updated_at"])
    audit_record(
        actor=actor,
        action="organisation.set_sector",
        instance=organisation,
        before=before,
        after=snapshot(organisation, ["sector", "sector_overridden"]),
    )
    return organisation


@transaction.atomic
def affiliation_add(
    *, actor: User, member: User, organisation: Organisation, role: str
) -> Affiliation:
    if role not in Role.values:
        raise ValidationError({"role": f"“{role}” is not a role."})
    affiliation, created = Affiliation.objects.get_or_create(
        member=member, organisation=organisation, role=role
    )
    if created:
        audit_record(
            actor=actor, action="affiliation.add", instance=affiliation, after=snapshot(affiliation)
        )
    return affiliation
