"""A malformed file raises an error naming the file, the line and the problem; `check`
lists every problem."""

import pytest

from altlep.stv import BltError, parse_blt, read_blt
from altlep.stv.blt import problems_in
from tests.shared_data import require_shared
from tests.stv.helpers import FIXTURES


def test_the_malformed_perth_file_is_refused_with_its_line():
    path = require_shared(
        "stv",
        "scot_elex_mccune",
        "blt_files",
        "5_cands",
        "perth_kinross_2016_by_election_ward9.blt",
    )
    with pytest.raises(BltError) as caught:
        read_blt(path)
    assert caught.value.problem.line == 1
    assert "perth_kinross_2016_by_election_ward9.blt: line 1: header" in str(caught.value)
    assert "'5 1,'" in str(caught.value)


def test_check_lists_every_problem_in_a_file():
    problems = problems_in(FIXTURES / "bad.blt")
    assert [(p.line, p.severity, p.message) for p in problems] == [
        (3, "error", "candidate 7 is not a candidate (1 to 3)"),
        (4, "error", "candidate 1 is ranked twice on one ballot"),
        (8, "warning", "the file has no title line"),
    ]


def test_read_names_the_first_problem_and_counts_the_others():
    with pytest.raises(BltError) as caught:
        read_blt(FIXTURES / "bad.blt")
    assert str(caught.value).endswith(
        "bad.blt: line 3: candidate 7 is not a candidate (1 to 3) (and 1 more problem)"
    )


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("", 0, "empty"),
        ("3\n", 1, "header"),
        ('2 3\n0\n"A"\n"B"\n', 1, "3 seats but only 2 candidates"),
        ('2 1\nx 1 0\n0\n"A"\n"B"\n', 2, "weight"),
        ('2 1\n1 1 2\n0\n"A"\n"B"\n', 2, "does not end with 0"),
        ('2 1\n1 1=2 0\n0\n"A"\n"B"\n', 2, "equal preferences"),
        ('2 1\n1 1 0 2\n0\n"A"\n"B"\n', 2, "after the 0"),
        ('2 1\n-5\n1 1 0\n0\n"A"\n"B"\n', 2, "withdrawn candidate 5"),
        ("2 1\n1 1 0\n", 2, "not ended by a line holding just 0"),
        ('2 1\n1 1 0\n0\n"A"\n', 4, "only 1 of 2 candidate names"),
    ],
)
def test_each_kind_of_bad_input_names_its_line(text, line, words):
    election, problems = parse_blt(text, "x.blt")
    errors = [p for p in problems if p.severity == "error"]
    assert election is None
    assert errors[0].line == line
    assert words in errors[0].message
