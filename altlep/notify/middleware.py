"""Remembers when a signed-in member was last here, for the home page's "new since your last
visit", without a database write on every request."""

import datetime

from django.utils import timezone

from altlep.notify import services

MARKED = "notify_visit_marked"  # when this session last wrote the member's LastVisit
SINCE = "notify_visit_since"  # the end of the member's previous visit, for this visit
# Requests further apart than this begin a new visit.
VISIT_GAP = datetime.timedelta(hours=1)


def _moment(value: str | None) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(value) if value else None


class LastVisitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        request.last_visit_at = None
        if user is not None and user.is_authenticated:
            request.last_visit_at = self._since(request, user)
        return self.get_response(request)

    def _since(self, request, user) -> datetime.datetime | None:
        session = request.session
        now = timezone.now()
        marked = _moment(session.get(MARKED))
        # At most one write every VISIT_REFRESH per session; between writes, nothing but a read
        # of the session the request loads anyway.
        if marked is None or now - marked >= services.VISIT_REFRESH:
            previous = services.visit_mark(member=user, now=now)
            if SINCE not in session or previous is None or now - previous >= VISIT_GAP:
                session[SINCE] = previous.isoformat() if previous else None
            session[MARKED] = now.isoformat()
        return _moment(session.get(SINCE))
