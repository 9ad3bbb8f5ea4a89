"""A scenario's local share and LM3 are what the flows engine gives on the spend as changed."""

import pytest
from django.core.exceptions import ValidationError

from altlep.evidence import services as evidence
from altlep.evidence.selectors import analysis_for, lm3_for
from altlep.members.models import Role
from altlep.supply.services.scenarios import scenario_save
from tests.evidence.conftest import FIXTURES
from tests.factories import OrganisationFactory, UserFactory


def _body(officer, name):
    council = OrganisationFactory(
        name=name, legal_form="public", created_by=UserFactory(), role=Role.OFFICER
    )
    return evidence.anchor_body_create(actor=officer, name=name, organisation=council)


def test_moving_a_third_of_consultancy_gives_the_lm3_of_the_changed_file(
    partnership, officer, tmp_path
):
    body = _body(officer, "Preston City Council")
    evidence.spend_upload_create(
        actor=officer, body=body, spend_file=FIXTURES / "spend_small.csv", background=False
    )
    scenario = scenario_save(actor=officer, body=body, category="Consultancy", percent=33)
    figures = scenario.figures
    # Consultancy paid £4,500 to London; 33% of it is £1,485.
    assert figures["moved_pence"] == 1_485_00

    # The same spend with £1,485 of the consultancy paid instead to a local firm.
    changed = (FIXTURES / "spend_small.csv").read_text().replace('"3,000.00"', '"1,515.00"')
    changed += '22/05/2024,Preston Bakers Ltd,PR1 2HE,,"1,485.00",Consultancy,Corporate,T7\n'
    changed_file = tmp_path / "changed.csv"
    changed_file.write_text(changed)
    other = _body(officer, "Preston City Council as changed")
    evidence.spend_upload_create(
        actor=officer, body=other, spend_file=changed_file, background=False
    )
    after = lm3_for(body=other, analysis=analysis_for(body=other))
    full = analysis_for(body=other).result["full"]

    assert figures["lm3_after"] == after["lm3"]
    assert figures["local_after_pence"] == full["flows_pence"]["local"]
    assert figures["local_share_after"] == full["shares"]["local"]
    assert figures["lm3_before"] == lm3_for(body=body, analysis=analysis_for(body=body))["lm3"]
    assert figures["lm3_after"] > figures["lm3_before"]


def test_a_percentage_outside_0_to_100_is_refused_naming_the_field(partnership, officer):
    body = _body(officer, "Preston City Council")
    evidence.spend_upload_create(
        actor=officer, body=body, spend_file=FIXTURES / "spend_small.csv", background=False
    )
    with pytest.raises(ValidationError) as refused:
        scenario_save(actor=officer, body=body, category="Consultancy", percent=140)
    assert "percent" in refused.value.message_dict


def test_a_category_that_does_not_leak_is_refused(partnership, officer):
    body = _body(officer, "Preston City Council")
    evidence.spend_upload_create(
        actor=officer, body=body, spend_file=FIXTURES / "spend_small.csv", background=False
    )
    with pytest.raises(ValidationError) as refused:
        scenario_save(actor=officer, body=body, category="Catering", percent=10)
    assert "category" in refused.value.message_dict
