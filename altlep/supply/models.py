"""Supplier profiles, consortia, local-alternative scenarios, buying groups and shared
resources: how local micro-enterprises find work and work together."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from altlep.members.models import Organisation
from altlep.procurement.models import CpvCode, Lot


class SupplierProfile(models.Model):
    """What an organisation offers, where, and how much it can take on."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="supplier_profile"
    )
    cpv_codes = models.ManyToManyField(CpvCode, blank=True, related_name="supplier_profiles")
    capabilities = models.TextField(help_text="What the organisation does, in its own words.")
    serves_radius_km = models.PositiveIntegerField(
        null=True, blank=True, help_text="How far from its postcode it works; empty: anywhere."
    )
    serves_districts = models.JSONField(default=list, blank=True)
    max_contract_pence = models.BigIntegerField(null=True, blank=True)
    lead_time_days = models.PositiveSmallIntegerField(null=True, blank=True)
    years_trading = models.PositiveSmallIntegerField(null=True, blank=True)
    certifications = models.JSONField(default=list, blank=True)
    insurance = models.JSONField(
        default=list, blank=True, help_text='[{"kind": "public liability", "cover_pence": …}]'
    )
    welcomes_consortia = models.BooleanField(default=True)
    welcomes_subcontracting = models.BooleanField(default=True)
    # The grid point of the organisation's postcode, stored so distances need no look-up.
    easting = models.IntegerField(null=True, blank=True)
    northing = models.IntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_contract_pence__gte=0)
                | models.Q(max_contract_pence__isnull=True),
                name="supply_capacity_not_negative",
            )
        ]

    def __str__(self) -> str:
        return f"Supplier profile of {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("supply:supplier", args=[self.organisation.slug])


class ConsortiumStatus(models.TextChoices):
    FORMING = "forming", "Forming"
    SUBMITTED = "submitted", "Bid submitted"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Consortium(models.Model):
    """Organisations bidding together for one lot, under a lead."""

    lot = models.ForeignKey(Lot, on_delete=models.CASCADE, related_name="consortia")
    name = models.CharField(max_length=200)
    lead = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=10, choices=ConsortiumStatus.choices, default=ConsortiumStatus.FORMING
    )
    liability = models.CharField(
        max_length=20,
        choices=[("joint", "Joint and several"), ("lead", "The lead holds the contract")],
        default="lead",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "consortia"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("supply:consortium", args=[self.pk])


class MemberStatus(models.TextChoices):
    INVITED = "invited", "Invited"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class ConsortiumMember(models.Model):
    """One organisation's place in a consortium (the lead is a member too)."""

    consortium = models.ForeignKey(Consortium, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="consortium_places"
    )
    role = models.CharField(max_length=200)
    work_share_percent = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(
        max_length=10, choices=MemberStatus.choices, default=MemberStatus.INVITED
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consortium", "organisation"], name="supply_member_once_per_consortium"
            ),
            models.CheckConstraint(
                condition=models.Q(work_share_percent__lte=100), name="supply_share_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.consortium}"


class Scenario(models.Model):
    """An officer's "move X% of this leaking category to local micro-enterprises", with the
    figures computed when it was saved."""

    body = models.ForeignKey(
        "evidence.AnchorBody", on_delete=models.CASCADE, related_name="supply_scenarios"
    )
    category = models.CharField(max_length=300)
    percent = models.PositiveSmallIntegerField()
    figures = models.JSONField(default=dict)
    note = models.TextField(blank=True)
    published = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percent__lte=100), name="supply_percent_at_most_100"
            )
        ]

    def __str__(self) -> str:
        return f"{self.body}: move {self.percent}% of {self.category} to local micro-enterprises"

    def get_absolute_url(self) -> str:
        return reverse("supply:scenario", args=[self.pk])


class BuyingGroupKind(models.TextChoices):
    ENERGY = "energy", "Energy"
    INSURANCE = "insurance", "Insurance"
    SOFTWARE = "software", "Software"
    VEHICLES = "vehicles", "Vehicles"
    OTHER = "other", "Other"


class BuyingGroup(models.Model):
    """A joint purchase that organisations pledge quantities to until it is worth buying."""

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=BuyingGroupKind.choices)
    description = models.TextField()
    unit = models.CharField(max_length=50, help_text="What a quantity counts, e.g. kWh a year.")
    threshold_quantity = models.PositiveIntegerField()
    price_alone_pence = models.PositiveIntegerField(help_text="Price of one unit bought alone.")
    price_together_pence = models.PositiveIntegerField(help_text="Expected price bought together.")
    organiser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    is_open = models.BooleanField(default=True)
    outcome = models.TextField(blank=True)
    achieved_price_pence = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("supply:buying_group", args=[self.pk])


class BuyingPledge(models.Model):
    group = models.ForeignKey(BuyingGroup, on_delete=models.CASCADE, related_name="pledges")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveIntegerField()
    pledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    pledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "organisation"], name="supply_one_pledge_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.quantity} for {self.group}"


class ResourceKind(models.TextChoices):
    EQUIPMENT = "equipment", "Equipment"
    VAN = "van", "Van or vehicle"
    WORKSHOP = "workshop", "Workshop time"
    ROOM = "room", "Room or space"
    OTHER = "other", "Other"


class SharedResource(models.Model):
    """Something an organisation lends or shares with others in the network."""

    owner = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="shared")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=ResourceKind.choices)
    description = models.TextField(blank=True)
    availability = models.CharField(
        max_length=200, blank=True, help_text="When it is usually free, in words."
    )
    price_per_hour_pence = models.PositiveIntegerField(default=0)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("supply:resource", args=[self.pk])


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    CANCELLED = "cancelled", "Cancelled"


class Booking(models.Model):
    """One organisation's use of another's resource for a time: the record of an exchange that
    the network and impact reports count (lender → borrower)."""

    resource = models.ForeignKey(SharedResource, on_delete=models.CASCADE, related_name="bookings")
    borrower = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    status = models.CharField(
        max_length=10, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="supply_booking_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.resource} for {self.borrower} from {self.starts_at:%Y-%m-%d %H:%M}"
