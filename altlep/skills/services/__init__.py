"""Every write about apprenticeships, split by subject. Each checks its rule with has_perm,
enforces the state rules for every caller (officers and superusers too) and writes the audit
log."""

from django.core.exceptions import PermissionDenied


def ensure_allowed(actor, perm: str, obj, message: str) -> None:
    """Refuse with a clear message unless rules.py grants `perm` on `obj`."""
    if not actor.has_perm(f"skills.{perm}", obj):
        raise PermissionDenied(message)
