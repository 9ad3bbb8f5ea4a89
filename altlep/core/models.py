"""The partnership and its area, the audit log, and imported ONS area lookups."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from altlep.core import districts


class PartnershipQuerySet(models.QuerySet):
    def current(self) -> "Partnership | None":
        """The partnership this site runs (the first one configured)."""
        return self.order_by("pk").first()


class Partnership(models.Model):
    """A co-produced local economic partnership over a set of local authority districts."""

    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    area_codes = models.JSONField(
        default=list,
        blank=True,
        help_text="ONS codes of the local authority districts in the area (E06/E07/E08/E09…).",
    )
    area_description = models.CharField(
        max_length=200,
        blank=True,
        help_text='How the area was chosen, e.g. "the districts of the former Lancashire LEP".',
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PartnershipQuerySet.as_manager()

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        unknown = [code for code in self.area_codes if not districts.is_known(code)]
        if unknown:
            raise ValidationError({"area_codes": f"unknown district codes: {', '.join(unknown)}"})

    def contains_district(self, code: str | None) -> bool:
        return bool(code) and code in set(self.area_codes)

    def districts(self) -> list[tuple[str, str]]:
        """(code, name) pairs of the area's districts, by name."""
        return sorted(((c, districts.name(c)) for c in self.area_codes), key=lambda cn: cn[1])


class AuditEntry(models.Model):
    """One change made through a service: who, what, when, before and after."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField(max_length=100, db_index=True)
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class AreaLookupImport(models.Model):
    """One official ONS lookup file imported by an officer (`altlep areas import`)."""

    class Kind(models.TextChoices):
        LSOA_TO_LEP = "lsoa_lep", "LSOA to LEP"
        LSOA_TO_LAD = "lsoa_lad", "LSOA to local authority district"
        LEP_NAMES = "lep_names", "LEP names"

    filename = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    vintage = models.CharField(max_length=10, help_text="Year of the codes, e.g. 17 for LEP17CD.")
    row_count = models.PositiveIntegerField()
    imported_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.vintage}) from {self.filename}"


class LsoaDistrict(models.Model):
    """An LSOA's local authority district, from an imported ONS lookup."""

    source = models.ForeignKey(AreaLookupImport, on_delete=models.CASCADE, related_name="+")
    lsoa_code = models.CharField(max_length=9)
    lad_code = models.CharField(max_length=9, db_index=True)
    lad_name = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "lsoa_code"], name="one_lad_per_lsoa")
        ]

    def __str__(self) -> str:
        return f"{self.lsoa_code} in {self.lad_code}"


class LsoaLep(models.Model):
    """An LSOA's LEP (an LSOA can lie in two overlapping LEPs), from an imported ONS lookup."""

    source = models.ForeignKey(AreaLookupImport, on_delete=models.CASCADE, related_name="+")
    lsoa_code = models.CharField(max_length=9, db_index=True)
    lep_code = models.CharField(max_length=9, db_index=True)
    lep_name = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "lsoa_code", "lep_code"], name="lsoa_lep_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.lsoa_code} in {self.lep_code}"


class LepName(models.Model):
    """A LEP's name from an imported ONS list of LEP codes and names (no LSOAs in it)."""

    source = models.ForeignKey(AreaLookupImport, on_delete=models.CASCADE, related_name="+")
    lep_code = models.CharField(max_length=9)
    lep_name = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "lep_code"], name="lep_named_once")
        ]

    def __str__(self) -> str:
        return f"{self.lep_code} {self.lep_name}"
