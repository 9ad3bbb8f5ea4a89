"""Bookings of a shared resource never overlap: refused with a clear message, and under
concurrent requests (8 threads on a real PostgreSQL) one slot is booked once."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections
from django.utils import timezone

from altlep.members.models import Role
from altlep.supply.models import Booking, BookingStatus, ResourceKind
from altlep.supply.services.resources import booking_cancel, booking_make, resource_share
from tests.factories import OrganisationFactory, UserFactory

THREADS = 8
START = timezone.make_aware(datetime.datetime(2030, 3, 4, 9, 0))
HOUR = datetime.timedelta(hours=1)


def _van_and_borrowers(n: int):
    lender = UserFactory()
    owner = OrganisationFactory(
        name="Preston Joinery Ltd", created_by=lender, role=Role.OWNER_MANAGER
    )
    van = resource_share(actor=lender, owner=owner, name="Transit van", kind=ResourceKind.VAN)
    borrowers = []
    for k in range(n):
        person = UserFactory()
        org = OrganisationFactory(
            name=f"Borrower {k} Ltd", created_by=person, role=Role.OWNER_MANAGER
        )
        borrowers.append((person, org))
    return van, borrowers


@pytest.mark.django_db
def test_an_overlapping_booking_is_refused_naming_the_clash(partnership):
    van, [(a, org_a), (b, org_b)] = _van_and_borrowers(2)
    booking_make(actor=a, resource=van, borrower=org_a, starts_at=START, ends_at=START + 3 * HOUR)
    with pytest.raises(ValidationError) as refused:
        booking_make(
            actor=b, resource=van, borrower=org_b, starts_at=START + HOUR, ends_at=START + 4 * HOUR
        )
    assert "already booked from 04 Mar 2030 09:00" in refused.value.message_dict["starts_at"][0]
    # Back to back is not an overlap.
    booking_make(
        actor=b, resource=van, borrower=org_b, starts_at=START + 3 * HOUR, ends_at=START + 4 * HOUR
    )
    assert Booking.objects.count() == 2


@pytest.mark.django_db
def test_a_cancelled_booking_frees_its_slot(partnership):
    van, [(a, org_a), (b, org_b)] = _van_and_borrowers(2)
    first = booking_make(
        actor=a, resource=van, borrower=org_a, starts_at=START, ends_at=START + HOUR
    )
    booking_cancel(actor=a, booking=first)
    booking_make(actor=b, resource=van, borrower=org_b, starts_at=START, ends_at=START + HOUR)
    assert Booking.objects.filter(status=BookingStatus.CONFIRMED).count() == 1


@pytest.mark.django_db
def test_a_booking_that_ends_before_it_starts_is_refused(partnership):
    van, [(a, org_a)] = _van_and_borrowers(1)
    with pytest.raises(ValidationError) as refused:
        booking_make(actor=a, resource=van, borrower=org_a, starts_at=START, ends_at=START - HOUR)
    assert "ends_at" in refused.value.message_dict
    assert not Booking.objects.exists()


@pytest.mark.django_db
def test_booking_for_an_organisation_you_do_not_belong_to_is_refused(partnership):
    van, [(a, org_a), (b, org_b)] = _van_and_borrowers(2)
    with pytest.raises(ValidationError) as refused:
        booking_make(actor=a, resource=van, borrower=org_b, starts_at=START, ends_at=START + HOUR)
    assert "borrower" in refused.value.message_dict


@pytest.mark.django_db(transaction=True)
def test_eight_threads_booking_one_slot_book_it_once():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: an in-memory SQLite test database is one connection; on SQLite "
            "the booking's IMMEDIATE transaction takes the database's write lock instead"
        )
    van, borrowers = _van_and_borrowers(THREADS)
    barrier = threading.Barrier(THREADS)
    outcomes: list[object] = []

    def book(person, org):
        try:
            barrier.wait()
            outcomes.append(
                booking_make(
                    actor=person,
                    resource=van,
                    borrower=org,
                    starts_at=START,
                    ends_at=START + 2 * HOUR,
                )
            )
        except Exception as error:  # collected and asserted on below
            outcomes.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=pair) for pair in borrowers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    refusals = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(refusals) == THREADS - 1
    assert [
        o for o in outcomes if isinstance(o, Exception) and not isinstance(o, ValidationError)
    ] == []
    assert Booking.objects.filter(resource=van, status=BookingStatus.CONFIRMED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_database_itself_refuses_an_overlap():
    if connection.vendor != "postgresql":
        pytest.skip("the exclusion constraint exists on PostgreSQL only")
    van, [(a, org_a), (b, org_b)] = _van_and_borrowers(2)
    Booking.objects.create(resource=van, borrower=org_a, starts_at=START, ends_at=START + 2 * HOUR)
    with pytest.raises(IntegrityError):
        Booking.objects.create(
            resource=van, borrower=org_b, starts_at=START + HOUR, ends_at=START + 3 * HOUR
        )
