"""A new round's form comes filled with a phase template's dates, starting today, so an officer
changes what differs instead of typing ten dates."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from altlep.commissioning.models import PHASE_ORDER, Round
from altlep.commissioning.services.rounds import (
    PHASE_TEMPLATES,
    phase_template_plans,
    phases_check,
)

pytestmark = pytest.mark.django_db


def _as_posted(form) -> dict:
    """What the browser sends back for the form as it was shown, plus a title and budget."""
    data = {name: form[name].value() for name in form.fields}
    data = {name: value for name, value in data.items() if value not in (None, False)}
    for name, value in data.items():
        if hasattr(value, "strftime"):
            data[name] = value.strftime("%Y-%m-%dT%H:%M")
    return {**data, "title": "Autumn fund", "budget": "20000", "ballot_type": "approval"}


def test_the_standard_template_runs_ideas_4_weeks_then_2_2_1_weeks_and_a_year():
    plans = phase_template_plans(template="standard")
    assert [p.kind for p in plans] == PHASE_ORDER
    today = timezone.localdate()
    ends = [timezone.localtime(p.ends_at) for p in plans]
    assert [e.date() - today for e in ends] == [timedelta(days=d) for d in (28, 42, 56, 63, 428)]
    assert all((e.hour, e.minute) == (9, 0) for e in ends)
    assert plans[0].starts_at <= timezone.now() < plans[0].ends_at
    for earlier, later in zip(plans, plans[1:], strict=False):
        assert later.starts_at == earlier.ends_at


@pytest.mark.parametrize("template", sorted(PHASE_TEMPLATES))
def test_every_template_is_accepted_by_the_phase_rules_across_a_clock_change(template):
    # British Summer Time starts on 29 March and ends on 25 October 2026, inside these phases.
    for start in (date(2026, 3, 20), date(2026, 10, 20)):
        plans = phase_template_plans(template=template, today=start)
        phases_check(plans)
        assert all(timezone.localtime(p.ends_at).hour == 9 for p in plans)


def test_the_new_round_form_is_filled_from_the_standard_template(client, officer):
    client.force_login(officer)
    response = client.get(reverse("commissioning:round_create"))
    html = response.content.decode()
    assert "Standard: ideas 4 weeks" in html
    assert '?template=short"' in html
    form = response.context["form"]
    shown = {kind: form[f"{kind}_ends"].value() for kind in PHASE_ORDER}
    expected = {
        p.kind: timezone.localtime(p.ends_at).replace(tzinfo=None) for p in phase_template_plans()
    }
    assert shown == expected


def test_an_officer_creates_a_round_by_sending_the_filled_form_unchanged(client, officer):
    client.force_login(officer)
    form = client.get(reverse("commissioning:round_create") + "?template=short").context["form"]
    response = client.post(reverse("commissioning:round_create"), _as_posted(form))
    assert response.status_code == 302
    round_ = Round.objects.get()
    assert round_.current_phase_kind == "collect"
    lengths = [
        (timezone.localtime(p.ends_at).date() - timezone.localtime(p.starts_at).date()).days
        for p in sorted(round_.phases.all(), key=lambda p: PHASE_ORDER.index(p.kind))
    ]
    assert lengths == [14, 7, 7, 7, 182]


def test_an_unknown_template_falls_back_to_the_standard_one(client, officer):
    client.force_login(officer)
    response = client.get(reverse("commissioning:round_create") + "?template=nonsense")
    assert response.status_code == 200
    assert "the template “Standard" in response.content.decode()
