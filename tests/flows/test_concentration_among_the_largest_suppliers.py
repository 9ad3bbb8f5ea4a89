import pytest

from altlep.flows.breakdowns import concentration


def test_one_supplier_taking_everything_is_a_monopoly():
    result = concentration([("Only Ltd", 5_000_00, "company")])
    assert result["hhi"] == 10_000
    assert result["top_share"] == 1.0
    assert result["equivalent_suppliers"] == 1.0


def test_ten_equal_suppliers_have_an_hhi_of_one_thousand():
    result = concentration([(f"Firm {i}", 100_00, "company") for i in range(10)])
    assert result["hhi"] == 1_000
    assert result["equivalent_suppliers"] == 10.0


def test_the_top_ten_share_counts_only_the_ten_largest_by_amount():
    totals = [(f"Small {i}", 10_00, "unknown") for i in range(20)]
    totals += [(f"Big {i}", 80_00, "company") for i in range(10)]
    result = concentration(totals)
    assert [row["name"] for row in result["top"]] == [f"Big {i}" for i in range(10)]
    assert result["top_share"] == pytest.approx(800 / 1000)
    assert result["suppliers"] == 30
    # 10 x 8% squared + 20 x 1% squared
    assert result["hhi"] == 10 * 64 + 20 * 1


def test_suppliers_owed_money_on_balance_take_no_share():
    result = concentration([("Paid Ltd", 300_00, "company"), ("Refunds Ltd", -50_00, "company")])
    assert result["suppliers"] == 1
    assert result["total_pence"] == 300_00
    assert result["top_share"] == 1.0


def test_no_spend_gives_zeros_not_a_division_error():
    assert concentration([])["hhi"] == 0
