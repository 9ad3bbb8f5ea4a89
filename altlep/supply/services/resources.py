"""Writes for shared resources and their bookings.

No two confirmed bookings of one resource may overlap, whoever asks and however many at once:
the booking is checked and written while holding a lock on the resource's row (PostgreSQL) or
the database's single write lock (SQLite, whose transactions here begin IMMEDIATE), and on
PostgreSQL an exclusion constraint refuses an overlap even from a writer that skipped this.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from altlep.core.audit import audit_record, snapshot
from altlep.members.models import Affiliation, Organisation
from altlep.members.rules import MANAGING_ROLES
from altlep.supply.models import Booking, BookingStatus, ResourceKind, SharedResource
from altlep.supply.services import ensure_allowed, whole

LONGEST_BOOKING = datetime.timedelta(days=31)


def resource_share(
    *,
    actor,
    owner: Organisation,
    name: str,
    kind: str,
    description: str = "",
    availability: str = "",
    price_per_hour_pence: int = 0,
) -> SharedResource:
    """An organisation puts something it can lend or share on the register."""
    ensure_allowed(
        actor, "share_resource", None, "Someone who speaks for an organisation shares its things."
    )
    errors = {}
    if not Affiliation.objects.filter(
        member=actor, organisation=owner, role__in=MANAGING_ROLES
    ).exists():
        errors["owner"] = f"You do not speak for {owner.name}."
    if not name.strip():
        errors["name"] = "Name the thing or space."
    if kind not in ResourceKind.values:
        errors["kind"] = "Choose equipment, van, workshop time, room or other."
    if not whole(price_per_hour_pence) or price_per_hour_pence < 0:
        errors["price_per_hour_pence"] = "The price per hour is £0 or more."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        resource = SharedResource.objects.create(
            owner=owner,
            name=name.strip(),
            kind=kind,
            description=description.strip(),
            availability=availability.strip(),
            price_per_hour_pence=price_per_hour_pence,
        )
        audit_record(
            actor=actor, action="resource.share", instance=resource, after=snapshot(resource)
        )
    return resource


def _overlap_message(clash: Booking) -> str:
    return (
        f"It is already booked from {clash.starts_at:%d %b %Y %H:%M} to "
        f"{clash.ends_at:%d %b %Y %H:%M}; choose another time."
    )


def booking_make(
    *,
    actor,
    resource: SharedResource,
    borrower: Organisation,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
) -> Booking:
    """Book a resource for an organisation the actor belongs to, if the time is free."""
    ensure_allowed(actor, "book_resource", resource, "Confirmed members book active resources.")
    errors = {}
    if not Affiliation.objects.filter(member=actor, organisation=borrower).exists():
        errors["borrower"] = f"You are not affiliated with {borrower.name}."
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        errors["starts_at"] = "Times must carry a time zone."
    elif ends_at <= starts_at:
        errors["ends_at"] = "The booking must end after it starts."
    elif ends_at - starts_at > LONGEST_BOOKING:
        errors["ends_at"] = "A booking may last at most 31 days."
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            SharedResource.objects.select_for_update().get(pk=resource.pk)
            clash = (
                Booking.objects.filter(
                    resource=resource,
                    status=BookingStatus.CONFIRMED,
                    starts_at__lt=ends_at,
                    ends_at__gt=starts_at,
                )
                .order_by("starts_at")
                .first()
            )
            if clash is not None:
                raise ValidationError({"starts_at": _overlap_message(clash)})
            booking = Booking.objects.create(
                resource=resource,
                borrower=borrower,
                booked_by=actor,
                starts_at=starts_at,
                ends_at=ends_at,
            )
            audit_record(
                actor=actor, action="booking.make", instance=booking, after=snapshot(booking)
            )
    except IntegrityError as error:  # the exclusion constraint, should the lock be bypassed
        raise ValidationError(
            {"starts_at": "It is already booked at that time; choose another time."}
        ) from error
    return booking


def booking_cancel(*, actor, booking: Booking) -> Booking:
    ensure_allowed(
        actor,
        "cancel_booking",
        booking,
        "The person who booked, the lender or an officer may cancel a confirmed booking.",
    )
    with transaction.atomic():
        before = snapshot(booking)
        booking.status = BookingStatus.CANCELLED
        booking.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action="booking.cancel",
            instance=booking,
            before=before,
            after=snapshot(booking),
        )
    return booking
