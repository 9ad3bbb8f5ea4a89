"""A round's exported ballots, counted by `altlep pb count`, give the published winners."""

import json

import pytest
from click.testing import CliRunner
from django.urls import reverse

from altlep.commissioning.services.ballots import ballot_cast
from altlep.commissioning.services.results import results_publish, round_count
from altlep.pb.cli import pb
from tests.commissioning.factories import ProjectFactory, RoundFactory, lay_out_phases
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _round_with_ballots(ballot_type: str):
    extra = {"points_limit": 10} if ballot_type == "cumulative" else {}
    round_ = RoundFactory(
        phase="vote", budget_pence=250_00, ballot_type=ballot_type, seed=7, **extra
    )
    projects = [
        ProjectFactory(round=round_, cost_pence=cost)
        for cost in (120_00, 80_00, 60_00, 50_00, 45_50, 30_00)
    ]
    patterns = [(0, 1), (0, 2), (1, 3), (2, 3, 4), (5,), (0, 5), (3, 4), (1, 2, 5), (4,), (0,)]
    for n, pattern in enumerate(patterns * 3):
        points = {
            projects[i].pk: (1 if ballot_type == "approval" else 1 + (n + i) % 3) for i in pattern
        }
        ballot_cast(round_=round_, voter=UserFactory(), choices=points)
    lay_out_phases(round_, "results")
    return round_


@pytest.mark.parametrize("ballot_type", ["approval", "cumulative"])
def test_pb_count_on_the_export_gives_the_published_winners(client, officer, tmp_path, ballot_type):
    round_ = _round_with_ballots(ballot_type)
    result = round_count(actor=officer, round_=round_)
    results_publish(actor=officer, round_=round_)
    exported = client.get(reverse("commissioning:export", args=[round_.slug]))
    assert exported.status_code == 200
    path = tmp_path / f"{round_.slug}.pb"
    path.write_bytes(exported.content)
    output = CliRunner().invoke(
        pb,
        [
            "count",
            str(path),
            "--rule",
            result.rule,
            "--completion",
            result.completion,
            "--ties",
            result.ties,
            "--seed",
            str(result.seed),
            "--json",
        ],
    )
    assert output.exit_code == 0, output.output
    assert json.loads(output.output)["winners"] == result.winners
    page = client.get(reverse("commissioning:results", args=[round_.slug]))
    funded = [line.project.ballot_id for line in page.context["lines"] if line.selected]
    assert sorted(funded) == sorted(result.winners)
