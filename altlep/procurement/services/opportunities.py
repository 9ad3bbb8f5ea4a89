"""Drafting, revising and publishing opportunities and their lots; the states they move through."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from altlep.core import districts
from altlep.core.audit import audit_record, snapshot
from altlep.geo.postcodes import PostcodeError, locate
from altlep.members.models import Organisation
from altlep.procurement.models import (
    CpvCode,
    Lot,
    Opportunity,
    OpportunityStatus,
    OpportunityTerms,
)
from altlep.procurement.services import ensure_allowed

CORE_FIELDS = (
    "title",
    "description",
    "estimated_value_pence",
    "minimum_turnover_pence",
    "minimum_years_trading",
    "insurance_requirements",
    "accreditations",
    "consortia_welcome",
    "subcontracting_welcome",
)
TERMS_FIELDS = tuple(
    f.name
    for f in OpportunityTerms._meta.concrete_fields
    if f.name not in ("opportunity", "revises", "created_by")
)

# Which states may follow which; anything else is refused for every caller.
TRANSITIONS = {
    OpportunityStatus.DRAFT: {OpportunityStatus.PUBLISHED, OpportunityStatus.CANCELLED},
    OpportunityStatus.PUBLISHED: {OpportunityStatus.CLOSED, OpportunityStatus.CANCELLED},
    OpportunityStatus.CLOSED: {OpportunityStatus.AWARDED, OpportunityStatus.CANCELLED},
    OpportunityStatus.AWARDED: set(),
    OpportunityStatus.CANCELLED: set(),
}


def cpv_codes_known(codes: list[str], field: str = "cpv_codes") -> list[CpvCode]:
    """The CPV codes named, or a ValidationError naming those not in the CPV 2008 list."""
    wanted = [c.strip().split("-")[0] for c in codes if c.strip()]
    found = {c.code: c for c in CpvCode.objects.filter(code__in=wanted)}
    unknown = [c for c in wanted if c not in found]
    if unknown:
        raise ValidationError(
            {field: f"Not in the CPV 2008 list: {', '.join(unknown)}. Use 8-digit CPV codes."}
        )
    return [found[c] for c in wanted]


def _validate_money(values: dict[str, Any]) -> None:
    errors = {}
    for name in ("estimated_value_pence", "minimum_turnover_pence"):
        value = values.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            errors[name] = "Give a whole number of pence."
        elif value is not None and value < 0:
            errors[name] = "It cannot be negative."
    weights = [values.get(k) for k in ("weight_price", "weight_quality", "weight_social_value")]
    if all(w is not None for w in weights) and sum(weights) != 100:
        errors["weight_price"] = f"The evaluation weights add up to {sum(weights)}%, not 100%."
    for item in values.get("insurance_requirements") or []:
        if item.get("when") not in ("tender", "award"):
            errors["insurance_requirements"] = 'Each insurance needs "when": tender or award.'
    deadline = values.get("tender_deadline")
    if deadline is not None and deadline <= timezone.now():
        errors["tender_deadline"] = "The tender deadline is in the past."
    if errors:
        raise ValidationError(errors)


def _validate_dates(opportunity: Opportunity, terms: OpportunityTerms, now) -> None:
    errors = {}
    published = terms.publication_at or now
    if terms.tender_deadline is None:
        errors["tender_deadline"] = "Set a tender deadline."
    elif terms.tender_deadline <= now:
        errors["tender_deadline"] = "The tender deadline is in the past."
    elif terms.tender_deadline <= published:
        errors["tender_deadline"] = "The tender deadline must come after publication."
    if terms.clarification_deadline and terms.tender_deadline:
        if terms.clarification_deadline >= terms.tender_deadline:
            errors["clarification_deadline"] = "Clarifications must close before tenders do."
        elif terms.clarification_deadline <= published:
            errors["clarification_deadline"] = "The clarification deadline is before publication."
    if terms.contract_start and terms.contract_end and terms.contract_end <= terms.contract_start:
        errors["contract_end"] = "The contract must end after it starts."
    if terms.award_on and terms.tender_deadline and terms.award_on < terms.tender_deadline.date():
        errors["award_on"] = "The award cannot come before the tender deadline."
    if errors:
        raise ValidationError(errors)


def _validate_lots(opportunity: Opportunity) -> None:
    whole = opportunity.estimated_value_pence
    total = sum(lot.value_pence or 0 for lot in opportunity.lots.all())
    if whole is not None and total > whole:
        raise ValidationError(
            {
                "estimated_value_pence": f"The lots add up to £{total / 100:,.2f}, more than "
                f"the whole (£{whole / 100:,.2f})."
            }
        )


def opportunity_draft(
    *,
    actor,
    buyer: Organisation,
    title: str,
    description: str,
    cpv_codes: list[str] = (),
    revises: Opportunity | None = None,
    **fields: Any,
) -> Opportunity:
    """An officer of the buyer starts a draft (core fields and terms as keyword arguments)."""
    ensure_allowed(
        actor, "publish_for_buyer", buyer, "Only the buyer's officers draft opportunities for it."
    )
    if not title.strip() or not description.strip():
        raise ValidationError({"title": "An opportunity needs a title and a description."})
    title = fields.pop("title", title)
    description = fields.pop("description", description)
    _validate_money(fields)
    codes = cpv_codes_known(list(cpv_codes))
    core = {k: v for k, v in fields.items() if k in CORE_FIELDS}
    terms_values = {k: v for k, v in fields.items() if k in TERMS_FIELDS}
    unknown = set(fields) - set(core) - set(terms_values)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        opportunity = Opportunity.objects.create(
            buyer=buyer, title=title.strip(), description=description.strip(), **core
        )
        opportunity.cpv_codes.set(codes)
        terms = OpportunityTerms.objects.create(
            opportunity=opportunity, created_by=actor, revises=revises, **terms_values
        )
        audit_record(
            actor=actor,
            action="opportunity.draft",
            instance=opportunity,
            after={**snapshot(opportunity), **snapshot(terms)},
        )
    return opportunity


def opportunity_update(
    *, actor, opportunity: Opportunity, cpv_codes: list[str] | None = None, **fields: Any
) -> Opportunity:
    """Change a draft; a published opportunity is changed by publishing a revised version."""
    ensure_allowed(actor, "change_opportunity", opportunity, "Only the buyer's officers change it.")
    if opportunity.status != OpportunityStatus.DRAFT:
        raise ValidationError("Only a draft can be changed; publish a revised version instead.")
    _validate_money(fields)
    from altlep.procurement.notice import terms_of

    terms = terms_of(opportunity)
    before = {**snapshot(opportunity), **snapshot(terms)}
    with transaction.atomic():
        for name, value in fields.items():
            if name in CORE_FIELDS:
                setattr(opportunity, name, value)
            elif name in TERMS_FIELDS:
                setattr(terms, name, value)
            else:
                raise TypeError(f"unknown field {name}")
        opportunity.save()
        terms.save()
        if cpv_codes is not None:
            opportunity.cpv_codes.set(cpv_codes_known(cpv_codes))
        _validate_lots(opportunity)
        audit_record(
            actor=actor,
            action="opportunity.update",
            instance=opportunity,
            before=before,
            after={**snapshot(opportunity), **snapshot(terms)},
        )
    return opportunity


def lot_add(
    *,
    actor,
    opportunity: Opportunity,
    title: str,
    value_pence: int | None,
    cpv_codes: list[str] = (),
    delivery_postcode: str = "",
    delivery_district_code: str = "",
) -> Lot:
    """Add a lot to a draft, delivered at a postcode or across a district (ONS code). Its value
    may not take the lots past the whole."""
    ensure_allowed(actor, "change_opportunity", opportunity, "Only the buyer's officers change it.")
    if opportunity.status != OpportunityStatus.DRAFT:
        raise ValidationError("Lots can only be added to a draft.")
    if not title.strip():
        raise ValidationError({"title": "A lot needs a title."})
    if value_pence is not None and (isinstance(value_pence, bool) or value_pence < 0):
        raise ValidationError({"value_pence": "A lot's value cannot be negative."})
    district = delivery_district_code.strip()
    if district and not districts.is_known(district):
        raise ValidationError({"delivery_district_code": f"{district} is not a district code."})
    postcode = delivery_postcode.strip()
    if postcode:
        try:
            location = locate(postcode)
        except PostcodeError as error:
            raise ValidationError({"delivery_postcode": str(error)}) from None
        postcode, district = location.postcode, location.district_code
    codes = cpv_codes_known(list(cpv_codes))
    with transaction.atomic():
        number = (
            opportunity.lots.order_by("-number").values_list("number", flat=True).first() or 0
        ) + 1
        lot = Lot.objects.create(
            opportunity=opportunity,
            number=number,
            title=title.strip(),
            value_pence=value_pence,
            delivery_postcode=postcode,
            delivery_district_code=district,
        )
        lot.cpv_codes.set(codes)
        _validate_lots(opportunity)
        audit_record(actor=actor, action="lot.add", instance=lot, after=snapshot(lot))
    return lot


def opportunity_publish(
    *, actor, opportunity: Opportunity, now: datetime.datetime | None = None
) -> Opportunity:
    """Publish a draft now: dates must lie ahead, lots within the whole; then alert the
    organisations it fits. A revised version, once published, cancels the one it revises."""
    from altlep.procurement.notice import terms_of
    from altlep.procurement.services.alerts import alerts_send

    ensure_allowed(
        actor, "publish_for_buyer", opportunity.buyer, "Only the buyer's officers publish for it."
    )
    _move(opportunity, OpportunityStatus.PUBLISHED)
    now = now or timezone.now()
    terms = terms_of(opportunity)
    if terms.publication_at is None or terms.publication_at < now:
        terms.publication_at = now
    _validate_dates(opportunity, terms, now)
    _validate_lots(opportunity)
    before = snapshot(opportunity)
    with transaction.atomic():
        terms.save()
        opportunity.status = OpportunityStatus.PUBLISHED
        opportunity.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor,
            action="opportunity.publish",
            instance=opportunity,
            before=before,
            after=snapshot(opportunity),
        )
        earlier = terms.revises
        if earlier is not None and earlier.status in (
            OpportunityStatus.DRAFT,
            OpportunityStatus.PUBLISHED,
        ):
            _set_status(actor, earlier, OpportunityStatus.CANCELLED, "opportunity.superseded")
        alerts_send(opportunity=opportunity)
    return opportunity


def _move(opportunity: Opportunity, to: str) -> None:
    if to not in TRANSITIONS[OpportunityStatus(opportunity.status)]:
        raise ValidationError(
            f"A {opportunity.get_status_display().lower()} opportunity cannot become {to}."
        )


def _set_status(actor, opportunity: Opportunity, to: str, action: str) -> None:
    before = snapshot(opportunity)
    opportunity.status = to
    opportunity.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor, action=action, instance=opportunity, before=before, after=snapshot(opportunity)
    )


def opportunity_set_status(*, actor, opportunity: Opportunity, status: str) -> Opportunity:
    """Close, award or cancel, in that order only."""
    ensure_allowed(actor, "change_opportunity", opportunity, "Only the buyer's officers change it.")
    if status == OpportunityStatus.PUBLISHED:
        raise ValidationError("Publish through the publish step, which checks the dates.")
    _move(opportunity, status)
    with transaction.atomic():
        _set_status(actor, opportunity, status, f"opportunity.{status}")
    return opportunity


def opportunity_revise(*, actor, opportunity: Opportunity) -> Opportunity:
    """Start a revised draft of a published opportunity, with its terms and lots copied; when
    it is published the earlier version is cancelled."""
    from altlep.procurement.notice import terms_of

    ensure_allowed(actor, "change_opportunity", opportunity, "Only the buyer's officers revise it.")
    if opportunity.status != OpportunityStatus.PUBLISHED:
        raise ValidationError("Only a published opportunity is revised; change a draft directly.")
    terms = terms_of(opportunity)
    fields = {name: getattr(opportunity, name) for name in CORE_FIELDS}
    fields.update({name: getattr(terms, name) for name in TERMS_FIELDS})
    fields["publication_at"] = None
    with transaction.atomic():
        revised = opportunity_draft(
            actor=actor,
            buyer=opportunity.buyer,
            cpv_codes=[c.code for c in opportunity.cpv_codes.all()],
            revises=opportunity,
            **fields,
        )
        for lot in opportunity.lots.all():
            copy = Lot.objects.create(
                opportunity=revised,
                number=lot.number,
                title=lot.title,
                value_pence=lot.value_pence,
                delivery_postcode=lot.delivery_postcode,
                delivery_district_code=lot.delivery_district_code,
            )
            copy.cpv_codes.set(lot.cpv_codes.all())
    return revised
