"""The ideas box's pages: the list with search, filters and order (with and without htmx), an
idea's page at its box address, and moderation of box ideas."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from altlep.commissioning.models import ContentReport
from altlep.commissioning.services.ideas_box import idea_bring_into_round, idea_decline
from altlep.commissioning.services.moderation import content_report
from tests.commissioning.factories import BoxIdeaFactory, IdeaFactory, RoundFactory

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    content = response.content.decode()
    return [t for t in ("Cargo bikes", "Warm spaces", "Tool library", "Round only") if t in content]


@pytest.fixture
def ideas(officer):
    bikes = BoxIdeaFactory(title="Cargo bikes", category="Transport", support_count=5)
    warm = BoxIdeaFactory(title="Warm spaces", category="Health", description="Heated halls")
    tools = BoxIdeaFactory(title="Tool library", category="Community space", support_count=2)
    IdeaFactory(title="Round only", round=RoundFactory(phase="collect"))
    idea_bring_into_round(actor=officer, idea=tools, round_=RoundFactory(phase="collect"))
    idea_decline(actor=officer, idea=warm, reason="The councils run warm spaces already.")
    return bikes, warm, tools


def test_the_list_shows_every_box_idea_and_no_round_only_idea(client, ideas):
    response = client.get(reverse("ideas:list"))
    assert response.status_code == 200
    assert _titles(response) == ["Cargo bikes", "Warm spaces", "Tool library"]
    content = response.content.decode()
    assert "3 ideas found" in content and "Join free" in content


def test_the_list_searches_filters_and_sorts_without_javascript(client, ideas):
    url = reverse("ideas:list")
    assert _titles(client.get(url, {"q": "heated"})) == ["Warm spaces"]
    assert _titles(client.get(url, {"category": "Transport"})) == ["Cargo bikes"]
    assert _titles(client.get(url, {"status": "open"})) == ["Cargo bikes"]
    assert _titles(client.get(url, {"status": "brought_in"})) == ["Tool library"]
    assert _titles(client.get(url, {"status": "declined"})) == ["Warm spaces"]
    content = client.get(url, {"sort": "support"}).content.decode()
    assert content.index("Cargo bikes") < content.index("Tool library") < content.index("Warm")


def test_bad_filter_values_show_the_whole_list_not_an_error(client, ideas):
    response = client.get(reverse("ideas:list"), {"status": "nonsense", "page": "x"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_htmx_gets_only_the_results(client, ideas):
    response = client.get(reverse("ideas:list"), {"q": "bikes"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "Cargo bikes" in content and "<html" not in content and "<h1" not in content


def test_the_list_takes_the_same_number_of_queries_for_5_and_40_ideas(client, member):
    client.force_login(member)
    counts = []
    for batch in (5, 35):
        BoxIdeaFactory.create_batch(batch)
        client.get(reverse("ideas:list"))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("ideas:list")).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_a_signed_in_member_is_offered_the_form_which_says_where_the_idea_goes(client, member):
    client.force_login(member)
    assert reverse("ideas:new") in client.get(reverse("ideas:list")).content.decode()
    form = client.get(reverse("ideas:new")).content.decode()
    assert "<h1>Propose an idea</h1>" in form and 'for="id_title"' in form


def test_an_idea_has_one_address_and_the_other_leads_there(client):
    box = BoxIdeaFactory()
    in_round = IdeaFactory()
    assert client.get(reverse("ideas:detail", args=[box.pk])).status_code == 200
    response = client.get(reverse("commissioning:idea", args=[box.pk]))
    assert response.status_code == 302 and response.url == reverse("ideas:detail", args=[box.pk])
    response = client.get(reverse("ideas:detail", args=[in_round.pk]))
    assert response.url == reverse("commissioning:idea", args=[in_round.pk])
    assert client.get(reverse("ideas:detail", args=[999_999])).status_code == 404


def test_a_box_ideas_page_says_it_waits_for_a_decision_and_offers_officers_both(
    client, officer, member
):
    idea = BoxIdeaFactory()
    RoundFactory(phase="collect", title="Taking ideas")
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Waiting in the ideas box" in page and "Decide on this idea" not in page
    client.force_login(member)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Support this idea" in page and "Post comment" in page
    assert "Decide on this idea" not in page
    client.force_login(officer)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Bring it into the round" in page and "Taking ideas" in page and "Decline it" in page


def test_officers_are_told_when_no_round_takes_ideas(client, officer):
    idea = BoxIdeaFactory()
    RoundFactory(phase="vote")
    client.force_login(officer)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "No round is taking ideas now" in page and "Decline it" in page


def test_reports_on_box_ideas_reach_the_moderation_queue(client, officer):
    idea = BoxIdeaFactory(title="Buy my product")
    content_report(actor=officer, idea=idea, reason="Advertising")
    client.force_login(officer)
    queue = client.get(reverse("commissioning:moderation")).content.decode()
    assert "Buy my product" in queue and idea.get_absolute_url() in queue
    client.post(reverse("commissioning:idea_hide", args=[idea.pk]), {"reason": "Advertising"})
    idea.refresh_from_db()
    assert idea.hidden and ContentReport.objects.get().resolved
    assert "Buy my product" not in client.get(reverse("ideas:list")).content.decode()


def test_a_round_list_not_collecting_points_to_the_box(client):
    round_ = RoundFactory(phase="vote")
    page = client.get(reverse("commissioning:ideas", args=[round_.slug])).content.decode()
    assert reverse("ideas:list") in page
