"""The scorecard's radar: one axis per theme at its share of indicators meeting target, a
theme with no data labelled so (not drawn at 0%), accessible with a title and description,
on the page beside the bars and the table."""

import re

import pytest

from altlep.evidence.charts import radar_svg
from tests.evidence.resilience.helpers import adopted_principles, analysis, period

AXES = [("North", 1.0), ("East", 0.5), ("South", None), ("West", 0.0)]


def _points(svg: str) -> list[tuple[float, float]]:
    shape = re.findall(r'<polygon points="([^"]+)" fill="#2b6cb0"', svg)[0]
    return [tuple(map(float, p.split(","))) for p in shape.split()]


def test_each_theme_s_share_is_its_distance_from_the_centre():
    svg = radar_svg(AXES, title="T", desc="D")
    (nx, ny), (ex, ey), (wx, wy) = _points(svg)
    centre_x, centre_y = 360.0, 230.0
    assert (nx, ny) == (centre_x, centre_y - 150)  # 100% on the outer ring, straight up
    assert (round(ex, 1), round(ey, 1)) == (centre_x + 75, centre_y)  # 50% to the right
    assert (round(wx, 1), round(wy, 1)) == (centre_x, centre_y)  # 0% is the centre


def test_a_theme_with_no_data_is_labelled_and_left_out_of_the_shape():
    svg = radar_svg(AXES, title="T", desc="D")
    assert len(_points(svg)) == 3
    assert ">South</tspan>" in svg and ">no data</tspan>" in svg
    assert "<title>East: 50%</title>" in svg


def test_the_radar_names_itself_for_screen_readers():
    svg = radar_svg(AXES, title="Themes & targets", desc="North 100%")
    assert svg.startswith('<svg role="img" aria-labelledby="radar-title radar-desc"')
    assert '<title id="radar-title">Themes &amp; targets</title>' in svg
    assert '<desc id="radar-desc">North 100%</desc>' in svg


@pytest.mark.django_db
def test_the_scorecard_page_shows_the_radar_the_bars_and_the_table(client, officer, partnership):
    adopted_principles(officer)
    year = period(officer)
    analysis(months=[("2025-06", 1000_00, 450_00)])
    text = client.get(f"/evidence/scorecard/{year.pk}/").content.decode()
    radar = text[text.index('aria-labelledby="radar-title radar-desc"') :]
    assert "Investment and local resource flows 100%" in radar
    assert "no data for Responsible business" in radar
    assert text.count('<svg role="img"') == 2  # the radar and the bars
    assert "<caption>Indicators by theme</caption>" in text
