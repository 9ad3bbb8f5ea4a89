"""The reader understands every pabulib vote type and keeps every column."""

from fractions import Fraction

from altlep.pb import parse_text
from altlep.pb.profile import build_profile
from tests.pb.helpers import pb_text

META = {"description": "test", "num_projects": 3, "budget": "100.5", "rule": "greedy"}
PROJECTS = [
    ("1", "50", "Park", "1", "green"),
    ("2", "40.5", "Library", "0", "culture"),
    ("3", "30", "Bench", "1", "green"),
]
PROJECT_HEADER = "project_id;cost;name;selected;category"


def test_approval_ballots_keep_projects_and_extra_columns():
    text = pb_text(
        {**META, "vote_type": "approval"},
        PROJECTS,
        [("a", "1,3", "F", "34"), ("b", "2", "M", "61")],
        PROJECT_HEADER,
        "voter_id;vote;sex;age",
    )
    election = parse_text(text)
    assert election.vote_type == "approval"
    assert election.budget == Fraction(201, 2)
    assert election.projects["2"].cost == Fraction(81, 2)
    assert election.projects["1"].fields["category"] == "green"
    assert election.votes[0].projects == ("1", "3")
    assert election.votes[0].extra == ("F", "34")
    assert election.vote_extra_columns == ["sex", "age"]


def test_official_winners_and_rule_are_read():
    election = parse_text(
        pb_text({**META, "vote_type": "approval"}, PROJECTS, [("a", "1")], PROJECT_HEADER)
    )
    assert election.rule == "greedy"
    assert election.official_winners == ["1", "3"]


def test_a_file_without_selected_column_has_no_official_winners():
    election = parse_text(
        pb_text({"budget": 10, "vote_type": "approval"}, [("1", 5)], [("a", "1")])
    )
    assert election.official_winners is None


def test_cumulative_ballots_pair_projects_with_points():
    text = pb_text(
        {"budget": 100, "vote_type": "cumulative", "max_sum_points": 10},
        [("1", 50), ("2", 40)],
        [("a", "1,2", "7,3"), ("b", "2", "10")],
        vote_header="voter_id;vote;points",
    )
    election = parse_text(text)
    assert election.votes[0].points == (7, 3)
    profile = build_profile(election)
    assert profile.total_utility == [7, 13]


def test_scoring_ballots_are_read_like_cumulative():
    text = pb_text(
        {"budget": 100, "vote_type": "scoring"},
        [("1", 50), ("2", 40)],
        [("a", "1,2", "2,5")],
        vote_header="voter_id;vote;points",
    )
    election = parse_text(text)
    assert election.vote_type == "scoring"
    assert election.votes[0].points == (2, 5)


def test_ordinal_ballots_keep_their_order_and_score_borda_like_pabutools():
    text = pb_text(
        {"budget": 100, "vote_type": "ordinal"},
        [("1", 50), ("2", 40), ("3", 10)],
        [("a", "3,1,2"), ("b", "1,3")],
    )
    election = parse_text(text)
    assert election.votes[0].projects == ("3", "1", "2")
    profile = build_profile(election)
    # a ballot of length k gives k-1, ..., 0: voter a gives 3:2, 1:1, 2:0; voter b 1:1, 3:0
    assert profile.total_utility == [2, 0, 2]


def test_choose_one_ballots_are_approval_ballots_of_one():
    text = pb_text(
        {"budget": 100, "vote_type": "choose-1"},
        [("1", 50), ("2", 40)],
        [("a", "1"), ("b", "2"), ("c", "")],
    )
    election = parse_text(text)
    profile = build_profile(election)
    assert profile.votes == [1, 1]
    assert profile.n_voters == 3  # the empty ballot still counts towards the per-voter share


def test_windows_line_endings_and_a_byte_order_mark_are_accepted(tmp_path):
    path = tmp_path / "crlf.pb"
    text = pb_text({"budget": 10, "vote_type": "approval"}, [("1", 5)], [("a", "1")])
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    from altlep.pb import read_election

    election = read_election(path)
    assert election.budget == 10
    assert election.votes[0].projects == ("1",)
