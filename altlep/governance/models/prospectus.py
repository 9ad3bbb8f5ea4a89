"""A sector group's prospectus of initiatives, co-written and versioned with django-reversion,
commented, signed off by the group's members and published."""

import reversion
from django.conf import settings
from django.db import models
from django.urls import reverse


class ResilienceTheme(models.TextChoices):
    RESPONSIBLE_BUSINESS = "responsible_business", "Responsible business"
    INVESTMENT = "investment", "Investment and local resource flows"
    INTEGRATION = "integration", "Integration and a responsive public sector"
    ENGAGEMENT = "engagement", "Engagement and accountability"
    ENVIRONMENT = "environment", "Environmental sustainability"


@reversion.register(follow=["sections"])
class Prospectus(models.Model):
    group = models.OneToOneField(
        "governance.Group", on_delete=models.CASCADE, related_name="prospectus"
    )
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised by every change.")
    published_version = models.PositiveIntegerField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "prospectuses"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:prospectus", args=[self.group.slug])


@reversion.register(follow=["initiatives"])
class ProspectusSection(models.Model):
    prospectus = models.ForeignKey(Prospectus, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


@reversion.register(exclude=["idea", "agenda_item", "evidence"])
class Initiative(models.Model):
    section = models.ForeignKey(
        ProspectusSection, on_delete=models.CASCADE, related_name="initiatives"
    )
    title = models.CharField(max_length=200)
    what = models.TextField()
    lead = models.CharField(max_length=200, help_text="Who leads it.")
    cost_pence = models.BigIntegerField(null=True, blank=True)
    jobs_expected = models.PositiveIntegerField(null=True, blank=True)
    skills_expected = models.CharField(max_length=300, blank=True)
    theme = models.CharField(max_length=24, choices=ResilienceTheme.choices)
    evidence = models.ManyToManyField(
        "governance.EvidenceItem", blank=True, related_name="initiatives"
    )
    idea = models.ForeignKey(
        "commissioning.Idea",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prospectus_initiatives",
    )
    agenda_item = models.ForeignKey(
        "governance.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prospectus_initiatives",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class InitiativeComment(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"comment on {self.initiative}"


class ProspectusSignoff(models.Model):
    prospectus = models.ForeignKey(Prospectus, on_delete=models.CASCADE, related_name="signoffs")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["prospectus", "member", "version"], name="sign_version_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} signed v{self.version}"
