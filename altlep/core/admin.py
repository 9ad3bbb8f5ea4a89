"""Admin: the partnership (with its area), and the audit log and lookup imports, read-only."""

from django.contrib import admin

from altlep.core.areas.partnership import partnership_set_area
from altlep.core.forms import PartnershipAreaForm
from altlep.core.models import AreaLookupImport, AuditEntry, Partnership


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    form = PartnershipAreaForm
    list_display = ["name", "area_description", "district_count", "created_at"]
    readonly_fields = ["area_description", "area_list"]
    fieldsets = [
        (None, {"fields": ["name", "description"]}),
        (
            "Area",
            {
                "fields": [
                    "area_description",
                    "area_list",
                    "area_method",
                    "lep",
                    "min_share",
                    "district_codes",
                ]
            },
        ),
    ]

    @admin.display(description="districts")
    def district_count(self, obj: Partnership) -> int:
        return len(obj.area_codes)

    @admin.display(description="current districts")
    def area_list(self, obj: Partnership) -> str:
        return ", ".join(f"{name} ({code})" for code, name in obj.districts()) or "—"

    def save_model(self, request, obj, form, change):
        # The service saves and audits; the admin only hands over what the form chose.
        partnership_set_area(
            partnership=obj,
            codes=form.cleaned_data["area_codes"],
            description=form.cleaned_data["area_description"],
            actor=request.user,
        )


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that only a service writes: officers may look, never touch."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "object_id", "action"]
    date_hierarchy = "at"


@admin.register(AreaLookupImport)
class AreaLookupImportAdmin(ReadOnlyAdmin):
    list_display = ["filename", "kind", "vintage", "row_count", "imported_at"]
    list_filter = ["kind", "vintage"]
