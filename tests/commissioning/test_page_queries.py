"""The ballot and results pages cost the same number of queries whatever the number of
projects (a regression test for one query per project link)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from altlep.commissioning.services.ballots import ballot_cast
from altlep.commissioning.services.results import results_publish, round_count
from tests.commissioning.factories import ProjectFactory, RoundFactory, lay_out_phases

pytestmark = pytest.mark.django_db


def _round(projects: int, officer, member):
    round_ = RoundFactory(phase="vote", budget_pence=1_000_000_00)
    made = [ProjectFactory(round=round_) for _ in range(projects)]
    ballot_cast(round_=round_, voter=member, choices={made[0].pk: 1})
    return round_


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_ballot_page_costs_the_same_queries_for_5_or_40_projects(client, officer, member):
    small, large = _round(5, officer, member), _round(40, officer, member)
    client.force_login(member)
    client.get("/")  # the first request of a visit records the visit; measure the page alone
    assert _queries(client, reverse("commissioning:ballot", args=[small.slug])) == _queries(
        client, reverse("commissioning:ballot", args=[large.slug])
    )


def test_the_results_page_costs_the_same_queries_for_5_or_40_projects(client, officer, member):
    counts = []
    for projects in (5, 40):
        round_ = _round(projects, officer, member)
        lay_out_phases(round_, "results")
        round_count(actor=officer, round_=round_)
        results_publish(actor=officer, round_=round_)
        counts.append(_queries(client, reverse("commissioning:results", args=[round_.slug])))
    assert counts[0] == counts[1]
