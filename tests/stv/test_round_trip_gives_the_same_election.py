"""Writing an election and reading it back gives the same election; identical ballots merge."""

from altlep.stv import format_blt, parse_blt, read_blt
from tests.stv.helpers import FIXTURES


def test_round_trip_gives_the_same_election():
    election = read_blt(FIXTURES / "quirks.blt")
    again, problems = parse_blt(format_blt(election))
    assert problems == []
    assert again.candidates == election.candidates
    assert again.ballots == election.ballots
    assert again.withdrawn == election.withdrawn
    assert (again.seats, again.title) == (election.seats, election.title)


def test_identical_ballots_are_merged_for_counting():
    election, _ = parse_blt('2 1\n1 1 2 0\n2 2 0\n3 1 2 0\n0\n"A"\n"B"\n"T"\n')
    merged = election.merged()
    assert sorted((b.ranking, b.weight) for b in merged.ballots) == [((0, 1), 4), ((1,), 2)]
    assert merged.total_weight == election.total_weight == 6
