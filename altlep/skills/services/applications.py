"""Applications: a resident applies; the owner-manager shortlists, interviews and offers; the
applicant accepts or declines, or withdraws at any point; personal data is erased on request.

Each change of state is told by email to the person it concerns. These are one-to-one messages
about a person's own application (not news about things they follow), so they are sent here
directly once the transaction commits, not through the follows digest in altlep.notify.
"""

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from altlep.core.audit import audit_record
from altlep.notify.emails import absolute
from altlep.skills.models import (
    OWNER_MOVES,
    Application,
    ApplicationStatus,
    Apprenticeship,
    Milestone,
    MilestoneKind,
    Placement,
    PlacementStatus,
)
from altlep.skills.services import ensure_allowed

# What the audit log keeps of an application: never the statement or availability, so that
# erasing them erases them everywhere.
AUDITED = ["id", "placement", "status", "consent_to_share", "erased_at"]


def _audit_view(application: Application) -> dict:
    return {
        "placement": application.placement_id,
        "status": application.status,
        "consent_to_share": application.consent_to_share,
        "erased": application.erased_at is not None,
    }


def _tell(user, subject: str, body: str, url: str) -> None:
    if user is None or not user.email:
        return
    message = f"{body}\n\n{absolute(url)}\n"
    transaction.on_commit(
        lambda: send_mail(f"[Apprenticeships] {subject}", message, None, [user.email])
    )


def application_submit(
    *,
    actor,
    placement: Placement,
    statement: str,
    availability: str,
    consent_to_share: bool,
) -> Application:
    """A resident applies to an open placement."""
    ensure_allowed(actor, "apply", placement, "Confirmed members apply for placements.")
    errors: dict[str, str] = {}
    if placement.owner_id == actor.pk:
        errors["placement"] = "You cannot apply to your own placement."
    if not statement.strip():
        errors["statement"] = "Say briefly why you would like this apprenticeship."
    if not availability.strip():
        errors["availability"] = "Say when you could start and when you could come to interview."
    if not consent_to_share:
        errors["consent_to_share"] = (
            "Your application is shared with the owner-manager; tick the box to agree."
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        if placement.status != PlacementStatus.OPEN:
            raise ValidationError(
                {"placement": f"This placement is {placement.get_status_display().lower()}."}
            )
        if Application.objects.filter(placement=placement, applicant=actor).exists():
            raise ValidationError({"placement": "You have already applied to this placement."})
        application = Application.objects.create(
            placement=placement,
            applicant=actor,
            statement=statement.strip(),
            availability=availability.strip(),
            consent_to_share=True,
        )
        audit_record(
            actor=actor,
            action="application_submit",
            instance=application,
            after=_audit_view(application),
        )
        _tell(
            placement.owner,
            f"New application: {placement.title}",
            f"{actor.display_name} has applied to your placement “{placement.title}”.",
            application.get_absolute_url(),
        )
    return application


def application_move(*, actor, application: Application, to: str) -> Application:
    """The owner-manager shortlists, invites to interview, offers, or turns down."""
    ensure_allowed(
        actor, "move_application", application, "Only the placement's owner-manager does this."
    )
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        allowed = OWNER_MOVES.get(application.status, set())
        if to not in allowed:
            raise ValidationError(
                {
                    "status": f"An application that is {application.get_status_display().lower()} "
                    f"cannot become {ApplicationStatus(to).label.lower()}."
                }
            )
        if to == ApplicationStatus.OFFERED and application.placement.status != PlacementStatus.OPEN:
            raise ValidationError({"placement": "The placement is no longer open."})
        before = _audit_view(application)
        application.status = to
        application.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor,
            action="application_move",
            instance=application,
            before=before,
            after=_audit_view(application),
        )
        label = ApplicationStatus(to).label
        _tell(
            application.applicant,
            f"{label}: {application.placement.title}",
            f"Your application to “{application.placement.title}” is now: {label.lower()}.",
            application.get_absolute_url(),
        )
    return application


def close_others(*, placement: Placement, keep: Application | None, reason: str) -> None:
    """Tell every other open application that the placement has gone, and close it."""
    others = placement.applications.exclude(pk=getattr(keep, "pk", None)).filter(
        status__in=[
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.SHORTLISTED,
            ApplicationStatus.INTERVIEW,
            ApplicationStatus.OFFERED,
        ]
    )
    for other in others:
        other.status = ApplicationStatus.UNSUCCESSFUL
        other.save(update_fields=["status", "updated_at"])
        _tell(
            other.applicant,
            f"Placement closed: {placement.title}",
            f"Your application to “{placement.title}” has closed: {reason}.",
            other.get_absolute_url(),
        )


def application_answer(*, actor, application: Application, accept: bool) -> Application:
    """The applicant accepts an offer (the apprenticeship begins) or declines it."""
    ensure_allowed(actor, "answer_offer", application, "Only the applicant answers an offer.")
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=application.placement_id)
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != ApplicationStatus.OFFERED:
            raise ValidationError({"status": "There is no offer to answer."})
        if accept and placement.status != PlacementStatus.OPEN:
            raise ValidationError({"placement": "This placement has already been filled."})
        before = _audit_view(application)
        application.status = ApplicationStatus.ACCEPTED if accept else ApplicationStatus.DECLINED
        application.save(update_fields=["status", "updated_at"])
        if accept:
            placement.status = PlacementStatus.FILLED
            placement.save(update_fields=["status"])
            apprenticeship = Apprenticeship.objects.create(
                placement=placement, application=application, started_on=placement.start_date
            )
            Milestone.objects.create(
                apprenticeship=apprenticeship,
                kind=MilestoneKind.START,
                reached_on=placement.start_date,
                note="Offer accepted",
                recorded_by=actor,
            )
            close_others(placement=placement, keep=application, reason="the placement is filled")
            audit_record(
                actor=actor,
                action="apprenticeship_begin",
                instance=apprenticeship,
                after={"placement": placement.pk, "started_on": str(placement.start_date)},
            )
        audit_record(
            actor=actor,
            action="application_answer",
            instance=application,
            before=before,
            after=_audit_view(application),
        )
        word = "accepted" if accept else "declined"
        _tell(
            placement.owner,
            f"Offer {word}: {placement.title}",
            f"{actor.display_name} has {word} your offer for “{placement.title}”.",
            application.get_absolute_url(),
        )
    return application


def application_withdraw(*, actor, application: Application) -> Application:
    """The applicant withdraws, at any point before the apprenticeship has been paid for."""
    ensure_allowed(
        actor, "withdraw_application", application, "Only the applicant withdraws an application."
    )
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status in {
            ApplicationStatus.WITHDRAWN,
            ApplicationStatus.DECLINED,
            ApplicationStatus.UNSUCCESSFUL,
        }:
            raise ValidationError({"status": "This application is already closed."})
        before = _audit_view(application)
        if application.status == ApplicationStatus.ACCEPTED:
            apprenticeship = application.apprenticeship
            if apprenticeship.claims.exists():
                raise ValidationError(
                    {
                        "status": "The apprenticeship has begun and has fund claims: ask the "
                        "owner-manager or an officer to end it instead."
                    }
                )
            placement = apprenticeship.placement
            apprenticeship.milestones.all().delete()
            apprenticeship.delete()
            placement.status = PlacementStatus.OPEN
            placement.save(update_fields=["status"])
        application.status = ApplicationStatus.WITHDRAWN
        application.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor,
            action="application_withdraw",
            instance=application,
            before=before,
            after=_audit_view(application),
        )
        _tell(
            application.placement.owner,
            f"Application withdrawn: {application.placement.title}",
            f"An applicant has withdrawn from “{application.placement.title}”.",
            application.placement.get_absolute_url(),
        )
    return application


def application_erase(*, actor, application: Application) -> Application:
    """Erase an applicant's personal data on request: the statement, availability and the link
    to their account. The application's state stays (the placement's counts need it); the
    audit log records that it was erased and by whom, and never held the erased text."""
    ensure_allowed(
        actor, "erase_application", application, "Only the applicant or an officer erases this."
    )
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.erased_at is not None:
            raise ValidationError({"application": "This application has already been erased."})
        before = _audit_view(application)
        application.statement = ""
        application.availability = ""
        application.applicant = None
        application.erased_at = timezone.now()
        if application.is_open:
            application.status = ApplicationStatus.WITHDRAWN
        application.save()
        audit_record(
            actor=actor,
            action="application_erase",
            instance=application,
            before=before,
            after=_audit_view(application),
        )
    return application
