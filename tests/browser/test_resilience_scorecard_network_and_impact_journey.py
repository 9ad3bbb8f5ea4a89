"""An officer writes and adopts the resilience principles and the scorecard fills from the
platform's data; a social enterprise files its impact report; the network's report is
published. axe-core finds no serious violations on the scorecard, network and report pages."""

import datetime

import pytest
from django.utils import timezone

from altlep.evidence.models import ImpactNetwork
from altlep.governance.services.decisions import decision_record
from tests.browser.conftest import serious_violations
from tests.evidence.resilience.helpers import analysis
from tests.factories import OrganisationFactory, UserFactory
from tests.governance.factories import board
from tests.governance.helpers import board_meeting

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


def test_principles_adopted_scorecard_filled_report_filed_and_network_report_published(
    page, axe, partnership, officer, settings, tmp_path
):
    settings.ALTLEP_FLOWS_DB = tmp_path / "flows.duckdb"
    seats = board(micro=3, sme=0, social=1)
    decision_record(
        actor=officer,
        meeting=board_meeting(officer),
        title="Adopt our resilience principles",
        text="Agreed.",
        votes={s.member: "for" for s in seats},
    )
    month = timezone.now().strftime("%Y-%m")
    analysis(months=[(month, 1000_00, 450_00)])
    owner = UserFactory()
    enterprise = OrganisationFactory(
        name="Canal Repair Café CIC", legal_form="cic", created_by=owner
    )
    network = ImpactNetwork.objects.create(
        name="Social enterprise quarter", slug="quarter", convenor=officer
    )
    network.members.add(enterprise)
    today = timezone.now().date()
    start, end = today.replace(month=1, day=1), today.replace(month=12, day=31)

    log_in(page, officer)
    page.goto("/evidence/principles/")
    page.get_by_role("button", name="Start a new version").click()
    page.select_option("#id_p-theme", label="Investment and local resource flows")
    page.fill("#id_p-title", "Keep money circulating locally")
    page.get_by_role("button", name="Add the principle").click()
    page.get_by_role("heading", name="Keep money circulating locally").wait_for()
    page.select_option("#id_i-principle", label="Keep money circulating locally")
    page.fill("#id_i-name", "Local share of anchor spend")
    page.select_option("#id_i-direction", "higher")
    page.fill("#id_i-target", "40")
    page.select_option("#id_i-source", "computed")
    page.select_option("#id_i-computed_key", label="Share of anchor spend with local suppliers")
    page.get_by_role("button", name="Add the indicator").click()
    page.get_by_text("Local share of anchor spend: target 40 %").wait_for()
    page.select_option("#id_a-decision", index=0)
    page.get_by_role("button", name="Record the adoption").click()
    page.get_by_text("Version 1 is adopted and in force.").wait_for()
    page.fill("#id_t-name", f"{today.year}")
    page.fill("#id_t-starts_on", f"{start:%Y-%m-%d}")
    page.fill("#id_t-ends_on", f"{end:%Y-%m-%d}")
    page.get_by_role("button", name="Add the period").click()
    page.get_by_role("link", name=f"{today.year}", exact=True).click()
    page.get_by_role("heading", name=f"Resilience scorecard: {today.year}").wait_for()
    row = page.get_by_role("row", name="Local share of anchor spend")
    assert "45 %" in row.inner_text() and "Met" in row.inner_text()
    assert serious_violations(axe.run(page)) == []
    page.goto("/evidence/network/")
    page.get_by_role("heading", name="The cross-sector network").wait_for()
    assert serious_violations(axe.run(page)) == []
    log_out(page)

    log_in(page, owner)
    page.goto(f"/evidence/impact/file/{enterprise.slug}/")
    page.fill("#pre-start", f"{start:%Y-%m-%d}")
    page.fill("#pre-end", f"{end:%Y-%m-%d}")
    page.get_by_role("button", name="Fill in what the platform knows").click()
    page.get_by_role("heading", name="Left for you to enter").wait_for()
    assert "no LM3 survey answered by this organisation" in page.content()
    assert page.input_value("#id_starts_on") == f"{start:%Y-%m-%d}"
    assert serious_violations(axe.run(page)) == []
    page.fill("#id_jobs", "4")
    page.fill("#id_volunteer_hours", "-3")
    page.get_by_role("button", name="File the report").click()
    page.get_by_text("volunteer_hours: Must not be negative.").wait_for()
    page.fill("#id_volunteer_hours", "320")
    page.fill("#id_spend-0-supplier_name", "Hebble Timber")
    page.fill("#id_spend-0-amount_pounds", "1200")
    page.check("#id_spend-0-local")
    page.select_option("#id_outcome-0-theme", label="Build an NHS fit for the future")
    page.fill("#id_outcome-0-description", "People less isolated")
    page.fill("#id_outcome-0-quantity", "25")
    page.fill("#id_outcome-0-value_pounds", "2000")
    page.fill("#id_outcome-0-deadweight_percent", "20")
    page.fill("#id_outcome-0-evidence", "Before-and-after survey")
    page.get_by_role("button", name="File the report").click()
    page.get_by_text("Your impact report is filed.").wait_for()
    page.get_by_role("heading", name="Where the figures come from").wait_for()
    assert serious_violations(axe.run(page)) == []
    log_out(page)

    log_in(page, officer)
    page.goto("/evidence/impact/networks/quarter/")
    page.fill("#id_starts_on", f"{start:%Y-%m-%d}")
    page.fill("#id_ends_on", f"{end:%Y-%m-%d}")
    page.get_by_role("button", name="Publish the network's report").click()
    page.get_by_text("The network's report is published.").wait_for()
    assert "320" in page.get_by_role("row", name="Volunteer hours").inner_text()
    assert serious_violations(axe.run(page)) == []
    assert datetime.date.today() <= end
