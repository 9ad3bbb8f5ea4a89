"""Top-level URL map: one include per domain app."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from altlep.core.views import media_file

urlpatterns = [
    path("", include("altlep.core.urls")),
    path("", include("altlep.members.urls")),
    path("commissioning/", include("altlep.commissioning.urls")),
    path("ideas/", include("altlep.commissioning.urls_box")),
    path("governance/", include("altlep.governance.urls")),
    path("evidence/", include("altlep.evidence.urls")),
    path("notify/", include("altlep.notify.urls")),
    path("procurement/", include("altlep.procurement.urls")),
    path("apprenticeships/", include("altlep.skills.urls")),
    path("supply/", include("altlep.supply.urls")),
    path("admin/", admin.site.urls),
]

# Uploaded papers, always as attachments with nosniff (a web server in front may serve
# MEDIA_ROOT itself with the same headers: see the README's production section).
urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media_file, name="media")]
