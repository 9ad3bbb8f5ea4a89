"""An officer of a council drafts an unfriendly opportunity, sees the findings, fixes them and
publishes; a micro-enterprise's owner-manager sees the alert and records interest in a lot. The
list and opportunity pages pass axe-core."""

import datetime
import re

import pytest

from altlep.procurement.models import LotInterest, Opportunity
from tests.browser.conftest import serious_violations
from tests.factories import OrganisationFactory, UserFactory
from tests.procurement.factories import make_buyer, make_cpv_codes

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


def test_an_officer_fixes_and_publishes_and_a_micro_records_interest(page, axe, partnership):
    make_cpv_codes()
    buyer, officer = make_buyer()
    owner = UserFactory()
    business = OrganisationFactory(
        name="Sparkle Cleaning Ltd", sic_codes=["81210"], employees=3, created_by=owner
    )

    log_in(page, officer)
    page.goto("/procurement/")
    page.get_by_role("link", name=f"Draft an opportunity for {buyer.name}").click()
    page.get_by_label("Title").fill("Cleaning for two community centres")
    page.get_by_label("Description").fill("Weekly cleaning of two community centres.")
    page.get_by_label("CPV codes").fill("90911200")
    page.get_by_label("Estimated value (£)").fill("80000")
    page.get_by_label("Find a Tender notice reference").fill("FTS-000123-2026")
    deadline = datetime.datetime.now() + datetime.timedelta(days=21)
    page.get_by_label("Tender deadline").fill(f"{deadline:%Y-%m-%dT12:00}")
    page.get_by_label("Minimum yearly turnover asked (£)").fill("500000")
    page.get_by_label(re.compile(r"^Payment terms \(days\)")).fill("60")
    page.get_by_role("button", name="Save the draft").click()
    page.get_by_text("Draft saved").wait_for()
    findings = page.locator(".finding")
    assert "payment_within_30_days" in findings.all_inner_texts().__str__()
    assert "lots_or_reason" in findings.all_inner_texts().__str__()
    opportunity_url = page.url

    page.get_by_role("link", name="Change the draft").click()
    page.get_by_label("Minimum yearly turnover asked (£)").fill("40000")
    page.get_by_label(re.compile(r"^Payment terms \(days\)")).fill("30")
    start = datetime.date.today() + datetime.timedelta(days=60)
    page.get_by_label("Contract start").fill(f"{start:%Y-%m-%d}")
    page.get_by_label("Contract end").fill(f"{start + datetime.timedelta(days=365):%Y-%m-%d}")
    page.get_by_role("button", name="Save the draft").click()
    for name in ("Centre A", "Centre B"):
        page.get_by_role("link", name="Add a lot").click()
        page.get_by_label("Title").fill(name)
        page.get_by_label("Value (£)").fill("40000")
        page.get_by_label("CPV codes").fill("90911200")
        page.get_by_role("button", name="Add the lot").click()
        page.get_by_text("Lot added").wait_for()
    page.get_by_text("Every rule is met.").wait_for()
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Published.").wait_for()
    assert Opportunity.objects.get().status == "published"
    log_out(page)

    log_in(page, owner)
    page.goto("/procurement/")
    alerts = page.get_by_role("region", name="Alerts for your organisations")
    alerts.get_by_role("link", name="Cleaning for two community centres").click()
    assert page.url == opportunity_url
    page.get_by_role("button", name="Record interest in lot 1").click()
    page.get_by_text("Interest recorded in lot 1").wait_for()
    assert LotInterest.objects.get().organisation == business

    for path in ("/procurement/", opportunity_url):
        page.goto(path)
        assert serious_violations(axe.run(page)) == [], path
