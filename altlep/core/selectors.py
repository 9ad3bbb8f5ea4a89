"""Reads for the home and area pages."""

from django.db.models import Count

from altlep.core.models import Partnership
from altlep.core.whats_on import whats_on
from altlep.members.models import Organisation, User


def home_summary() -> dict:
    """Headline counts for the home page."""
    partnership = Partnership.objects.current()
    organisations = Organisation.objects.all()
    in_area = (
        organisations.in_districts(partnership.area_codes) if partnership else organisations.none()
    )
    by_band = dict(
        in_area.values_list("size_band").annotate(n=Count("pk")).values_list("size_band", "n")
    )
    return {
        "member_count": User.objects.confirmed().count(),
        "organisation_count": organisations.count(),
        "in_area_count": in_area.count(),
        "micro_in_area_count": by_band.get("micro", 0),
    }


def home_page(request) -> dict:
    """The home page: what is on (sections from every app) and the headline counts."""
    return {**home_summary(), "sections": whats_on(request)}


def area_summary() -> dict:
    """The partnership's districts with how many members and organisations each has."""
    partnership = Partnership.objects.current()
    if partnership is None:
        return {"rows": []}
    codes = partnership.area_codes
    members = dict(
        User.objects.confirmed()
        .filter(district_code__in=codes)
        .values_list("district_code")
        .annotate(n=Count("pk"))
        .values_list("district_code", "n")
    )
    orgs = dict(
        Organisation.objects.in_districts(codes)
        .values_list("district_code")
        .annotate(n=Count("pk"))
        .values_list("district_code", "n")
    )
    rows = [
        {
            "code": code,
            "name": name,
            "members": members.get(code, 0),
            "organisations": orgs.get(code, 0),
        }
        for code, name in partnership.districts()
    ]
    return {"rows": rows}
