"""Commissioning URLs: rounds, ballots and results here; ideas, pledges and delivery in
urls_ideas.py."""

from django.urls import include, path

from altlep.commissioning.views import ballots, results, rounds

app_name = "commissioning"
urlpatterns = [
    # First, so its fixed one-segment paths (e.g. moderation/) win over <slug:slug>/.
    path("", include("altlep.commissioning.urls_ideas")),
    path("", rounds.round_list, name="rounds"),
    path("new/", rounds.round_create, name="round_create"),
    path("import/", results.round_import, name="round_import"),
    path("<slug:slug>/", rounds.round_detail, name="round"),
    path("<slug:slug>/edit/", rounds.round_edit, name="round_edit"),
    path("<slug:slug>/next-phase/", rounds.next_phase, name="next_phase"),
    path("<slug:slug>/vote/", ballots.ballot, name="ballot"),
    path("<slug:slug>/vote/receipt/", ballots.receipt, name="receipt"),
    path("<slug:slug>/count/", results.count, name="count"),
    path("<slug:slug>/publish/", results.publish, name="publish"),
    path("<slug:slug>/results/", results.results, name="results"),
    path("<slug:slug>/ballots.pb", results.export_pabulib, name="export"),
]
