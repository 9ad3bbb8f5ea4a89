"""Home and partnership pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from altlep.core import selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", selectors.home_summary())


def area(request: HttpRequest) -> HttpResponse:
    return render(request, "core/area.html", selectors.area_summary())
