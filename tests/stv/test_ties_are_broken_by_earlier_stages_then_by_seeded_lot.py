"""Ties: the Order's rule 52 looks back to the most recent stage where the tied candidates
differed; only a tie at every stage goes to lot, drawn from the recorded seed."""

from altlep.stv import count, parse_blt

# D is excluded first and gives C one vote, so B and C tie on 3; at stage 1 C had fewer.
EARLIER = '4 1\n5 1 0\n3 2 0\n2 3 0\n1 4 3 0\n0\n"A"\n"B"\n"C"\n"D"\n"Earlier"\n'
# A and B tie at every stage; whoever goes, C reaches the quota of 4.
LOT = '3 1\n2 1 3 0\n2 2 3 0\n3 3 0\n0\n"A"\n"B"\n"C"\n"Lot"\n'


def _election(text):
    election, _ = parse_blt(text)
    return election


def test_an_exclusion_tie_is_broken_by_the_most_recent_stage_that_differs():
    result = count(_election(EARLIER), "scottish")
    excluded = [name for stage in result.stages for name in stage.excluded]
    assert excluded[:2] == ["D", "C"]
    assert any("broken by the votes at stage 1" in note for note in result.stages[2].notes)
    assert result.elected == ("A",)


def test_a_tie_at_every_stage_is_broken_by_lot_from_the_seed():
    first = count(_election(LOT), "scottish", seed=7)
    again = count(_election(LOT), "scottish", seed=7)
    assert first.to_dict() == again.to_dict()
    assert "by lot (seed 7)" in first.stages[1].notes[0]
    assert first.elected == ("C",)
    losers = {count(_election(LOT), "scottish", seed=s).stages[1].excluded for s in range(20)}
    assert losers == {("A",), ("B",)}


def test_meek_breaks_a_tie_at_every_round_by_lot_from_the_seed():
    result = count(_election(LOT), "meek", seed=3)
    assert result.elected == ("C",)
    assert any("by lot (seed 3)" in n for s in result.stages for n in s.notes)
