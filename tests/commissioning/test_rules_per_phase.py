"""One test per permission per phase: the matrix of rules.py, checked in every phase."""

import pytest
from django.contrib.auth.models import AnonymousUser

from altlep.commissioning.services.results import results_publish, round_count
from tests.commissioning.factories import (
    IdeaFactory,
    ProjectFactory,
    RoundFactory,
    lay_out_phases,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PHASES = ["before", "collect", "assess", "vote", "results", "delivery", "after"]

# permission → the phases in which a confirmed member (or officer, for officer rules) may use it
MEMBER_RULES = {
    "commissioning.submit_idea": {"collect"},
    "commissioning.comment_idea": {"collect", "assess", "vote"},
    "commissioning.support_idea": {"collect", "assess"},
    "commissioning.pledge": {"collect", "assess", "vote"},
    "commissioning.vote": {"vote"},
}
OFFICER_RULES = {
    "commissioning.assess_idea": {"assess"},
    "commissioning.confirm_pledge": {"assess", "vote"},
}


def _target(permission, round_):
    if permission in {"commissioning.comment_idea", "commissioning.support_idea"}:
        return IdeaFactory(round=round_)
    if permission in {"commissioning.pledge", "commissioning.confirm_pledge"}:
        return ProjectFactory(round=round_)
    return round_


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("permission", sorted(MEMBER_RULES))
def test_member_permissions_follow_the_phase(permission, phase, member, officer):
    round_ = RoundFactory(phase=phase)
    target = _target(permission, round_)
    allowed = phase in MEMBER_RULES[permission]
    assert member.has_perm(permission, target) is allowed
    assert not AnonymousUser().has_perm(permission, target)
    assert not UserFactory(email_confirmed=False).has_perm(permission, target)


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("permission", sorted(OFFICER_RULES))
def test_officer_permissions_follow_the_phase(permission, phase, member, officer):
    round_ = RoundFactory(phase=phase)
    target = _target(permission, round_)
    assert officer.has_perm(permission, target) is (phase in OFFICER_RULES[permission])
    assert not member.has_perm(permission, target)


@pytest.mark.parametrize("phase", PHASES)
def test_only_officers_manage_and_import_rounds_in_any_phase(phase, member, officer):
    round_ = RoundFactory(phase=phase)
    for permission in ("commissioning.manage_round", "commissioning.moderate"):
        assert officer.has_perm(permission, round_)
        assert not member.has_perm(permission, round_)
    assert officer.has_perm("commissioning.import_round")
    assert not member.has_perm("commissioning.import_round")


@pytest.mark.parametrize("phase", PHASES)
def test_anyone_may_view_a_round_and_report_content_in_any_phase(phase):
    round_ = RoundFactory(phase=phase)
    assert AnonymousUser().has_perm("commissioning.view_round", round_)
    assert AnonymousUser().has_perm("commissioning.report_content", IdeaFactory(round=round_))


@pytest.mark.parametrize("phase", PHASES)
def test_a_round_is_counted_only_after_its_vote_closed(phase, officer, member):
    round_ = RoundFactory(phase=phase)
    closed = phase in {"results", "delivery", "after"}
    assert officer.has_perm("commissioning.count_round", round_) is closed
    assert not member.has_perm("commissioning.count_round", round_)


def _counted_round(officer, member, phase="results"):
    round_ = RoundFactory(phase="vote")
    project = ProjectFactory(round=round_)
    from altlep.commissioning.services.ballots import ballot_cast

    ballot_cast(round_=round_, voter=member, choices={project.pk: 1})
    lay_out_phases(round_, phase)
    round_count(actor=officer, round_=round_)
    return round_, project


@pytest.mark.parametrize("phase", ["results", "delivery", "after"])
def test_a_round_is_counted_only_once(phase, officer, member):
    round_, _ = _counted_round(officer, member, phase)
    assert not officer.has_perm("commissioning.count_round", round_)


@pytest.mark.parametrize("phase", ["results", "delivery"])
def test_results_are_published_once_by_an_officer(phase, officer, member):
    round_, _ = _counted_round(officer, member, phase)
    assert officer.has_perm("commissioning.publish_results", round_)
    assert not member.has_perm("commissioning.publish_results", round_)
    results_publish(actor=officer, round_=round_)
    assert not officer.has_perm("commissioning.publish_results", round_)


@pytest.mark.parametrize("phase", ["results", "delivery"])
def test_unpublished_results_are_for_officers_only(phase, officer, member):
    round_, _ = _counted_round(officer, member, phase)
    assert officer.has_perm("commissioning.view_results", round_)
    assert not member.has_perm("commissioning.view_results", round_)
    assert not AnonymousUser().has_perm("commissioning.export_ballots", round_)
    results_publish(actor=officer, round_=round_)
    assert AnonymousUser().has_perm("commissioning.view_results", round_)
    assert AnonymousUser().has_perm("commissioning.export_ballots", round_)


@pytest.mark.parametrize("phase", ["collect", "assess", "vote"])
def test_ballots_cannot_be_exported_before_the_vote_closes(phase, officer):
    assert not officer.has_perm("commissioning.export_ballots", RoundFactory(phase=phase))


@pytest.mark.parametrize("phase", ["results", "delivery"])
def test_only_funded_projects_of_published_rounds_get_delivery_updates(phase, officer, member):
    round_, project = _counted_round(officer, member, phase)
    assert not officer.has_perm("commissioning.update_delivery", project)
    results_publish(actor=officer, round_=round_)
    assert officer.has_perm("commissioning.update_delivery", project)
    assert not member.has_perm("commissioning.update_delivery", project)
    unfunded = ProjectFactory(round=round_)
    assert not officer.has_perm("commissioning.update_delivery", unfunded)


def test_residents_only_rounds_let_only_residents_vote(partnership, member):
    round_ = RoundFactory(phase="vote", residents_only=True)
    member.district_code = "E07000123"  # Preston, in the area
    assert member.has_perm("commissioning.vote", round_)
    member.district_code = "E08000035"  # Leeds, outside it
    assert not member.has_perm("commissioning.vote", round_)
    member.district_code = ""
    assert not member.has_perm("commissioning.vote", round_)
