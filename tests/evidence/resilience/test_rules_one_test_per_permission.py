"""Who may do what with principles, the scorecard, the network and impact reports: one test
per permission, each asked through has_perm as the views and services ask it."""

import pytest

from altlep.evidence.models import ImpactNetwork
from tests.factories import OrganisationFactory, UserFactory
from tests.governance.factories import board

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_anyone_may_view_the_scorecard(anonymous, member):
    assert anonymous.has_perm("evidence.view_scorecard") and member.has_perm(
        "evidence.view_scorecard"
    )


def test_anyone_may_view_the_network(anonymous):
    assert anonymous.has_perm("evidence.view_network")


def test_anyone_may_view_impact_reports(anonymous):
    assert anonymous.has_perm("evidence.view_impact")


def test_only_officers_manage_principles(officer, member):
    assert officer.has_perm("evidence.manage_principles")
    assert not member.has_perm("evidence.manage_principles")


def test_only_officers_enter_indicator_figures(officer, member):
    assert officer.has_perm("evidence.enter_indicator")
    assert not member.has_perm("evidence.enter_indicator")


def test_officers_and_board_members_assess_initiatives(officer, member):
    seat = board(micro=1, sme=0, social=0)[0]
    assert officer.has_perm("evidence.assess_initiative")
    assert seat.member.has_perm("evidence.assess_initiative")
    assert not member.has_perm("evidence.assess_initiative")


def test_only_officers_import_other_areas_scorecards(officer, member):
    assert officer.has_perm("evidence.import_scorecard")
    assert not member.has_perm("evidence.import_scorecard")


def test_only_officers_import_emission_factors(officer, member):
    assert officer.has_perm("evidence.import_emission_factors")
    assert not member.has_perm("evidence.import_emission_factors")


def test_those_who_speak_for_an_organisation_file_its_report(officer, member, organisation):
    stranger = UserFactory()
    assert member.has_perm("evidence.file_impact_report", organisation)  # its owner-manager
    assert officer.has_perm("evidence.file_impact_report", organisation)
    assert not stranger.has_perm("evidence.file_impact_report", organisation)


def test_the_convenor_or_an_officer_publishes_a_network_s_report(officer, member):
    convenor = UserFactory()
    network = ImpactNetwork.objects.create(name="Quarter", slug="quarter", convenor=convenor)
    network.members.add(OrganisationFactory())
    assert convenor.has_perm("evidence.publish_network_report", network)
    assert officer.has_perm("evidence.publish_network_report", network)
    assert not member.has_perm("evidence.publish_network_report", network)


def test_pages_refuse_those_the_rules_refuse(client, member, organisation):
    client.force_login(UserFactory())
    assert client.get("/evidence/scorecard/import/").status_code == 403
    assert client.get("/evidence/scorecard/assess/").status_code == 403
    assert client.get(f"/evidence/impact/file/{organisation.slug}/").status_code == 403
    response = client.post("/evidence/principles/", {"action": "new_version"})
    assert response.status_code == 403
