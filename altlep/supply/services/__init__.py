"""Writes of the supply app, one module per body of work."""

from django.core.exceptions import PermissionDenied


def ensure_allowed(actor, perm: str, obj, message: str) -> None:
    """Refuse with a clear message unless rules.py grants `supply.<perm>` on `obj`."""
    if not actor.has_perm(f"supply.{perm}", obj):
        raise PermissionDenied(message)


def whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
