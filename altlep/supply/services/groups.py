"""Writes for buying groups: propose a joint purchase, pledge quantities, close it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from altlep.core.audit import audit_record, snapshot
from altlep.members.models import Affiliation, Organisation
from altlep.supply.models import BuyingGroup, BuyingGroupKind, BuyingPledge
from altlep.supply.services import ensure_allowed, whole

MAX_QUANTITY = 1_000_000_000


def buying_group_propose(
    *,
    actor,
    title: str,
    kind: str,
    description: str,
    unit: str,
    threshold_quantity: int,
    price_alone_pence: int,
    price_together_pence: int,
) -> BuyingGroup:
    """A member proposes a joint purchase, with the quantity at which it is worth buying."""
    ensure_allowed(actor, "propose_buying_group", None, "Confirmed members propose buying groups.")
    errors = {}
    if not title.strip():
        errors["title"] = "Give the joint purchase a title."
    if kind not in BuyingGroupKind.values:
        errors["kind"] = "Choose energy, insurance, software, vehicles or other."
    if not description.strip():
        errors["description"] = "Describe what would be bought."
    if not unit.strip():
        errors["unit"] = "Say what a quantity counts (e.g. kWh a year, policies, licences)."
    if not whole(threshold_quantity) or not 0 < threshold_quantity <= MAX_QUANTITY:
        errors["threshold_quantity"] = "The threshold is a whole number, more than 0."
    if not whole(price_alone_pence) or price_alone_pence <= 0:
        errors["price_alone_pence"] = "Give the price of one unit bought alone, more than £0."
    if not whole(price_together_pence) or price_together_pence <= 0:
        errors["price_together_pence"] = "Give the expected price bought together, more than £0."
    elif whole(price_alone_pence) and price_together_pence > price_alone_pence:
        errors["price_together_pence"] = "Buying together should cost no more than buying alone."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        group = BuyingGroup.objects.create(
            title=title.strip(),
            kind=kind,
            description=description.strip(),
            unit=unit.strip(),
            threshold_quantity=threshold_quantity,
            price_alone_pence=price_alone_pence,
            price_together_pence=price_together_pence,
            organiser=actor,
        )
        audit_record(
            actor=actor, action="buying_group.propose", instance=group, after=snapshot(group)
        )
    return group


def buying_group_pledge(
    *, actor, group: BuyingGroup, organisation: Organisation, quantity: int
) -> BuyingPledge:
    """An organisation the actor belongs to pledges a quantity (once per organisation)."""
    ensure_allowed(
        actor, "pledge_to_buying_group", group, "Pledges are taken while the group is open."
    )
    if not Affiliation.objects.filter(member=actor, organisation=organisation).exists():
        raise ValidationError({"organisation": f"You are not affiliated with {organisation.name}."})
    if not whole(quantity) or not 0 < quantity <= MAX_QUANTITY:
        raise ValidationError({"quantity": "Pledge a whole number, more than 0."})
    try:
        with transaction.atomic():
            pledge = BuyingPledge.objects.create(
                group=group, organisation=organisation, quantity=quantity, pledged_by=actor
            )
            audit_record(
                actor=actor, action="buying_group.pledge", instance=pledge, after=snapshot(pledge)
            )
    except IntegrityError as error:
        raise ValidationError(
            {"organisation": f"{organisation.name} has already pledged to this group."}
        ) from error
    return pledge


def buying_group_close(
    *, actor, group: BuyingGroup, outcome: str, achieved_price_pence: int | None = None
) -> BuyingGroup:
    """The organiser (or an officer) closes the group and records what came of it."""
    ensure_allowed(actor, "close_buying_group", group, "The organiser closes an open buying group.")
    if not outcome.strip():
        raise ValidationError({"outcome": "Record what came of the joint purchase."})
    if achieved_price_pence is not None and (
        not whole(achieved_price_pence) or achieved_price_pence <= 0
    ):
        raise ValidationError({"achieved_price_pence": "The price achieved is more than £0."})
    with transaction.atomic():
        before = snapshot(group)
        group.is_open = False
        group.outcome = outcome.strip()
        group.achieved_price_pence = achieved_price_pence
        group.closed_at = timezone.now()
        group.save(update_fields=["is_open", "outcome", "achieved_price_pence", "closed_at"])
        audit_record(
            actor=actor,
            action="buying_group.close",
            instance=group,
            before=before,
            after=snapshot(group),
        )
    return group
