"""Template context every page needs."""

from altlep.core.models import Partnership


def partnership(request) -> dict:
    return {"partnership": Partnership.objects.current()}
