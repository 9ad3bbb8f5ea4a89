"""Read-mostly admin views for staff; every change of substance goes through the services."""

from django.contrib import admin

from altlep.governance import models


@admin.register(models.Seat)
class SeatAdmin(admin.ModelAdmin):
    list_display = ["member", "category", "how", "started_on", "term_ends_on", "ended_on"]
    list_filter = ["category", "how"]
    readonly_fields = [f.name for f in models.Seat._meta.fields]


@admin.register(models.Election)
class ElectionAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "seats", "rule", "status"]
    readonly_fields = [f.name for f in models.Election._meta.fields]


@admin.register(models.Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "carried", "recorded_at"]
    readonly_fields = [f.name for f in models.Decision._meta.fields]


@admin.register(models.Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["member", "description", "item", "declared_at"]
    readonly_fields = [f.name for f in models.Interest._meta.fields]


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "starts_at", "location"]
    readonly_fields = [f.name for f in models.Meeting._meta.fields]


@admin.register(models.Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "convenor"]
    readonly_fields = [f.name for f in models.Group._meta.fields]
