"""The strategy and priority sectors page, published by officers."""

import pytest
from django.core.exceptions import PermissionDenied

from altlep.governance.services.strategy import strategy_update

pytestmark = pytest.mark.django_db


def test_an_officer_publishes_the_strategy_with_its_priority_sectors(client, officer):
    strategy_update(
        actor=officer,
        title="Keep money local",
        body="Micro-first.",
        sectors=[("Creative industries", "Fast-growing"), ("Repair", "")],
    )
    html = client.get("/governance/strategy/").content.decode()
    assert "Keep money local" in html and "Creative industries" in html
    assert html.index("Creative industries") < html.index("Repair")


def test_the_strategy_form_takes_one_sector_a_line(client, officer):
    client.force_login(officer)
    client.post(
        "/governance/strategy/edit/",
        {"title": "Ours", "body": "B", "sectors": "Food: local supply\nCare: jobs"},
    )
    assert "Food" in client.get("/governance/strategy/").content.decode()


def test_a_member_cannot_edit_the_strategy(member):
    with pytest.raises(PermissionDenied):
        strategy_update(actor=member, title="Mine", body="", sectors=[])
