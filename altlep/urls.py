"""Top-level URL map: one include per domain app."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("altlep.core.urls")),
    path("", include("altlep.members.urls")),
    path("commissioning/", include("altlep.commissioning.urls")),
    path("governance/", include("altlep.governance.urls")),
    path("evidence/", include("altlep.evidence.urls")),
    path("notify/", include("altlep.notify.urls")),
    path("admin/", admin.site.urls),
]

# Uploaded papers in development only; production serves MEDIA_ROOT from the web server.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
