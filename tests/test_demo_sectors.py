"""The demo's sector group: the DCMS definition, its size from the demo organisations and an
official-statistics fixture, a survey that shows its aggregate, a prospectus with two published
versions, comments and sign-offs, an initiative taken up as an idea, and an amendment to the
plan adopted by the board. Run on a small cast rather than the whole demo, without shared data."""

import pytest

from altlep.commissioning.models import Idea
from altlep.demo.area import DISTRICTS
from altlep.demo.sectors import GROUP_NAME, demo_sectors
from altlep.evidence.models import NomisImport, SectorDefinition
from altlep.evidence.sectors.selectors import sector_size
from altlep.governance.models import AmendmentStatus, GroupMembership, PlanAmendment
from altlep.governance.selectors.evidence_base import survey_results
from altlep.governance.services import prospectus as p
from altlep.governance.services.groups import group_create
from altlep.governance.services.strategy import strategy_update
from tests.factories import OrganisationFactory, UserFactory
from tests.governance.factories import board

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(officer, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("ALTLEP_SHARED_DATA", str(tmp_path / "none"))
    board(micro=3, sme=0, social=1, councillors=1)
    strategy_update(actor=officer, title="Our strategy", body="Keep money local.", sectors=[])
    group = group_create(
        actor=officer, name=GROUP_NAME, kind="sector", purpose="Creative.", convenor=UserFactory()
    )
    for _ in range(4):
        GroupMembership.objects.create(group=group, member=UserFactory(), accepted=True)
    GroupMembership.objects.create(
        group=group, member=UserFactory(), accepted=True, local_authority=True
    )
    GroupMembership.objects.create(group=group, member=UserFactory(), accepted=False)
    OrganisationFactory(name="Leeds Web Studio Ltd", postcode="LS1 4AP", sic_codes=["62012"])
    return group


def test_the_demo_sector_group_has_its_evidence_and_prospectus(cast, officer):
    assert demo_sectors(officer=officer)
    assert NomisImport.objects.get().synthetic
    size = sector_size(
        sector=SectorDefinition.objects.get(slug="dcms-creative"), area_codes=sorted(DISTRICTS)
    )
    assert size["businesses"]["total"]["value"] > 0
    assert size["platform"]["businesses"]["total"] == 1
    assert any("Synthetic" in line for line in size["differences"])
    survey = cast.surveys.get()
    assert all(r["shown"] for r in survey_results(survey))  # five businesses answered
    prospectus = cast.prospectus
    assert prospectus.published_version == prospectus.version
    assert len([v for v in p.versions(prospectus)]) >= 5
    assert prospectus.signoffs.values("version").distinct().count() == 2
    initiative = Idea.objects.get().prospectus_initiatives.get()
    assert initiative.comments.count() == 2
    amendment = PlanAmendment.objects.get()
    assert amendment.status == AmendmentStatus.ADOPTED and amendment.decision.carried


def test_the_demo_sector_part_is_idempotent(cast, officer):
    assert demo_sectors(officer=officer)
    assert not demo_sectors(officer=officer)
    assert NomisImport.objects.count() == 1
