"""Locally determined resilience principles under five themes, their indicators, the periods
a scorecard covers, entered readings with evidence, initiatives assessed against principles,
other areas' imported scorecards, and the emission factors an officer imports."""

from django.conf import settings
from django.db import models


class Theme(models.TextChoices):
    RESPONSIBLE_BUSINESS = "responsible_business", "Responsible business"
    INVESTMENT = "investment", "Investment and local resource flows"
    INTEGRATION = "integration", "Integration and a responsive public sector"
    ENGAGEMENT = "engagement", "Engagement and accountability"
    ENVIRONMENT = "environment", "Environmental sustainability"


class PrincipleSet(models.Model):
    """One version of the partnership's principles; in force once a board decision adopts it."""

    version = models.PositiveIntegerField(unique=True)
    title = models.CharField(max_length=200, default="Our resilience principles")
    adopted_by = models.OneToOneField(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="principle_set",
    )
    adopted_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"

    @property
    def adopted(self) -> bool:
        return self.adopted_by_id is not None


class Principle(models.Model):
    principle_set = models.ForeignKey(
        PrincipleSet, on_delete=models.CASCADE, related_name="principles"
    )
    theme = models.CharField(max_length=24, choices=Theme.choices)
    title = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["principle_set", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class Direction(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class Source(models.TextChoices):
    COMPUTED = "computed", "Computed from the platform's data"
    ENTERED = "entered", "Entered with evidence"


class Indicator(models.Model):
    principle = models.ForeignKey(Principle, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=200)
    direction = models.CharField(max_length=6, choices=Direction.choices)
    target = models.DecimalField(max_digits=14, decimal_places=4)
    unit = models.CharField(max_length=20, default="%", help_text="%, ratio, count, days, t CO2e…")
    source = models.CharField(max_length=8, choices=Source.choices)
    computed_key = models.CharField(
        max_length=200, blank=True, help_text="The registry's dotted path, for computed ones."
    )

    class Meta:
        ordering = ["principle", "pk"]

    def __str__(self) -> str:
        return self.name


class Period(models.Model):
    """A span the scorecard reports on (e.g. a financial year)."""

    name = models.CharField(max_length=60, unique=True)
    starts_on = models.DateField()
    ends_on = models.DateField()

    class Meta:
        ordering = ["starts_on"]

    def __str__(self) -> str:
        return self.name


class IndicatorEntry(models.Model):
    """A value entered for an `entered` indicator in one period, with its evidence."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="entries")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="entries")
    value = models.DecimalField(max_digits=14, decimal_places=4)
    evidence = models.TextField()
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="one_entry_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} in {self.period}: {self.value}"


class Assessment(models.Model):
    """An initiative (a commissioning project or a prospectus initiative) assessed against a
    principle: what it is expected to do for that principle's theme."""

    principle = models.ForeignKey(Principle, on_delete=models.CASCADE, related_name="assessments")
    initiative = models.CharField(max_length=200)
    project = models.ForeignKey(
        "commissioning.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expected_effect = models.TextField()
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    assessed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["principle", "initiative"]

    def __str__(self) -> str:
        return f"{self.initiative} against {self.principle}"


class ImportedScorecard(models.Model):
    """Another partnership area's published scorecard, imported as this platform's JSON."""

    area = models.CharField(max_length=200)
    period = models.CharField(max_length=60)
    data = models.JSONField()
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["area", "period"]
        constraints = [
            models.UniqueConstraint(fields=["area", "period"], name="one_import_per_area_period")
        ]

    def __str__(self) -> str:
        return f"{self.area}, {self.period}"


class EmissionFactorSet(models.Model):
    """A published table of greenhouse-gas emissions per pound spent, by industry (SIC)."""

    name = models.CharField(max_length=200)
    source = models.CharField(max_length=500)
    year = models.PositiveSmallIntegerField()
    category_map = models.JSONField(
        default=dict,
        blank=True,
        help_text="Spend category (as in the spend files) → SIC code of the factor that fits.",
    )
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-imported_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class EmissionFactor(models.Model):
    factor_set = models.ForeignKey(
        EmissionFactorSet, on_delete=models.CASCADE, related_name="factors"
    )
    sic_code = models.CharField(max_length=20)
    description = models.CharField(max_length=300)
    kg_co2e_per_pound = models.DecimalField(max_digits=10, decimal_places=4)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["factor_set", "sic_code"], name="one_factor_per_sic")
        ]

    def __str__(self) -> str:
        return f"{self.sic_code}: {self.kg_co2e_per_pound} kg CO2e per £"
