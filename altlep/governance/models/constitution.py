"""The constitution: board size, seat categories with minimums and maximums, terms."""

from django.db import models


class Category(models.TextChoices):
    MICRO = "micro", "Micro-enterprise owner-managers"
    SME = "sme", "Small and medium enterprises"
    SOCIAL = "social", "Social economy (VCSE)"
    RESIDENT = "resident", "Co-opted residents"
    COUNCILLOR = "councillor", "Councillors (added, non-voting)"


# Councillors sit in added seats beyond the board's voting seats: they hold the board to
# account for the public but do not vote, so the micro-enterprise majority is never diluted.
VOTING_CATEGORIES = (Category.MICRO, Category.SME, Category.SOCIAL, Category.RESIDENT)


class Constitution(models.Model):
    """The rules the board must keep. One current row; officers change it through a service.

    The defaults follow the founding texts: a board "stuffed full" of micro-enterprise
    owner-managers, token small/medium seats, at least one social-economy voice, a co-opted
    resident, councillors added for democratic accountability, and no big business.
    """

    voting_seats = models.PositiveSmallIntegerField(
        default=9, help_text="Board size: voting seats."
    )
    micro_majority = models.BooleanField(
        default=True,
        help_text="Micro-enterprise owner-managers hold a majority of the filled voting seats.",
    )
    micro_min = models.PositiveSmallIntegerField(default=5)
    micro_max = models.PositiveSmallIntegerField(default=9)
    sme_min = models.PositiveSmallIntegerField(default=0)
    sme_max = models.PositiveSmallIntegerField(default=2)
    social_min = models.PositiveSmallIntegerField(default=1)
    social_max = models.PositiveSmallIntegerField(default=2)
    resident_min = models.PositiveSmallIntegerField(default=0)
    resident_max = models.PositiveSmallIntegerField(default=1)
    councillor_min = models.PositiveSmallIntegerField(default=0)
    councillor_max = models.PositiveSmallIntegerField(
        default=3, help_text="Added, non-voting seats for councillors, beyond the voting seats."
    )
    term_months = models.PositiveSmallIntegerField(default=36)
    term_limit = models.PositiveSmallIntegerField(
        default=2, help_text="How many terms one member may serve in all."
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Constitution: {self.voting_seats} voting seats"

    def minimum(self, category: str) -> int:
        return getattr(self, f"{category}_min")

    def maximum(self, category: str) -> int:
        return getattr(self, f"{category}_max")

    @property
    def majority(self) -> int:
        """Seats that make a majority of the full board's voting seats."""
        return self.voting_seats // 2 + 1
