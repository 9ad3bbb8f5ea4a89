"""The demo partnership: set in West Yorkshire, believable, deterministic and idempotent; its
names agree with its places and its accounts with their stories.

Loaded without the shared public data (ALTLEP_SHARED_DATA points at an empty folder), so it is
the same everywhere; tests/evidence/test_demo_evidence.py loads the real files beside it.
"""

import pytest
from django.db.models import Q

from altlep.commissioning.models import DeliveryUpdate, Idea, Project, Round
from altlep.core.models import Partnership
from altlep.demo import area, demo_load
from altlep.demo.evidence import DEMO_BODIES
from altlep.demo.loader import DEMO_ACCOUNTS
from altlep.demo.organisations import ANCHORS, KIRKLEES_COUNCIL, OWNER_BUSINESS
from altlep.evidence.models import Analysis, AnchorBody
from altlep.evidence.selectors import lm3_for
from altlep.governance.models import Seat
from altlep.members.models import Affiliation, Organisation, User

pytestmark = pytest.mark.django_db

ORGANISATION_FIELDS = ("name", "postcode", "district_code", "size_band", "sector")


def _affiliations(email: str) -> list[tuple[str, str, str, str, str]]:
    return list(
        Affiliation.objects.filter(member__email=email).values_list(
            "role",
            "organisation__name",
            "organisation__size_band",
            "organisation__sector",
            "organisation__district_code",
        )
    )


def _money_flows() -> dict:
    found = {}
    for analysis in Analysis.objects.select_related("body"):
        name = analysis.body.name if analysis.body else "partnership"
        found[name] = {
            "synthetic": analysis.synthetic,
            "result": analysis.result,
            "lm3": lm3_for(body=analysis.body, analysis=analysis),
            "home": analysis.body.home_codes if analysis.body else None,
        }
    return found


@pytest.fixture(scope="module")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo twice in one transaction and capture what it made, then roll back."""
    from django.db import transaction
    from django.test import override_settings

    folder = tmp_path_factory.mktemp("demo")
    empty = tmp_path_factory.mktemp("no-shared-data")
    with (
        django_db_blocker.unblock(),
        pytest.MonkeyPatch.context() as patch,
        override_settings(
            ALTLEP_FLOWS_DB=folder / "flows.duckdb", ALTLEP_EVIDENCE_UPLOADS=folder / "uploads"
        ),
    ):
        patch.setenv("ALTLEP_SHARED_DATA", str(empty))
        with transaction.atomic():
            first = demo_load()
            second = demo_load()
            owner = User.objects.get(email="owner@demo.altlep.org")
            anchor = User.objects.get(email="anchor@demo.altlep.org")
            snapshot = {
                "first": first,
                "second": second,
                "partnership": Partnership.objects.get(),
                "members": User.objects.count(),
                "organisations": list(
                    Organisation.objects.order_by("name").values_list(*ORGANISATION_FIELDS)
                ),
                "rounds": {
                    r.title: {
                        "phase": r.current_phase_kind,
                        "published": bool(getattr(r, "result", None) and r.result.published),
                        "updates": DeliveryUpdate.objects.filter(project__round=r).count(),
                        "ballots": r.ballots.count(),
                        "owner_may_vote": owner.has_perm("commissioning.vote", r),
                    }
                    for r in Round.objects.all()
                },
                # Ideas born in a round; the ideas box's own ideas are checked apart.
                "ideas": list(
                    Idea.objects.filter(
                        round__isnull=False, brought_in_at__isnull=True
                    ).values_list("title", "district_code")
                ),
                "box_ideas": list(
                    Idea.objects.filter(
                        Q(round__isnull=True) | Q(brought_in_at__isnull=False)
                    ).values_list("title", flat=True)
                ),
                "projects": list(
                    Project.objects.filter(idea__isnull=False).values_list(
                        "title", "idea__district_code"
                    )
                ),
                "affiliations": {email: _affiliations(email) for email, *_ in DEMO_ACCOUNTS},
                "seats": {
                    email: sorted(
                        Seat.objects.sitting()
                        .filter(member__email=email)
                        .values_list("category", flat=True)
                    )
                    for email, *_ in DEMO_ACCOUNTS
                },
                "councillors_of": set(
                    Affiliation.objects.filter(role="councillor").values_list(
                        "organisation__name", flat=True
                    )
                ),
                "officer": User.objects.filter(email="officer@demo.altlep.org")
                .values("is_officer")
                .get(),
                "anchor_may_upload": {
                    b.name: anchor.has_perm("evidence.upload_spend", b)
                    for b in AnchorBody.objects.all()
                },
                "flows": _money_flows(),
            }
            transaction.set_rollback(True)
    return snapshot


def test_the_demo_covers_the_five_districts_of_west_yorkshire(demo_snapshot):
    partnership = demo_snapshot["partnership"]
    assert sorted(partnership.area_codes) == sorted(area.DISTRICTS)
    assert partnership.name == "West Yorkshire Alternative LEP"
    assert "West Yorkshire" in partnership.area_description


def test_the_demo_has_200_members_and_about_130_organisations(demo_snapshot):
    assert demo_snapshot["members"] == 200
    assert len(demo_snapshot["organisations"]) == 132


def test_most_demo_organisations_are_local_micro_enterprises(demo_snapshot):
    rows = demo_snapshot["organisations"]
    micro = [r for r in rows if r[3] == "micro"]
    local = [r for r in rows if r[2] in area.DISTRICTS]
    assert len(micro) > len(rows) / 2
    assert len(local) > 0.8 * len(rows)
    assert {r[2] for r in local} == set(area.DISTRICTS)
    assert {r[4] for r in rows} == {"private", "public", "social"}
    assert {r[3] for r in rows} >= {"micro", "small", "medium", "large"}


def test_every_organisation_named_after_a_place_is_in_that_places_district(demo_snapshot):
    named = 0
    for name, postcode, district, *_ in demo_snapshot["organisations"]:
        for where in area.places_named_in(name):
            named += 1
            assert district == where.district, f"{name} ({postcode}) is not in {where.name}"
            if len(area.places_named_in(name)) == 1:
                assert postcode.split()[0] in where.outward, f"{name} is at {postcode}"
    assert named > 100


def test_every_idea_and_project_named_after_a_place_is_in_that_places_district(demo_snapshot):
    titled = demo_snapshot["ideas"] + demo_snapshot["projects"]
    assert len(titled) == 40
    for title, district in titled:
        places = area.places_named_in(title)
        assert places, f"“{title}” names no place of the demo"
        assert {p.district for p in places} == {district}, title


def test_the_ideas_box_ideas_name_no_place_they_could_contradict(demo_snapshot):
    # Six from the ideas-box demo, one sent from the creative sector group's prospectus.
    assert len(demo_snapshot["box_ideas"]) == 7
    for title in demo_snapshot["box_ideas"]:
        assert area.places_named_in(title) == [], title


def test_the_owner_account_runs_a_local_micro_enterprise_and_nothing_else(demo_snapshot):
    roles = demo_snapshot["affiliations"]["owner@demo.altlep.org"]
    assert [r[:4] for r in roles] == [("owner_manager", OWNER_BUSINESS.name, "micro", "private")]
    assert roles[0][4] == area.CALDERDALE  # Hebden Bridge
    assert set(demo_snapshot["seats"]["owner@demo.altlep.org"]) <= {"micro"}


def test_the_resident_account_has_no_business_and_no_business_seat(demo_snapshot):
    assert demo_snapshot["affiliations"]["resident@demo.altlep.org"] == []
    assert set(demo_snapshot["seats"]["resident@demo.altlep.org"]) <= {"resident"}


def test_the_officer_account_is_an_officer_with_no_business(demo_snapshot):
    assert demo_snapshot["officer"]["is_officer"]
    assert demo_snapshot["affiliations"]["officer@demo.altlep.org"] == []
    assert demo_snapshot["seats"]["officer@demo.altlep.org"] == []


def test_the_anchor_account_speaks_for_kirklees_council_and_only_for_it(demo_snapshot):
    roles = demo_snapshot["affiliations"]["anchor@demo.altlep.org"]
    assert [r[:2] for r in roles] == [("officer", KIRKLEES_COUNCIL)]
    may = demo_snapshot["anchor_may_upload"]
    assert may == {b: b.startswith(KIRKLEES_COUNCIL) for b in may}
    assert demo_snapshot["seats"]["anchor@demo.altlep.org"] == []


def test_loading_the_demo_again_adds_nothing(demo_snapshot):
    assert demo_snapshot["first"].members_added == 200
    assert demo_snapshot["first"].spend_analysed
    assert demo_snapshot["second"].members_added == 0
    assert demo_snapshot["second"].organisations_added == 0
    assert not demo_snapshot["second"].spend_analysed


def test_the_demo_is_the_same_every_time(demo_snapshot, settings, tmp_path, monkeypatch):
    from django.db import transaction

    settings.ALTLEP_FLOWS_DB = tmp_path / "flows.duckdb"
    settings.ALTLEP_EVIDENCE_UPLOADS = tmp_path / "uploads"
    monkeypatch.setenv("ALTLEP_SHARED_DATA", str(tmp_path / "absent"))
    with transaction.atomic():
        demo_load()
        again = list(Organisation.objects.order_by("name").values_list(*ORGANISATION_FIELDS))
        flows = _money_flows()
        transaction.set_rollback(True)
    assert again == demo_snapshot["organisations"]
    for name, shown in flows.items():
        assert shown["result"] == demo_snapshot["flows"][name]["result"], name


def test_the_demo_has_a_past_round_with_results_and_delivery_updates(demo_snapshot):
    past = demo_snapshot["rounds"]["Spring 2026 community fund"]
    assert past["published"] and past["updates"] > 0 and past["ballots"] == 150
    assert past["phase"] == "delivery"


def test_the_demo_has_a_round_open_for_voting_that_demo_accounts_can_vote_in(demo_snapshot):
    open_round = demo_snapshot["rounds"]["Green places 2026"]
    assert open_round["phase"] == "vote" and not open_round["published"]
    assert open_round["owner_may_vote"]


def test_the_demo_anchors_spend_shows_local_share_leakage_sizes_and_lm3(demo_snapshot):
    flows = demo_snapshot["flows"]
    assert set(flows) == {b.name for b in DEMO_BODIES} | {"partnership"}
    for name, shown in flows.items():
        full = shown["result"]["full"]
        assert shown["synthetic"], f"{name}'s generated spend must be labelled so"
        assert 0.15 < full["shares"]["local"] < 0.5, name
        assert full["shares"]["unknown"] < 0.1, name
        assert full["public_body_pence"] > 0 and full["redacted_pence"] > 0, name
        assert 0.05 < full["micro_share"] < full["sme_share"] < 0.7, name
        assert full["social_pence"] > 0, name
        assert shown["result"]["leakage"], name
        assert any(row["could_serve"] for row in shown["result"]["leakage"]), name
        assert 1.1 < shown["lm3"]["lm3"] < 2.0, name
        assert "survey" in shown["lm3"]["respend_basis"], name


def test_the_demo_anchor_institutions_are_in_the_area(demo_snapshot):
    organisations = {r[0]: r[2] for r in demo_snapshot["organisations"]}
    for body in DEMO_BODIES:
        assert organisations[body.organisation] in area.DISTRICTS
        assert set(demo_snapshot["flows"][body.name]["home"]) <= set(area.DISTRICTS)


def test_councillors_sit_for_councils_of_the_area_only(demo_snapshot):
    councils = {name for name, _, _, _ in ANCHORS if name.endswith("Council")}
    assert demo_snapshot["councillors_of"] == councils
