"""Governance URLs: the public accountability pages, and the forms that keep them."""

from django.urls import path

from altlep.governance.views import board, decisions, elections, groups, meetings, strategy

app_name = "governance"
urlpatterns = [
    path("", board.overview, name="overview"),
    path("board/", board.board, name="board"),
    path("board/appoint/", board.appoint, name="appoint"),
    path("board/seats/<int:pk>/end/", board.seat_end, name="seat_end"),
    path("constitution/", board.constitution, name="constitution"),
    path("strategy/", strategy.strategy, name="strategy"),
    path("strategy/edit/", strategy.strategy_edit, name="strategy_edit"),
    path("elections/", elections.election_list, name="elections"),
    path("elections/new/", elections.election_create, name="election_create"),
    path("elections/<slug:slug>/", elections.election_detail, name="election"),
    path("elections/<slug:slug>/stand/", elections.nominate, name="nominate"),
    path("elections/<slug:slug>/vote/", elections.ballot, name="ballot"),
    path("elections/<slug:slug>/advance/", elections.advance, name="election_advance"),
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings.ics", meetings.meetings_ics, name="meetings_ics"),
    path("meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/items/", meetings.item_add, name="item_add"),
    path("meetings/<int:pk>/papers/", meetings.paper_add, name="paper_add"),
    path("meetings/<int:pk>/attendance/", meetings.attendance, name="attendance"),
    path("meetings/<int:pk>/minutes/", meetings.minutes, name="minutes"),
    path("meetings/<int:pk>/decide/", decisions.decision_record, name="decision_record"),
    path("decisions/", decisions.decision_list, name="decisions"),
    path("decisions.atom", decisions.DecisionFeed(), name="decisions_feed"),
    path("decisions.csv", decisions.decisions_csv, name="decisions_csv"),
    path("decisions.json", decisions.decisions_json, name="decisions_json"),
    path("decisions/<int:pk>/", decisions.decision_detail, name="decision"),
    path("interests/", decisions.interest_list, name="interests"),
    path("interests/declare/", decisions.interest_declare, name="interest_declare"),
    path("interests.csv", decisions.interests_csv, name="interests_csv"),
    path("interests.json", decisions.interests_json, name="interests_json"),
    path("groups/", groups.group_list, name="groups"),
    path("groups/new/", groups.group_create, name="group_create"),
    path("groups/<slug:slug>/", groups.group_detail, name="group"),
    path("groups/<slug:slug>/join/", groups.join, name="join"),
    path("groups/<slug:slug>/accept/<int:pk>/", groups.accept, name="accept"),
    path("groups/<slug:slug>/documents/", groups.document_add, name="document_add"),
]

# Sector groups' evidence base, survey and prospectus; the people's plan; research your partnership.
from altlep.governance.views import plan, prospectus  # noqa: E402

urlpatterns += [
    path("groups/<slug:slug>/evidence/", prospectus.evidence, name="group_evidence"),
    path("groups/<slug:slug>/surveys/new/", prospectus.survey_new, name="survey_new"),
    path("groups/<slug:slug>/surveys/<int:pk>/", prospectus.survey_detail, name="survey"),
    path("groups/<slug:slug>/prospectus/", prospectus.prospectus_page, name="prospectus"),
    path(
        "groups/<slug:slug>/prospectus/versions/",
        prospectus.versions,
        name="prospectus_versions",
    ),
    path("groups/<slug:slug>/prospectus.pdf", prospectus.prospectus_pdf, name="prospectus_pdf"),
    path("groups/<slug:slug>/prospectus/sections/", prospectus.section_save, name="section_save"),
    path(
        "groups/<slug:slug>/prospectus/initiatives/",
        prospectus.initiative_save,
        name="initiative_save",
    ),
    path(
        "groups/<slug:slug>/prospectus/initiatives/<int:pk>/comment/",
        prospectus.initiative_comment,
        name="initiative_comment",
    ),
    path(
        "groups/<slug:slug>/prospectus/initiatives/<int:pk>/send/",
        prospectus.send_as_idea,
        name="initiative_send",
    ),
    path(
        "groups/<slug:slug>/prospectus/sign-off/", prospectus.sign_off, name="prospectus_sign_off"
    ),
    path("groups/<slug:slug>/prospectus/publish/", prospectus.publish, name="prospectus_publish"),
    path("plan/", plan.plan, name="plan"),
    path("plan/amendments/<int:pk>/", plan.amendment_detail, name="amendment"),
    path("plan/amendments/<int:pk>/support/", plan.support, name="amendment_support"),
    path("plan/amendments/<int:pk>/decide/", plan.decide, name="amendment_decide"),
    path("research/", plan.research, name="research"),
]
