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

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("procurement:opportunity", args=[self.pk])


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


class AuthorityKind(models.TextChoices):
    CENTRAL = "central", "Central government (including NHS trusts)"
    SUB_CENTRAL = "sub_central", "Sub-central (councils, universities, others)"


class ContractKind(models.TextChoices):
    GOODS = "goods", "Goods"
    SERVICES = "services", "Services"
    WORKS = "works", "Works"


class Procedure(models.TextChoices):
    OPEN = "open", "Open procedure (Procurement Act 2023 s.20(2)(a))"
    COMPETITIVE_FLEXIBLE = "competitive_flexible", "Competitive flexible procedure (s.20(2)(b))"
    BELOW_THRESHOLD = "below_threshold", "Below-threshold (Part 6 of the Act)"


class OpportunityTerms(models.Model):
    """Everything about an opportunity beyond the shared core fields: procedure, timeline,
    payment, weights, suitability. One row per opportunity, kept apart so that the core
    `Opportunity` other apps build on stays as it is."""

    opportunity = models.OneToOneField(
        Opportunity, on_delete=models.CASCADE, related_name="terms", primary_key=True
    )
    authority_kind = models.CharField(
        max_length=12, choices=AuthorityKind.choices, default=AuthorityKind.SUB_CENTRAL
    )
    contract_kind = models.CharField(
        max_length=10, choices=ContractKind.choices, default=ContractKind.SERVICES
    )
    value_includes_vat = models.BooleanField(
        default=True, help_text="Thresholds include VAT, so say whether the estimate does."
    )
    procedure = models.CharField(
        max_length=24, choices=Procedure.choices, default=Procedure.BELOW_THRESHOLD
    )
    no_lots_reason = models.TextField(blank=True)
    planned_procurement_notice_on = models.DateField(null=True, blank=True)
    below_threshold_notice_reference = models.CharField(max_length=100, blank=True)
    electronic_tenders = models.BooleanField(default=True)
    # Timeline.
    publication_at = models.DateTimeField(null=True, blank=True)
    clarification_deadline = models.DateTimeField(null=True, blank=True)
    tender_deadline = models.DateTimeField(null=True, blank=True)
    award_on = models.DateField(null=True, blank=True)
    contract_start = models.DateField(null=True, blank=True)
    contract_end = models.DateField(null=True, blank=True)
    audited_accounts_required = models.BooleanField(default=False)
    payment_terms_days = models.PositiveSmallIntegerField(default=30)
    subcontract_payment_terms_days = models.PositiveSmallIntegerField(default=30)
    weight_price = models.PositiveSmallIntegerField(default=40)
    weight_quality = models.PositiveSmallIntegerField(default=50)
    weight_social_value = models.PositiveSmallIntegerField(default=10)
    suitable_for_sme = models.BooleanField(default=True)
    suitable_for_vcse = models.BooleanField(default=True)
    revises = models.ForeignKey(
        Opportunity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revisions",
        help_text="The earlier version this opportunity replaces.",
    )
    created_by = models.ForeignKey(
        "members.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "opportunity terms"

    def __str__(self) -> str:
        return f"Terms of {self.opportunity}"

    @property
    def tender_period_days(self) -> int | None:
        if self.publication_at and self.tender_deadline:
            return int((self.tender_deadline - self.publication_at).total_seconds() // 86400)
        return None


class Clarification(models.Model):
    """A question a supplier asked about an opportunity, and the buyer's public answer."""

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="clarifications"
    )
    question = models.TextField()
    asked_by = models.ForeignKey(
        "members.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    asked_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        "members.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at"]

    def __str__(self) -> str:
        return self.question[:80]


class LotInterest(models.Model):
    """An organisation's recorded interest in bidding for a lot."""

    lot = models.ForeignKey(Lot, on_delete=models.CASCADE, related_name="interests")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="lot_interests"
    )
    recorded_by = models.ForeignKey(
        "members.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lot", "organisation"], name="one_interest_per_lot")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.lot}"


class CpvCapability(models.Model):
    """A CPV code an organisation says it can supply, used to alert it to opportunities."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="cpv_capabilities"
    )
    cpv_code = models.ForeignKey(CpvCode, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "cpv_code"], name="one_capability_per_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.cpv_code_id}"


class OpportunityAlert(models.Model):
    """An organisation told of a published opportunity that fits its SIC or CPV codes and its
    place. One per organisation and opportunity, so nobody is told twice; the digest carries it
    (through the audit log) to the members who follow the organisation."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="alerts")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="opportunity_alerts"
    )
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "organisation"], name="one_alert_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.opportunity}"


class AwardRecord(models.Model):
    """One supplier's share of a contract a buyer awarded, imported from Contracts Finder or
    Find a Tender OCDS, for "where contracts went"."""

    buyer = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="award_records")
    ocid = models.CharField(max_length=200)
    award_id = models.CharField(max_length=300)
    supplier_name = models.CharField(max_length=300)
    scale = models.CharField(max_length=10, help_text="micro, sme, large or unknown")
    vcse = models.BooleanField(null=True)
    postcode = models.CharField(max_length=8, blank=True)
    district_code = models.CharField(max_length=9, blank=True)
    amount_pence = models.BigIntegerField(null=True)
    awarded_on = models.DateField(null=True)
    source_file = models.CharField(max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["buyer", "award_id", "supplier_name"], name="one_award_row_per_supplier"
            )
        ]

    def __str__(self) -> str:
        return f"{self.supplier_name} ({self.award_id})"
