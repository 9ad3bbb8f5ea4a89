from django.contrib import admin

from altlep.supply.models import (
    Booking,
    BuyingGroup,
    BuyingPledge,
    Consortium,
    ConsortiumMember,
    Scenario,
    SharedResource,
    SupplierProfile,
)


@admin.register(SupplierProfile)
class SupplierProfileAdmin(admin.ModelAdmin):
    list_display = ("organisation", "serves_radius_km", "max_contract_pence", "welcomes_consortia")
    search_fields = ("organisation__name", "capabilities")
    raw_id_fields = ("organisation",)
    filter_horizontal = ("cpv_codes",)


class ConsortiumMemberInline(admin.TabularInline):
    model = ConsortiumMember
    extra = 0
    raw_id_fields = ("organisation",)


@admin.register(Consortium)
class ConsortiumAdmin(admin.ModelAdmin):
    list_display = ("name", "lot", "lead", "status")
    inlines = [ConsortiumMemberInline]


@admin.register(Scenario)
class ScenarioAdmin(admin.ModelAdmin):
    list_display = ("body", "category", "percent", "published")


class BuyingPledgeInline(admin.TabularInline):
    model = BuyingPledge
    extra = 0


@admin.register(BuyingGroup)
class BuyingGroupAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "threshold_quantity", "is_open")
    inlines = [BuyingPledgeInline]


@admin.register(SharedResource)
class SharedResourceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "owner", "active")


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ("resource", "borrower", "starts_at", "ends_at", "status")
