"""The idea list costs the same number of queries whatever the number of ideas."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.commissioning.factories import IdeaFactory, RoundFactory

pytestmark = pytest.mark.django_db


def _queries_for(client, django_assert_num_queries, count: int) -> int:
    round_ = RoundFactory(phase="collect")
    IdeaFactory.create_batch(count, round=round_)
    url = reverse("commissioning:ideas", args=[round_.slug])
    client.get(url)  # warm caches (e.g. content types) so only the page's own queries count
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"category": "Environment"})
    assert response.status_code == 200
    with django_assert_num_queries(len(captured)):
        client.get(url, {"category": "Environment"})
    return len(captured)


def test_the_idea_list_takes_the_same_number_of_queries_for_10_and_60_ideas(
    client, partnership, django_assert_num_queries
):
    ten = _queries_for(client, django_assert_num_queries, 10)
    sixty = _queries_for(client, django_assert_num_queries, 60)
    assert ten == sixty


def test_a_signed_in_members_idea_list_is_constant_too(
    client, partnership, member, django_assert_num_queries
):
    client.force_login(member)
    assert _queries_for(client, django_assert_num_queries, 10) == _queries_for(
        client, django_assert_num_queries, 60
    )
