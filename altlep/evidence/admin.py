"""The evidence in the Django admin, for officers to inspect. Read-only: every write goes
through a service, which checks its rules and records the audit log (an admin form would
bypass both), so the admin lists, searches and shows, and never adds, changes or deletes.
Sector evidence is registered by its own part (altlep/evidence/sectors)."""

from django.contrib import admin

from altlep.evidence.models import (
    Analysis,
    AnchorBody,
    Assessment,
    EmissionFactor,
    EmissionFactorSet,
    ImpactNetwork,
    ImpactReport,
    ImportedScorecard,
    Indicator,
    IndicatorEntry,
    MatchDecision,
    NetworkReport,
    Outcome,
    Period,
    Principle,
    PrincipleSet,
    RegisterUpload,
    SpendLine,
    SpendUpload,
    SupplierSurvey,
)


class ReadOnly(admin.ModelAdmin):
    """Shows every field; no add, change or delete (writes go through the services)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


# ---- resilience ---------------------------------------------------------------------------


class PrincipleInline(ReadOnlyInline):
    model = Principle
    fields = ["order", "theme", "title"]


@admin.register(PrincipleSet)
class PrincipleSetAdmin(ReadOnly):
    list_display = ["version", "title", "adopted_on", "adopted_by", "created_at"]
    search_fields = ["title"]
    inlines = [PrincipleInline]


class IndicatorInline(ReadOnlyInline):
    model = Indicator
    fields = ["name", "direction", "target", "unit", "source", "computed_key"]


@admin.register(Principle)
class PrincipleAdmin(ReadOnly):
    list_display = ["title", "theme", "principle_set"]
    list_filter = ["theme", "principle_set"]
    search_fields = ["title", "text"]
    inlines = [IndicatorInline]


@admin.register(Indicator)
class IndicatorAdmin(ReadOnly):
    list_display = ["name", "principle", "direction", "target", "unit", "source"]
    list_filter = ["source", "direction", "principle__theme"]
    search_fields = ["name", "computed_key", "principle__title"]


@admin.register(Period)
class PeriodAdmin(ReadOnly):
    list_display = ["name", "starts_on", "ends_on"]
    search_fields = ["name"]


@admin.register(IndicatorEntry)
class IndicatorEntryAdmin(ReadOnly):
    list_display = ["indicator", "period", "value", "entered_by", "entered_at"]
    list_filter = ["period"]
    search_fields = ["indicator__name", "evidence"]


@admin.register(Assessment)
class AssessmentAdmin(ReadOnly):
    list_display = ["initiative", "principle", "assessed_by", "assessed_at"]
    search_fields = ["initiative", "expected_effect", "principle__title"]


@admin.register(ImportedScorecard)
class ImportedScorecardAdmin(ReadOnly):
    list_display = ["area", "period", "imported_by", "imported_at"]
    search_fields = ["area", "period"]


class EmissionFactorInline(ReadOnlyInline):
    model = EmissionFactor
    fields = ["sic_code", "description", "kg_co2e_per_pound"]


@admin.register(EmissionFactorSet)
class EmissionFactorSetAdmin(ReadOnly):
    list_display = ["name", "year", "source", "imported_by", "imported_at"]
    search_fields = ["name", "source"]
    inlines = [EmissionFactorInline]


# ---- impact and the network's report -------------------------------------------------------


@admin.register(ImpactNetwork)
class ImpactNetworkAdmin(ReadOnly):
    list_display = ["name", "slug", "convenor"]
    search_fields = ["name", "members__name"]


class SpendLineInline(ReadOnlyInline):
    model = SpendLine
    fields = ["supplier_name", "supplier", "amount_pence", "local"]


class OutcomeInline(ReadOnlyInline):
    model = Outcome
    fields = [
        "theme",
        "description",
        "quantity",
        "value_pence",
        "deadweight_percent",
        "attribution_percent",
        "drop_off_percent",
        "years",
    ]


@admin.register(ImpactReport)
class ImpactReportAdmin(ReadOnly):
    list_display = [
        "organisation",
        "starts_on",
        "ends_on",
        "jobs",
        "local_spend_pence",
        "lm3",
        "submitted_by",
        "submitted_at",
    ]
    list_filter = ["starts_on"]
    search_fields = ["organisation__name", "evidence"]
    inlines = [SpendLineInline, OutcomeInline]


@admin.register(NetworkReport)
class NetworkReportAdmin(ReadOnly):
    list_display = ["network", "starts_on", "ends_on", "published_by", "published_at"]
    list_filter = ["network"]
    search_fields = ["network__name"]


# ---- money flows ----------------------------------------------------------------------------


@admin.register(AnchorBody)
class AnchorBodyAdmin(ReadOnly):
    list_display = ["name", "kind", "organisation", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(SpendUpload)
class SpendUploadAdmin(ReadOnly):
    list_display = ["original_name", "body", "status", "rows", "skipped", "created_at"]
    list_filter = ["status", "synthetic"]
    search_fields = ["original_name", "body__name"]


@admin.register(RegisterUpload)
class RegisterUploadAdmin(ReadOnly):
    list_display = ["original_name", "stage", "status", "companies", "created_at"]
    list_filter = ["status"]
    search_fields = ["original_name"]


@admin.register(Analysis)
class AnalysisAdmin(ReadOnly):
    list_display = ["__str__", "synthetic", "computed_at"]
    list_filter = ["synthetic"]


@admin.register(MatchDecision)
class MatchDecisionAdmin(ReadOnly):
    list_display = ["supplier_key", "company_number", "accepted", "decided_by", "decided_at"]
    list_filter = ["accepted"]
    search_fields = ["supplier_key", "supplier_name", "company_number", "register_name"]


@admin.register(SupplierSurvey)
class SupplierSurveyAdmin(ReadOnly):
    list_display = ["supplier_name", "body", "income_pence", "submitted_at"]
    search_fields = ["supplier_name"]
