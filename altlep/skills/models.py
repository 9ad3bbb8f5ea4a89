"""Apprenticeship standards, owner-managers' placements, residents' applications, apprenticeships
and their milestones, and the partnership's own teaching fund with its ledger."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse

from altlep.members.models import Organisation


class Standard(models.Model):
    """An apprenticeship standard, keyed by its reference (ST0116). Its funding band maximum
    changes over time, so it lives on StandardVersion."""

    reference = models.CharField(max_length=10, unique=True)
    lars_code = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    title = models.CharField(max_length=300)
    level = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    route = models.CharField(max_length=120, blank=True, db_index=True)
    typical_duration_months = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=40, blank=True)
    approved_on = models.DateField(null=True, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)
    foundation = models.BooleanField(default=False)
    source = models.CharField(max_length=200, blank=True, help_text="The file it came from.")

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        level = f", level {self.level}" if self.level else ""
        return f"{self.title} ({self.reference}{level})"

    def version_on(self, day: datetime.date) -> "StandardVersion | None":
        """The version in force on `day` (the newest that had started), if any."""
        versions = [
            v for v in self.versions.all() if v.effective_from is None or v.effective_from <= day
        ]
        return max(versions, key=lambda v: v.effective_from or datetime.date.min, default=None)

    def problem_on(self, day: datetime.date) -> str | None:
        """Why an apprenticeship cannot start on `day` on this standard, or None."""
        if self.approved_on and day < self.approved_on:
            return (
                f"start: {day.isoformat()} is before the standard {self.reference} was approved "
                f"for delivery ({self.approved_on.isoformat()})"
            )
        if self.withdrawn_on and day >= self.withdrawn_on:
            return (
                f"start: {day.isoformat()} is after the standard {self.reference} was withdrawn "
                f"({self.withdrawn_on.isoformat()})"
            )
        return None


class StandardVersion(models.Model):
    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(max_length=40, default="1.0")
    max_funding_pence = models.BigIntegerField(null=True, blank=True)
    effective_from = models.DateField(null=True, blank=True)
    effective_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["standard", "effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "version"], name="one_version_once"),
            models.CheckConstraint(
                condition=models.Q(max_funding_pence__gte=0)
                | models.Q(max_funding_pence__isnull=True),
                name="band_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.standard.reference} v{self.version}"


class PlacementStatus(models.TextChoices):
    OPEN = "open", "Open for applications"
    FILLED = "filled", "Filled"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Placement(models.Model):
    """An apprenticeship an owner-manager offers at their business."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="placements"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="placements"
    )
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="placements")
    title = models.CharField(max_length=200)
    workplace_postcode = models.CharField(max_length=8)
    district_code = models.CharField(max_length=9, blank=True, db_index=True)
    easting = models.IntegerField(null=True, blank=True)
    northing = models.IntegerField(null=True, blank=True)
    hours_per_week = models.PositiveSmallIntegerField()
    hourly_wage_pence = models.PositiveIntegerField()
    start_date = models.DateField()
    learning = models.TextField(help_text="What the apprentice will learn on the job.")
    training_provider = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=10, choices=PlacementStatus.choices, default=PlacementStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gte=1) & models.Q(hours_per_week__lte=48),
                name="placement_hours_sensible",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} at {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("skills:placement", args=[self.pk])

    @property
    def weekly_wage_pence(self) -> int:
        return self.hourly_wage_pence * self.hours_per_week


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    SHORTLISTED = "shortlisted", "Shortlisted"
    INTERVIEW = "interview", "Invited to interview"
    OFFERED = "offered", "Offered"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined by the applicant"
    UNSUCCESSFUL = "unsuccessful", "Unsuccessful"
    WITHDRAWN = "withdrawn", "Withdrawn"


# The owner-manager moves an application along this path; the applicant answers an offer.
OWNER_MOVES = {
    ApplicationStatus.SUBMITTED: {ApplicationStatus.SHORTLISTED, ApplicationStatus.UNSUCCESSFUL},
    ApplicationStatus.SHORTLISTED: {ApplicationStatus.INTERVIEW, ApplicationStatus.UNSUCCESSFUL},
    ApplicationStatus.INTERVIEW: {ApplicationStatus.OFFERED, ApplicationStatus.UNSUCCESSFUL},
}
APPLICANT_ANSWERS = {ApplicationStatus.ACCEPTED, ApplicationStatus.DECLINED}
CLOSED_STATUSES = {
    ApplicationStatus.ACCEPTED,
    ApplicationStatus.DECLINED,
    ApplicationStatus.UNSUCCESSFUL,
    ApplicationStatus.WITHDRAWN,
}


class Application(models.Model):
    """A resident's application to a placement. Statement, availability and the applicant's
    link are personal data: shown only to the applicant, the placement's owner-manager and
    officers, and erased on request (`application_erase`)."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="apprenticeship_applications",
    )
    statement = models.TextField(blank=True)
    availability = models.CharField(max_length=300, blank=True)
    consent_to_share = models.BooleanField(default=False)
    status = models.CharField(
        max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    erased_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "applicant"], name="one_application_per_placement"
            )
        ]

    def __str__(self) -> str:
        return f"Application {self.pk} to {self.placement.title}"

    def get_absolute_url(self) -> str:
        return reverse("skills:application", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES


class ApprenticeshipStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    ENDED_EARLY = "ended_early", "Ended early"


class Apprenticeship(models.Model):
    """An accepted offer: the apprentice learning at the owner-manager's business."""

    placement = models.OneToOneField(
        Placement, on_delete=models.PROTECT, related_name="apprenticeship"
    )
    application = models.OneToOneField(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="apprenticeship"
    )
    started_on = models.DateField()
    status = models.CharField(
        max_length=12,
        choices=ApprenticeshipStatus.choices,
        default=ApprenticeshipStatus.IN_PROGRESS,
    )
    ended_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Apprenticeship: {self.placement}"

    def get_absolute_url(self) -> str:
        return reverse("skills:apprenticeship", args=[self.pk])


class MilestoneKind(models.TextChoices):
    START = "start", "Start"
    REVIEW = "review", "Progress review"
    EPA = "epa", "End-point assessment"
    COMPLETION = "completion", "Completion"
    JOB = "job", "Job outcome"


class Milestone(models.Model):
    apprenticeship = models.ForeignKey(
        Apprenticeship, on_delete=models.CASCADE, related_name="milestones"
    )
    kind = models.CharField(max_length=10, choices=MilestoneKind.choices)
    reached_on = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["reached_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.reached_on}"


class TeachingFund(models.Model):
    """The partnership's own money for owner-managers who teach apprentices: a budget,
    commissioned by a board decision or a round, and the rates it pays."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    budget_pence = models.BigIntegerField()
    paid_pence = models.BigIntegerField(default=0, help_text="Approved payments less clawbacks.")
    monthly_pence = models.BigIntegerField(help_text="Per month of training on the job.")
    start_pence = models.BigIntegerField(default=0)
    three_months_pence = models.BigIntegerField(default=0)
    completion_pence = models.BigIntegerField(default=0)
    decision = models.ForeignKey(
        "governance.Decision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    round = models.ForeignKey(
        "commissioning.Round", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            # The ledger's balance (budget − paid) never goes below zero, whatever the caller.
            models.CheckConstraint(
                condition=models.Q(paid_pence__gte=0)
                & models.Q(paid_pence__lte=models.F("budget_pence")),
                name="fund_never_overspent",
            ),
            models.CheckConstraint(
                condition=models.Q(monthly_pence__gte=0)
                & models.Q(start_pence__gte=0)
                & models.Q(three_months_pence__gte=0)
                & models.Q(completion_pence__gte=0),
                name="fund_rates_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def remaining_pence(self) -> int:
        return self.budget_pence - self.paid_pence

    def rate_for(self, kind: str) -> int:
        return {
            ClaimKind.START: self.start_pence,
            ClaimKind.MONTH: self.monthly_pence,
            ClaimKind.THREE_MONTHS: self.three_months_pence,
            ClaimKind.COMPLETION: self.completion_pence,
        }[kind]


class ClaimKind(models.TextChoices):
    START = "start", "Start"
    MONTH = "month", "A month of training on the job"
    THREE_MONTHS = "three_months", "Three months"
    COMPLETION = "completion", "Completion"


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", "Awaiting approval"
    APPROVED = "approved", "Approved and paid"
    REJECTED = "rejected", "Rejected"
    CLAWED_BACK = "clawed_back", "Clawed back"


class Claim(models.Model):
    fund = models.ForeignKey(TeachingFund, on_delete=models.PROTECT, related_name="claims")
    apprenticeship = models.ForeignKey(
        Apprenticeship, on_delete=models.PROTECT, related_name="claims"
    )
    kind = models.CharField(max_length=14, choices=ClaimKind.choices)
    month = models.DateField(null=True, blank=True, help_text="First day of the month claimed.")
    amount_pence = models.BigIntegerField()
    evidence = models.TextField()
    status = models.CharField(
        max_length=12, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED
    )
    claimant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_pence__gt=0), name="claim_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} claim for {self.apprenticeship.placement}"


class LedgerEntry(models.Model):
    """One movement of the fund's money: a payment (positive) or a clawback (negative)."""

    fund = models.ForeignKey(TeachingFund, on_delete=models.PROTECT, related_name="ledger")
    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="ledger")
    amount_pence = models.BigIntegerField()
    balance_after_pence = models.BigIntegerField()
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name_plural = "ledger entries"

    def __str__(self) -> str:
        return f"{self.amount_pence}p on {self.at:%Y-%m-%d}"
