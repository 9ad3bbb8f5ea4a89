"""Throttles on the forms a password guesser or a mail bomber would use.

Failed logins are counted by django-axes (settings AXES_*; its backend refuses a paused
account or address, its middleware shows `members/locked_out.html`). Registrations and
password-reset requests are counted here with django-ratelimit, per visitor address and per
email address typed.
"""

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited


def login_username(request: HttpRequest, credentials: dict | None) -> str:
    """The account a login attempt is for, as axes counts it: the address, case-folded, so
    that `Ann@…` and `ann@…` share one count."""
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(raw).strip().lower()


def form_throttled(request: HttpRequest, *, form: str, email: str) -> bool:
    """Count this POST of `form` against the visitor's address and against the email address
    typed; True when either has gone past its rate (both are always counted)."""
    account = email.strip().lower()
    by_address = is_ratelimited(
        request,
        group=f"{form}:address",
        key="ip",
        rate=settings.ALTLEP_FORM_RATE_PER_ADDRESS,
        method="POST",
        increment=True,
    )
    by_account = is_ratelimited(
        request,
        group=f"{form}:account",
        key=lambda group, req: account,
        rate=settings.ALTLEP_FORM_RATE_PER_ACCOUNT,
        method="POST",
        increment=True,
    )
    return by_address or by_account


THROTTLED_MESSAGE = (
    "Too many requests from your connection or for this email address. Please wait an hour "
    "and try again. Any link we have already emailed you still works."
)
