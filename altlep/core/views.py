"""Home and partnership pages."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from altlep.core import selectors


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("core.view_partnership"):
        raise PermissionDenied
    return render(request, "core/home.html", selectors.home_page(request))


def area(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("core.view_partnership"):
        raise PermissionDenied
    return render(request, "core/area.html", selectors.area_summary())
