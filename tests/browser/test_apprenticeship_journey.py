"""An owner-manager offers a placement, a resident applies, is offered it and accepts; the
owner-manager claims a teaching payment, an officer approves it and the public dashboard shows
it. axe-core checks the placement list, the application page and the dashboard."""

import pytest

from tests.browser.conftest import serious_violations
from tests.factories import OrganisationFactory, UserFactory
from tests.skills.factories import make_fund, make_standard

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test passphrase"


def log_in(page, user):
    page.goto("/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name=user.display_name).wait_for()


def as_user(browser, live_server, user):
    other = browser.new_context(base_url=live_server.url).new_page()
    log_in(other, user)
    return other


def test_offer_apply_accept_claim_approve_and_see_it_on_the_dashboard(
    page, browser, live_server, axe, partnership
):
    owner = UserFactory(display_name="Omar Owner")
    OrganisationFactory(created_by=owner, name="Preston Bakery Ltd")
    resident = UserFactory(display_name="Rita Resident")
    officer = UserFactory(display_name="Olivia Officer", is_officer=True)
    make_standard("ST0191", title="Baker", level=2, route="Catering and hospitality")
    fund = make_fund(officer)

    # The owner-manager offers a placement.
    log_in(page, owner)
    page.goto("/apprenticeships/offer/")
    page.get_by_label("Organisation").select_option(label="Preston Bakery Ltd")
    page.get_by_label("Standard").select_option(label="Baker (ST0191, level 2)")
    page.get_by_label("Job title").fill("Apprentice baker")
    page.get_by_label("Workplace postcode").fill("PR1 2HE")
    page.get_by_label("Hours a week").fill("30")
    page.get_by_label("Hourly wage (£)").fill("9.00")
    page.get_by_label("Start date").fill("2026-12-01")
    page.get_by_label("What the apprentice will learn on the job").fill("Bread, from the 4am bake.")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Apprentice baker").wait_for()
    placement_url = page.url

    # A resident finds it in the list and applies.
    rita = as_user(browser, live_server, resident)
    rita.goto("/apprenticeships/?micro_only=on&near=PR1+3AA&within_km=10")
    results = axe.run(rita)
    assert not serious_violations(results), serious_violations(results)
    rita.get_by_role("link", name="Apprentice baker").click()
    rita.get_by_label("Why you would like this apprenticeship").fill("I bake every weekend.")
    rita.get_by_label("Availability").fill("From December")
    rita.get_by_label("I agree that the owner-manager").check()
    rita.get_by_role("button", name="Send your application").click()
    rita.get_by_text("Status: Submitted").wait_for()
    results = axe.run(rita)
    assert not serious_violations(results), serious_violations(results)

    # The owner-manager shortlists, interviews and offers.
    page.goto(placement_url)
    page.get_by_role("link", name="Rita Resident").click()
    for step in ("Shortlist", "Invite to interview", "Offer the apprenticeship"):
        page.get_by_label("To").select_option(label=step)
        page.get_by_role("button", name="Move and tell the applicant").click()
        page.get_by_text("Done: the applicant is told by email.").wait_for()

    # The resident accepts.
    rita.reload()
    rita.get_by_role("button", name="Accept the offer").click()
    rita.get_by_text("Status: Accepted").wait_for()

    # The owner-manager claims the start payment.
    page.goto(placement_url)
    page.get_by_role("link", name="Follow this apprenticeship's progress").click()
    page.get_by_label("What you are claiming for").select_option(label="Start")
    page.get_by_label("Evidence").fill("Induction and first week's log.")
    page.get_by_role("button", name="Send the claim").click()
    page.get_by_text("Awaiting approval").wait_for()

    # An officer approves it.
    olivia = as_user(browser, live_server, officer)
    olivia.goto(f"/apprenticeships/teaching-fund/{fund.slug}/")
    olivia.get_by_role("button", name="Approve and pay").click()
    olivia.get_by_text("No payments yet").wait_for(state="detached")

    # The public dashboard shows the filled placement and the payment.
    page.goto("/apprenticeships/dashboard/")
    page.get_by_text("1 payment to owner-managers, £500.00").wait_for()
    results = axe.run(page)
    assert not serious_violations(results), serious_violations(results)

    # On a phone the list, the placement and the dashboard do not scroll sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/apprenticeships/", placement_url, "/apprenticeships/dashboard/"):
        page.goto(path)
        width, screen = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= screen, f"{path} scrolls sideways on a phone: {width} > {screen}"
