"""Placements: an owner-manager offers one, and may withdraw it while it is open."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.core.audit import audit_record, snapshot
from altlep.geo.postcodes import PostcodeError, locate
from altlep.members.models import Organisation, Role
from altlep.skills.models import Placement, PlacementStatus, Standard
from altlep.skills.services import ensure_allowed
from altlep.skills.wages import WageError, wage_problem


def placement_offer(
    *,
    actor,
    organisation: Organisation,
    standard: Standard | None,
    title: str,
    workplace_postcode: str,
    hours_per_week: int,
    hourly_wage_pence: int,
    start_date: datetime.date,
    learning: str,
    training_provider: str = "",
) -> Placement:
    """Offer a placement; the wage is checked against the minimum in force on the start date."""
    ensure_allowed(actor, "offer_placement", None, "Owner-managers offer placements.")
    errors: dict[str, str] = {}
    if not organisation.affiliations.filter(member=actor, role=Role.OWNER_MANAGER).exists():
        errors["organisation"] = "You can offer placements only at a business you own-manage."
    if standard is None:
        errors["standard"] = "Choose a known apprenticeship standard."
    elif problem := standard.problem_on(start_date):
        errors["start_date"] = problem
    if not title.strip():
        errors["title"] = "Give the placement a title."
    if not learning.strip():
        errors["learning"] = "Say what the apprentice will learn on the job."
    if not 1 <= hours_per_week <= 48:
        errors["hours_per_week"] = "Hours a week must be between 1 and 48."
    try:
        problem = wage_problem(day=start_date, hourly_pence=hourly_wage_pence)
        if problem:
            errors["hourly_wage_pence"] = problem
    except WageError as error:
        errors["start_date"] = str(error)
    location = None
    try:
        location = locate(workplace_postcode)
    except PostcodeError as error:
        errors["workplace_postcode"] = str(error)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        placement = Placement.objects.create(
            owner=actor,
            organisation=organisation,
            standard=standard,
            title=title.strip(),
            workplace_postcode=location.postcode,
            district_code=location.district_code,
            easting=location.easting,
            northing=location.northing,
            hours_per_week=hours_per_week,
            hourly_wage_pence=hourly_wage_pence,
            start_date=start_date,
            learning=learning.strip(),
            training_provider=training_provider.strip(),
        )
        audit_record(
            actor=actor, action="placement_offer", instance=placement, after=snapshot(placement)
        )
    return placement


def placement_withdraw(*, actor, placement: Placement) -> Placement:
    """Take an open placement off the list (applicants are told)."""
    ensure_allowed(actor, "manage_placement", placement, "Only its owner-manager withdraws it.")
    if placement.status != PlacementStatus.OPEN:
        raise ValidationError({"status": "Only an open placement can be withdrawn."})
    from altlep.skills.services.applications import close_others

    with transaction.atomic():
        before = snapshot(placement)
        placement.status = PlacementStatus.WITHDRAWN
        placement.save(update_fields=["status"])
        close_others(placement=placement, keep=None, reason="the placement was withdrawn")
        audit_record(
            actor=actor,
            action="placement_withdraw",
            instance=placement,
            before=before,
            after=snapshot(placement),
        )
    return placement
