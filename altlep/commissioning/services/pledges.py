"""Writes for co-production pledges: members pledge, officers confirm and value."""

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.commissioning.models import Pledge, PledgeKind, Project
from altlep.commissioning.services.ideas import ensure_allowed
from altlep.core.audit import audit_record, snapshot
from altlep.members.models import Affiliation, Organisation


def _positive_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _check_pledge(*, actor, kind: str, amount_pence, hours, description: str, organisation) -> None:
    errors: dict[str, str] = {}
    if kind not in PledgeKind.values:
        errors["kind"] = "Choose money, hours, materials or a venue."
    elif kind == PledgeKind.MONEY and not _positive_int(amount_pence):
        errors["amount_pence"] = "Pledge an amount of money of more than £0."
    elif kind == PledgeKind.HOURS and not _positive_int(hours):
        errors["hours"] = "Pledge a whole number of hours, at least 1."
    elif kind in (PledgeKind.MATERIALS, PledgeKind.VENUE) and not description.strip():
        errors["description"] = "Say what you are offering."
    if len(description.strip()) > 300:
        errors["description"] = "Keep the description to 300 characters or fewer."
    if (
        organisation is not None
        and not Affiliation.objects.filter(member=actor, organisation=organisation).exists()
    ):
        errors["organisation"] = f"You are not affiliated with {organisation.name}."
    if errors:
        raise ValidationError(errors)


def pledge_create(
    *,
    actor,
    project: Project,
    kind: str,
    amount_pence: int | None = None,
    hours: int | None = None,
    description: str = "",
    organisation: Organisation | None = None,
) -> Pledge:
    """A member pledges money, hours, materials or a venue toward a project, for themselves or
    an organisation they belong to."""
    ensure_allowed(actor, "pledge", project, "Pledges are open until the vote closes.")
    _check_pledge(
        actor=actor,
        kind=kind,
        amount_pence=amount_pence,
        hours=hours,
        description=description,
        organisation=organisation,
    )
    with transaction.atomic():
        pledge = Pledge.objects.create(
            project=project,
            member=actor,
            organisation=organisation,
            kind=kind,
            amount_pence=amount_pence if kind == PledgeKind.MONEY else None,
            hours=hours if kind == PledgeKind.HOURS else None,
            description=description.strip(),
        )
        audit_record(actor=actor, action="pledge.create", instance=pledge, after=snapshot(pledge))
    return pledge


def pledge_confirm(*, actor, pledge: Pledge, value_pence: int | None = None) -> Pledge:
    """An officer confirms a money pledge, or values and confirms an in-kind one; confirmed
    pledges come off the project's cost to the round."""
    ensure_allowed(
        actor,
        "confirm_pledge",
        pledge.project,
        "Officers confirm pledges during the assess and vote phases.",
    )
    if pledge.confirmed:
        raise ValidationError("This pledge is already confirmed.")
    if pledge.kind != PledgeKind.MONEY:
        if not isinstance(value_pence, int) or isinstance(value_pence, bool) or value_pence < 0:
            raise ValidationError({"value_pence": "Value the pledge in pounds (£0 or more)."})
    with transaction.atomic():
        before = snapshot(pledge, ["confirmed", "value_pence"])
        pledge.confirmed = True
        if pledge.kind != PledgeKind.MONEY:
            pledge.value_pence = value_pence
        pledge.save(update_fields=["confirmed", "value_pence"])
        audit_record(
            actor=actor,
            action="pledge.confirm",
            instance=pledge,
            before=before,
            after=snapshot(pledge, ["confirmed", "value_pence"]),
        )
    return pledge
