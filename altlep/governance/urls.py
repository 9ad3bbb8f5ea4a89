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
