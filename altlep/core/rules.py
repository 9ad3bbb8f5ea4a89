"""Site-wide permissions."""

import rules


@rules.predicate
def is_staff(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


@rules.predicate
def is_officer(user) -> bool:
    """Partnership officers run the partnership's work (and may moderate and override)."""
    return bool(user.is_authenticated and user.is_active and getattr(user, "is_officer", False))


# The admin is for staff only; officers without is_staff use the site itself.
rules.add_perm("core.use_admin", is_staff)
# The home and area pages are public.
rules.add_perm("core.view_partnership", rules.always_allow)
