"""Importing a past round from a real pabulib file, and refusing a malformed one whole."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from altlep.commissioning.models import Ballot, Project, Round
from altlep.commissioning.services.results import round_import_and_count
from tests.shared_data import require_shared

pytestmark = pytest.mark.django_db


def test_a_real_past_round_imports_with_its_ballots_and_official_result(officer):
    path = require_shared("pabulib", "Netherlands_Assen_2024.pb")
    round_ = round_import_and_count(
        actor=officer, text=path.read_text(encoding="utf-8"), source_name=path.name
    )
    assert round_.imported_from == path.name
    assert Project.objects.filter(round=round_).count() > 0
    assert (
        Ballot.objects.filter(round=round_).count()
        == len(path.read_text(encoding="utf-8").split("VOTES")[1].strip().splitlines()) - 1
    )
    result = round_.result
    assert result.published and result.official_winners
    assert round_.current_phase_kind is None  # every phase of a past round is over


def test_a_malformed_file_is_refused_with_its_line_and_imports_nothing(officer):
    broken = (
        "META\nkey;value\nnum_projects;1\nnum_votes;1\nbudget;100\nvote_type;approval\n"
        "PROJECTS\nproject_id;cost\n1;-5\nVOTES\nvoter_id;vote\n1;1\n"
    )
    with pytest.raises(ValidationError, match="line 9"):
        round_import_and_count(actor=officer, text=broken, source_name="broken.pb")
    assert not Round.objects.exists() and not Ballot.objects.exists()


def test_an_officer_imports_through_the_page_and_sees_the_comparison(client, officer):
    path = require_shared("pabulib", "Netherlands_Assen_2024.pb")
    client.force_login(officer)
    with path.open("rb") as handle:
        response = client.post(reverse("commissioning:round_import"), {"file": handle})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert b"Compared with the official result" in page.content


def test_a_member_cannot_import(client, member):
    client.force_login(member)
    assert client.get(reverse("commissioning:round_import")).status_code == 403
