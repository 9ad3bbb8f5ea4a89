"""Sector and reference groups: creating them, asking to join, accepting, documents."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from altlep.core import uploads
from altlep.core.audit import audit_record, snapshot
from altlep.governance.models import Group, GroupDocument, GroupKind, GroupMembership
from altlep.governance.services import ensure_allowed


def group_create(*, actor, name: str, kind: str, purpose: str, convenor) -> Group:
    """An officer sets up a group with its convenor."""
    ensure_allowed(actor, "create_group", None, "Only officers set up groups.")
    errors = {}
    if not name.strip():
        errors["name"] = "Give the group a name."
    if kind not in GroupKind.values:
        errors["kind"] = f"Choose one of: {', '.join(GroupKind.values)}."
    if not purpose.strip():
        errors["purpose"] = "Say what the group is for."
    slug = slugify(name)[:200]
    if slug and Group.objects.filter(slug=slug).exists():
        errors["name"] = "A group with that name exists already."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        group = Group.objects.create(
            name=name.strip(), slug=slug, kind=kind, purpose=purpose.strip(), convenor=convenor
        )
        GroupMembership.objects.create(group=group, member=convenor, accepted=True)
        audit_record(actor=actor, action="group_create", instance=group, after=snapshot(group))
    return group


def group_join_ask(
    *, actor, group: Group, note: str = "", local_authority: bool = False
) -> GroupMembership:
    """A member asks to join; the convenor decides."""
    ensure_allowed(actor, "join_group", group, "Confirmed members who are not in it may ask.")
    try:
        with transaction.atomic():
            membership = GroupMembership.objects.create(
                group=group, member=actor, note=note.strip()[:300], local_authority=local_authority
            )
            audit_record(
                actor=actor,
                action="group_join_ask",
                instance=membership,
                after=snapshot(membership),
            )
    except IntegrityError:
        raise ValidationError("You have already asked to join this group.") from None
    return membership


def group_member_accept(*, actor, membership: GroupMembership) -> GroupMembership:
    """The convenor (or an officer) accepts a request to join."""
    ensure_allowed(
        actor, "accept_group_member", membership, "Only the group's convenor accepts members."
    )
    if membership.accepted:
        raise ValidationError(f"{membership.member} is already a member of {membership.group}.")
    before = snapshot(membership)
    membership.accepted = True
    with transaction.atomic():
        membership.save(update_fields=["accepted"])
        audit_record(
            actor=actor,
            action="group_member_accept",
            instance=membership,
            before=before,
            after=snapshot(membership),
        )
    return membership


def group_document_add(*, actor, group: Group, title: str, url: str = "", file=None):
    """Publish a document of the group: a link or an uploaded file."""
    ensure_allowed(actor, "add_group_document", group, "Only the convenor adds documents.")
    if not title.strip():
        raise ValidationError({"title": "Give the document a title."})
    if bool(url) == bool(file):
        raise ValidationError("Give either a link or a file, not both or neither.")
    if file:
        try:
            uploads.check_upload(file)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from error
    with transaction.atomic():
        document = GroupDocument.objects.create(group=group, title=title.strip(), url=url)
        if file:
            document.file.save(file.name, file, save=True)
        audit_record(
            actor=actor, action="group_document_add", instance=document, after=snapshot(document)
        )
    return document
