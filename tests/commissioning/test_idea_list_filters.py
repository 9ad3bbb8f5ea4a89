"""The idea list: search, filters, hidden ideas left out, and the htmx partial."""

import pytest
from django.urls import reverse

from tests.commissioning.factories import IdeaFactory, RoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_(partnership):
    round_ = RoundFactory(phase="collect")
    IdeaFactory(round=round_, title="Cycle lanes", category="Transport", district_code="E07000123")
    IdeaFactory(round=round_, title="Tree planting", category="Environment", status="shortlisted")
    IdeaFactory(round=round_, title="Library hours", category="Culture", description="Longer")
    IdeaFactory(round=round_, title="Rude", hidden=True, hidden_reason="Abuse")
    IdeaFactory(title="Another round's idea")
    return round_


def _titles(client, round_, **params):
    response = client.get(reverse("commissioning:ideas", args=[round_.slug]), params)
    assert response.status_code == 200
    return [idea.title for idea in response.context["page"]]


def test_the_list_shows_the_rounds_visible_ideas_newest_first(client, round_):
    assert _titles(client, round_) == ["Library hours", "Tree planting", "Cycle lanes"]


def test_search_matches_titles_and_descriptions(client, round_):
    assert _titles(client, round_, q="cycle") == ["Cycle lanes"]
    assert _titles(client, round_, q="longer") == ["Library hours"]


def test_filters_narrow_by_category_status_and_district(client, round_):
    assert _titles(client, round_, category="Transport") == ["Cycle lanes"]
    assert _titles(client, round_, status="shortlisted") == ["Tree planting"]
    assert _titles(client, round_, district="E07000123") == ["Cycle lanes"]


def test_ideas_can_be_ordered_by_support(client, round_):
    IdeaFactory(round=round_, title="Popular", support_count=9)
    assert _titles(client, round_, sort="support")[0] == "Popular"


def test_an_htmx_request_gets_only_the_results(client, round_):
    response = client.get(
        reverse("commissioning:ideas", args=[round_.slug]), {"q": "tree"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "Tree planting" in body
    assert "<html" not in body
    assert "1 idea found" in body


def test_the_list_works_without_javascript_and_offers_submission_to_members(client, round_, member):
    client.force_login(member)
    body = client.get(reverse("commissioning:ideas", args=[round_.slug])).content.decode()
    assert '<form method="get"' in body
    assert reverse("commissioning:idea_create", args=[round_.slug]) in body
