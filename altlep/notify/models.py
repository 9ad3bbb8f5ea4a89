"""Follows, digest preferences, the digests sent (with every change they carried) and visits.

A follow points at one thing through plain foreign keys, one per kind, with a check that
exactly one is set (no generic foreign keys: the database keeps every reference honest).
"""

from django.conf import settings
from django.db import models


class Frequency(models.TextChoices):
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"
    NONE = "none", "No emails"


# Weekly by default: following something asks to hear about it, so "none" would make a follow
# silently useless, while a daily email nobody chose is the kind that gets marked as spam.
DEFAULT_FREQUENCY = Frequency.WEEKLY

# The kinds of thing a member can follow; each is a nullable foreign key on Follow.
FOLLOWABLE_KINDS = ("round", "idea", "group", "organisation", "meeting")


def _exactly_one_kind() -> models.Q:
    either = models.Q()
    for kind in FOLLOWABLE_KINDS:
        one = models.Q(**{f"{kind}__isnull": False})
        for other in FOLLOWABLE_KINDS:
            if other != kind:
                one &= models.Q(**{f"{other}__isnull": True})
        either |= one
    return either


class Follow(models.Model):
    """A member following one round, idea, group, organisation or meeting."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    round = models.ForeignKey(
        "commissioning.Round", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    idea = models.ForeignKey(
        "commissioning.Idea", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    group = models.ForeignKey(
        "governance.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    meeting = models.ForeignKey(
        "governance.Meeting", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=_exactly_one_kind(), name="follow_exactly_one_thing"),
            *(
                models.UniqueConstraint(
                    fields=["member", kind],
                    condition=models.Q(**{f"{kind}__isnull": False}),
                    name=f"follow_a_{kind}_once",
                )
                for kind in FOLLOWABLE_KINDS
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} follows {self.thing}"

    @property
    def kind(self) -> str:
        return next(kind for kind in FOLLOWABLE_KINDS if getattr(self, f"{kind}_id") is not None)

    @property
    def thing_id(self) -> int:
        return getattr(self, f"{self.kind}_id")

    @property
    def thing(self) -> models.Model:
        return getattr(self, self.kind)


class DigestPreference(models.Model):
    """How often a member wants a digest; members without one get DEFAULT_FREQUENCY."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_preference"
    )
    frequency = models.CharField(max_length=6, choices=Frequency.choices, default=DEFAULT_FREQUENCY)
    last_digest_at = models.DateTimeField(null=True, blank=True)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.member}: {self.get_frequency_display()}"


class Digest(models.Model):
    """One digest email sent to one member."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests"
    )
    subject = models.CharField(max_length=200)
    change_count = models.PositiveIntegerField()
    sent_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"Digest to {self.member} at {self.sent_at:%Y-%m-%d %H:%M}"


class DigestChange(models.Model):
    """A change (an audit entry) carried by a digest: the database refuses it a second time."""

    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="changes")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey("core.AuditEntry", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "entry"], name="tell_a_member_once")
        ]

    def __str__(self) -> str:
        return f"Entry {self.entry_id} told to {self.member_id}"


class LastVisit(models.Model):
    """When a member was last seen on the site (written at most every few minutes)."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="last_visit"
    )
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.member} seen {self.seen_at:%Y-%m-%d %H:%M}"
