"""Ideas, comments, moderation, assessment, pledges and delivery URLs."""

from django.urls import path

from altlep.commissioning.views import delivery, ideas, moderation, pledges, projects

urlpatterns = [
    path("moderation/", moderation.queue, name="moderation"),
    path("moderation/ideas/<int:pk>/hide/", moderation.idea_hide, name="idea_hide"),
    path("moderation/comments/<int:pk>/hide/", moderation.comment_hide, name="comment_hide"),
    path("moderation/reports/<int:pk>/dismiss/", moderation.report_dismiss, name="report_dismiss"),
    path("ideas/<int:pk>/", ideas.idea_detail, name="idea"),
    path("ideas/<int:pk>/support/", ideas.idea_support, name="idea_support"),
    path("ideas/<int:pk>/comment/", ideas.comment_create, name="idea_comment"),
    path("ideas/<int:pk>/report/", moderation.idea_report, name="idea_report"),
    path("ideas/<int:pk>/assess/", projects.idea_assess, name="idea_assess"),
    path("comments/<int:pk>/report/", moderation.comment_report, name="comment_report"),
    path("pledges/<int:pk>/confirm/", pledges.pledge_confirm, name="pledge_confirm"),
    path("milestones/<int:pk>/done/", delivery.milestone_done, name="milestone_done"),
    path("<slug:slug>/ideas/", ideas.idea_list, name="ideas"),
    path("<slug:slug>/ideas/new/", ideas.idea_create, name="idea_create"),
    path("<slug:slug>/delivery/", delivery.delivery, name="delivery"),
    path("<slug:slug>/projects/<str:ballot_id>/", projects.project_detail, name="project"),
    path(
        "<slug:slug>/projects/<str:ballot_id>/pledge/", pledges.pledge_create, name="pledge_create"
    ),
    path(
        "<slug:slug>/projects/<str:ballot_id>/milestones/new/",
        delivery.milestone_add,
        name="milestone_add",
    ),
    path(
        "<slug:slug>/projects/<str:ballot_id>/updates/new/",
        delivery.update_post,
        name="delivery_update",
    ),
]
