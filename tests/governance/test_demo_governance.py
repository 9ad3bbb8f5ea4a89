"""The governance demo: a valid elected board with count sheets, meetings, decisions with a
recusal, interests and two groups; deterministic and idempotent."""

import pytest

from altlep.demo.governance import demo_governance
from altlep.governance.models import (
    Decision,
    ElectionResult,
    Group,
    Interest,
    Meeting,
    Seat,
    VoteChoice,
)
from altlep.governance.selectors.composition import governance_flags
from altlep.members.models import Organisation
from tests.factories import UserFactory
from tests.governance.factories import (
    councillor,
    micro_owner,
    sme_owner,
    vcse_trustee,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(partnership, officer):
    members = [micro_owner() for _ in range(10)] + [sme_owner() for _ in range(2)]
    members += [vcse_trustee() for _ in range(2)] + [councillor() for _ in range(2)]
    members += [UserFactory(district_code="E07000123") for _ in range(30)]
    return {
        "officer": officer,
        "members": members,
        "organisations": list(Organisation.objects.all()),
    }


def describe():
    return {
        "seats": sorted((s.member.email, s.category, s.how) for s in Seat.objects.sitting()),
        "elected": [r.elected for r in ElectionResult.objects.order_by("pk")],
        "decisions": list(Decision.objects.order_by("pk").values_list("title", "carried")),
    }


def test_the_demo_seats_a_board_that_keeps_the_default_constitution(cast):
    assert demo_governance(**cast) == 3
    sitting = Seat.objects.sitting()
    assert sitting.filter(category="micro").count() == 6
    assert sitting.voting().count() == 9 and sitting.filter(category="councillor").count() == 2
    assert governance_flags() == []
    results = ElectionResult.objects.all()
    assert len(results) == 3 and all(len(r.sheet["stages"]) >= 1 for r in results)


def test_the_demo_has_meetings_with_minutes_and_a_decision_with_a_recusal(cast):
    demo_governance(**cast)
    assert Meeting.objects.filter(group__isnull=True).exclude(minutes="").count() == 2
    recused = Decision.objects.filter(votes__choice=VoteChoice.RECUSED)
    assert recused.count() == 1
    assert Interest.objects.filter(item=recused.get().item).exists()
    names = set(Group.objects.values_list("name", flat=True))
    assert names == {"Creative and cultural sector group", "VCSE reference group"}
    assert Group.objects.get(kind="reference").memberships.filter(local_authority=True).exists()


def test_the_demo_is_idempotent(cast):
    demo_governance(**cast)
    before = describe()
    assert demo_governance(**cast) == 0
    assert describe() == before


def test_the_demo_pages_render(cast, client):
    demo_governance(**cast)
    for path in ("", "board/", "decisions/", "interests/", "groups/", "elections/"):
        assert client.get(f"/governance/{path}").status_code == 200
    for election in ElectionResult.objects.all():
        assert "Count sheet" in client.get(election.election.get_absolute_url()).content.decode()


def test_members_whose_story_has_no_business_are_never_given_one_to_fill_seats(
    partnership, officer
):
    from altlep.members.models import Affiliation

    # Created first, so they come first in id order, where the demo looks for people to
    # affiliate when too few members are eligible for a category.
    residents = [UserFactory(district_code="E07000123") for _ in range(5)]
    members = residents + [micro_owner() for _ in range(3)] + [sme_owner() for _ in range(2)]
    members += [vcse_trustee() for _ in range(2)] + [councillor() for _ in range(2)]
    members += [UserFactory(district_code="E07000123") for _ in range(20)]
    organisations = list(Organisation.objects.all())
    demo_governance(
        officer=officer, members=members, organisations=organisations, unaffiliated=residents
    )
    assert not Affiliation.objects.filter(member__in=residents).exists()
    assert Seat.objects.sitting().filter(category="micro").count() == 6
    assert not Seat.objects.sitting().filter(member__in=residents).exclude(category="resident")


def test_the_strategy_cites_ons_figures_for_west_yorkshire_from_the_shared_data(cast, monkeypatch):
    from altlep.governance.models import PrioritySector, Strategy
    from tests.shared_data import require_shared, shared_data_dir

    require_shared("raw", "business_counts", "DERIVED_ubc_enterprises_sizeband_2018-2022.csv")
    require_shared("raw", "business_counts", "wnycc_bres_employees_NM_189_1.csv")
    monkeypatch.setenv("ALTLEP_SHARED_DATA", str(shared_data_dir()))
    demo_governance(**cast)
    # ONS's own count for the Leeds City Region LEP in 2022, when it was West Yorkshire alone.
    assert "West Yorkshire has 80,580 businesses, 88% of them micro" in Strategy.objects.get().body
    care = PrioritySector.objects.get(name="Care and the social economy")
    assert "161,000 jobs in West Yorkshire in health and social work (ONS BRES, 2021)" in care.why


def test_without_the_shared_data_the_strategy_cites_no_figures(cast, monkeypatch, tmp_path):
    from altlep.governance.models import Strategy

    monkeypatch.setenv("ALTLEP_SHARED_DATA", str(tmp_path))
    demo_governance(**cast)
    assert "ONS" not in Strategy.objects.get().body
