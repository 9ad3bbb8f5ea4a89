"""Reads for the members and organisations directories and pages."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from altlep.core.models import Partnership
from altlep.core.rules import is_officer
from altlep.members.models import Affiliation, Organisation, User, Visibility
from altlep.members.rules import is_confirmed_member


def members_visible_to(viewer) -> QuerySet[User]:
    """Confirmed members whose privacy choice lets this viewer see them in the directory."""
    members = User.objects.confirmed()
    if is_officer(viewer):
        return members
    allowed = Q(visibility=Visibility.PUBLIC)
    if is_confirmed_member(viewer):
        allowed |= Q(visibility=Visibility.MEMBERS)
    if viewer.is_authenticated:
        allowed |= Q(pk=viewer.pk)
    return members.filter(allowed)


def member_directory(*, viewer, query: str = "") -> QuerySet[User]:
    members = members_visible_to(viewer)
    if query:
        members = members.filter(Q(display_name__icontains=query) | Q(interests__icontains=query))
    return members.order_by("display_name", "pk")


@dataclass(frozen=True)
class OrganisationFilters:
    query: str = ""
    size_band: str = ""
    sector: str = ""
    sic_section: str = ""
    in_area: str = ""  # "yes", "no" or "" for either


def organisation_directory(*, filters: OrganisationFilters) -> QuerySet[Organisation]:
    """Organisations matching the directory's search and filters, by name."""
    organisations = Organisation.objects.all()
    if filters.query:
        organisations = organisations.filter(
            Q(name__icontains=filters.query)
            | Q(description__icontains=filters.query)
            | Q(company_number__iexact=filters.query.replace(" ", ""))
        )
    if filters.size_band:
        organisations = organisations.filter(size_band=filters.size_band)
    if filters.sector:
        organisations = organisations.filter(sector=filters.sector)
    if filters.sic_section:
        organisations = organisations.filter(sic_sections__contains=filters.sic_section)
    if filters.in_area in {"yes", "no"}:
        partnership = Partnership.objects.current()
        codes = partnership.area_codes if partnership else []
        if filters.in_area == "yes":
            organisations = organisations.filter(district_code__in=codes)
        else:
            organisations = organisations.exclude(district_code__in=codes)
    return organisations.order_by("name", "pk")


def organisation_in_area(organisation: Organisation) -> bool:
    partnership = Partnership.objects.current()
    return bool(partnership and partnership.contains_district(organisation.district_code))


def organisation_people(*, organisation: Organisation, viewer) -> list[Affiliation]:
    """The organisation's people that this viewer may see, with their roles."""
    visible = members_visible_to(viewer)
    return list(
        Affiliation.objects.filter(organisation=organisation, member__in=visible)
        .select_related("member")
        .order_by("role", "member__display_name")
    )


def member_affiliations(member: User) -> list[Affiliation]:
    return list(member.affiliations.select_related("organisation").order_by("organisation__name"))
