"""The group's evidence base, survey, prospectus, versions, plan and research pages render for
the people who may see them."""

import pytest

from altlep.governance.services import prospectus as p
from altlep.governance.services.evidence_base import evidence_add, survey_create


@pytest.fixture
def written(people):
    prospectus = p.prospectus_start(actor=people.convenor, group=people.group, title="Prosp")
    section = p.section_save(actor=people.convenor, prospectus=prospectus, title="S1", body="b")
    p.section_save(
        actor=people.business, prospectus=prospectus, section=section, title="S1", body="b2"
    )
    evidence_add(
        actor=people.council,
        group=people.group,
        kind="figure",
        title="Creative businesses",
        figure="1,240",
        source="Council business rates",
    )
    survey_create(
        actor=people.convenor,
        group=people.group,
        title="Our businesses",
        intro="",
        questions=[{"text": "Staff?", "kind": "number"}],
    )
    return prospectus


def test_the_evidence_base_cites_every_item_for_anyone(client, people, written):
    page = client.get(f"/governance/groups/{people.group.slug}/evidence/").content.decode()
    assert "Creative businesses" in page and "Council business rates" in page
    assert "Our businesses" in page


def test_a_member_reads_the_draft_and_its_diff(client, people, written):
    client.force_login(people.business)
    slug = people.group.slug
    assert (
        "Sign off version 3"
        in client.get(f"/governance/groups/{slug}/prospectus/").content.decode()
    )
    diff = client.get(
        f"/governance/groups/{slug}/prospectus/versions/?old=2&new=3"
    ).content.decode()
    assert "− b" in diff and "+ b2" in diff


def test_a_convenor_adds_an_initiative_through_the_page(client, people, written):
    client.force_login(people.convenor)
    section = written.sections.get()
    response = client.post(
        f"/governance/groups/{people.group.slug}/prospectus/initiatives/",
        {
            "section": section.pk,
            "title": "Open studios weekend",
            "what": "A weekend of open studios.",
            "lead": "Cara",
            "theme": "engagement",
            "cost": "2,500",
        },
    )
    assert response.status_code == 302
    assert section.initiatives.get().cost_pence == 250_000


def test_the_research_page_lists_groups_and_how_to_take_part(client, people, written):
    page = client.get("/governance/research/").content.decode()
    assert people.group.name in page
    assert "How to take part" in page and "prospectus being written" in page


def test_the_plan_page_renders_for_the_public(client, db):
    assert client.get("/governance/plan/").status_code == 200


def test_a_member_edits_a_section_on_the_page_and_a_version_is_added(client, people, written):
    client.force_login(people.business)
    section = written.sections.get()
    client.post(
        f"/governance/groups/{people.group.slug}/prospectus/sections/",
        {"section": section.pk, "title": "S1", "body": "b3"},
    )
    written.refresh_from_db()
    assert written.version == 4
    assert (
        "Edit the section “S1”"
        in client.get(f"/governance/groups/{people.group.slug}/prospectus/").content.decode()
    )
