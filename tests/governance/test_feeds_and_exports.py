"""The Atom feed of decisions and the CSV and JSON exports of both registers."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest

from altlep.governance.services.decisions import decision_record, interest_declare
from tests.governance.factories import board
from tests.governance.helpers import board_meeting, item

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def decision(officer):
    seats = board(micro=3, sme=0, social=1)
    meeting = board_meeting(officer, "December board")
    grants = item(officer, meeting)
    interest_declare(actor=seats[0].member, item=grants, description="Owns a café")
    return decision_record(
        actor=officer,
        meeting=meeting,
        item=grants,
        title="Fund repair cafés",
        text="Agreed.",
        votes={s.member: "for" for s in seats[1:]},
    ), seats


def test_the_atom_feed_carries_each_decision_with_its_recusal(client, decision):
    d, seats = decision
    response = client.get("/governance/decisions.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Fund repair cafés"]
    summary = entries[0].find(f"{ATOM}summary").text
    assert "carried" in summary and f"Recused (declared interest): {seats[0].member}" in summary


def test_the_decisions_register_exports_as_csv_and_json(client, decision):
    d, seats = decision
    rows = list(
        csv.DictReader(io.StringIO(client.get("/governance/decisions.csv").content.decode()))
    )
    assert rows[0]["title"] == "Fund repair cafés" and rows[0]["outcome"] == "carried"
    assert rows[0]["recused"] == str(seats[0].member)
    data = client.get("/governance/decisions.json").json()["decisions"]
    assert data[0]["for"] == sorted(str(s.member) for s in seats[1:])
    assert data[0]["agenda_item"] == "Town-centre grants"


def test_the_interests_register_exports_as_csv_and_json(client, decision):
    d, seats = decision
    rows = list(
        csv.DictReader(io.StringIO(client.get("/governance/interests.csv").content.decode()))
    )
    assert rows[0]["member"] == str(seats[0].member) and rows[0]["description"] == "Owns a café"
    data = client.get("/governance/interests.json").json()["interests"]
    assert data[0]["meeting"] == "December board"


def test_a_private_item_is_not_named_in_the_public_registers(client, officer):
    seats = board(micro=3, sme=0, social=1)
    meeting = board_meeting(officer)
    secret = item(officer, meeting, "Redundancy of the secretary", public=False)
    interest_declare(actor=seats[0].member, item=secret, description="Related to the secretary")
    decision_record(
        actor=officer,
        meeting=meeting,
        item=secret,
        title="Staffing",
        text="Agreed.",
        votes={s.member: "for" for s in seats[1:]},
    )
    for path in (
        "decisions.csv",
        "decisions.json",
        "interests.csv",
        "interests.json",
        "decisions/",
        "interests/",
        "decisions.atom",
    ):
        assert "Redundancy" not in client.get(f"/governance/{path}").content.decode(), path
