"""Counting a closed round with the engine, publishing it once, and the results page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from altlep.commissioning.models import IdeaStatus, Result
from altlep.commissioning.services.ballots import ballot_cast
from altlep.commissioning.services.results import results_publish, round_count
from tests.commissioning.factories import IdeaFactory, ProjectFactory, RoundFactory, lay_out_phases
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def voted_round():
    """Budget £100; a big project backed by 6 voters and two small ones backed by 4 others.

    Greedy funds the big one (most votes); Equal Shares gives the group of 4 its fair share.
    """
    round_ = RoundFactory(phase="vote", budget_pence=100_00)
    big = ProjectFactory(
        round=round_, title="Big hall", cost_pence=70_00, idea=IdeaFactory(round=round_)
    )
    small_a = ProjectFactory(round=round_, title="Small garden", cost_pence=30_00)
    small_b = ProjectFactory(round=round_, title="Small bench", cost_pence=30_00)
    for _ in range(6):
        ballot_cast(round_=round_, voter=UserFactory(), choices={big.pk: 1})
    for _ in range(4):
        ballot_cast(round_=round_, voter=UserFactory(), choices={small_a.pk: 1, small_b.pk: 1})
    lay_out_phases(round_, "results")
    return round_, big, small_a, small_b


def test_counting_stores_winners_and_explanations(officer, voted_round):
    round_, big, small_a, small_b = voted_round
    result = round_count(actor=officer, round_=round_)
    assert result.ballot_count == 10
    assert (result.rule, result.completion, result.ties) == ("mes", "add1u", "lowest-cost")
    assert big.ballot_id in result.winners
    sentences = {p["project_id"]: p["sentence"] for p in result.explanation["projects"]}
    assert all(sentences.values())
    assert result.greedy_winners[0] == big.ballot_id


def test_a_round_cannot_be_counted_twice(officer, voted_round):
    round_ = voted_round[0]
    round_count(actor=officer, round_=round_)
    with pytest.raises(PermissionDenied):  # the rule: a round is counted once
        round_count(actor=officer, round_=round_)
    assert Result.objects.count() == 1


def test_published_results_settle_the_ideas_and_cannot_change(officer, voted_round):
    round_, big, *_ = voted_round
    round_count(actor=officer, round_=round_)
    results_publish(actor=officer, round_=round_)
    big.idea.refresh_from_db()
    assert big.idea.status == IdeaStatus.FUNDED
    with pytest.raises(PermissionDenied):  # the rule: published results never change
        results_publish(actor=officer, round_=round_)


def test_counting_with_no_ballots_is_refused(officer):
    round_ = RoundFactory(phase="results")
    ProjectFactory(round=round_)
    with pytest.raises(ValidationError, match="No ballots"):
        round_count(actor=officer, round_=round_)
    assert not Result.objects.exists()


def test_the_results_page_shows_winners_chart_explanations_and_the_greedy_comparison(
    client, officer, voted_round
):
    round_, big, small_a, _ = voted_round
    client.force_login(officer)
    client.post(reverse("commissioning:count", args=[round_.slug]))
    client.post(reverse("commissioning:publish", args=[round_.slug]))
    client.logout()
    page = client.get(reverse("commissioning:results", args=[round_.slug]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "How the budget was used" in html and "<svg" in html
    assert "Big hall" in html and "Funded" in html
    assert "Compared with a simple vote count" in html
    assert all(line.sentence for line in page.context["lines"])


def test_results_are_hidden_from_the_public_until_published(client, officer, voted_round):
    round_ = voted_round[0]
    round_count(actor=officer, round_=round_)
    assert client.get(reverse("commissioning:results", args=[round_.slug])).status_code == 404
    client.force_login(officer)
    assert client.get(reverse("commissioning:results", args=[round_.slug])).status_code == 200


def test_a_member_cannot_count_or_publish(client, member, voted_round):
    round_ = voted_round[0]
    client.force_login(member)
    assert client.post(reverse("commissioning:count", args=[round_.slug])).status_code == 403
    assert not Result.objects.exists()
