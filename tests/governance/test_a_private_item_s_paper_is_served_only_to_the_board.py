"""A paper for a private agenda item is downloaded only by the board and officers: its file's
address, known or guessed, gives everyone else a 404 (the `governance.download_paper` rule)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from altlep.governance.services.meetings import paper_add
from tests.factories import UserFactory
from tests.governance.factories import seat
from tests.governance.helpers import board_meeting, item

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def papers(officer):
    meeting = board_meeting(officer)
    private = item(officer, meeting, title="Landlord negotiations", public=False)
    public = item(officer, meeting, title="Town-centre grants")
    return {
        "private": paper_add(
            actor=officer,
            meeting=meeting,
            title="Heads of terms",
            item=private,
            file=SimpleUploadedFile("terms.pdf", PDF),
        ),
        "public": paper_add(
            actor=officer,
            meeting=meeting,
            title="Grant criteria",
            item=public,
            file=SimpleUploadedFile("criteria.pdf", PDF),
        ),
    }


def test_anyone_may_download_a_public_item_s_paper(client, member, papers):
    assert client.get(papers["public"].href).status_code == 200
    client.force_login(member)
    assert client.get(papers["public"].href).status_code == 200


def test_a_visitor_or_a_member_off_the_board_gets_a_404_for_a_private_item_s_paper(
    client, member, papers
):
    assert client.get(papers["private"].href).status_code == 404
    client.force_login(member)
    assert client.get(papers["private"].href).status_code == 404


def test_the_board_and_officers_may_download_a_private_item_s_paper(client, officer, papers):
    board_member = UserFactory()
    seat(board_member, "micro")
    for viewer in (board_member, officer):
        client.force_login(viewer)
        assert client.get(papers["private"].href).status_code == 200


def test_the_download_paper_rule(member, officer, papers):
    assert member.has_perm("governance.download_paper", papers["public"])
    assert not member.has_perm("governance.download_paper", papers["private"])
    assert officer.has_perm("governance.download_paper", papers["private"])
