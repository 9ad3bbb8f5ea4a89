"""CRLF, padding, comments, ballot ids, withdrawn candidates, a party as a second quoted
string, doubled quotes, bare names and PrefLib comment names are all read."""

from altlep.stv import parse_blt, read_blt
from tests.shared_data import require_shared
from tests.stv.helpers import FIXTURES


def test_reader_tolerates_crlf_padding_comments_and_two_quoted_strings():
    election = read_blt(FIXTURES / "quirks.blt")
    assert election.seats == 2
    assert election.names == ["Ann ONE", 'Bob "Bobby" TWO', "Cat  THREE (Ind)", "Dan FOUR"]
    assert election.candidates[0].party == "Party A"
    assert election.withdrawn == frozenset({3})
    assert [(b.weight, b.ranking) for b in election.ballots] == [
        (3, (0, 1)),
        (2, (1, 2)),
        (1, (2,)),
        (1, (3, 0)),
    ]
    assert election.title == "Quirks ward"


def test_a_withdrawn_candidate_is_skipped_on_every_ballot():
    merged = read_blt(FIXTURES / "quirks.blt").merged()
    assert (1, (0,)) in [(b.weight, b.ranking) for b in merged.ballots]


def test_names_given_only_as_preflib_comments_are_used():
    text = (
        "2 1\n3 1 0\n2 2 1 0\n0\n# ALTERNATIVE NAME 1: Nina Baker (Grn)\n"
        "# ALTERNATIVE NAME 2: Erin Boyle (Lab)\nCalton ward"
    )
    election, problems = parse_blt(text)
    assert election.names == ["Nina Baker (Grn)", "Erin Boyle (Lab)"]
    assert election.title == "Calton ward"
    assert problems == []


def test_a_file_without_a_final_newline_is_read():
    election, _ = parse_blt('2 1\n1 1 0\n0\n"A"\n"B"\n"No newline"')
    assert election.title == "No newline"


def test_the_real_glasgow_2022_files_give_names_without_their_party():
    folder = require_shared("stv", "glasgow_2022_official", "ward02_Newlands-Auldburn")
    election = read_blt(next(folder.glob("*.blt")))
    assert election.names[0] == "Stephen CURRAN"
    assert election.candidates[0].party == "Glasgow Labour"
    assert election.total_weight == 7565
