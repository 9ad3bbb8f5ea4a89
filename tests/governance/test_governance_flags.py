"""Lapsed eligibility, terms run out and vacancies below a minimum are flagged for officers."""

import datetime

import pytest

from altlep.governance.selectors.composition import governance_flags
from altlep.governance.services.board import seat_end
from altlep.members.services import OrganisationDetails, organisation_update
from tests.governance.factories import SIZES, board, micro_owner, seat

pytestmark = pytest.mark.django_db


def test_an_owner_whose_firm_grows_past_micro_is_flagged(officer):
    board(micro=4, sme=0, social=1)
    owner = micro_owner(display_name="Gwen Grower")
    seat(owner, "micro")
    assert governance_flags() == []
    firm = owner.affiliations.get().organisation
    details = OrganisationDetails(
        name=firm.name,
        legal_form=firm.legal_form,
        postcode=firm.postcode,
        sic_codes=firm.sic_codes,
        **SIZES["small"],
    )
    organisation_update(actor=owner, organisation=firm, details=details)
    flags = governance_flags()
    assert [f.rule for f in flags] == ["eligibility"]
    assert "Gwen Grower" in flags[0].message and "micro-enterprise" in flags[0].message


def test_a_resignation_is_accepted_and_the_vacancy_below_the_minimum_is_flagged(officer):
    seats = board(micro=5, sme=0, social=1)
    social = next(s for s in seats if s.category == "social")
    seat_end(actor=social.member, seat=social)
    flags = governance_flags()
    assert any(f.rule == "category minimum" and f.category == "social" for f in flags)


def test_a_term_that_has_run_out_is_flagged():
    board(micro=5, social=1, sme=0)
    seat(
        micro_owner(display_name="Old Timer"),
        "micro",
        started_on=datetime.date.today() - datetime.timedelta(days=800),
        months=12,
    )
    flags = governance_flags()
    assert any(f.rule == "term of office" and "Old Timer" in f.message for f in flags)


def test_officers_see_flags_on_the_board_page_and_members_do_not(client, officer, member):
    board(micro=2, social=2, sme=0)
    client.force_login(officer)
    assert "Flags for officers" in client.get("/governance/board/").content.decode()
    client.force_login(member)
    assert "Flags for officers" not in client.get("/governance/board/").content.decode()
