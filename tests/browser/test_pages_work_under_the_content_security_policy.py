"""Pages work in Chromium under the Content-Security-Policy: htmx loads from the site's own
static files and updates the organisation directory in place, with nothing blocked (the `page`
fixture fails the test on any violation Chromium reports)."""

import pytest

from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_htmx_search_updates_the_directory_in_place_under_the_policy(page, partnership):
    OrganisationFactory(name="Ribble Bakery")
    OrganisationFactory(name="Fylde Food Bank")
    response = page.goto("/organisations/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    # (wait_for_function would poll through eval, which the policy refuses, on a slow load)
    page.wait_for_load_state("load")
    assert page.evaluate("window.htmx !== undefined")
    page.evaluate("window.__same_document = true")
    page.get_by_label("Search").press_sequentially("Ribble")  # keyup, as a person types
    page.get_by_role("row").filter(has_text="Fylde Food Bank").wait_for(state="detached")
    assert page.get_by_role("row").filter(has_text="Ribble Bakery").is_visible()
    # Updated by htmx, not by a page load: the marker set on this document survives.
    assert page.evaluate("window.__same_document") is True


def test_the_pages_a_visitor_opens_report_no_violation(page, partnership):
    for url in (
        "/",
        "/organisations/",
        "/members/",
        "/commissioning/",
        "/governance/",
        "/governance/board/",
        "/evidence/",
        "/about/area/",
        "/login/",
        "/join/",
    ):
        response = page.goto(url)
        assert "content-security-policy" in response.headers, url
