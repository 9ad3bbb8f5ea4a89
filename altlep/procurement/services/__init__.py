"""Every write in procurement. Each checks its rule with has_perm and writes the audit log."""

from django.core.exceptions import PermissionDenied


def ensure_allowed(actor, perm: str, obj, message: str) -> None:
    """Refuse with a clear message unless rules.py grants `perm` on `obj`."""
    if not actor.has_perm(f"procurement.{perm}", obj):
        raise PermissionDenied(message)
