"""The people's plan: members propose amendments to a section of the partnership's strategy;
the board adopts or declines each by a recorded decision."""

import reversion
from django.conf import settings
from django.db import models

from altlep.governance.models.strategy import Strategy

# Every adopted version of the plan stays readable with its diff.
reversion.register(Strategy)


class AmendmentStatus(models.TextChoices):
    OPEN = "open", "Open for support"
    ADOPTED = "adopted", "Adopted by the board"
    DECLINED = "declined", "Declined by the board"


class PlanAmendment(models.Model):
    section = models.CharField(max_length=200, help_text="The heading of the section amended.")
    proposed_text = models.TextField()
    reason = models.TextField()
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=8, choices=AmendmentStatus.choices, default="open")
    decision = models.ForeignKey(
        "governance.Decision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    strategy_version = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Amend “{self.section}”"


class AmendmentSupport(models.Model):
    amendment = models.ForeignKey(PlanAmendment, on_delete=models.CASCADE, related_name="supports")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["amendment", "member"], name="support_amendment_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} supports {self.amendment}"


class AmendmentComment(models.Model):
    amendment = models.ForeignKey(PlanAmendment, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"comment on {self.amendment}"
