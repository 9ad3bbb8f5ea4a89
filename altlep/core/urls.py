from django.urls import path

from altlep.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("about/area/", views.area, name="area"),
]
