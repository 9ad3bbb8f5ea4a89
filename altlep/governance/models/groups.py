"""Sector groups and reference groups: convenor, members, purpose, documents."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from altlep.core.uploads import UploadField


class GroupKind(models.TextChoices):
    SECTOR = "sector", "Sector group"
    REFERENCE = "reference", "Reference group"


class Group(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=10, choices=GroupKind.choices)
    purpose = models.TextField()
    convenor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="convened_groups"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:group", args=[self.slug])


class GroupMembership(models.Model):
    """A member of a group, or a request to join that the convenor has not yet accepted."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    accepted = models.BooleanField(default=False)
    local_authority = models.BooleanField(
        default=False, help_text="A local-authority counterpart of the group's sector."
    )
    note = models.CharField(max_length=300, blank=True)
    asked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["member__display_name"]
        constraints = [models.UniqueConstraint(fields=["group", "member"], name="join_group_once")]

    def __str__(self) -> str:
        return f"{self.member} in {self.group}"


class GroupDocument(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    url = models.URLField(blank=True)
    file = UploadField(upload_to="governance/groups/", blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-added_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        return self.file.url if self.file else self.url
