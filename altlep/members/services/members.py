"""Every write about members: registration, confirmation, profiles. All audited."""

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from altlep.core.audit import audit_record, changed_fields, snapshot
from altlep.geo import postcodes
from altlep.members.models import User, Visibility

CONFIRMATION_SALT = "altlep.members.confirm-email"
CONFIRMATION_MAX_AGE = 3 * 24 * 3600


class ConfirmationError(Exception):
    """A confirmation link that is tampered with, expired or for another address."""


class AlreadyRegistered(ValidationError):
    """Someone tried to join with the address of an existing account. Pages must answer as
    for a new address (so that nobody learns who has an account) and tell the owner by email
    (`registration_attempt_notify`); other callers see an ordinary refusal of the address."""

    def __init__(self, member: User) -> None:
        super().__init__({"email": "An account with this email address already exists."})
        self.member = member


def normalised_email(email: str) -> str:
    """An address as we store and show it."""
    return User.objects.normalize_email(email).lower()


def _unused_email(email: str) -> str:
    """The address in the form we store, refused if a member already uses it."""
    email = normalised_email(email)
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "An account with this email address already exists."})
    return email


def _locate_member_postcode(postcode: str) -> tuple[str, str]:
    if not postcode.strip():
        return "", ""
    try:
        location = postcodes.locate(postcode)
    except postcodes.PostcodeError as error:
        raise ValidationError({"postcode": str(error)}) from error
    return location.postcode, location.district_code


@transaction.atomic
def member_register(
    *,
    email: str,
    display_name: str,
    password: str,
    postcode: str = "",
    interests: str = "",
    visibility: str = Visibility.MEMBERS,
) -> User:
    """Create an unconfirmed member. Raises ValidationError naming the field at fault, and
    AlreadyRegistered (after the same checks and the same work) for a known address."""
    email = normalised_email(email)
    postcode, district = _locate_member_postcode(postcode)
    user = User(
        email=email,
        display_name=display_name.strip(),
        postcode=postcode,
        district_code=district,
        interests=interests.strip(),
        visibility=visibility,
    )
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password1": error.messages}) from error
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        # Hash all the same, so that a known address takes as long to answer as a new one.
        make_password(password)
        raise AlreadyRegistered(existing)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:  # two registrations racing for one address
        raise AlreadyRegistered(User.objects.get(email__iexact=email)) from error
    audit_record(actor=None, action="member.register", instance=user, after=snapshot(user))
    return user


def confirmation_token(user: User) -> str:
    """A signed token binding the member's id to their current email address."""
    return signing.dumps({"id": user.pk, "email": user.email}, salt=CONFIRMATION_SALT)


def confirmation_email_send(*, user: User, confirm_url: str) -> None:
    send_mail(
        subject="Confirm your membership",
        message=(
            f"Hello {user.display_name},\n\n"
            "Thank you for joining. Confirm your email address by opening this link:\n\n"
            f"{confirm_url}\n\nThe link works for three days.\n"
        ),
        from_email=None,
        recipient_list=[user.email],
    )


def registration_attempt_notify(
    *, member: User, login_url: str, reset_url: str, confirm_url: str = ""
) -> None:
    """Tell the owner of an address that someone tried to join with it, and how to get in."""
    again = (
        f"You have not confirmed your address yet; confirm it with this link:\n\n{confirm_url}\n\n"
        if confirm_url and not member.email_confirmed
        else ""
    )
    send_mail(
        subject="Someone tried to join with your email address",
        message=(
            f"Hello {member.display_name},\n\n"
            "Someone (perhaps you) just tried to join the partnership with this email address. "
            "You already have an account, so nothing has changed.\n\n"
            f"{again}"
            f"Log in here:\n\n{login_url}\n\n"
            f"Forgotten your password? Choose a new one here:\n\n{reset_url}\n\n"
            "If it was not you, you need do nothing.\n"
        ),
        from_email=None,
        recipient_list=[member.email],
    )
    audit_record(actor=None, action="member.registration_attempt", instance=member)


@transaction.atomic
def member_confirm_email(*, token: str) -> User:
    """Confirm the address a token was issued for. Raises ConfirmationError with a reason."""
    try:
        data = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ConfirmationError(
            "This confirmation link has expired. Log in to have a new one sent."
        ) from error
    except signing.BadSignature as error:
        raise ConfirmationError(
            "This confirmation link is not valid. Check that you copied all of it."
        ) from error
    user = User.objects.select_for_update().filter(pk=data.get("id")).first()
    if user is None or user.email != data.get("email"):
        raise ConfirmationError("This confirmation link is not valid for any current account.")
    if not user.email_confirmed:
        before = snapshot(user, ["email_confirmed"])
        user.email_confirmed = True
        user.save(update_fields=["email_confirmed"])
        audit_record(
            actor=user,
            action="member.confirm_email",
            instance=user,
            before=before,
            after=snapshot(user, ["email_confirmed"]),
        )
    return user


PROFILE_FIELDS = ["display_name", "postcode", "district_code", "interests", "visibility"]


@transaction.atomic
def member_update_profile(
    *,
    actor: User,
    member: User,
    display_name: str,
    postcode: str,
    interests: str,
    visibility: str,
) -> User:
    """Change a member's profile and directory privacy; the postcode is located to a district."""
    before = snapshot(member, PROFILE_FIELDS)
    member.postcode, member.district_code = _locate_member_postcode(postcode)
    member.display_name = display_name.strip()
    member.interests = interests.strip()
    member.visibility = visibility
    member.full_clean(exclude=["password"])
    member.save(update_fields=PROFILE_FIELDS)
    after = snapshot(member, PROFILE_FIELDS)
    if changed_fields(before, after):
        audit_record(
            actor=actor, action="member.update_profile", instance=member, before=before, after=after
        )
    return member


@transaction.atomic
def member_add(
    *,
    actor: User | None,
    email: str,
    display_name: str,
    postcode: str = "",
    interests: str = "",
    visibility: str = Visibility.MEMBERS,
    password: str | None = None,
    is_officer: bool = False,
    is_staff: bool = False,
) -> User:
    """Add an already-confirmed member (an officer enrolling someone, or the demo).

    Without a password the member cannot log in until they reset one by email.
    """
    email = _unused_email(email)
    postcode, district = _locate_member_postcode(postcode)
    user = User(
        email=email,
        display_name=display_name.strip(),
        postcode=postcode,
        district_code=district,
        interests=interests.strip(),
        visibility=visibility,
        email_confirmed=True,
        is_officer=is_officer,
        is_staff=is_staff,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    audit_record(actor=actor, action="member.add", instance=user, after=snapshot(user))
    return user


def member_login_unblock(*, member: User, address: str = "") -> int:
    """Lift the pause on logging in that failed attempts put on this member's account (and on
    the address they proved it from, by opening a password-reset email). Returns how many
    recorded failures were cleared."""
    from axes.utils import reset as axes_reset  # axes is loaded only once apps are ready

    cleared = axes_reset(username=member.email)
    if address:
        cleared += axes_reset(ip=address)
    audit_record(
        actor=member, action="member.login_unblock", instance=member, after={"cleared": cleared}
    )
    return cleared
