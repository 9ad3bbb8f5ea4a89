"""Procurement URLs: the public list, opportunity pages, buyers' forms, OCDS and the feed."""

from django.urls import path

from altlep.procurement import views, views_contracts

app_name = "procurement"
urlpatterns = [
    path("", views.opportunity_list, name="list"),
    path("feed/", views.OpportunityFeed(), name="feed"),
    path("new/<slug:slug>/", views.opportunity_create, name="opportunity_create"),
    path("<int:pk>/", views.opportunity_detail, name="opportunity"),
    path("<int:pk>/edit/", views.opportunity_edit, name="opportunity_edit"),
    path("<int:pk>/lots/new/", views.lot_add, name="lot_add"),
    path("<int:pk>/publish/", views.opportunity_publish, name="opportunity_publish"),
    path("<int:pk>/revise/", views.opportunity_revise, name="opportunity_revise"),
    path("<int:pk>/status/", views.opportunity_status, name="opportunity_status"),
    path("<int:pk>/ask/", views.clarification_ask, name="clarification_ask"),
    path(
        "clarifications/<int:pk>/answer/", views.clarification_answer, name="clarification_answer"
    ),
    path("lots/<int:pk>/interest/", views.lot_interest, name="lot_interest"),
    path("capabilities/<slug:slug>/", views.capabilities, name="capabilities"),
    path("ocds/<slug:slug>.json", views.ocds_package, name="ocds"),
    path("buyers/<slug:slug>/contracts/", views_contracts.where_contracts_went, name="contracts"),
    path(
        "buyers/<slug:slug>/contracts.csv",
        views_contracts.where_contracts_went_csv,
        name="contracts_csv",
    ),
]
