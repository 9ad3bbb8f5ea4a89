"""Sector evidence: sector definitions by SIC 2007, official counts imported from Nomis, and the
GVA-per-job table an officer imports to estimate GVA."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class SectorDefinitionQuerySet(models.QuerySet):
    def current(self):
        """The latest version of each sector."""
        latest = (
            SectorDefinition.objects.filter(slug=models.OuterRef("slug"))
            .order_by("-version")
            .values("pk")[:1]
        )
        return self.filter(pk=models.Subquery(latest))


class SectorDefinition(models.Model):
    """A named, versioned list of SIC 2007 codes: an official definition or an officer's own."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100)
    version = models.PositiveIntegerField(default=1)
    official = models.BooleanField(default=False)
    source = models.TextField(help_text="Where the list comes from: table, publisher, date.")
    source_url = models.URLField(blank=True)
    description = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SectorDefinitionQuerySet.as_manager()

    class Meta:
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="sector_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    def share_by_code(self) -> dict[str, Decimal]:
        return {c.code: c.share for c in self.codes.all()}


class SectorCode(models.Model):
    definition = models.ForeignKey(SectorDefinition, on_delete=models.CASCADE, related_name="codes")
    code = models.CharField(max_length=5, help_text="SIC 2007 class (4 digits) or subclass (5).")
    share = models.DecimalField(
        max_digits=4,
        decimal_places=3,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text="The part of the code counted in the sector (1 = all of it).",
    )
    published_as = models.CharField(max_length=10, blank=True, help_text="As the source wrote it.")
    subsector = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["definition", "code"], name="sector_code_once"),
            models.CheckConstraint(
                condition=models.Q(share__gte=0) & models.Q(share__lte=1), name="share_0_to_1"
            ),
        ]

    def __str__(self) -> str:
        return self.code


class NomisDataset(models.TextChoices):
    ENTERPRISES = "enterprises", "UK Business Counts: enterprises (NM_142_1)"
    LOCAL_UNITS = "local_units", "UK Business Counts: local units (NM_141_1)"
    EMPLOYMENT = "employment", "Business Register and Employment Survey: employment (NM_189_1)"


class NomisImport(models.Model):
    filename = models.CharField(max_length=300)
    dataset = models.CharField(max_length=20, choices=NomisDataset.choices)
    layout = models.CharField(max_length=20, help_text="api-csv or spreadsheet")
    row_count = models.PositiveIntegerField(default=0)
    set_aside = models.JSONField(default=list, blank=True)
    synthetic = models.BooleanField(default=False, help_text="Generated for the demo, not ONS's.")
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.get_dataset_display()} from {self.filename}"


class NomisObservation(models.Model):
    """One cell of an official table: a count for a year, area, industry and size band."""

    source = models.ForeignKey(NomisImport, on_delete=models.CASCADE, related_name="observations")
    dataset = models.CharField(max_length=20, choices=NomisDataset.choices)
    year = models.PositiveSmallIntegerField()
    area_code = models.CharField(max_length=9)
    area_name = models.CharField(max_length=120)
    industry_level = models.CharField(max_length=12)
    industry_code = models.CharField(max_length=5, blank=True)
    industry_name = models.CharField(max_length=200)
    size_band = models.CharField(max_length=8)
    value = models.PositiveIntegerField(null=True)
    suppressed = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "dataset",
                    "year",
                    "area_code",
                    "industry_level",
                    "industry_code",
                    "size_band",
                ],
                name="nomis_cell_once",
            )
        ]
        indexes = [models.Index(fields=["dataset", "area_code", "year"])]

    def __str__(self) -> str:
        return f"{self.dataset} {self.year} {self.area_code} {self.industry_code} {self.size_band}"


class GvaPerJob(models.Model):
    """GVA per job for an industry and year, from a table an officer imports (e.g. ONS regional
    GVA by industry divided by BRES employment), used to estimate a sector's GVA."""

    industry_level = models.CharField(max_length=12)
    industry_code = models.CharField(max_length=5, blank=True)
    year = models.PositiveSmallIntegerField()
    pence = models.BigIntegerField()
    source = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["industry_level", "industry_code", "year"], name="gva_per_job_once"
            )
        ]

    def __str__(self) -> str:
        return f"GVA per job {self.industry_code or 'all'} {self.year}"
