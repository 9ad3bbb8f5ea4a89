"""Admin for members and organisations. Edits of organisations go through the services."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError

from altlep.members import services
from altlep.members.models import Affiliation, Organisation, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "district_code", "email_confirmed", "is_officer"]
    list_filter = ["email_confirmed", "is_officer", "is_staff", "visibility"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            "Profile",
            {"fields": ["display_name", "postcode", "district_code", "interests", "visibility"]},
        ),
        (
            "Status",
            {
                "fields": [
                    "email_confirmed",
                    "is_active",
                    "is_officer",
                    "is_staff",
                    "is_superuser",
                    "groups",
                ]
            },
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]},
        ),
    ]
    readonly_fields = ["district_code", "last_login", "date_joined"]


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["member"]


def _details_from(obj: Organisation) -> services.OrganisationDetails:
    return services.OrganisationDetails(
        name=obj.name,
        legal_form=obj.legal_form,
        postcode=obj.postcode,
        company_number=obj.company_number,
        charity_number=obj.charity_number,
        society_number=obj.society_number,
        description=obj.description,
        website=obj.website,
        sic_codes=list(obj.sic_codes or []),
        employees=obj.employees,
        turnover_pence=obj.turnover_pence,
        balance_sheet_pence=obj.balance_sheet_pence,
    )


class OrganisationAdminForm(forms.ModelForm):
    class Meta:
        model = Organisation
        # The derived fields (size band, sector, district, SIC sections) are the services' job.
        fields = [
            "name",
            "legal_form",
            "company_number",
            "charity_number",
            "society_number",
            "description",
            "website",
            "postcode",
            "sic_codes",
            "employees",
            "turnover_pence",
            "balance_sheet_pence",
        ]

    def _post_clean(self):
        super()._post_clean()
        try:
            services.organisation_details_check(_details_from(self.instance))
        except ValidationError as error:
            self._update_errors(error)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = OrganisationAdminForm
    list_display = ["name", "legal_form", "size_band", "sector", "district_code"]
    list_filter = ["size_band", "sector", "legal_form"]
    search_fields = ["name", "company_number"]
    readonly_fields = [
        "slug",
        "district_code",
        "size_band",
        "size_basis",
        "sic_sections",
        "sector",
        "sector_overridden",
        "created_by",
        "created_at",
        "updated_at",
    ]
    inlines = [AffiliationInline]

    def save_model(self, request, obj, form, change):
        # Derived fields and the audit log come from the services, even in the admin;
        # the form has already run the same checks, so the service will not refuse.
        if change:
            fresh = Organisation.objects.get(pk=obj.pk)
            services.organisation_update(
                actor=request.user, organisation=fresh, details=_details_from(obj)
            )
        else:
            created = services.organisation_create(
                actor=request.user, details=_details_from(obj), role=None
            )
            obj.pk = created.pk
            obj.slug = created.slug
