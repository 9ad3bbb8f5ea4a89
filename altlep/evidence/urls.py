"""Evidence URLs: money-flow dashboards, uploads, review queue, LM3 and the supplier survey."""

from django.urls import path

from altlep.evidence import views

app_name = "evidence"
urlpatterns = [
    path("", views.index, name="index"),
    path("export.<str:fmt>", views.export, name="export"),
    path("bodies/new/", views.body_new, name="body_new"),
    path("bodies/<slug:slug>/", views.body_dashboard, name="body"),
    path("bodies/<slug:slug>/export.<str:fmt>", views.export, name="body_export"),
    path("bodies/<slug:slug>/upload/", views.upload, name="upload"),
    path("uploads/<int:pk>/", views.upload_detail, name="upload_detail"),
    path("uploads/<int:pk>/status/", views.upload_status, name="upload_status"),
    path("register/", views.register_upload, name="register_upload"),
    path("register/<int:pk>/", views.register_upload_detail, name="register_upload_detail"),
    path("register/<int:pk>/status/", views.register_upload_status, name="register_upload_status"),
    path("review/", views.review, name="review"),
    path("review/decide/", views.review_decide, name="review_decide"),
    path("review/refresh/", views.refresh, name="refresh"),
    path("lm3/", views.lm3, name="lm3"),
    path("survey/", views.survey, name="survey"),
]

from altlep.evidence.impact import views as impact_views  # noqa: E402
from altlep.evidence.network import views as network_views  # noqa: E402
from altlep.evidence.resilience import views as resilience_views  # noqa: E402

urlpatterns += [
    path("principles/", resilience_views.principles, name="principles"),
    path("scorecard/", resilience_views.scorecard, name="scorecard"),
    path("scorecard/<int:pk>/", resilience_views.scorecard, name="scorecard_period"),
    path(
        "scorecard/<int:pk>/export.json", resilience_views.scorecard_export, name="scorecard_export"
    ),
    path("scorecard/import/", resilience_views.scorecard_import, name="scorecard_import"),
    path("scorecard/assess/", resilience_views.assess, name="assess"),
    path("indicators/<int:pk>/enter/", resilience_views.indicator_enter, name="indicator_enter"),
    path("emission-factors/", resilience_views.emission_factors, name="emission_factors"),
    path("network/", network_views.network, name="network"),
    path("network.json", network_views.network_json, name="network_json"),
    path("impact/", impact_views.index, name="impact"),
    path("impact/file/<slug:slug>/", impact_views.report_file, name="impact_file"),
    path("impact/reports/<int:pk>/", impact_views.report, name="impact_report"),
    path("impact/networks/<slug:slug>/", impact_views.network_report, name="impact_network"),
    path(
        "impact/networks/<slug:slug>/export.<str:fmt>",
        impact_views.network_export,
        name="impact_network_export",
    ),
]

from altlep.evidence.sectors import views as sector_views  # noqa: E402

urlpatterns += [
    path("sectors/", sector_views.sector_list, name="sectors"),
    path("sectors/new/", sector_views.sector_new, name="sector_new"),
    path("sectors/<slug:slug>/", sector_views.sector_detail, name="sector"),
    path("sectors/<slug:slug>/size.csv", sector_views.sector_csv, name="sector_csv"),
]
