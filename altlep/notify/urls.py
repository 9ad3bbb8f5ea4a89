from django.urls import path

from altlep.notify import views

app_name = "notify"
urlpatterns = [
    path("follow/", views.follow, name="follow"),
    path("settings/", views.settings_page, name="settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
