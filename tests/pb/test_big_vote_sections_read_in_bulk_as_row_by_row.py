"""A big VOTES section whose rows are all plain is read in bulk (`vote_rows.py`). It must give
exactly the election the row-by-row reader gives (votes, their lines and extra columns), and
the same counting profile; any row that is not plain sends the whole section through the
row-by-row reader, which names the problem and its line as before."""

import numpy as np
import pytest

import altlep.pb.reader as reader
from altlep.pb.model import PabulibError
from altlep.pb.profile import build_profile
from altlep.pb.vote_rows import BULK_LINES
from tests.shared_data import require_shared, shared_data_dir

# approval without and with extra columns, choose-1, and the most voters
NAMES = [
    "Hungary_Budapest_2024",
    "Poland_Warszawa_2026",
    "Poland_Wroclaw_2015_from_500",
    "Poland_Lodz_2022",
]


def _row_by_row(monkeypatch, read):
    with monkeypatch.context() as patch:
        patch.setattr(reader, "BULK_LINES", 10**12)
        return read()


def _same_profile(one, other):
    assert np.array_equal(one.weight, other.weight)
    for field in ("supporters", "utility", "approvers"):
        assert all(
            np.array_equal(a, b)
            for a, b in zip(getattr(one, field), getattr(other, field), strict=True)
        ), field
    assert (one.total_utility, one.votes, one.n_voters) == (
        other.total_utility,
        other.votes,
        other.n_voters,
    )


@pytest.mark.parametrize("name", NAMES)
def test_a_big_real_file_reads_in_bulk_as_row_by_row(name, monkeypatch):
    require_shared("pabulib", f"{name}.pb")
    path = shared_data_dir() / "pabulib" / f"{name}.pb"
    bulk = reader.read_election(path)
    assert bulk.vote_index is not None  # every row of these files is plain
    one_by_one = _row_by_row(monkeypatch, lambda: reader.read_election(path))
    assert one_by_one.vote_index is None
    assert bulk.content() == one_by_one.content()
    assert [v.line for v in bulk.votes] == [v.line for v in one_by_one.votes]
    assert bulk.vote_extra_columns == one_by_one.vote_extra_columns
    assert bulk.problems == one_by_one.problems
    _same_profile(build_profile(bulk), build_profile(one_by_one))


def _big_text(rows: list[str]) -> str:
    votes = [f"{i};{'a,b' if i % 3 else 'c'};{i % 7}" for i in range(BULK_LINES)]
    return (
        "META\nkey;value\nbudget;10\nvote_type;approval\nmax_length;2\n"
        "PROJECTS\nproject_id;cost\na;4\nb;6\nc;5\n"
        "VOTES\nvoter_id;vote;age\n" + "\n".join(votes + rows) + "\n"
    )


def test_plain_rows_with_blank_lines_and_windows_line_ends_read_in_bulk(monkeypatch):
    text = _big_text(["", "x1;b,a;30", "   ", "x2;c;40"]).replace("\n", "\r\n")
    bulk = reader.parse_text(text)
    assert bulk.vote_index is not None
    one_by_one = _row_by_row(monkeypatch, lambda: reader.parse_text(text))
    assert bulk.content() == one_by_one.content()
    assert [v.line for v in bulk.votes] == [v.line for v in one_by_one.votes]
    # 12 lines before the first vote, then the votes, a blank line, x1, a blank line, x2
    assert bulk.votes[-1].line == 12 + BULK_LINES + 4 and bulk.votes[-1].extra == ("40",)


# one row that is not plain, the problem the reader names, and whether it is an error
NOT_PLAIN = [
    ("x;a,z;1", "unknown_project", True),
    ("5;a;1", "duplicate_voter", True),
    ("x;a,a;1", "repeated_project", False),
    ("x;a,b,c;1", "ballot_too_long", False),
    ("x;a;1;extra", "bad_row", True),
    ("x;;1", None, False),  # an empty vote: a voter who chose nothing
    ("x; a;1", None, False),  # spaces around an id are trimmed
    ('"x";a;1', None, False),  # a quoted cell
    ("PROJECTS", "section_order", False),  # (the rows after it are read as projects)
]


@pytest.mark.parametrize(("row", "kind", "error"), NOT_PLAIN)
def test_a_row_that_is_not_plain_is_read_row_by_row(row, kind, error, monkeypatch):
    text = _big_text(["x0;a;2", row, "x9;b;3"])
    line = 12 + BULK_LINES + 2  # 12 lines before the first vote
    if error:
        with pytest.raises(PabulibError) as raised:
            reader.parse_text(text)
        assert raised.value.problem.kind == kind and raised.value.problem.line == line
    checked = reader.parse_text(text, strict=False)
    assert checked.vote_index is None
    one_by_one = _row_by_row(monkeypatch, lambda: reader.parse_text(text, strict=False))
    assert checked.content() == one_by_one.content()
    assert checked.problems == one_by_one.problems
    found = [(p.kind, p.line) for p in checked.problems]
    assert (kind, line) in found if kind else found == []


def test_the_index_of_a_bulk_read_serves_only_the_votes_it_was_read_with():
    election = reader.parse_text(_big_text([]))
    index = election.vote_index
    assert index is not None and index.describes(election.votes)
    first = build_profile(election)
    election.votes.pop()  # the index no longer describes the votes: they are merged again
    assert not index.describes(election.votes)
    assert build_profile(election).n_voters == first.n_voters - 1
    assert build_profile(election).weight.sum() == first.weight.sum() - 1
