"""The registers' CSV exports neutralise cells a spreadsheet would run as a formula."""

import csv
import io

import pytest
from django.urls import reverse

from altlep import safe_csv
from altlep.governance.services.decisions import decision_record, interest_declare
from tests.governance.factories import board
from tests.governance.helpers import board_meeting, item

pytestmark = pytest.mark.django_db


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_no_formula(text: str) -> None:
    bad = [c for c in _cells(text) if c.startswith(safe_csv.FORMULA_STARTS)]
    assert bad == [], bad


def test_the_decisions_and_interests_registers_neutralise_formulas(client, officer):
    seats = board(micro=3, sme=0, social=1)
    meeting = board_meeting(officer, "=cmd|' /C calc'!A0")
    grants = item(officer, meeting)
    interest_declare(actor=seats[0].member, item=grants, description="@SUM(1+1)*cmd")
    decision_record(
        actor=officer,
        meeting=meeting,
        item=grants,
        title='=HYPERLINK("http://evil.example","Fund")',
        text="+1+1",
        votes={s.member: "for" for s in seats[1:]},
    )
    decisions = client.get(reverse("governance:decisions_csv")).content.decode()
    interests = client.get(reverse("governance:interests_csv")).content.decode()
    assert "'=HYPERLINK" in decisions and "'+1+1" in decisions
    assert "'@SUM(1+1)*cmd" in interests
    _assert_no_formula(decisions)
    _assert_no_formula(interests)
