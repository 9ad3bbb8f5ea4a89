"""A count small enough to do on paper: a surplus at a truncated transfer value, papers with
no further preference, the loss to rounding, an exclusion and the last vacancy (rule 53)."""

from decimal import Decimal

from altlep.stv import count, read_blt
from tests.stv.helpers import FIXTURES


def test_a_small_scottish_count_can_be_checked_by_hand():
    # 17 papers, 2 seats: quota 17 // 3 + 1 = 6. A has 9, a surplus of 3.
    result = count(read_blt(FIXTURES / "surplus.blt"), "scottish")
    assert result.quota == Decimal(6)
    first, surplus, exclude_d, exclude_c = result.stages
    assert first.elected == ("A",)
    # Transfer value 3 / 9 = 0.33333 (remainder ignored): 7 papers to B, 2 with no next
    # preference, and 3 - 9 x 0.33333 = 0.00003 lost to rounding.
    assert surplus.action == "surplus" and surplus.amount == Decimal("3.00000")
    assert surplus.votes["A"] == Decimal(6)
    assert surplus.votes["B"] == Decimal("5.33331")
    assert surplus.rounding == Decimal("0.00003")
    assert surplus.non_transferable == Decimal("0.66669")
    assert exclude_d.excluded == ("D",) and exclude_d.votes["C"] == Decimal(5)
    # C is excluded with B still short of the quota; B is then the only continuing candidate
    # for the last vacancy, so rule 53 deems B elected.
    assert exclude_c.excluded == ("C",)
    assert exclude_c.elected == ("B",)
    assert "rule 53" in exclude_c.notes[-1]
    assert sum(exclude_c.votes.values()) + exclude_c.non_transferable == 17
    assert result.elected == ("A", "B")


def test_every_stage_accounts_for_every_vote():
    result = count(read_blt(FIXTURES / "surplus.blt"), "scottish")
    for stage in result.stages:
        assert sum(stage.votes.values()) + stage.non_transferable == result.valid_votes


def test_to_dict_is_json_ready():
    import json

    data = count(read_blt(FIXTURES / "surplus.blt"), "scottish").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["elected"] == ["A", "B"]
    assert data["stages"][1]["votes"]["B"] == 5.33331
    assert data["stages"][1]["description"] == "Surplus of A 3.00000 transferred"
