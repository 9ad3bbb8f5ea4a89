"""The published prospectus renders as a PDF whose text contains its initiatives."""

import io

import pytest
from pypdf import PdfReader

from altlep.governance.services import prospectus as p


@pytest.fixture
def published(people):
    prospectus = p.prospectus_start(
        actor=people.convenor, group=people.group, title="A creative economy for all"
    )
    section = p.section_save(
        actor=people.convenor, prospectus=prospectus, title="Workspace", body="Studios."
    )
    p.initiative_save(
        actor=people.convenor,
        section=section,
        title="Shared studios in mills",
        what="Convert mill floors into studios.",
        lead="The group",
        theme="investment",
    )
    prospectus.refresh_from_db()
    for who in (people.convenor, people.business, people.council):
        p.prospectus_sign_off(actor=who, prospectus=prospectus)
    return p.prospectus_publish(actor=people.convenor, prospectus=prospectus)


def test_the_pdf_text_contains_the_initiatives(client, published):
    response = client.get(f"/governance/groups/{published.group.slug}/prospectus.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Shared studios in mills" in text
    assert "A creative economy for all" in text
