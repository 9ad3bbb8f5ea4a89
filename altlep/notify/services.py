"""Writes: following, digest preferences, unsubscribing, sending digests, marking visits."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from altlep.core.audit import audit_record, snapshot
from altlep.core.locks import serialise
from altlep.members.models import User
from altlep.notify import selectors
from altlep.notify.changes import changes_since
from altlep.notify.emails import digest_message
from altlep.notify.models import (
    Digest,
    DigestChange,
    DigestPreference,
    Follow,
    Frequency,
    LastVisit,
)
from altlep.notify.tokens import member_pk_from


def _ensure_allowed(actor, perm: str, obj, message: str) -> None:
    if not actor.has_perm(f"notify.{perm}", obj):
        raise PermissionDenied(message)


def follow_add(*, actor, thing: models.Model) -> Follow:
    """The actor follows a round, idea, group, organisation or meeting (again is harmless)."""
    kind = selectors.kind_of(thing)
    _ensure_allowed(actor, "follow", thing, "Confirmed members may follow what they can see.")
    with transaction.atomic():
        follow, created = Follow.objects.get_or_create(member=actor, **{kind: thing})
        if created:
            audit_record(actor=actor, action="follow.add", instance=follow, after=snapshot(follow))
    return follow


def follow_remove(*, actor, thing: models.Model) -> None:
    """The actor stops following a thing (not following it already is harmless)."""
    kind = selectors.kind_of(thing)
    _ensure_allowed(actor, "unfollow", thing, "Sign in to change what you follow.")
    with transaction.atomic():
        for follow in Follow.objects.filter(member=actor, **{kind: thing}):
            audit_record(
                actor=actor, action="follow.remove", instance=follow, before=snapshot(follow)
            )
            follow.delete()


def digest_frequency_set(*, actor, member: User, frequency: str) -> DigestPreference:
    """How often `member` hears what changed: daily, weekly or never."""
    _ensure_allowed(actor, "change_digest", member, "You may change only your own emails.")
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": "Choose daily, weekly or no emails."})
    return _set_frequency(actor=actor, member=member, frequency=frequency)


def _set_frequency(*, actor, member: User, frequency: str) -> DigestPreference:
    with transaction.atomic():
        preference, _ = DigestPreference.objects.get_or_create(member=member)
        before = snapshot(preference, ["frequency"])
        preference.frequency = frequency
        preference.save(update_fields=["frequency", "changed_at"])
        audit_record(
            actor=actor,
            action="digest.set_frequency",
            instance=preference,
            before=before,
            after=snapshot(preference, ["frequency"]),
        )
    return preference


def digest_unsubscribe(*, token: str) -> User:
    """Stop every digest for the member the signed token names; no sign-in needed."""
    member = User.objects.filter(pk=member_pk_from(token) or 0).first()
    if member is None:
        raise ValidationError(
            "This unsubscribe link is not one we sent, or it was changed on the way. "
            "Sign in and choose 'No emails' on your email settings page instead."
        )
    _set_frequency(actor=member, member=member, frequency=Frequency.NONE)
    return member


def digest_send(
    *, member: User, told: list[selectors.Told], now: datetime.datetime | None = None
) -> Digest | None:
    """Send one digest of `told`, recording each change so that it is never sent again.

    Safe when two senders run at once: the member's lock (an advisory lock on PostgreSQL,
    SQLite's single writer elsewhere) makes the second wait, then find the changes already
    told or the digest no longer due; the unique (member, change) row is the last guard.
    Returns None when nothing was left to send.
    """
    with transaction.atomic():
        serialise(f"notify.digest.{member.pk}")
        preference, _ = DigestPreference.objects.get_or_create(member=member)
        now = now or timezone.now()
        if not selectors.is_due(
            frequency=preference.frequency, last_digest_at=preference.last_digest_at, now=now
        ):
            return None
        sent = selectors.already_told(member=member, changes=[t.change for t in told])
        fresh = [t for t in told if t.change.entry_id not in sent]
        if not fresh:
            return None
        message = digest_message(member=member, told=fresh, frequency=preference.frequency)
        digest = Digest.objects.create(
            member=member, subject=message.subject, change_count=len(fresh), sent_at=now
        )
        DigestChange.objects.bulk_create(
            DigestChange(digest=digest, member=member, entry_id=t.change.entry_id) for t in fresh
        )
        preference.last_digest_at = now
        preference.save(update_fields=["last_digest_at"])
        audit_record(
            actor=None, action="digest.send", instance=digest, after={"changes": len(fresh)}
        )
        # Sent last, inside the transaction: if sending fails, nothing is recorded as told and
        # the next run tries again.
        message.send()
    return digest


@dataclass
class SendReport:
    due: int = 0
    sent: list[dict] = field(default_factory=list)
    nothing_new: int = 0
    failed: list[dict] = field(default_factory=list)
    dry_run: bool = False

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "members_due": self.due,
            "digests_sent" if not self.dry_run else "digests_to_send": self.sent,
            "nothing_new": self.nothing_new,
            "failed": self.failed,
        }


def digests_send(
    *,
    now: datetime.datetime | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> SendReport:
    """For every member whose digest is due, email what changed in what they follow."""
    now = now or timezone.now()
    due = selectors.members_due(now=now)
    report = SendReport(due=len(due), dry_run=dry_run)
    if not due:
        return report
    changes = changes_since(min(d.since for d in due))
    follows = selectors.follows_by_target(member_ids=[d.member.pk for d in due])
    for done, item in enumerate(due, start=1):
        told = selectors.changes_for(
            member=item.member,
            changes=changes,
            follows=follows.get(item.member.pk, {}),
            since=item.since,
        )
        row = {"email": item.member.email, "changes": len(told)}
        if not told:
            report.nothing_new += 1
        elif dry_run:
            report.sent.append(row)
        else:
            _send_one(item.member, told, row, report, now)
        if progress:
            progress(done, len(due))
    return report


def _send_one(member: User, told: list[selectors.Told], row: dict, report: SendReport, now) -> None:
    try:
        digest = digest_send(member=member, told=told, now=now)
    except OSError as error:  # SMTP errors are OSErrors: report, and try the others
        report.failed.append({**row, "error": str(error)})
        return
    except IntegrityError:  # another sender recorded these changes first: they are told
        report.nothing_new += 1
        return
    if digest is None:
        report.nothing_new += 1
    else:
        report.sent.append({**row, "changes": digest.change_count})


VISIT_REFRESH = datetime.timedelta(minutes=15)


def visit_mark(*, member: User, now: datetime.datetime) -> datetime.datetime | None:
    """Record that the member is here now; return when they were seen before (None: never).

    Not in the audit log: it is bookkeeping about reading, not a change anyone made.
    """
    visit, created = LastVisit.objects.get_or_create(member=member, defaults={"seen_at": now})
    if created:
        return None
    LastVisit.objects.filter(pk=visit.pk).update(seen_at=now)
    return visit.seen_at
