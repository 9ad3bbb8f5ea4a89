"""One test per permission in altlep/skills/rules.py: who is granted, and who is refused."""

import pytest

from tests.factories import UserFactory
from tests.skills.factories import make_application, make_apprenticeship, make_placement

pytestmark = pytest.mark.django_db


def test_view_placements_and_view_dashboard_are_public():
    from django.contrib.auth.models import AnonymousUser

    assert AnonymousUser().has_perm("skills.view_placements")
    assert AnonymousUser().has_perm("skills.view_dashboard")


def test_offer_placement_needs_an_owner_manager_with_a_confirmed_email():
    owner = make_placement().owner
    assert owner.has_perm("skills.offer_placement")
    owner.email_confirmed = False
    assert not owner.has_perm("skills.offer_placement")
    assert not UserFactory().has_perm("skills.offer_placement")


def test_manage_placement_is_its_owner_manager_only(officer):
    placement = make_placement()
    assert placement.owner.has_perm("skills.manage_placement", placement)
    assert not officer.has_perm("skills.manage_placement", placement)
    assert not UserFactory().has_perm("skills.manage_placement", placement)


def test_apply_needs_a_confirmed_member():
    assert UserFactory().has_perm("skills.apply")
    assert not UserFactory(email_confirmed=False).has_perm("skills.apply")


def test_answer_offer_is_the_applicant_only(officer):
    application = make_application(make_placement())
    assert application.applicant.has_perm("skills.answer_offer", application)
    assert not application.placement.owner.has_perm("skills.answer_offer", application)
    assert not officer.has_perm("skills.answer_offer", application)


def test_withdraw_application_is_the_applicant_only(officer):
    application = make_application(make_placement())
    assert application.applicant.has_perm("skills.withdraw_application", application)
    assert not application.placement.owner.has_perm("skills.withdraw_application", application)
    assert not officer.has_perm("skills.withdraw_application", application)


def test_move_application_is_the_placements_owner_manager_only(officer):
    application = make_application(make_placement())
    assert application.placement.owner.has_perm("skills.move_application", application)
    assert not application.applicant.has_perm("skills.move_application", application)
    assert not officer.has_perm("skills.move_application", application)


def test_record_milestone_is_the_owner_manager_or_an_officer(officer):
    apprenticeship = make_apprenticeship()
    assert apprenticeship.placement.owner.has_perm("skills.record_milestone", apprenticeship)
    assert officer.has_perm("skills.record_milestone", apprenticeship)
    assert not apprenticeship.application.applicant.has_perm(
        "skills.record_milestone", apprenticeship
    )


def test_claim_payment_is_the_owner_manager_only(officer):
    apprenticeship = make_apprenticeship()
    assert apprenticeship.placement.owner.has_perm("skills.claim_payment", apprenticeship)
    assert not officer.has_perm("skills.claim_payment", apprenticeship)


def test_decide_claim_and_manage_fund_are_officers_only(officer):
    owner = make_placement().owner
    assert officer.has_perm("skills.decide_claim") and officer.has_perm("skills.manage_fund")
    assert not owner.has_perm("skills.decide_claim")
    assert not owner.has_perm("skills.manage_fund")


def test_end_apprenticeship_is_the_owner_manager_or_an_officer(officer):
    apprenticeship = make_apprenticeship()
    assert apprenticeship.placement.owner.has_perm("skills.end_apprenticeship", apprenticeship)
    assert officer.has_perm("skills.end_apprenticeship", apprenticeship)
    assert not UserFactory().has_perm("skills.end_apprenticeship", apprenticeship)
