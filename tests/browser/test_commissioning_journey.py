"""A whole commissioning round in a real browser: idea → project → pledge → votes → results →
delivery, each person in their own browser session."""

import re

import pytest

from altlep.commissioning.models import Round
from tests.commissioning.factories import ProjectFactory, RoundFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test passphrase"


@pytest.fixture
def session_for(browser, live_server):
    contexts = []

    def open_session(user):
        context = browser.new_context(base_url=live_server.url)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto("/login/")
        page.get_by_label("Email address").fill(user.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.get_by_role("link", name=user.display_name).wait_for()
        return page

    yield open_session
    for context in contexts:
        context.close()


def _next_phase(officer_page, round_slug):
    officer_page.goto(f"/commissioning/{round_slug}/")
    officer_page.get_by_role("button", name=re.compile("now")).click()
    officer_page.get_by_text("Moved on").wait_for()


def test_a_round_from_idea_to_delivery(session_for, page, partnership):
    RoundFactory(phase="collect", title="Street fund", slug="street-fund", budget_pence=10_000_00)
    author, pledger = UserFactory(display_name="Ada Author"), UserFactory(display_name="Pat")
    voters = [UserFactory(display_name=f"Voter {n}") for n in range(3)]
    officer = UserFactory(display_name="Olu Officer", is_officer=True)

    # A member submits an idea.
    author_page = session_for(author)
    author_page.goto("/commissioning/street-fund/ideas/new/")
    author_page.get_by_label("Title").fill("Planters on Fishergate")
    author_page.get_by_label("Describe your idea").fill("Big planters with herbs to share.")
    author_page.get_by_label("Category").select_option(label="Environment")
    author_page.get_by_label("Rough cost (£)").fill("3500")
    author_page.get_by_role("button", name="Submit the idea").click()
    author_page.get_by_role("heading", name="Planters on Fishergate").wait_for()
    idea_url = author_page.url

    # An officer shortlists and costs it.
    officer_page = session_for(officer)
    _next_phase(officer_page, "street-fund")
    officer_page.goto(idea_url)
    officer_page.get_by_role("link", name="Assess this idea").click()
    officer_page.get_by_role("button", name="Shortlist this idea").click()
    officer_page.get_by_role("link", name="Assess this idea").click()
    officer_page.get_by_label("Cost (£)").fill("4000")
    officer_page.get_by_label("Feasibility notes").fill("Two quotes from local joiners.")
    officer_page.get_by_role("button", name="Put it on the ballot").click()
    ProjectFactory(
        round=Round.objects.get(slug="street-fund"),
        ballot_id="99",
        title="Bench by the bus stop",
        cost_pence=7_000_00,
    )
    _next_phase(officer_page, "street-fund")

    # Another member pledges toward it.
    pledger_page = session_for(pledger)
    pledger_page.goto("/commissioning/street-fund/projects/1/")
    pledger_page.get_by_role("link", name="Pledge toward this project").click()
    pledger_page.get_by_label("Money").check()
    pledger_page.get_by_label("Amount (£)").fill("500")
    pledger_page.get_by_role("button", name="Make the pledge").click()
    pledger_page.get_by_text("Pat").first.wait_for()

    # Several members vote.
    for voter in voters:
        voter_page = session_for(voter)
        voter_page.goto("/commissioning/street-fund/vote/")
        voter_page.get_by_role("checkbox", name="Planters on Fishergate").check()
        voter_page.get_by_role("button", name="Cast my ballot").click()
        voter_page.get_by_role("heading", name="Your ballot is recorded").wait_for()

    # The officer closes the vote, counts and publishes.
    _next_phase(officer_page, "street-fund")
    officer_page.get_by_role("button", name=re.compile("Count the 3 ballots")).click()
    officer_page.get_by_role("button", name="Publish the results").click()
    officer_page.get_by_text("The results are published").wait_for()

    # Anyone sees the winners and why.
    page.goto("/commissioning/street-fund/results/")
    row = page.get_by_role("row", name=re.compile("^Planters on Fishergate Funded"))
    assert "Funded" in row.inner_text()
    assert "supporters shared its cost" in row.inner_text()
    bench = page.get_by_role("row", name=re.compile("^Bench by the bus stop Not funded"))
    assert "nobody supported it" in bench.inner_text()

    # A delivery update appears on the public page.
    officer_page.goto("/commissioning/street-fund/projects/1/")
    officer_page.get_by_role("link", name="Post an update").click()
    officer_page.get_by_label("Update").fill("Planters ordered from a Preston joiner.")
    officer_page.get_by_label("Status").select_option(label="On track")
    officer_page.get_by_label("Spend to date (£)").fill("1200")
    officer_page.get_by_role("button", name=re.compile("Post")).click()
    page.goto("/commissioning/street-fund/delivery/")
    page.get_by_text("Planters on Fishergate").first.wait_for()
    assert "£1,200" in page.content()
