from django.urls import path

from altlep.supply.views import alternatives, consortia, directory, groups, resources

app_name = "supply"

urlpatterns = [
    path("", directory.directory, name="directory"),
    path("find/", directory.find, name="find"),
    path("suppliers/<slug:slug>/", directory.supplier, name="supplier"),
    path("suppliers/<slug:slug>/edit/", directory.supplier_edit, name="supplier_edit"),
    path("lots/<int:lot_id>/partners/", consortia.lot_partners, name="lot_partners"),
    path("consortia/", consortia.my_consortia, name="my_consortia"),
    path("consortia/<int:pk>/", consortia.consortium, name="consortium"),
    path("consortia/<int:pk>/agreement/", consortia.agreement, name="agreement"),
    path("invitations/<int:pk>/respond/", consortia.invitation_respond, name="invitation_respond"),
    path("alternatives/", alternatives.index, name="alternatives"),
    path("alternatives/<slug:slug>/", alternatives.category, name="category"),
    path("scenarios/<int:pk>/", alternatives.scenario, name="scenario"),
    path("scenarios/<int:pk>/publish/", alternatives.scenario_publish, name="scenario_publish"),
    path("buying-groups/", groups.group_list, name="groups"),
    path("buying-groups/new/", groups.group_new, name="group_new"),
    path("buying-groups/<int:pk>/", groups.group, name="buying_group"),
    path("buying-groups/<int:pk>/pledge/", groups.group_pledge, name="group_pledge"),
    path("buying-groups/<int:pk>/close/", groups.group_close, name="group_close"),
    path("resources/", resources.resource_list, name="resources"),
    path("resources/new/", resources.resource_new, name="resource_new"),
    path("resources/<int:pk>/", resources.resource, name="resource"),
    path("bookings/<int:pk>/cancel/", resources.booking_cancel, name="booking_cancel"),
]
