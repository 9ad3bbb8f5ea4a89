"""A convenor sets the group's sector in its evidence base, sees its size, runs a survey and
drafts the prospectus with a member; both sign off, it is published and an initiative becomes
an idea. axe-core on the sector, prospectus and research pages."""

import pytest

from altlep.evidence.sectors.importing import nomis_import
from altlep.evidence.sectors.services import official_sectors_ensure
from altlep.governance.models import GroupMembership
from altlep.governance.services.groups import group_create
from tests.browser.conftest import serious_violations
from tests.evidence.sectors import nomis
from tests.factories import UserFactory

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


def test_a_sector_group_builds_its_evidence_and_publishes_its_prospectus(
    page, axe, partnership, officer, tmp_path
):
    official_sectors_ensure()  # an earlier transactional test may have flushed them
    # Official counts for every district of the partnership (the sector page's default area).
    rows = [(code, code, *row[2:]) for code in partnership.area_codes for row in nomis.ROWS]
    nomis_import(actor=officer, path=nomis.write(tmp_path / "preston_NM_142_1.csv", rows))
    convenor = UserFactory(display_name="Cara Convenor")
    member = UserFactory(display_name="Bea Business")
    group = group_create(
        actor=officer,
        name="Creative sector group",
        kind="sector",
        purpose="Grow the creative economy.",
        convenor=convenor,
    )
    GroupMembership.objects.create(group=group, member=member, accepted=True)
    base = f"/governance/groups/{group.slug}"

    log_in(page, convenor)
    page.goto(f"{base}/evidence/")
    page.get_by_label("Kind").select_option(label="The sector's size")
    page.get_by_label("Title").fill("Our sector: creative industries")
    page.get_by_label("Sector (for the sector's size)").select_option(
        label="Creative industries (v1)"
    )
    page.get_by_label("Source", exact=True).fill("DCMS definition; ONS UK Business Counts")
    page.get_by_role("button", name="Add to the evidence base").click()
    page.get_by_role("link", name="Our sector: creative industries").click()
    page.get_by_role("heading", name="Creative industries", exact=True).wait_for()
    table = page.get_by_role("table", name="Businesses by size band").inner_text()
    assert f"{160 * len(partnership.area_codes):,}" in table
    assert serious_violations(axe.run(page)) == []

    page.goto(f"{base}/evidence/")
    page.get_by_role("link", name="Write a survey").click()
    page.get_by_label("Title").fill("Our businesses")
    page.locator("#q1_text").fill("How many people work for you?")
    page.get_by_role("button", name="Open the survey").click()
    page.get_by_text("Not shown: fewer than 5 answers so far.").wait_for()

    page.goto(f"{base}/prospectus/")
    page.get_by_label("Title").fill("A creative economy for all")
    page.get_by_role("button", name="Start the prospectus").click()
    page.get_by_label("Section title").fill("Workspace")
    page.get_by_label("Text").fill("Studios are scarce.")
    page.get_by_role("button", name="Add the section").click()
    page.get_by_role("heading", name="Workspace").wait_for()
    log_out(page)

    log_in(page, member)
    page.goto(f"{base}/prospectus/")
    page.get_by_text("Add an initiative to “Workspace”").click()
    page.get_by_label("Title", exact=True).fill("Shared studios in mills")
    page.get_by_label("What it is").fill("Convert mill floors into studios.")
    page.get_by_label("Who leads it").fill("Bea Business")
    page.get_by_label("Cost (£)").fill("50000")
    page.get_by_label("Resilience theme").select_option(label="Investment and local resource flows")
    page.get_by_role("button", name="Add the initiative").click()
    page.get_by_role("heading", name="Shared studios in mills").wait_for()
    page.get_by_role("button", name="Sign off version 3").click()
    page.get_by_text("You signed off version 3").wait_for()
    log_out(page)

    log_in(page, convenor)
    page.goto(f"{base}/prospectus/")
    page.get_by_role("button", name="Sign off version 3").click()
    page.get_by_role("button", name="Publish version 3").click()
    page.get_by_text("Version 3 is published").wait_for()
    assert serious_violations(axe.run(page)) == []
    page.get_by_role("button", name="Send “Shared studios in mills” to the partnership").click()
    page.get_by_role("heading", name="Shared studios in mills").wait_for()
    log_out(page)

    page.goto(f"{base}/prospectus/")
    page.get_by_role("heading", name="Initiative: Shared studios in mills").wait_for()
    assert serious_violations(axe.run(page)) == []
    page.goto("/governance/research/")
    page.get_by_role("link", name="prospectus “A creative economy for all”").wait_for()
    assert serious_violations(axe.run(page)) == []
