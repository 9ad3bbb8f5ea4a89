"""Apprenticeship URLs: public placements and dashboard, and the forms behind them."""

from django.urls import path

from altlep.skills import views

app_name = "skills"
urlpatterns = [
    path("", views.placement_list, name="placements"),
    path("offer/", views.placement_create, name="placement_create"),
    path("mine/", views.mine, name="mine"),
    path("funding-rules/", views.funding_rules, name="funding_rules"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard.csv", views.dashboard_csv, name="dashboard_csv"),
    path("teaching-fund/grants.json", views.grants_json, name="grants_json"),
    path("teaching-fund/<slug:slug>/", views.fund_detail, name="fund"),
    path("claims/<int:pk>/decide/", views.claim_decide, name="claim_decide"),
    path("<int:pk>/", views.placement_detail, name="placement"),
    path("<int:pk>/apply/", views.apply, name="apply"),
    path("<int:pk>/withdraw/", views.placement_withdraw, name="placement_withdraw"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/move/", views.application_move, name="application_move"),
    path("applications/<int:pk>/answer/", views.application_answer, name="application_answer"),
    path(
        "applications/<int:pk>/withdraw/", views.application_withdraw, name="application_withdraw"
    ),
    path("applications/<int:pk>/erase/", views.application_erase, name="application_erase"),
    path("apprenticeships/<int:pk>/", views.apprenticeship_detail, name="apprenticeship"),
    path("apprenticeships/<int:pk>/claim/", views.claim_add, name="claim_add"),
    path("apprenticeships/<int:pk>/milestone/", views.milestone_add, name="milestone_add"),
    path("apprenticeships/<int:pk>/end/", views.apprenticeship_end, name="apprenticeship_end"),
]
