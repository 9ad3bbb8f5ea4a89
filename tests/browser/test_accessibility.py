"""axe-core finds no serious or critical violations on the key pages."""

import pytest

from tests.browser.conftest import serious_violations
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("path", ["/", "/join/", "/organisations/", "/login/", "/about/area/"])
def test_key_pages_have_no_serious_accessibility_violations(page, axe, partnership, path):
    OrganisationFactory(name="Pendle Joinery Ltd")
    page.goto(path)
    assert serious_violations(axe.run(page)) == []


def test_the_registration_page_with_errors_has_no_serious_violations(page, axe, partnership):
    page.goto("/join/")
    page.get_by_role("button", name="Join").click()
    page.get_by_text("There is a problem").or_(page.locator(".error").first).wait_for()
    assert serious_violations(axe.run(page)) == []
