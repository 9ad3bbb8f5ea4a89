"""Sizing on a fixture with known totals, including suppressed cells."""

from decimal import Decimal

from altlep.evidence.sizing import Figure, industries_for_sector, size_note, total


def test_rounded_cells_sum_to_a_rounded_total_with_its_margin():
    summed = total([Figure.rounded(10), Figure.rounded(25), Figure.rounded(5)])
    assert summed.value == 40
    assert summed.note == "rounded"
    assert not summed.is_exact
    assert summed.margin == 6  # three cells, each up to 2 from the truth
    assert "may differ by up to 6" in summed.explain()


def test_a_suppressed_cell_makes_the_total_a_lower_bound_not_a_zero():
    summed = total([Figure.rounded(100), Figure.suppressed(), Figure.rounded(20)])
    assert summed.value == 120
    assert summed.note == "partial"
    assert "lower bound" in summed.explain()


def test_all_cells_suppressed_gives_no_number():
    summed = total([Figure.suppressed(), Figure.suppressed()])
    assert summed.value is None
    assert summed.note == "suppressed"


def test_exact_counts_stay_exact():
    assert total([Figure.exact(3), Figure.exact(4)]).note == "exact"


def test_a_sector_finer_than_the_data_is_not_sized_but_bounded():
    sector = {"5811": Decimal(1), "9001": Decimal(1)}
    sections = {"J": frozenset({"5811", "5812", "6201"}), "R": frozenset({"9001", "9311"})}
    coverage = industries_for_sector(sector, sections)
    assert coverage.none
    assert coverage.partial == ["J", "R"]
    assert "upper bound" in size_note(coverage, "SIC section")


def test_a_sector_at_the_data_s_detail_is_sized_in_full():
    sector = {"5811": Decimal(1), "9001": Decimal("0.5")}
    classes = {c: frozenset({c}) for c in ("5811", "9001", "6201")}
    coverage = industries_for_sector(sector, classes)
    assert coverage.complete
    assert coverage.whole == {"5811": Decimal(1), "9001": Decimal("0.5")}
    assert Figure.rounded(40).scaled(Decimal("0.5")).value == 20
