"""Forming a consortium for a lot: coverage, the gap-closing firms, invitations, acceptance,
and the combined conditions of participation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from altlep.members import services as members
from altlep.members.models import Role
from altlep.supply.models import MemberStatus
from altlep.supply.selectors import consortium_analysis
from altlep.supply.services.consortia import (
    consortium_create,
    consortium_invite,
    consortium_respond,
)
from tests.factories import UserFactory
from tests.supply.factories import lot_for, supplier

NEEDS = ["45310000", "45330000", "45442100"]


@pytest.fixture
def firms(partnership, cpv):
    return {
        "lead": supplier(
            "Preston Sparks Ltd",
            ["45310000"],
            turnover_pence=80_000_00,
            years_trading=6,
            insurance=[{"kind": "public liability", "cover_pence": 5_000_000_00}],
        ),
        "pipes": supplier("Preston Pipes Ltd", ["45330000"], postcode="PR2 9YJ"),
        "painters": supplier("Preston Painters Ltd", ["45442100"], postcode="PR2 9YJ"),
        "builders": supplier(
            "Chorley Builders Ltd",
            ["45300000", "45442100"],
            postcode="PR2 9YJ",
            turnover_pence=70_000_00,
        ),
    }


def _consortium(firms, **conditions):
    lot = lot_for(NEEDS, **conditions)
    lead = firms["lead"]
    return consortium_create(
        actor=lead.owner,
        lot=lot,
        lead=lead,
        name="Preston Refurb",
        role="Electrical work",
        work_share_percent=40,
    )


def test_the_gap_is_closed_by_the_smallest_set_then_covered_once_accepted(firms):
    consortium = _consortium(firms)
    before = consortium_analysis(consortium)
    assert not before["complete"]
    assert [n["code"] for n in before["uncovered"]] == ["45330000", "45442100"]
    assert [f["name"] for f in before["gap_cover"]] == ["Chorley Builders Ltd"]

    builders = firms["builders"]
    place = consortium_invite(
        actor=firms["lead"].owner,
        consortium=consortium,
        organisation=builders,
        role="Plumbing and decorating",
        work_share_percent=60,
    )
    assert not consortium_analysis(consortium)["complete"]
    consortium_respond(actor=builders.owner, place=place, accept=True)
    after = consortium_analysis(consortium)
    assert after["complete"] and after["uncovered"] == [] and after["gap_cover"] == []


def test_a_member_invited_twice_is_refused(firms):
    consortium = _consortium(firms)
    lead = firms["lead"]
    consortium_invite(
        actor=lead.owner, consortium=consortium, organisation=firms["pipes"], role="Plumbing"
    )
    with pytest.raises(ValidationError) as refused:
        consortium_invite(
            actor=lead.owner, consortium=consortium, organisation=firms["pipes"], role="Plumbing"
        )
    assert "already invited" in refused.value.message_dict["organisation"][0]
    assert consortium.members.count() == 2


def test_only_the_invited_organisation_s_owner_manager_may_accept(firms):
    consortium = _consortium(firms)
    pipes = firms["pipes"]
    place = consortium_invite(
        actor=firms["lead"].owner, consortium=consortium, organisation=pipes, role="Plumbing"
    )
    employee = UserFactory()
    members.affiliation_add(
        actor=pipes.owner, member=employee, organisation=pipes, role=Role.EMPLOYEE
    )
    with pytest.raises(PermissionDenied):
        consortium_respond(actor=employee, place=place, accept=True)
    with pytest.raises(PermissionDenied):
        consortium_respond(actor=firms["lead"].owner, place=place, accept=True)
    consortium_respond(actor=pipes.owner, place=place, accept=False)
    place.refresh_from_db()
    assert place.status == MemberStatus.DECLINED


def test_shares_over_100_percent_are_refused(firms):
    consortium = _consortium(firms)
    with pytest.raises(ValidationError) as refused:
        consortium_invite(
            actor=firms["lead"].owner,
            consortium=consortium,
            organisation=firms["pipes"],
            role="Plumbing",
            work_share_percent=70,
        )
    assert "work_share_percent" in refused.value.message_dict


def test_a_capability_no_local_firm_offers_cannot_be_covered(firms):
    lot = lot_for(["45310000", "85310000"])
    consortium = consortium_create(
        actor=firms["lead"].owner,
        lot=lot,
        lead=firms["lead"],
        name="Care and sparks",
        role="Electrical work",
    )
    analysis = consortium_analysis(consortium)
    assert [n["code"] for n in analysis["cannot_cover"]] == ["85310000"]
    assert analysis["gap_cover"] == []


def test_conditions_are_checked_for_the_accepted_members_together(firms):
    consortium = _consortium(
        firms,
        minimum_turnover_pence=120_000_00,
        minimum_years_trading=5,
        insurance_requirements=[
            {"kind": "public liability", "cover_pence": 5_000_000_00, "when": "tender"}
        ],
    )
    met = {c.name: c.met for c in consortium_analysis(consortium)["conditions"]}
    assert met == {"turnover": False, "experience": True, "insurance: public liability": True}
    builders = firms["builders"]
    place = consortium_invite(
        actor=firms["lead"].owner, consortium=consortium, organisation=builders, role="Building"
    )
    consortium_respond(actor=builders.owner, place=place, accept=True)
    met = {c.name: c.met for c in consortium_analysis(consortium)["conditions"]}
    assert met["turnover"] is True  # £80,000 and £70,000 together pass £120,000
