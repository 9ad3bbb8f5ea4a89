"""Buyers' opportunities, their lots, and the CPV 2008 vocabulary they are classified by."""

from django.db import models

from altlep.members.models import Organisation


class CpvCode(models.Model):
    """One code of the Common Procurement Vocabulary 2008 (Commission Regulation (EC) No 213/2008),
    imported by an officer from the published list; `code` is the 8 digits without check digit."""

    code = models.CharField(max_length=8, primary_key=True)
    check_digit = models.CharField(max_length=1, blank=True)
    label = models.CharField(max_length=400)
    level = models.PositiveSmallIntegerField(help_text="1 = division (XX000000) … 7 = finest.")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.label}"

    @property
    def division(self) -> str:
        return self.code[:2]


class OpportunityStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed"
    AWARDED = "awarded", "Awarded"
    CANCELLED = "cancelled", "Cancelled"


class Opportunity(models.Model):
    """A buyer's planned contract, published for suppliers to bid for."""

    buyer = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="opportunities")
    title = models.CharField(max_length=300)
    description = models.TextField(help_text="What is wanted, in plain language.")
    status = models.CharField(
        max_length=10, choices=OpportunityStatus.choices, default=OpportunityStatus.DRAFT
    )
    estimated_value_pence = models.BigIntegerField(null=True, blank=True)
    cpv_codes = models.ManyToManyField(CpvCode, blank=True, related_name="opportunities")
    # Conditions of participation, which a bidder (or a consortium together) must meet.
    minimum_turnover_pence = models.BigIntegerField(null=True, blank=True)
    minimum_years_trading = models.PositiveSmallIntegerField(null=True, blank=True)
    insurance_requirements = models.JSONField(
        default=list,
        blank=True,
        help_text='[{"kind": "public liability", "cover_pence": 500000000, "when": "award"}] — '
        '"when" is "tender" (asked of every bidder) or "award" (only of the winner).',
    )
    accreditations = models.JSONField(default=list, blank=True)
    consortia_welcome = models.BooleanField(default=True)
    subcontracting_welcome = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "opportunities"

    def __str__(self) -> str:
        return self.title


class Lot(models.Model):
    """A part of an opportunity that can be bid for on its own."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="lots")
    number = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=300)
    value_pence = models.BigIntegerField(null=True, blank=True)
    cpv_codes = models.ManyToManyField(CpvCode, blank=True, related_name="lots")
    delivery_postcode = models.CharField(max_length=8, blank=True)
    delivery_district_code = models.CharField(max_length=9, blank=True)

    class Meta:
        ordering = ["opportunity", "number"]
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "number"], name="one_lot_per_number")
        ]

    def __str__(self) -> str:
        return f"Lot {self.number}: {self.title}"
