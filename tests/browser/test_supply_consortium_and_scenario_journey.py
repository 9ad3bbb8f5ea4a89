"""In a real browser: an owner-manager lists what the firm offers, finds partners for a lot,
forms a consortium and invites the firm that closes the gap, whose owner-manager accepts, so
the lot is covered; an officer opens a leaking category and saves a scenario. axe-core checks
the directory and consortium pages, which fit a 390 px phone."""

import pytest

from altlep.evidence import services as evidence
from altlep.members.models import Role
from altlep.supply.models import Consortium, Scenario
from tests.browser.conftest import serious_violations
from tests.evidence.conftest import FIXTURES
from tests.factories import OrganisationFactory, UserFactory
from tests.supply.factories import lot_for, supplier

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test passphrase"


@pytest.fixture(autouse=True)
def _private_store(settings, tmp_path):
    settings.ALTLEP_FLOWS_DB = tmp_path / "flows.duckdb"
    settings.ALTLEP_EVIDENCE_UPLOADS = tmp_path / "uploads"


def _fits_a_phone(page) -> bool:
    """Nothing on the page scrolls sideways at 390 px."""
    page.set_viewport_size({"width": 390, "height": 844})
    fits = page.evaluate("document.documentElement.scrollWidth <= 390")
    page.set_viewport_size({"width": 1280, "height": 800})
    return fits


def _log_in(page, user):
    page.context.clear_cookies()
    page.goto("/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name=user.display_name).wait_for()


def test_an_owner_forms_a_consortium_that_covers_a_lot_and_an_officer_saves_a_scenario(
    page, axe, partnership
):
    from altlep.demo.supply import cpv_ensure

    cpv_ensure()
    owner = UserFactory(display_name="Omar Owner")
    sparks = OrganisationFactory(
        name="Preston Sparks Ltd", created_by=owner, role=Role.OWNER_MANAGER
    )
    builders_owner = UserFactory(display_name="Bea Builder")
    supplier(
        "Chorley Builders Ltd",
        ["45330000", "45442100"],
        postcode="PR2 9YJ",
        owner=builders_owner,
    )
    supplier("Lancaster Caterers Ltd", ["55520000"], postcode="LA1 1HP")
    lot = lot_for(["45310000", "45330000", "45442100"])
    officer = UserFactory(is_officer=True, display_name="Olivia Officer")
    council = OrganisationFactory(name="Preston City Council", legal_form="public")
    body = evidence.anchor_body_create(
        actor=officer, name="Preston City Council", organisation=council
    )
    evidence.spend_upload_create(
        actor=officer, body=body, spend_file=FIXTURES / "spend_small.csv", background=False
    )

    # The owner-manager lists what the firm offers.
    _log_in(page, owner)
    page.goto(f"/supply/suppliers/{sparks.slug}/edit/")
    page.get_by_label("CPV codes of what you offer").fill("45310000")
    page.get_by_label("What you do, in your own words").fill("Electrical installation work.")
    page.get_by_label("How far you travel").fill("30")
    page.get_by_role("button", name="Save and list").click()
    page.get_by_text("is listed in the supplier directory").wait_for()

    page.goto("/supply/")
    page.get_by_role("link", name="Preston Sparks Ltd").wait_for()
    assert serious_violations(axe.run(page)) == []
    assert _fits_a_phone(page)

    # Finds partners for the lot and forms a consortium.
    page.goto(f"/supply/lots/{lot.pk}/partners/")
    page.get_by_role("link", name="Chorley Builders Ltd").wait_for()
    page.get_by_label("Lead organisation").select_option(label="Preston Sparks Ltd")
    page.get_by_label("What the lead will do").fill("Electrical work")
    page.get_by_label("Lead's share of the work").fill("40")
    page.get_by_role("button", name="Form the consortium").click()
    page.get_by_text("Not yet covered").wait_for()
    assert serious_violations(axe.run(page)) == []

    # Invites the firm that closes the gap.
    page.get_by_role("link", name="invite").click()
    page.get_by_label("Their role").fill("Plumbing and decorating")
    page.get_by_label("Their share of the work").fill("60")
    page.get_by_role("button", name="Send the invitation").click()
    page.get_by_text("Chorley Builders Ltd is invited.").wait_for()
    consortium = Consortium.objects.get()

    # Its owner-manager accepts; now the consortium covers the lot.
    _log_in(page, builders_owner)
    page.goto("/supply/consortia/")
    page.get_by_role("link", name=consortium.name).first.click()
    page.get_by_role("button", name="Accept for Chorley Builders Ltd").click()
    page.get_by_text("Covered:").wait_for()
    assert serious_violations(axe.run(page)) == []
    assert _fits_a_phone(page)

    # An officer opens a leaking category and saves a scenario.
    _log_in(page, officer)
    page.goto("/supply/alternatives/")
    page.get_by_role("link", name="Consultancy").click()
    page.get_by_label("Share of this category to move").fill("40")
    page.get_by_role("button", name="Show the figures").click()
    page.get_by_role("heading", name="Local Multiplier 3").wait_for()
    assert page.locator("svg[role=img]").count() == 2
    assert _fits_a_phone(page)
    page.get_by_role("button", name="Save the scenario").click()
    page.get_by_role(
        "heading", name="Move 40% of Consultancy to local micro-enterprises"
    ).wait_for()
    assert Scenario.objects.get().percent == 40
