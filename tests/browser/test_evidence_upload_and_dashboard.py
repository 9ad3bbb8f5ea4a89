"""An anchor institution's officer uploads a spend file in a real browser, watches it being
processed, and reads the dashboard, which passes axe-core."""

import csv
import random

import pytest

from altlep.evidence import services
from altlep.members.models import Role
from tests.browser.conftest import serious_violations
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test passphrase"


@pytest.fixture(autouse=True)
def _private_store(settings, tmp_path):
    settings.ALTLEP_FLOWS_DB = tmp_path / "flows.duckdb"
    settings.ALTLEP_EVIDENCE_UPLOADS = tmp_path / "uploads"


def _spend_file(path, lines=40_000):
    """Big enough that processing takes a few seconds, so the progress shows."""
    rng = random.Random(7)
    suppliers = [
        ("Preston Bakers Ltd", "PR1 2HE"),
        ("Mancunian Print Ltd", "M1 1AE"),
        ("London Consulting Plc", "EC1A 1BB"),
    ]
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["Payment Date", "Supplier Name", "Supplier Postcode", "Amount", "Expense Type"]
        )
        for _ in range(lines):
            name, postcode = rng.choice(suppliers)
            writer.writerow(
                [
                    f"{rng.randrange(1, 28):02d}/{rng.randrange(1, 13):02d}/2024",
                    name,
                    postcode,
                    f"{rng.randrange(500, 90000) / 100:.2f}",
                    rng.choice(["Catering", "Printing"]),
                ]
            )
    return path


def test_an_anchor_uploads_spend_sees_progress_then_the_dashboard(page, axe, partnership, tmp_path):
    officer = UserFactory(is_officer=True)
    person = UserFactory(display_name="Ann Anchor")
    council = OrganisationFactory(
        name="Preston City Council", legal_form="public", created_by=person, role=Role.OFFICER
    )
    body = services.anchor_body_create(
        actor=officer, name="Preston City Council", organisation=council
    )

    page.goto("/login/")
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Ann Anchor").wait_for()

    page.goto(f"/evidence/bodies/{body.slug}/")
    page.get_by_role("link", name="Upload a spend file").click()
    page.get_by_label("Spend file (CSV, .xlsx or .ods)").set_input_files(
        str(_spend_file(tmp_path / "april.csv"))
    )
    page.get_by_role("button", name="Upload and analyse").click()

    page.locator("progress#upload-progress").wait_for()
    # htmx polls the status every second until it is done, without a reload.
    page.get_by_role("heading", name="Done").wait_for(timeout=60_000)
    assert page.get_by_role("cell", name="Supplier Postcode").is_visible()
    page.get_by_role("link", name="See the dashboard for Preston City Council").click()
    page.get_by_role("heading", name="Local, regional, national").wait_for()
    assert page.locator("svg[role=img]").count() == 8

    results = axe.run(page)
    assert not serious_violations(results), serious_violations(results)
