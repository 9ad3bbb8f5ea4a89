"""Reads for the members and organisations directories and pages."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from altlep.core.models import Partnership
from altlep.core.rules import is_officer
from altlep.members.models import Affiliation, Organisation, User, Visibility
from altlep.members.rules import is_confirmed_member

# The one visibility rule for every list of people: `members.view_member` in rules.py (a
# member's own privacy choice: public, members only or hidden). `members_visible_to` is the
# same rule as a query, for directories that page through many people; `visible_people` and
# `person_name` apply it to a list a page already has (a group's members, authors, pledgers).
# Registers of the board's public office (seats, recorded votes, declared interests, election
# candidates) name their office holders as the constitution requires and are not filtered.


def may_see_person(viewer, person) -> bool:
    """Whether this viewer may see this person in any list (and open their profile)."""
    return bool(
        person is not None
        and person.email_confirmed
        and viewer.has_perm("members.view_member", person)
    )


def visible_people(*, viewer, people: Iterable[User]) -> list[User]:
    """The people of a list whom this viewer may see, in the list's order."""
    return [person for person in people if may_see_person(viewer, person)]


def person_name(*, viewer, person) -> str:
    """A member's display name where the viewer may see them, else "a member"."""
    if may_see_person(viewer, person):
        return person.display_name or "a member"
    return "a member"


def members_visible_to(viewer) -> QuerySet[User]:
    """Confirmed members whose privacy choice lets this viewer see them: `may_see_person` as
    a query."""
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
