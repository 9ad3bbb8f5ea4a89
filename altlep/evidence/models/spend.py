"""Anchor institutions, their uploaded spend files, stored analyses, review decisions and
supplier surveys. The spend itself lives in the flows engine's DuckDB store (see store.py)."""

from django.conf import settings
from django.db import models


class BodyKind(models.TextChoices):
    COUNCIL = "council", "Council"
    NHS_TRUST = "nhs_trust", "NHS trust"
    UNIVERSITY = "university", "University"
    OTHER = "other", "Other public body"


class AnchorBody(models.Model):
    """An anchor institution whose spend the partnership analyses."""

    name = models.CharField(max_length=200, unique=True, help_text="Also its name in the store.")
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=20, choices=BodyKind.choices, default=BodyKind.COUNCIL)
    organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="anchor_bodies",
    )
    home_codes = models.JSONField(
        default=list,
        blank=True,
        help_text="Districts that count as local on this body's own dashboard; "
        "empty means the partnership area.",
    )
    region_codes = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UploadStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    PROCESSING = "processing", "Processing"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class FileUpload(models.Model):
    """What every uploaded file shares: who sent it, where it waits, and how its processing
    went (the progress page and the background worker read these)."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    original_name = models.CharField(max_length=255)
    stored_path = models.CharField(max_length=500)
    status = models.CharField(
        max_length=12, choices=UploadStatus.choices, default=UploadStatus.QUEUED, db_index=True
    )
    bytes_total = models.BigIntegerField(default=0)
    bytes_read = models.BigIntegerField(default=0)
    error = models.TextField(blank=True)
    error_file = models.CharField(max_length=255, blank=True)
    error_line = models.IntegerField(null=True, blank=True)
    error_column = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def finished(self) -> bool:
        return self.status in {UploadStatus.DONE, UploadStatus.FAILED}

    @property
    def percent(self) -> int:
        if self.status == UploadStatus.DONE:
            return 100
        if not self.bytes_total:
            return 0
        return min(99, int(100 * self.bytes_read / self.bytes_total))


class SpendUpload(FileUpload):
    """One uploaded spend file (and optional OCDS file) and how its processing went."""

    body = models.ForeignKey(AnchorBody, on_delete=models.CASCADE, related_name="uploads")
    ocds_name = models.CharField(max_length=255, blank=True)
    ocds_path = models.CharField(max_length=500, blank=True)
    synthetic = models.BooleanField(default=False)
    rows = models.IntegerField(default=0)
    credits = models.IntegerField(default=0)
    redacted = models.IntegerField(default=0)
    skipped = models.IntegerField(default=0)
    awards = models.IntegerField(default=0)
    already_imported = models.BooleanField(default=False)
    mapping = models.JSONField(default=dict, blank=True)
    resolution = models.CharField(max_length=300, blank=True)
    column_map = models.JSONField(
        default=dict, blank=True, help_text="Field → column header the uploader gave."
    )
    # The reader's report: encoding, columns and why, notes, skipped lines, and the data rows
    # set aside (no amount, no date) with their line, reason and cells, for the officer to fix.
    report = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.original_name} for {self.body}"

    @property
    def set_aside(self) -> list[dict]:
        return self.report.get("set_aside", [])

    @property
    def skipped_lines(self) -> list[dict]:
        return self.report.get("skipped", [])


class RegisterStage(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    UNPACKING = "unpacking", "Unpacking the zip"
    LOADING = "loading", "Loading companies"
    RESOLVING = "resolving", "Matching suppliers to companies"
    ANALYSING = "analysing", "Refreshing the dashboards"
    DONE = "done", "Done"


class RegisterUpload(FileUpload):
    """One Companies House BasicCompanyData file (CSV or its zip) an officer uploaded: loaded
    into the flows store, then every supplier re-resolved. `before` and `after` hold the
    resolution counts around it, so the page can show what the register changed."""

    stage = models.CharField(
        max_length=12, choices=RegisterStage.choices, default=RegisterStage.QUEUED
    )
    # Overall progress across the stages, 0-100 (bytes alone cannot say: loading and
    # resolving take most of the time after the file is read).
    progress = models.PositiveSmallIntegerField(default=0)
    companies = models.IntegerField(default=0)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Register {self.original_name}"

    @property
    def percent(self) -> int:
        return 100 if self.status == UploadStatus.DONE else min(99, self.progress)


class Analysis(models.Model):
    """The engine's analysis of one body (or, with no body, the partnership), kept as JSON
    so dashboards render without opening the store."""

    body = models.OneToOneField(
        AnchorBody, null=True, blank=True, on_delete=models.CASCADE, related_name="analysis"
    )
    result = models.JSONField(default=dict)
    synthetic = models.BooleanField(default=False)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["synthetic"],
                condition=models.Q(body__isnull=True),
                name="one_partnership_analysis_per_flag",
            )
        ]

    def __str__(self) -> str:
        return f"Analysis of {self.body or 'the partnership'}"


class MatchDecision(models.Model):
    """A reviewer's verdict on an uncertain supplier match (mirrored into the engine)."""

    supplier_key = models.CharField(max_length=300)
    supplier_name = models.CharField(max_length=300, blank=True)
    company_number = models.CharField(max_length=12)
    register_name = models.CharField(max_length=300, blank=True)
    accepted = models.BooleanField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        verdict = "is" if self.accepted else "is not"
        return f"{self.supplier_key} {verdict} {self.company_number}"


class SupplierSurvey(models.Model):
    """A supplier's answer to the LM3 survey: how much of the money it re-spends locally."""

    body = models.ForeignKey(
        AnchorBody, null=True, blank=True, on_delete=models.SET_NULL, related_name="surveys"
    )
    supplier_name = models.CharField(max_length=200)
    income_pence = models.BigIntegerField(help_text="Income from the anchor in the period.")
    local_supplier_percent = models.PositiveSmallIntegerField()
    local_wage_percent = models.PositiveSmallIntegerField()
    wage_percent_of_costs = models.PositiveSmallIntegerField(default=50)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"Survey from {self.supplier_name}"
