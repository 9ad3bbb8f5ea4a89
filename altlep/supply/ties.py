"""Supply's ties for the cross-sector network (registered in
`altlep/evidence/network/sources.py`): firms bidding together in a consortium, and firms that
lend and borrow shared resources."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from altlep.evidence.network.engine import Tie
from altlep.supply.models import Booking, BookingStatus, Consortium, MemberStatus


def consortium_ties() -> Iterable[Tie]:
    """Every pair among a consortium's lead and the members who accepted."""
    for consortium in Consortium.objects.prefetch_related("members"):
        firms = {consortium.lead_id} | {
            m.organisation_id for m in consortium.members.all() if m.status == MemberStatus.ACCEPTED
        }
        when = consortium.created_at.date().isoformat()
        for a, b in combinations(sorted(firms), 2):
            yield Tie(str(a), str(b), "consortium", when)


def sharing_ties() -> Iterable[Tie]:
    """A resource's owner and each organisation that borrowed it (confirmed bookings)."""
    bookings = Booking.objects.filter(status=BookingStatus.CONFIRMED).select_related("resource")
    for booking in bookings:
        if booking.resource.owner_id != booking.borrower_id:
            yield Tie(
                str(booking.resource.owner_id),
                str(booking.borrower_id),
                "sharing",
                booking.starts_at.date().isoformat(),
            )
