"""Every public accountability page opens for anyone, and officer forms stay closed to others."""

import pytest

from tests.governance.factories import board

pytestmark = pytest.mark.django_db

PUBLIC = [
    "",
    "board/",
    "constitution/",
    "strategy/",
    "elections/",
    "meetings/",
    "decisions/",
    "interests/",
    "groups/",
]


@pytest.mark.parametrize("path", PUBLIC)
def test_a_public_page_opens_without_logging_in(client, path):
    board(micro=5, sme=1, social=1, councillors=1)
    response = client.get(f"/governance/{path}")
    assert response.status_code == 200


def test_the_board_page_shows_composition_against_the_rules(client):
    board(micro=5, sme=1, social=1, councillors=1)
    html = client.get("/governance/board/").content.decode()
    assert "The board against the constitution" in html
    assert "<strong>5 of 7</strong>" in html and "a majority" in html


@pytest.mark.parametrize(
    "path",
    ["meetings/new/", "elections/new/", "groups/new/", "strategy/edit/", "interests/declare/"],
)
def test_forms_for_officers_and_the_board_are_refused_to_members(client, member, path):
    client.force_login(member)
    assert client.get(f"/governance/{path}").status_code == 403


def test_an_officer_changes_the_constitution_through_the_page_and_sees_refusals(client, officer):
    from altlep.governance.models import Constitution
    from altlep.governance.services.constitution import FIELDS

    client.force_login(officer)
    data = {f: getattr(Constitution(), f) for f in FIELDS}
    data["micro_majority"] = "on"
    data["micro_max"] = 3
    page = client.post("/governance/constitution/", data)
    assert "micro-enterprise majority" in page.content.decode()
    assert not Constitution.objects.exists()
    data["micro_max"] = 9
    data["term_limit"] = 3
    assert client.post("/governance/constitution/", data).status_code == 302
    assert Constitution.objects.get().term_limit == 3
