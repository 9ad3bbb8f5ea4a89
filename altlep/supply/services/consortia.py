"""Writes for consortia: a lead forms one for a lot, invites others, and each invited
organisation's owner-manager accepts or declines."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from altlep.core.audit import audit_record, snapshot
from altlep.members.models import Affiliation, Organisation, Role
from altlep.members.rules import MANAGING_ROLES
from altlep.procurement.models import Lot
from altlep.supply.models import Consortium, ConsortiumMember, MemberStatus
from altlep.supply.services import ensure_allowed, whole


def _check_share(consortium: Consortium | None, share, *, exclude=None) -> None:
    if not whole(share) or not 0 <= share <= 100:
        raise ValidationError({"work_share_percent": "The share of work is a percentage, 0–100."})
    if consortium is not None:
        taken = (
            consortium.members.exclude(status=MemberStatus.DECLINED)
            .exclude(pk=exclude)
            .aggregate(t=Sum("work_share_percent"))["t"]
            or 0
        )
        if taken + share > 100:
            raise ValidationError(
                {"work_share_percent": f"The shares would add up to {taken + share}%, over 100%."}
            )


def consortium_create(
    *,
    actor,
    lot: Lot,
    lead: Organisation,
    name: str,
    role: str,
    work_share_percent: int = 0,
    liability: str = "lead",
) -> Consortium:
    """Form a consortium for a lot, with `lead` (which the actor speaks for) as its lead."""
    ensure_allowed(
        actor,
        "form_consortium",
        lot,
        "Someone who speaks for an organisation may form a consortium where the buyer allows.",
    )
    if not Affiliation.objects.filter(
        member=actor, organisation=lead, role__in=MANAGING_ROLES
    ).exists():
        raise ValidationError({"lead": f"You do not speak for {lead.name}."})
    errors = {}
    if not name.strip():
        errors["name"] = "Give the consortium a name."
    if not role.strip():
        errors["role"] = "Say what the lead will do."
    if liability not in {"joint", "lead"}:
        errors["liability"] = "Choose joint and several liability, or the lead holds the contract."
    if errors:
        raise ValidationError(errors)
    _check_share(None, work_share_percent)
    with transaction.atomic():
        consortium = Consortium.objects.create(
            lot=lot, name=name.strip(), lead=lead, liability=liability, created_by=actor
        )
        ConsortiumMember.objects.create(
            consortium=consortium,
            organisation=lead,
            role=role.strip(),
            work_share_percent=work_share_percent,
            status=MemberStatus.ACCEPTED,
            invited_by=actor,
            responded_by=actor,
            responded_at=timezone.now(),
        )
        audit_record(
            actor=actor, action="consortium.create", instance=consortium, after=snapshot(consortium)
        )
    return consortium


def consortium_invite(
    *,
    actor,
    consortium: Consortium,
    organisation: Organisation,
    role: str,
    work_share_percent: int = 0,
) -> ConsortiumMember:
    """The lead invites an organisation to take a role and a share of the work."""
    ensure_allowed(
        actor,
        "manage_consortium",
        consortium,
        "Only the lead may invite members, while the consortium is forming.",
    )
    if consortium.members.filter(organisation=organisation).exists():
        raise ValidationError(
            {"organisation": f"{organisation.name} is already invited to this consortium."}
        )
    if not role.strip():
        raise ValidationError({"role": "Say what this member will do."})
    if not Affiliation.objects.filter(organisation=organisation, role=Role.OWNER_MANAGER).exists():
        raise ValidationError(
            {"organisation": f"{organisation.name} has no owner-manager on the platform to accept."}
        )
    with transaction.atomic():
        _check_share(consortium, work_share_percent)
        try:
            with transaction.atomic():
                place = ConsortiumMember.objects.create(
                    consortium=consortium,
                    organisation=organisation,
                    role=role.strip(),
                    work_share_percent=work_share_percent,
                    invited_by=actor,
                )
        except IntegrityError as error:  # two invitations racing
            raise ValidationError(
                {"organisation": f"{organisation.name} is already invited to this consortium."}
            ) from error
        audit_record(actor=actor, action="consortium.invite", instance=place, after=snapshot(place))
    return place


def consortium_respond(*, actor, place: ConsortiumMember, accept: bool) -> ConsortiumMember:
    """The invited organisation's owner-manager accepts or declines."""
    if not actor.has_perm("supply.respond_to_invitation", place):
        if place.status != MemberStatus.INVITED:
            raise ValidationError(
                f"{place.organisation.name} has already {place.get_status_display().lower()}."
            )
        raise PermissionDenied(
            f"Only an owner-manager of {place.organisation.name} may answer this invitation."
        )
    with transaction.atomic():
        before = snapshot(place)
        place.status = MemberStatus.ACCEPTED if accept else MemberStatus.DECLINED
        place.responded_by = actor
        place.responded_at = timezone.now()
        place.save(update_fields=["status", "responded_by", "responded_at"])
        audit_record(
            actor=actor,
            action="consortium.accept" if accept else "consortium.decline",
            instance=place,
            before=before,
            after=snapshot(place),
        )
    return place
