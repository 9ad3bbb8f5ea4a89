"""Members (people, with email login), organisations, and the links between them."""

import rules
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.urls import reverse
from django.utils import timezone

from altlep.core import districts
from altlep.members import sic
from altlep.members.sectors import LegalForm, Sector
from altlep.members.sizing import SizeBand, SizeBasis


class UserQuerySet(models.QuerySet):
    def confirmed(self) -> "UserQuerySet":
        """Members who have confirmed their email address."""
        return self.filter(is_active=True, email_confirmed=True)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        if not email:
            raise ValueError("members need an email address")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.update(is_staff=True, is_superuser=True, is_officer=True, email_confirmed=True)
        return self.create_user(email, password, **fields)


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public: anyone can see me in the members directory"
    MEMBERS = "members", "Members only: signed-in members can see me"
    HIDDEN = "hidden", "Hidden: only partnership officers can see me"


class User(AbstractBaseUser, PermissionsMixin):
    """A member of the partnership. Membership is free; the email address is the login."""

    email = models.EmailField(unique=True)
    display_name = models.CharField(max_length=100)
    postcode = models.CharField(max_length=8, blank=True)
    district_code = models.CharField(max_length=9, blank=True, db_index=True)
    interests = models.TextField(blank=True)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    email_confirmed = models.BooleanField(default=False)
    is_officer = models.BooleanField(
        default=False, help_text="Partnership officers run rounds, publish and moderate."
    )
    is_staff = models.BooleanField(default=False, help_text="May use the admin site.")
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_absolute_url(self) -> str:
        return reverse("members:member", args=[self.pk])

    @property
    def district_name(self) -> str:
        return districts.name(self.district_code)

    def has_perm(self, perm: str, obj=None) -> bool:
        """A permission written in a rules.py is decided by its rule alone, for superusers too.

        Django lets an active superuser through every check, which would let an administrator
        vote after the count or count before the vote closes. The partnership's own permissions
        (phase and state rules included) therefore bypass that shortcut; Django's model
        permissions that no rules.py defines (the admin's add/change/delete) keep it.
        """
        if rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)


class SizeBandField(models.TextChoices):
    MICRO = SizeBand.MICRO.value, "Micro"
    SMALL = SizeBand.SMALL.value, "Small"
    MEDIUM = SizeBand.MEDIUM.value, "Medium"
    LARGE = SizeBand.LARGE.value, "Large"
    UNKNOWN = SizeBand.UNKNOWN.value, "Unknown"


class OrganisationQuerySet(models.QuerySet):
    def in_districts(self, codes: list[str]) -> "OrganisationQuerySet":
        """Organisations whose registered postcode lies in one of these districts."""
        return self.filter(district_code__in=codes)


class Organisation(models.Model):
    """A business, social enterprise, charity or public body that members belong to.

    Size band, sector and district are derived by `organisation_create/update` in services.py
    and stored so the directory can filter on them.
    """

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    legal_form = models.CharField(max_length=20, choices=LegalForm.choices)
    company_number = models.CharField(max_length=8, blank=True, db_index=True)
    charity_number = models.CharField(max_length=12, blank=True)
    society_number = models.CharField(max_length=8, blank=True)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    postcode = models.CharField(max_length=8)
    district_code = models.CharField(max_length=9, db_index=True)
    sic_codes = models.JSONField(default=list, blank=True)
    sic_sections = models.CharField(
        max_length=30, blank=True, help_text="Section letters of the SIC codes, for filtering."
    )
    employees = models.PositiveIntegerField(null=True, blank=True)
    turnover_pence = models.BigIntegerField(null=True, blank=True)
    balance_sheet_pence = models.BigIntegerField(null=True, blank=True)
    size_band = models.CharField(max_length=10, choices=SizeBandField.choices, db_index=True)
    size_basis = models.CharField(max_length=40, default=SizeBasis.NONE.value)
    sector = models.CharField(max_length=10, choices=Sector.choices, db_index=True)
    sector_overridden = models.BooleanField(
        default=False, help_text="An officer set the sector; it no longer follows the legal form."
    )
    created_by = models.ForeignKey(
        "members.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(turnover_pence__gte=0) | models.Q(turnover_pence__isnull=True),
                name="turnover_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(balance_sheet_pence__gte=0)
                | models.Q(balance_sheet_pence__isnull=True),
                name="balance_sheet_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:organisation", args=[self.slug])

    @property
    def district_name(self) -> str:
        return districts.name(self.district_code)

    def sic_descriptions(self) -> list[tuple[str, str]]:
        return [(code, sic.describe(code)) for code in self.sic_codes]


class Role(models.TextChoices):
    OWNER_MANAGER = "owner_manager", "Owner-manager"
    EMPLOYEE = "employee", "Employee"
    TRUSTEE = "trustee", "Trustee"
    OFFICER = "officer", "Officer"
    COUNCILLOR = "councillor", "Councillor"


class Affiliation(models.Model):
    """A member's role in an organisation."""

    member = models.ForeignKey(User, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="affiliations"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    since = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member", "organisation", "role"], name="one_role_once_per_org"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} – {self.get_role_display()} at {self.organisation}"
