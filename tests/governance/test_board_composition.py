"""The board's composition measured against the constitution, over many boards."""

import pytest

from altlep.governance.models import Constitution
from altlep.governance.selectors.composition import board_composition, composition_breaches
from tests.governance.factories import board

pytestmark = pytest.mark.django_db


def rules_broken(**counts) -> set[tuple[str, bool]]:
    cats = [c for c, n in counts.items() for _ in range(n)]
    return {(b.rule, b.hard) for b in composition_breaches(Constitution(), cats)}


@pytest.mark.parametrize(
    ("counts", "broken"),
    [
        ({"micro": 5, "sme": 2, "social": 1, "resident": 1}, set()),
        ({"micro": 6, "sme": 2, "social": 1, "councillor": 3}, set()),
        (
            {"micro": 4, "sme": 2, "social": 2, "resident": 1},
            {("micro-enterprise majority", True), ("category minimum", False)},
        ),
        ({"micro": 9, "social": 0}, {("category minimum", False)}),
        ({"micro": 8, "social": 2}, {("board size", True)}),
        ({"micro": 5, "sme": 3, "social": 1}, {("category maximum", True)}),
        ({"micro": 5, "social": 1, "councillor": 4}, {("category maximum", True)}),
        (
            {"micro": 1, "social": 1},
            {("micro-enterprise majority", True), ("category minimum", False)},
        ),
        ({"micro": 3, "social": 1, "councillor": 3}, {("category minimum", False)}),
    ],
)
def test_a_board_breaks_exactly_the_rules_it_should(counts, broken):
    assert rules_broken(**counts) == broken


def test_the_board_at_a_glance_counts_each_category_against_its_rules():
    board(micro=5, sme=1, social=1, councillors=2)
    glance = board_composition()
    rows = {r.category: r for r in glance["rows"]}
    assert rows["micro"].filled == 5 and rows["micro"].ok
    assert rows["councillor"].filled == 2 and not rows["councillor"].voting
    assert glance["voting_filled"] == 7 and glance["majority_held"]
