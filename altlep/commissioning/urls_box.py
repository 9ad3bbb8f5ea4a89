"""The ideas box, partnership-wide and open all the time, at /ideas/ (namespace `ideas`).

Support, comments and reports on a box idea post to the same addresses as a round idea's.
"""

from django.urls import path

from altlep.commissioning.views import ideas, ideas_box

app_name = "ideas"
urlpatterns = [
    path("", ideas_box.box_list, name="list"),
    path("new/", ideas_box.box_create, name="new"),
    path("<int:pk>/", ideas.idea_detail, name="detail"),
    path("<int:pk>/bring-into-round/", ideas_box.bring_into_round, name="bring_into_round"),
    path("<int:pk>/decline/", ideas_box.decline, name="decline"),
]
