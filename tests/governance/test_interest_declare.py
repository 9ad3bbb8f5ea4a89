"""The register of interests: board members declare, and the register is public."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from altlep.governance.models import Interest
from altlep.governance.services.decisions import interest_declare
from tests.governance.factories import board

pytestmark = pytest.mark.django_db


def test_a_board_member_declares_a_general_interest_which_anyone_can_read(client):
    member = board(micro=1, sme=0, social=0)[0].member
    interest_declare(actor=member, description="Director of Blackburn Bikes Ltd")
    html = client.get("/governance/interests/").content.decode()
    assert "Director of Blackburn Bikes Ltd" in html and str(member) in html


def test_someone_not_on_the_board_cannot_declare(member):
    with pytest.raises(PermissionDenied):
        interest_declare(actor=member, description="Nothing")
    assert not Interest.objects.exists()


def test_an_interest_needs_a_description():
    member = board(micro=1, sme=0, social=0)[0].member
    with pytest.raises(ValidationError, match="Describe"):
        interest_declare(actor=member, description=" ")
