"""On a phone 390 px wide no key page scrolls sideways: wide tables scroll inside their own box,
long names, addresses and codes wrap, and charts scale. The pages hold the demo partnership
(long tables: 200 members, 120 organisations, counted rounds, a board, an analysed spend file)
plus records with the longest names people give."""

import pytest
from django.urls import reverse

from altlep.commissioning.models import Idea, Project, Round
from altlep.demo import demo_load
from altlep.evidence.models import AnchorBody
from altlep.governance.models import Decision, Election, Group, Meeting, Seat
from altlep.members.models import User, Visibility
from tests.browser.conftest import serious_violations
from tests.commissioning.factories import IdeaFactory, ProjectFactory
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DEMO_PASSWORD = "altlep-demo-2026"
# The longest place name in Britain, and a pasted web address: neither has anywhere to break.
LONG_WORD = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
LONG_URL = "https://www.example.org/" + "community-shares-offer-document/" * 4 + "index.html"


@pytest.fixture
def demo(settings, tmp_path, monkeypatch):
    """The demo partnership, with its synthetic spend file (the same on every machine)."""
    monkeypatch.setenv("ALTLEP_SHARED_DATA", str(tmp_path / "no-shared-data"))
    settings.ALTLEP_FLOWS_DB = tmp_path / "flows.duckdb"
    settings.ALTLEP_EVIDENCE_UPLOADS = tmp_path / "uploads"
    demo_load()
    return _with_long_names()


def _with_long_names() -> dict:
    owner = UserFactory(
        display_name=f"Dr {LONG_WORD[:40]}-Fotheringham",
        visibility=Visibility.PUBLIC,
        interests=f"heritage bakeries, {LONG_WORD}, community shares ({LONG_URL})",
    )
    organisation = OrganisationFactory(
        name=f"{LONG_WORD} Heritage Bakery, Tearooms and Community Interest Company Ltd",
        description=f"Our share offer: {LONG_URL}",
        website=LONG_URL,
        sic_codes=["10710", "56101", "47240", "85590", "90030"],
        created_by=owner,
    )
    counted = Round.objects.filter(result__published_at__isnull=False).order_by("pk").first()
    idea = IdeaFactory(
        round=counted,
        author=owner,
        title=f"Restore the {LONG_WORD} tearooms as a community hub",
        description=f"Plans and costs: {LONG_URL}",
    )
    voting = next(r for r in Round.objects.order_by("pk") if r.current_phase_kind == "vote")
    ProjectFactory(
        round=voting,
        ballot_id="999",
        title=f"{LONG_WORD} tearooms: ovens, tables and a ramp",
        cost_pence=4_500_00,
    )
    seat = Seat.objects.order_by("pk").first()
    User.objects.filter(pk=seat.member_id).update(display_name=owner.display_name + " Jr")
    return {
        "owner": owner,
        "organisation": organisation,
        "idea": idea,
        "counted": counted,
        "voting": voting,
    }


def _pages_for_a_member(demo) -> list[str]:
    counted, voting = demo["counted"], demo["voting"]
    body = AnchorBody.objects.order_by("pk").first()
    project = Project.objects.filter(round=counted).order_by("pk").first()
    return [
        reverse("core:home"),
        reverse("core:area"),
        reverse("members:members"),
        demo["owner"].get_absolute_url(),
        reverse("members:organisations"),
        demo["organisation"].get_absolute_url(),
        reverse("commissioning:rounds"),
        counted.get_absolute_url(),
        reverse("commissioning:ideas", args=[counted.slug]),
        demo["idea"].get_absolute_url(),
        reverse("ideas:list"),
        reverse("ideas:new"),
        *[idea.get_absolute_url() for idea in Idea.objects.filter(brought_in_at__isnull=False)],
        *[idea.get_absolute_url() for idea in Idea.objects.filter(declined_at__isnull=False)],
        reverse("notify:settings"),
        reverse("commissioning:results", args=[counted.slug]),
        project.get_absolute_url(),
        reverse("commissioning:delivery", args=[counted.slug]),
        voting.get_absolute_url(),
        reverse("commissioning:ballot", args=[voting.slug]),
        reverse("governance:overview"),
        reverse("governance:board"),
        reverse("governance:constitution"),
        reverse("governance:strategy"),
        reverse("governance:elections"),
        *[election.get_absolute_url() for election in Election.objects.order_by("pk")],
        reverse("governance:meetings"),
        Meeting.objects.order_by("pk").first().get_absolute_url(),
        reverse("governance:decisions"),
        Decision.objects.order_by("pk").first().get_absolute_url(),
        reverse("governance:interests"),
        reverse("governance:groups"),
        Group.objects.order_by("pk").first().get_absolute_url(),
        reverse("evidence:index"),
        reverse("evidence:body", args=[body.slug]),
        reverse("evidence:lm3"),
        reverse("members:profile"),
        *_pages_of_the_economic_apps(),
    ]


def _pages_of_the_economic_apps() -> list[str]:
    """Procurement, apprenticeships, local supply, sectors, resilience and the plan."""
    from altlep.procurement.models import Opportunity
    from altlep.skills.models import Placement

    return [
        reverse("procurement:list"),
        *[o.get_absolute_url() for o in Opportunity.objects.exclude(status="draft")[:2]],
        reverse("skills:placements"),
        Placement.objects.order_by("pk").first().get_absolute_url(),
        reverse("skills:dashboard"),
        reverse("supply:directory"),
        reverse("supply:alternatives"),
        reverse("supply:groups"),
        reverse("supply:resources"),
        reverse("evidence:sectors"),
        reverse("evidence:scorecard"),
        reverse("evidence:network"),
        reverse("evidence:impact"),
        reverse("governance:research"),
        reverse("governance:plan"),
    ]


def _pages_for_an_officer() -> list[str]:
    body = AnchorBody.objects.order_by("pk").first()
    return [
        reverse("governance:board"),
        reverse("evidence:upload", args=[body.slug]),
        reverse("evidence:upload_detail", args=[body.uploads.order_by("pk").first().pk]),
        reverse("evidence:review"),
        reverse("evidence:survey"),
        reverse("evidence:body_new"),
        reverse("evidence:register_upload"),
        Idea.objects.filter(round__isnull=True, declined_at__isnull=True)
        .first()
        .get_absolute_url(),
        reverse("commissioning:round_create"),
        reverse("commissioning:moderation"),
        reverse("members:organisation_create"),
    ]


def _phone(browser, live_server, email=None):
    context = browser.new_context(viewport=PHONE, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    if email:
        page.goto(reverse("members:login"))
        page.get_by_label("Email address").fill(email)
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.get_by_role("button", name="Log out").wait_for()
    return context, page


def _too_wide(page, path: str) -> str | None:
    """Load the page; describe it if the document is wider than the screen."""
    response = page.goto(path)
    assert response.ok, f"{path} answered {response.status}"
    width, screen = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    return f"{path} is {width}px wide" if width > screen else None


def test_no_key_page_scrolls_sideways_on_a_390_px_phone(browser, live_server, demo):
    visits = [
        (None, [reverse("core:home"), reverse("members:register"), reverse("members:login")]),
        ("resident@demo.altlep.org", _pages_for_a_member(demo)),
        ("officer@demo.altlep.org", _pages_for_an_officer()),
    ]
    too_wide = []
    for email, paths in visits:
        context, page = _phone(browser, live_server, email)
        for path in paths:
            if problem := _too_wide(page, path):
                too_wide.append(f"as {email or 'a visitor'}: {problem}")
        context.close()
    assert too_wide == [], "\n".join(too_wide)


def test_a_table_wider_than_a_phone_scrolls_in_its_own_box_reached_by_keyboard(
    browser, live_server, demo, axe
):
    context, page = _phone(browser, live_server)
    page.goto(reverse("governance:constitution"))
    table = page.get_by_role("table", name="Seat categories")
    scroll_width, box_width, tabindex = table.evaluate(
        "t => [t.scrollWidth, t.clientWidth, t.getAttribute('tabindex')]"
    )
    assert scroll_width > box_width  # wider than the screen, so it scrolls…
    assert tabindex == "0"  # …and, holding no link, is a tab stop of its own to scroll by key
    for path in (
        reverse("governance:constitution"),
        reverse("governance:board"),
        reverse("commissioning:results", args=[demo["counted"].slug]),
        reverse("evidence:body", args=[AnchorBody.objects.order_by("pk").first().slug]),
    ):
        page.goto(path)
        assert serious_violations(axe.run(page)) == [], path
    context.close()
