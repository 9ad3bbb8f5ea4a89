"""A share chart draws 5% as a twentieth of the full bar, not as the longest bar."""

import re

from altlep.flows.report import bars_svg


def _widths(svg: str) -> list[int]:
    return [int(w) for w in re.findall(r'<rect x="\d+" y="\d+" width="(\d+)"', svg)]


def test_a_small_share_is_drawn_small_even_when_it_is_the_largest():
    assert _widths(
        bars_svg([("Social economy", 0.05), ("Micro", 0.0)], title="t", percent=True)
    ) == [
        19,
        0,
    ]


def test_amounts_are_drawn_against_the_largest_amount():
    assert _widths(bars_svg([("A", 50.0), ("B", 100.0)], title="t")) == [190, 380]
