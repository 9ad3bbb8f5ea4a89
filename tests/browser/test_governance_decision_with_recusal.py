"""An officer schedules a meeting, a board member declares an interest, the decision is
recorded with the recusal, and it shows on the public decisions page and feed; the board and
decisions pages pass axe-core."""

import datetime

import pytest

from altlep.governance.services.decisions import decision_record, interest_declare
from tests.browser.conftest import serious_violations
from tests.governance.factories import board
from tests.governance.helpers import board_meeting, item

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test passphrase"


def log_in(page, user):
    page.goto("/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def log_out(page):
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").first.wait_for()


def test_a_decision_is_recorded_with_a_recusal_and_published(page, partnership, officer):
    seats = board(micro=3, sme=0, social=1)
    conflicted = seats[0].member
    voters = [s.member for s in seats[1:]]

    log_in(page, officer)
    page.goto("/governance/meetings/new/")
    page.get_by_label("Title").fill("December board meeting")
    next_week = datetime.date.today() + datetime.timedelta(days=7)
    page.get_by_label("Starts at").fill(f"{next_week:%Y-%m-%d}T18:00")
    page.get_by_label("Location").fill("Preston Guild Hall")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="December board meeting").wait_for()
    page.get_by_label("Item title").fill("Repair café grants")
    page.get_by_role("button", name="Add item").click()
    page.get_by_text("Item added to the agenda").wait_for()
    meeting_url = page.url
    log_out(page)

    log_in(page, conflicted)
    page.goto(meeting_url)
    page.get_by_role("link", name="Declare an interest in this item").click()
    page.get_by_label("Interest").fill("My café would apply for a grant.")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your interest is in the public register").wait_for()
    log_out(page)

    log_in(page, officer)
    page.goto(meeting_url)
    page.get_by_role("link", name="Record a decision").click()
    page.get_by_text(f"and so recused: {conflicted}").wait_for()
    page.get_by_label("Agenda item").select_option(label="1. Repair café grants")
    page.get_by_label("Title").fill("Fund repair cafés")
    page.get_by_label("Decision text").fill("£18,000 for six repair cafés.")
    for voter in voters:
        page.get_by_label(f"Vote: {voter}", exact=True).select_option(label="For")
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("The decision is recorded in the register").wait_for()
    log_out(page)

    page.goto("/governance/decisions/")
    decision = page.get_by_role("article").filter(has_text="Fund repair cafés")
    row = decision.get_by_role("row").filter(has_text=str(conflicted))
    assert row.get_by_role("cell").all_inner_texts() == [
        str(conflicted),
        "Recused (declared interest)",
    ]
    feed = page.request.get("/governance/decisions.atom").text()
    assert "Fund repair cafés" in feed and f"Recused (declared interest): {conflicted}" in feed


@pytest.mark.parametrize("path", ["/governance/board/", "/governance/decisions/"])
def test_the_board_and_decisions_pages_have_no_serious_accessibility_problems(
    page, axe, partnership, officer, path
):
    seats = board(micro=5, sme=1, social=1, councillors=1)
    meeting = board_meeting(officer)
    grants = item(officer, meeting)
    interest_declare(actor=seats[0].member, item=grants, description="Owns a café")
    decision_record(
        actor=officer,
        meeting=meeting,
        item=grants,
        title="Fund cafés",
        text="Yes.",
        votes={s.member: "for" for s in seats[1:7]},
    )
    page.goto(path)
    assert serious_violations(axe.run(page)) == []
