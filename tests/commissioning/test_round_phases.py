"""Officers create rounds whose phases may not overlap and run in order."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from altlep.commissioning.models import Round
from altlep.commissioning.services.rounds import PhasePlan, phases_check, round_create

pytestmark = pytest.mark.django_db
NOW = timezone.now()
WEEK = timedelta(days=7)


def plan(*kinds_and_offsets):
    return [PhasePlan(kind, NOW + a * WEEK, NOW + b * WEEK) for kind, a, b in kinds_and_offsets]


def test_phases_in_order_without_overlap_are_accepted():
    phases_check(plan(("collect", 0, 1), ("assess", 1, 2), ("vote", 2, 3), ("results", 3, 4)))


def test_overlapping_phases_are_refused_naming_both():
    with pytest.raises(ValidationError) as error:
        phases_check(plan(("collect", 0, 2), ("assess", 1, 3)))
    assert "Collect ideas and Assess ideas overlap" in str(error.value)


def test_phases_out_of_order_are_refused():
    with pytest.raises(ValidationError, match="must run in order"):
        phases_check(plan(("vote", 0, 1), ("collect", 1, 2)))


def test_a_phase_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValidationError, match="must end after it starts"):
        phases_check(plan(("vote", 2, 1)))


def test_a_cumulative_round_needs_its_points_limit(officer):
    with pytest.raises(ValidationError) as error:
        round_create(
            actor=officer,
            phases=plan(("vote", 0, 1)),
            title="Points",
            budget_pence=100_00,
            ballot_type="cumulative",
        )
    assert "points_limit" in error.value.message_dict


def test_the_lots_seed_is_drawn_and_recorded(officer):
    round_ = round_create(
        actor=officer, phases=plan(("vote", 0, 1)), title="Seeded", budget_pence=100_00
    )
    assert isinstance(round_.seed, int)


def _form(**overrides):
    local = timezone.localtime(NOW)
    data = {
        "title": "Green spaces 2027",
        "budget": "25000",
        "ballot_type": "approval",
        "rule": "mes",
        "completion": "add1u",
        "ties": "lowest-cost",
    }
    for i, kind in enumerate(["collect", "assess", "vote", "results", "delivery"]):
        data[f"{kind}_starts"] = (local + i * WEEK).strftime("%Y-%m-%dT%H:%M")
        data[f"{kind}_ends"] = (local + (i + 1) * WEEK).strftime("%Y-%m-%dT%H:%M")
    data.update(overrides)
    return data


def test_an_officer_creates_a_round_through_the_form(client, officer):
    client.force_login(officer)
    response = client.post(reverse("commissioning:round_create"), _form())
    round_ = Round.objects.get()
    assert response.status_code == 302
    assert round_.budget_pence == 25_000_00
    assert round_.phases.count() == 5
    assert round_.current_phase_kind == "collect"


def test_the_form_shows_overlapping_phases_and_saves_nothing(client, officer):
    client.force_login(officer)
    overlapping = _form(assess_starts=_form()["collect_starts"])
    response = client.post(reverse("commissioning:round_create"), overlapping)
    assert b"overlap" in response.content
    assert not Round.objects.exists()


def test_a_member_cannot_create_a_round(client, member):
    client.force_login(member)
    assert client.post(reverse("commissioning:round_create"), _form()).status_code == 403
    assert not Round.objects.exists()
