"""A brand-new resident joins, proposes an idea with no round open, follows it, and hears by
email digest when an officer brings it into a round."""

import re

import pytest
from click.testing import CliRunner
from django.core import mail

from altlep.cli import main
from tests.commissioning.factories import RoundFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSPHRASE = "a very good passphrase"


def join_and_confirm(page) -> None:
    page.goto("/")
    page.get_by_role("link", name="Join free").first.click()
    page.get_by_label("Email address").fill("nia@example.org")
    page.get_by_label("Your name").fill("Nia Newcomer")
    page.get_by_label("Password (required)", exact=True).fill(PASSPHRASE)
    page.get_by_label("Password again").fill(PASSPHRASE)
    page.get_by_role("button", name="Join").click()
    page.get_by_role("heading", name="Check your email").wait_for()
    link = re.search(r"http://\S+/join/confirm/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_text("Your email address is confirmed").wait_for()


def log_in(page, email: str, password: str) -> None:
    page.goto("/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def test_a_new_resident_proposes_follows_and_hears_when_the_idea_joins_a_round(
    page, browser, live_server, partnership
):
    join_and_confirm(page)
    log_in(page, "nia@example.org", PASSPHRASE)

    page.goto("/")
    page.get_by_role("link", name="Propose an idea").first.click()
    page.get_by_label("Title").fill("A tool library in the old bank")
    page.get_by_label("Describe your idea").fill("Lend drills, ladders and sewing machines.")
    page.get_by_label("Category").select_option(index=1)
    page.get_by_role("button", name="Put it in the ideas box").click()
    page.get_by_role("heading", name="A tool library in the old bank").wait_for()
    page.get_by_role("button", name="Follow").click()
    page.get_by_role("button", name="Following – stop").wait_for()

    round_ = RoundFactory(title="Neighbourhood fund", phase="collect")
    officer = UserFactory(is_officer=True)
    officer_context = browser.new_context(base_url=live_server.url)
    officer_page = officer_context.new_page()
    log_in(officer_page, officer.email, "a long test passphrase")
    officer_page.goto("/ideas/")
    officer_page.get_by_role("link", name="A tool library in the old bank").click()
    officer_page.get_by_label("Bring it into").select_option(label=round_.title)
    officer_page.get_by_role("button", name="Bring it into the round").click()
    officer_page.get_by_text("brought into").first.wait_for()
    officer_context.close()

    mail.outbox.clear()
    result = CliRunner().invoke(main, ["notify", "send"])
    assert result.exit_code == 0, result.output
    [digest] = [m for m in mail.outbox if "nia@example.org" in m.to]
    assert "A tool library in the old bank" in digest.body
    assert "Neighbourhood fund" in digest.body
    assert "/notify/unsubscribe/" in digest.body

    again = CliRunner().invoke(main, ["notify", "send"])
    assert again.exit_code == 0, again.output
    assert len([m for m in mail.outbox if "nia@example.org" in m.to]) == 1
