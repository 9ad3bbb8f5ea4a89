"""Meetings with agendas, papers, attendance and minutes; decisions and votes; interests."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from altlep.core.uploads import UploadField


class Meeting(models.Model):
    """A board meeting, or a group's meeting when `group` is set."""

    title = models.CharField(max_length=200)
    group = models.ForeignKey(
        "governance.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="meetings"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    location = models.CharField(max_length=200, blank=True)
    minutes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting", args=[self.pk])


class AgendaItem(models.Model):
    """An item on a meeting's agenda; private items are shown only to the board and officers."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    public = models.BooleanField(default=True)

    class Meta:
        ordering = ["meeting", "number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Paper(models.Model):
    """A paper for a meeting: a link or an uploaded file."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="papers"
    )
    title = models.CharField(max_length=200)
    url = models.URLField(blank=True)
    file = UploadField(upload_to="governance/papers/", blank=True)

    # A paper for a private agenda item is for the board and officers only (core.uploads).
    download_permission = "governance.download_paper"

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        return self.file.url if self.file else self.url


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)

    class Meta:
        ordering = ["member__display_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attend_once_per_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_status_display()}"


class Decision(models.Model):
    """A decision of the board, made at a meeting, with every voting member's vote."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    title = models.CharField(max_length=200)
    text = models.TextField()
    carried = models.BooleanField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-meeting__starts_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:decision", args=[self.pk])

    def tally(self) -> dict[str, int]:
        counts = {choice: 0 for choice in VoteChoice.values}
        for vote in self.votes.all():
            counts[vote.choice] += 1
        return counts


class VoteChoice(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    ABSTAIN = "abstain", "Abstain"
    RECUSED = "recused", "Recused (declared interest)"


class Vote(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=10, choices=VoteChoice.choices)

    class Meta:
        ordering = ["member__display_name"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "member"], name="one_vote_per_decision")
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_choice_display()}"


class Interest(models.Model):
    """An entry in the public register of interests; `item` set when declared for one item."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declared_interests"
    )
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="interests"
    )
    description = models.TextField()
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["member__display_name", "-declared_at"]

    def __str__(self) -> str:
        return f"{self.member}: {self.description[:60]}"
