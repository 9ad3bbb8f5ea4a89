"""The admin site, gated by the `core.use_admin` rule like every other permission."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig


class PartnershipAdminSite(AdminSite):
    site_header = "Partnership administration"
    site_title = "Partnership admin"

    def has_permission(self, request) -> bool:
        return request.user.has_perm("core.use_admin")


class PartnershipAdminConfig(AdminConfig):
    default_site = "altlep.core.admin_site.PartnershipAdminSite"
