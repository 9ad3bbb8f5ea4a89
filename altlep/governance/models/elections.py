"""Board elections: one per seat category, nominations with statements, ranked ballots, counts."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from altlep.governance.models.constitution import Category


class ElectionStatus(models.TextChoices):
    NOMINATIONS = "nominations", "Taking nominations"
    VOTING = "voting", "Voting open"
    COUNTED = "counted", "Counted"


class StvRule(models.TextChoices):
    SCOTTISH = "scottish", "Scottish STV (Scottish Local Government Elections Order 2011)"
    MEEK = "meek", "Meek STV"


class Election(models.Model):
    """An election to fill `seats` seats of one category, so categories hold by construction."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    category = models.CharField(max_length=12, choices=Category.choices)
    seats = models.PositiveSmallIntegerField()
    rule = models.CharField(max_length=10, choices=StvRule.choices, default=StvRule.SCOTTISH)
    status = models.CharField(
        max_length=12, choices=ElectionStatus.choices, default=ElectionStatus.NOMINATIONS
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:election", args=[self.slug])


class Nomination(models.Model):
    """A member standing in an election, with a statement to the voters."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="nominations")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="nominations"
    )
    statement = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["member__display_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["election", "member"], name="stand_once_per_election")
        ]

    def __str__(self) -> str:
        return f"{self.member} in {self.election}"


class ElectionBallot(models.Model):
    """One member's ranked ballot: nomination ids in order of preference."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ranking = models.JSONField()
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["election", "voter"], name="one_ballot_per_voter")
        ]

    def __str__(self) -> str:
        return f"Ballot {self.pk} in {self.election}"


class ElectionResult(models.Model):
    """The count: who was elected, the full stage-by-stage sheet, and who was seated."""

    election = models.OneToOneField(Election, on_delete=models.CASCADE, related_name="result")
    rule = models.CharField(max_length=10, choices=StvRule.choices)
    sheet = models.JSONField(help_text="altlep.stv CountResult.to_dict()")
    elected = models.JSONField(default=list)
    notes = models.JSONField(default=list, help_text="Elected but not seated, and why.")
    counted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Result of {self.election}"
