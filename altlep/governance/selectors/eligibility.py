"""Who may sit in which seat category, worked out from members' affiliations.

Each refusal names the constitutional rule it applies, so a message can be shown as it is.
"""

from altlep.core.models import Partnership
from altlep.governance.models import Category, Constitution, Seat
from altlep.members.models import Role

RULE_NO_BIG_BUSINESS = "no big business"
RULE_TERM_LIMIT = "term limit"

# Roles through which a member speaks for an organisation on the board.
REPRESENTING_ROLES = (Role.OWNER_MANAGER, Role.EMPLOYEE, Role.TRUSTEE, Role.OFFICER)


def large_business_of(member) -> str | None:
    """The name of a large private business the member represents, if any."""
    affiliation = (
        member.affiliations.filter(
            organisation__size_band="large",
            organisation__sector="private",
            role__in=REPRESENTING_ROLES,
        )
        .select_related("organisation")
        .first()
    )
    return affiliation.organisation.name if affiliation else None


def _has(member, **filters) -> bool:
    return member.affiliations.filter(**filters).exists()


def category_problem(member, category: str) -> str | None:
    """Why `member` cannot hold a seat of `category` (naming the rule), or None if they can."""
    large = large_business_of(member)
    if large:
        return (
            f"{member} represents {large}, a large business: representatives of large "
            f"businesses are not eligible for the board (rule: {RULE_NO_BIG_BUSINESS})."
        )
    if category == Category.MICRO:
        if not _has(
            member,
            role=Role.OWNER_MANAGER,
            organisation__size_band="micro",
            organisation__sector__in=["private", "social"],
        ):
            return (
                f"{member} is not the owner-manager of a micro-enterprise (rule: micro-enterprise "
                "seats are for owner-managers of micro-enterprises)."
            )
    elif category == Category.SME:
        if not _has(
            member,
            role__in=REPRESENTING_ROLES,
            organisation__size_band__in=["small", "medium"],
            organisation__sector__in=["private", "social"],
        ):
            return (
                f"{member} does not represent a small or medium enterprise (rule: small and "
                "medium enterprise seats are for people who run or work for one)."
            )
    elif category == Category.SOCIAL:
        if not _has(member, role__in=REPRESENTING_ROLES, organisation__sector="social"):
            return (
                f"{member} does not represent a social-economy organisation (rule: VCSE seats "
                "are for people from charities, social enterprises and co-operatives)."
            )
    elif category == Category.COUNCILLOR:
        if not _has(member, role=Role.COUNCILLOR):
            return (
                f"{member} is not a councillor (rule: councillor seats are for elected "
                "councillors)."
            )
    elif category == Category.RESIDENT:
        partnership = Partnership.objects.current()
        if partnership and not partnership.contains_district(member.district_code):
            return (
                f"{member} does not live in the partnership's area (rule: co-opted resident "
                "seats are for residents of the area)."
            )
    else:
        return f"{category!r} is not a seat category of the constitution."
    return None


def term_limit_problem(member, constitution: Constitution) -> str | None:
    """Refusal when the member has already served as many terms as the constitution allows."""
    served = Seat.objects.filter(member=member).count()
    if served >= constitution.term_limit:
        return (
            f"{member} has served {served} term{'s' if served != 1 else ''} already (rule: "
            f"{RULE_TERM_LIMIT} of {constitution.term_limit})."
        )
    return None
