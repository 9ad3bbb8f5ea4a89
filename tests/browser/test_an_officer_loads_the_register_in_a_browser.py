"""A partnership officer reads on the dashboard that no company register is loaded, follows
the link, uploads the register in a real browser, watches its progress, and finds the
dashboard's reasons changed; the pages pass axe-core."""

import pytest

from altlep.evidence import services
from altlep.evidence.store import open_store
from tests.browser.conftest import serious_violations
from tests.evidence.conftest import FIXTURES
from tests.factories import PartnershipFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test passphrase"


@pytest.fixture
def partnership(db):
    """Preston and its neighbours, whatever area the shared fixtures move to."""
    return PartnershipFactory(area_codes=["E07000123", "E07000126", "E06000008"])


@pytest.fixture(autouse=True)
def _private_store(settings, tmp_path):
    settings.ALTLEP_FLOWS_DB = tmp_path / "flows.duckdb"
    settings.ALTLEP_EVIDENCE_UPLOADS = tmp_path / "uploads"


def test_an_officer_loads_the_register_and_the_reasons_change(page, axe, partnership):
    officer = UserFactory(is_officer=True, display_name="Olu Officer")
    body = services.anchor_body_create(actor=officer, name="Preston City Council")
    services.spend_upload_create(
        actor=officer,
        body=body,
        spend_file=FIXTURES / "spend_no_postcodes.csv",
        background=False,
    )

    page.goto("/login/")
    page.get_by_label("Email address").fill(officer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Olu Officer").wait_for()

    page.goto(f"/evidence/bodies/{body.slug}/")
    assert page.get_by_text("No Companies House register is loaded.").is_visible()
    results = axe.run(page)
    assert not serious_violations(results), serious_violations(results)
    page.get_by_role("note").get_by_role("link", name="Load the Companies House register").click()

    page.get_by_role("heading", name="Load the Companies House register").wait_for()
    page.get_by_label("Companies House register (BasicCompanyData CSV or zip)").set_input_files(
        str(FIXTURES / "register_small.csv")
    )
    with open_store():  # the worker waits for the store while the progress shows
        page.get_by_role("button", name="Upload and load the register").click()
        page.locator("progress#upload-progress").wait_for()
        results = axe.run(page)
        assert not serious_violations(results), serious_violations(results)
    # htmx polls the status every second until it is done, without a reload.
    page.get_by_role("heading", name="Done").wait_for(timeout=60_000)
    assert page.get_by_text("3 companies loaded").is_visible()

    page.goto(f"/evidence/bodies/{body.slug}/")
    assert page.get_by_text("The Companies House register loaded holds 3 companies.").is_visible()
    assert page.get_by_text("No Companies House register is loaded.").count() == 0


def test_the_page_that_adds_an_anchor_by_name_passes_axe(page, axe, partnership):
    officer = UserFactory(is_officer=True, display_name="Olu Officer")
    page.goto("/login/")
    page.get_by_label("Email address").fill(officer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Olu Officer").wait_for()
    page.goto("/evidence/bodies/new/")
    page.get_by_label("Which institution?").select_option(label="Preston Council")
    results = axe.run(page)
    assert not serious_violations(results), serious_violations(results)
    page.get_by_role("button", name="Add").click()
    page.get_by_role("heading", name="Where Preston Council's spend goes").wait_for()
