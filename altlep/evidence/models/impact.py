"""Impact reports of an organisation, or of a network of organisations reporting together,
with outcomes under the themes of the Social Value Model (PPN 002)."""

from django.conf import settings
from django.db import models


class SvmTheme(models.TextChoices):
    """The missions of the UK government's Social Value Model (PPN 002, February 2025, Open
    Government Licence), under which outcomes are reported. The National TOMs and their proxy
    values are not used (their licence forbids embedding them)."""

    ECONOMIC_GROWTH = "economic_growth", "Kick-start economic growth"
    CLEAN_ENERGY = "clean_energy", "Make Britain a clean energy superpower"
    SAFER_STREETS = "safer_streets", "Take back our streets"
    OPPORTUNITY = "opportunity", "Break down barriers to opportunity"
    HEALTH = "health", "Build an NHS fit for the future"


class ImpactNetwork(models.Model):
    """Organisations that report their impact together (e.g. a quarter of social enterprises)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    description = models.TextField(blank=True)
    members = models.ManyToManyField("members.Organisation", related_name="impact_networks")
    convenor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ImpactReport(models.Model):
    """One organisation's report for one period: economic, social and environmental figures.
    Figures the platform knows are pre-filled; `lineage` records where each came from."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="impact_reports"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    # economic
    jobs = models.DecimalField(max_digits=10, decimal_places=1, default=0, help_text="FTE")
    spend_pence = models.BigIntegerField(default=0, help_text="All spend in the period.")
    contracts_won_pence = models.BigIntegerField(default=0)
    # The LM3 survey's round 2 (suppliers and staff in the area), not only the local spend
    # lines below, so left empty rather than zero when nobody knows it.
    local_spend_pence = models.BigIntegerField(
        null=True, blank=True, help_text="Spent in the area: local suppliers and local staff."
    )
    lm3 = models.DecimalField(
        max_digits=5, decimal_places=3, null=True, blank=True, help_text="Local Multiplier 3."
    )
    apprenticeships = models.PositiveIntegerField(default=0)
    # social
    volunteer_hours = models.PositiveIntegerField(default=0)
    people_supported = models.PositiveIntegerField(default=0)
    # environmental
    emissions_kg = models.BigIntegerField(default=0, help_text="kg CO2e, estimated from spend.")
    waste_kg = models.BigIntegerField(default=0)
    evidence = models.TextField(blank=True)
    lineage = models.JSONField(default=dict, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation", "-starts_on"]

    def __str__(self) -> str:
        return f"{self.organisation} {self.starts_on:%Y-%m-%d} to {self.ends_on:%Y-%m-%d}"


class SpendLine(models.Model):
    """Where a reporting organisation spent: a supplier, and whether it is local. Spend with
    another member of the same network is counted once, by the network, as that member's
    income, so the network report leaves it out of the network's spend."""

    report = models.ForeignKey(ImpactReport, on_delete=models.CASCADE, related_name="spend_lines")
    supplier = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    supplier_name = models.CharField(max_length=200)
    amount_pence = models.BigIntegerField()
    local = models.BooleanField()

    def __str__(self) -> str:
        return f"{self.supplier_name}: {self.amount_pence}p"


class Outcome(models.Model):
    """A social outcome claimed, under a Social Value Model theme. Where a value is claimed,
    deadweight, attribution and drop-off are explicit (percentages 0-100)."""

    report = models.ForeignKey(ImpactReport, on_delete=models.CASCADE, related_name="outcomes")
    theme = models.CharField(max_length=24, choices=SvmTheme.choices)
    description = models.CharField(max_length=300)
    quantity = models.PositiveIntegerField()
    value_pence = models.BigIntegerField(
        default=0, help_text="Gross value claimed for one year, if any."
    )
    deadweight_percent = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    attribution_percent = models.DecimalField(
        max_digits=5, decimal_places=2, default=0, help_text="Share owed to others."
    )
    drop_off_percent = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    years = models.PositiveSmallIntegerField(default=1)
    evidence = models.TextField()

    def __str__(self) -> str:
        return self.description


class NetworkReport(models.Model):
    """A network's report for a period, aggregated from its members' reports when published."""

    network = models.ForeignKey(ImpactNetwork, on_delete=models.CASCADE, related_name="reports")
    starts_on = models.DateField()
    ends_on = models.DateField()
    figures = models.JSONField(default=dict, help_text="The aggregate as published.")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["network", "-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "starts_on", "ends_on"], name="one_network_report_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.network} {self.starts_on:%Y-%m-%d} to {self.ends_on:%Y-%m-%d}"
