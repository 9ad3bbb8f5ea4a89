from django.contrib import admin

from altlep.procurement.models import (
    AwardRecord,
    Clarification,
    CpvCode,
    Lot,
    LotInterest,
    Opportunity,
    OpportunityTerms,
)


@admin.register(CpvCode)
class CpvCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "level"]
    search_fields = ["code", "label"]


class LotInline(admin.TabularInline):
    model = Lot
    extra = 0
    fields = ["number", "title", "value_pence", "delivery_postcode"]


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "buyer", "status"]
    list_filter = ["status"]
    inlines = [LotInline]
    readonly_fields = [f.name for f in Opportunity._meta.fields]  # writes go through services


admin.site.register([OpportunityTerms, Clarification, LotInterest, AwardRecord])
