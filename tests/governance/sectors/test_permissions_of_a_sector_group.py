"""One test per permission and person: convenor, business member, local-authority counterpart,
public."""

import pytest

from altlep.governance.services import prospectus as p
from altlep.governance.services.evidence_base import survey_create


@pytest.fixture
def draft(people):
    return p.prospectus_start(actor=people.convenor, group=people.group, title="Prospectus")


@pytest.fixture
def survey(people):
    return survey_create(
        actor=people.convenor,
        group=people.group,
        title="S",
        intro="",
        questions=[{"text": "Staff?", "kind": "number"}],
    )


def test_the_convenor_writes_surveys_publishes_and_sends_initiatives(people, draft):
    c = people.convenor
    assert c.has_perm("governance.write_survey", people.group)
    assert c.has_perm("governance.publish_prospectus", draft)
    assert c.has_perm("governance.send_initiative", draft)


def test_a_business_member_edits_signs_answers_but_does_not_publish(people, draft, survey):
    b = people.business
    assert b.has_perm("governance.edit_prospectus", draft)
    assert b.has_perm("governance.sign_off_prospectus", draft)
    assert b.has_perm("governance.answer_survey", survey)
    assert not b.has_perm("governance.publish_prospectus", draft)
    assert not b.has_perm("governance.write_survey", people.group)


def test_a_local_authority_counterpart_co_writes_and_adds_evidence_but_does_not_answer(
    people, draft, survey
):
    la = people.council
    assert la.has_perm("governance.edit_prospectus", draft)
    assert la.has_perm("governance.add_evidence", people.group)
    assert la.has_perm("governance.sign_off_prospectus", draft)
    assert not la.has_perm("governance.answer_survey", survey)  # a survey of businesses


def test_the_public_sees_only_a_published_prospectus(people, draft, client):
    o = people.outsider
    assert not o.has_perm("governance.view_prospectus", draft)
    assert not o.has_perm("governance.edit_prospectus", draft)
    assert not o.has_perm("governance.add_evidence", people.group)
    url = f"/governance/groups/{people.group.slug}/prospectus/"
    assert client.get(url).status_code in {403, 404}
    draft.published_version = draft.version
    draft.save()
    assert client.get(url).status_code == 200
