"""A network's report adds up its members' reports without counting twice the money members
pay each other or a pair of members that trade both ways."""

from altlep.evidence.impact.aggregate import (
    MemberReport,
    OutcomeItem,
    SpendItem,
    network_figures,
)


def test_spend_between_members_is_counted_once_and_ties_once_per_pair():
    cafe = MemberReport(
        "cafe",
        {"jobs": 3, "volunteer_hours": 100},
        spend=[
            SpendItem("bakery", 1000, True),  # another member: inside the network
            SpendItem(None, 500, True),  # a local supplier outside it
            SpendItem(None, 300, False),
        ],
    )
    bakery = MemberReport(
        "bakery",
        {"jobs": 2, "volunteer_hours": 20},
        spend=[SpendItem("cafe", 200, True), SpendItem(None, 700, False)],
    )
    figures = network_figures([cafe, bakery])
    assert figures["jobs"] == 5 and figures["volunteer_hours"] == 120
    assert figures["spend_pence"] == 500 + 300 + 700
    assert figures["local_spend_pence"] == 500
    assert figures["spend_between_members_pence"] == 1200
    assert figures["ties_between_members"] == 1  # cafe–bakery, both ways, once
    assert figures["members_reporting"] == 2


def test_outcomes_add_up_net_of_deadweight_attribution_and_drop_off():
    outcome = OutcomeItem("health", 10, 1000_00, 0.2, 0.25, 0.5, years=2)
    # year 1: 1000 × 0.8 × 0.75 = 600; year 2: 600 × 0.5 = 300
    assert outcome.net_pence == 900_00
    figures = network_figures([MemberReport("a", {}, outcomes=[outcome])])
    assert figures["outcomes"]["health"] == {
        "quantity": 10,
        "gross_pence": 1000_00,
        "net_pence": 900_00,
    }
