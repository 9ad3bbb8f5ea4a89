"""Read-only admin views: follows and digests change only through the services."""

from django.contrib import admin

from altlep.notify import models


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(models.Follow)
class FollowAdmin(ReadOnly):
    list_display = ["member", "kind", "thing", "created_at"]
    list_select_related = ["member", *models.FOLLOWABLE_KINDS]


@admin.register(models.DigestPreference)
class DigestPreferenceAdmin(ReadOnly):
    list_display = ["member", "frequency", "last_digest_at", "changed_at"]
    list_filter = ["frequency"]


@admin.register(models.Digest)
class DigestAdmin(ReadOnly):
    list_display = ["member", "subject", "change_count", "sent_at"]
    date_hierarchy = "sent_at"
