"""The apprenticeships demo: placements by owner-managers, applications at every stage, two
apprenticeships in progress with fund payments and one completed; made once."""

import pytest

from altlep.demo.skills import FUND_NAME, PLACEMENTS, demo_skills
from altlep.skills.models import (
    Application,
    ApplicationStatus,
    Apprenticeship,
    ApprenticeshipStatus,
    ClaimStatus,
    TeachingFund,
)
from tests.factories import OrganisationFactory, UserFactory
from tests.skills.factories import _make_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_people():
    officer = UserFactory(email="officer@demo.altlep.org", is_officer=True)
    owner = UserFactory(email="owner@demo.altlep.org")
    OrganisationFactory(created_by=owner, name="Hebden Bridge Bakery Ltd", postcode="HX7 8AD")
    for n, postcode in enumerate(["HX1 1QE", "LS1 4AP", "WF1 2DD"]):
        OrganisationFactory(
            created_by=UserFactory(email=f"owner{n}@example.org"), postcode=postcode
        )
    for n in range(30):
        UserFactory(email=f"member{n:03d}@demo.altlep.org")
    UserFactory(email="resident@demo.altlep.org")
    _make_round()  # no board sits in this small world, so the fund is a round's
    return officer


def test_the_demo_seeds_every_stage_once(demo_people):
    args = {"owner_email": "owner@demo.altlep.org", "resident_email": "resident@demo.altlep.org"}
    assert demo_skills(officer=demo_people, **args) == len(PLACEMENTS)
    assert demo_skills(officer=demo_people, **args) == 0
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == set(ApplicationStatus.values)
    resident = Application.objects.get(applicant__email="resident@demo.altlep.org")
    assert resident.status == ApplicationStatus.OFFERED
    progress = list(Apprenticeship.objects.values_list("status", flat=True))
    assert sorted(progress) == sorted(
        [ApprenticeshipStatus.IN_PROGRESS] * 2 + [ApprenticeshipStatus.COMPLETED]
    )
    fund = TeachingFund.objects.get(name=FUND_NAME)
    assert fund.paid_pence > 0 and fund.remaining_pence > 0
    for apprenticeship in Apprenticeship.objects.all():
        assert apprenticeship.claims.filter(status=ClaimStatus.APPROVED).exists()
    assert fund.claims.filter(status=ClaimStatus.SUBMITTED).count() == 1
