"""A resident on a 390 px wide phone proposes an idea to the ideas box with no round open, and
the box's pages neither overflow sideways nor fail axe-core."""

import pytest

from altlep.commissioning.models import Idea
from tests.browser.conftest import serious_violations
from tests.commissioning.factories import BoxIdeaFactory, RoundFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
PASSWORD = "a long test passphrase"  # the factories' password


def _overflows(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def _log_in(page, email: str, name: str) -> None:
    page.goto("/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name=name).wait_for()


def test_a_resident_proposes_an_idea_on_a_phone_with_no_round_open(browser, live_server, axe):
    RoundFactory(phase="after", title="Last year's fund")
    BoxIdeaFactory(title="Bookkeeping evenings for sole traders", category="Skills")
    UserFactory(email="rita@example.org", display_name="Rita Resident")
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        _log_in(page, "rita@example.org", "Rita Resident")
        page.goto("/ideas/")
        assert not _overflows(page)
        assert serious_violations(axe.run(page)) == []
        page.get_by_role("link", name="Propose an idea").click()
        page.get_by_label("Title").fill("Warm spaces through the winter")
        page.get_by_label("Describe your idea").fill("Heated halls open on weekday afternoons.")
        page.get_by_label("Category").select_option("Health")
        page.get_by_label("Rough cost (£)").fill("6,000")
        page.get_by_role("button", name="Put it in the ideas box").click()
        page.get_by_role("heading", name="Warm spaces through the winter").wait_for()
        assert "Waiting in the ideas box" in page.content()
        assert not _overflows(page)
        assert serious_violations(axe.run(page)) == []
        idea = Idea.objects.get(title="Warm spaces through the winter")
        assert idea.round is None and idea.author.email == "rita@example.org"

        page.goto("/ideas/?q=warm")
        assert "1 idea found" in page.content() and not _overflows(page)
    finally:
        context.close()
