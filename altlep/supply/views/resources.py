"""Shared resources: the register, sharing something, booking it, cancelling a booking."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.core.form_errors import form_errors_from
from altlep.supply import selectors
from altlep.supply.forms import BookingForm, ResourceForm
from altlep.supply.models import Booking, BookingStatus, SharedResource
from altlep.supply.services import resources as services
from altlep.supply.views import affiliated_organisations, managed_organisations, refuse, require


def resource_list(request: HttpRequest) -> HttpResponse:
    require(request, "view_resources", None, "The register is public.")
    return render(
        request,
        "supply/resources.html",
        {
            "resources": SharedResource.objects.filter(active=True).select_related("owner"),
            "exchanges": selectors.exchanges(),
            "can_share": request.user.has_perm("supply.share_resource"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def resource_new(request: HttpRequest) -> HttpResponse:
    require(request, "share_resource", None, "Someone who speaks for an organisation shares.")
    form = ResourceForm(request.POST or None, organisations=managed_organisations(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            resource = services.resource_share(actor=request.user, **form.service_arguments())
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, f"{resource.name} is on the register.")
            return redirect(resource)
    return render(
        request,
        "supply/resource_new.html",
        {"form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def resource(request: HttpRequest, pk: int) -> HttpResponse:
    """A resource, its bookings, and the booking form."""
    found = get_object_or_404(SharedResource.objects.select_related("owner"), pk=pk)
    require(request, "view_resources", found, "The register is public.")
    form = None
    if request.user.has_perm("supply.book_resource", found):
        form = BookingForm(
            request.POST or None, organisations=affiliated_organisations(request.user)
        )
    if request.method == "POST":
        require(request, "book_resource", found, "Confirmed members book active resources.")
        if form.is_valid():
            try:
                services.booking_make(actor=request.user, resource=found, **form.cleaned_data)
            except ValidationError as error:
                form_errors_from(form, error)
            else:
                messages.success(request, "Booked.")
                return redirect(found)
    bookings = [
        (b, request.user.has_perm("supply.cancel_booking", b))
        for b in found.bookings.filter(status=BookingStatus.CONFIRMED).select_related("borrower")
    ]
    return render(
        request,
        "supply/resource.html",
        {"resource": found, "form": form, "bookings": bookings},
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_object_or_404(Booking.objects.select_related("resource__owner"), pk=pk)
    require(request, "cancel_booking", booking, "You may not cancel this booking.")
    try:
        services.booking_cancel(actor=request.user, booking=booking)
    except ValidationError as error:
        refuse(request, error)
    else:
        messages.success(request, "Booking cancelled.")
    return redirect(booking.resource)
