"""axe-core finds no serious or critical violations on the commissioning pages."""

import pytest

from altlep.commissioning.services.ballots import ballot_cast
from altlep.commissioning.services.results import results_publish, round_count
from tests.browser.conftest import serious_violations
from tests.commissioning.factories import IdeaFactory, ProjectFactory, RoundFactory, lay_out_phases
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def published_round(partnership):
    round_ = RoundFactory(phase="vote", slug="open-fund", title="Open fund")
    projects = [ProjectFactory(round=round_, idea=IdeaFactory(round=round_)) for _ in range(3)]
    officer = UserFactory(is_officer=True)
    for n in range(5):
        ballot_cast(round_=round_, voter=UserFactory(), choices={projects[n % 3].pk: 1})
    lay_out_phases(round_, "results")
    round_count(actor=officer, round_=round_)
    results_publish(actor=officer, round_=round_)
    return round_


@pytest.mark.parametrize(
    "path",
    [
        "/commissioning/",
        "/commissioning/open-fund/",
        "/commissioning/open-fund/vote/",
        "/commissioning/open-fund/results/",
        "/commissioning/open-fund/ideas/",
        "/commissioning/open-fund/projects/1/",
        "/commissioning/open-fund/delivery/",
    ],
)
def test_commissioning_pages_have_no_serious_accessibility_violations(
    page, axe, published_round, path
):
    page.goto(path)
    assert serious_violations(axe.run(page)) == []
