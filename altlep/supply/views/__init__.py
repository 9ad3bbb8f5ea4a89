"""Pages of the supply app, one module per body of work."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

from altlep.members.models import Organisation
from altlep.members.rules import MANAGING_ROLES


def require(request: HttpRequest, perm: str, obj, message: str) -> None:
    if not request.user.has_perm(f"supply.{perm}", obj):
        raise PermissionDenied(message)


def refuse(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def managed_organisations(user):
    """Organisations this person speaks for."""
    return (
        Organisation.objects.filter(
            affiliations__member=user, affiliations__role__in=MANAGING_ROLES
        )
        .distinct()
        .order_by("name")
    )


def affiliated_organisations(user):
    return Organisation.objects.filter(affiliations__member=user).distinct().order_by("name")
