"""The demo's resilience part: principles adopted by a recorded board decision, a scorecard
over two years with trends, a network with bridges and organisations isolated from other
sectors, and a social enterprise quarter with its annual impact report; loaded once only.

Loaded without the shared public data, like tests/test_demo.py, so it is the same everywhere.
"""

import pytest

from altlep.demo import demo_load
from altlep.demo.resilience import demo_resilience
from altlep.evidence.models import (
    Assessment,
    ImpactNetwork,
    ImpactReport,
    NetworkReport,
    Period,
    PrincipleSet,
)
from altlep.evidence.network.engine import metrics
from altlep.evidence.network.sources import platform_network
from altlep.evidence.resilience.selectors import principles_in_force, scorecard
from altlep.members.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
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
            demo_load()
            counts = (PrincipleSet.objects.count(), ImpactReport.objects.count())
            demo_resilience(officer=User.objects.get(email="officer@demo.altlep.org"))
            cards = {p.name: scorecard(p) for p in Period.objects.all()}
            snapshot = {
                "counts": counts,
                "again": (PrincipleSet.objects.count(), ImpactReport.objects.count()),
                "in_force": principles_in_force(),
                "adopted_by": principles_in_force().adopted_by,
                "quarter_members": ImpactNetwork.objects.get(
                    slug="social-enterprise-quarter"
                ).members.count(),
                "cards": cards,
                "rows": {
                    name: {r.indicator.name: r for t in card["themes"] for r in t["rows"]}
                    for name, card in cards.items()
                },
                "network": metrics(platform_network()),
                "reports": list(NetworkReport.objects.order_by("starts_on")),
                "assessed": Assessment.objects.count(),
            }
            transaction.set_rollback(True)
    return snapshot


def test_the_principles_are_in_force_by_a_board_decision(demo):
    in_force = demo["in_force"]
    assert in_force.version == 1
    assert demo["adopted_by"].carried
    assert "resilience principles" in demo["adopted_by"].title
    assert demo["assessed"] >= 2


def test_the_scorecard_covers_two_years_with_computed_figures_and_trends(demo):
    assert set(demo["cards"]) == {"2025-26", "2026-27"}
    now = demo["rows"]["2026-27"]
    local = now["Share of anchor spend with local suppliers"]
    assert local.reading.known and "synthetic data" in local.reading.lineage[0]
    assert now["Estimated emissions of anchor spend"].reading.known
    assert now["Voting seats held by micro-enterprise owner-managers"].judged.status == "met"
    assert now["Member businesses paying the Real Living Wage"].judged.trend == "better"
    before = demo["rows"]["2025-26"]["Share of anchor spend with local suppliers"]
    assert not before.reading.known and "has no payments" in before.reading.no_data


def test_the_network_has_bridges_and_isolated_organisations(demo):
    m = demo["network"]
    assert 0 < m["cross_sector_share"] < 1
    assert m["isolated_from_other_sectors"] > 0
    assert m["brokers"][0]["betweenness"] > 0
    assert {"board", "group", "supply", "co_delivery"} <= set(m["tie_types"])


def test_the_social_enterprise_quarter_publishes_its_annual_report(demo):
    assert demo["quarter_members"] >= 3
    earlier, latest = demo["reports"]
    assert latest.figures["members_reporting"] == demo["quarter_members"]
    assert latest.figures["spend_between_members_pence"] > 0
    assert latest.figures["volunteer_hours"] > earlier.figures["volunteer_hours"]


def test_a_quarter_member_s_lm3_survey_fills_in_its_report_for_the_year_it_speaks_for(demo):
    earlier, latest = demo["reports"]
    assert len(latest.figures["lm3_by_member"]) == 1 and not earlier.figures["lm3_by_member"]
    assert 1 < next(iter(latest.figures["lm3_by_member"].values())) < 3


def test_loading_again_adds_nothing(demo):
    assert demo["counts"] == demo["again"]
