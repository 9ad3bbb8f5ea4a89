"""Seats on the board: who sits in which category, since when, until when."""

import datetime

from django.conf import settings
from django.db import models

from altlep.governance.models.constitution import VOTING_CATEGORIES, Category


class SeatHow(models.TextChoices):
    ELECTED = "elected", "Elected"
    APPOINTED = "appointed", "Appointed"
    COOPTED = "coopted", "Co-opted"


class EndReason(models.TextChoices):
    RESIGNED = "resigned", "Resigned"
    TERM_ENDED = "term_ended", "Term ended"
    REMOVED = "removed", "Removed"


class SeatQuerySet(models.QuerySet):
    def sitting(self, on: datetime.date | None = None) -> "SeatQuerySet":
        """Seats held on a day (today by default): started, not ended."""
        on = on or datetime.date.today()
        return self.filter(started_on__lte=on).filter(
            models.Q(ended_on__isnull=True) | models.Q(ended_on__gt=on)
        )

    def voting(self) -> "SeatQuerySet":
        """Seats whose holders vote on the board's decisions."""
        return self.filter(category__in=VOTING_CATEGORIES)


class Seat(models.Model):
    """One member's term in one seat category."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="board_seats"
    )
    category = models.CharField(max_length=12, choices=Category.choices)
    how = models.CharField(max_length=10, choices=SeatHow.choices, default=SeatHow.APPOINTED)
    election = models.ForeignKey(
        "governance.Election",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="board_seats",
    )
    started_on = models.DateField()
    term_ends_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=12, choices=EndReason.choices, blank=True)

    objects = SeatQuerySet.as_manager()

    class Meta:
        ordering = ["category", "started_on", "id"]

    def __str__(self) -> str:
        return f"{self.member} ({self.get_category_display()})"

    @property
    def voting(self) -> bool:
        return self.category in VOTING_CATEGORIES
