"""A malformed file raises an error naming the line and the problem; check lists them all."""

import pytest

from altlep.pb import PabulibError, check_text, parse_text
from tests.pb.helpers import pb_text

GOOD_META = {"budget": 100, "vote_type": "approval"}


def _error(text: str) -> PabulibError:
    with pytest.raises(PabulibError) as caught:
        parse_text(text, source="bad.pb")
    return caught.value


def test_a_missing_section_is_named():
    text = "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;10\n"
    error = _error(text)
    assert error.problem.kind == "missing_section"
    assert "VOTES" in str(error)


def test_a_vote_for_an_unknown_project_names_its_line():
    text = pb_text(GOOD_META, [("1", 10)], [("a", "1"), ("b", "7")])
    error = _error(text)
    assert error.problem.kind == "unknown_project"
    assert error.problem.line == 11
    assert "'7'" in str(error) and "bad.pb: line 11" in str(error)


def test_a_voter_who_votes_twice_is_refused():
    error = _error(pb_text(GOOD_META, [("1", 10)], [("a", "1"), ("a", "1")]))
    assert error.problem.kind == "duplicate_voter"
    assert error.problem.line == 11
    assert "line 10" in error.problem.message


def test_a_negative_cost_is_refused():
    error = _error(pb_text(GOOD_META, [("1", -10)], [("a", "1")]))
    assert error.problem.kind == "negative_cost"
    assert error.problem.line == 7


def test_a_non_numeric_cost_is_refused():
    error = _error(pb_text(GOOD_META, [("1", "ten")], [("a", "1")]))
    assert error.problem.kind == "bad_cost"
    assert "'ten'" in error.problem.message


def test_points_over_the_limit_are_refused():
    text = pb_text(
        {"budget": 100, "vote_type": "cumulative", "max_sum_points": 10},
        [("1", 10), ("2", 10)],
        [("a", "1,2", "8,5")],
        vote_header="voter_id;vote;points",
    )
    error = _error(text)
    assert error.problem.kind == "points_over_limit"
    assert "13" in error.problem.message


def test_points_over_the_per_project_limit_are_refused():
    text = pb_text(
        {"budget": 100, "vote_type": "scoring", "max_points": 5},
        [("1", 10)],
        [("a", "1", "6")],
        vote_header="voter_id;vote;points",
    )
    assert _error(text).problem.kind == "points_over_limit"


def test_a_missing_budget_is_refused():
    error = _error(pb_text({"vote_type": "approval"}, [("1", 10)], [("a", "1")]))
    assert error.problem.kind == "missing_budget"


def test_a_non_numeric_budget_is_refused():
    error = _error(pb_text({"budget": "lots", "vote_type": "approval"}, [("1", 10)], [("a", "1")]))
    assert error.problem.kind == "bad_budget"


def test_a_row_with_the_wrong_number_of_fields_is_refused():
    text = pb_text(GOOD_META, [("1", 10, "extra")], [("a", "1")])
    assert _error(text).problem.kind == "bad_row"


def test_a_duplicate_project_is_refused():
    assert (
        _error(pb_text(GOOD_META, [("1", 10), ("1", 20)], [("a", "1")])).problem.kind
        == "duplicate_project"
    )


def test_points_that_do_not_match_the_projects_are_refused():
    text = pb_text(
        {"budget": 100, "vote_type": "cumulative"},
        [("1", 10), ("2", 10)],
        [("a", "1,2", "3")],
        vote_header="voter_id;vote;points",
    )
    assert _error(text).problem.kind == "points_mismatch"


def test_check_lists_every_problem_not_just_the_first():
    text = pb_text(
        {"vote_type": "approval"}, [("1", -5), ("2", "x")], [("a", "1"), ("a", "2"), ("b", "9")]
    )
    kinds = [p.kind for p in check_text(text)]
    assert kinds.count("negative_cost") == 1
    assert "bad_cost" in kinds and "duplicate_voter" in kinds and "unknown_project" in kinds
    assert "missing_budget" in kinds
    assert all(p.line > 0 for p in check_text(text) if p.kind != "missing_budget")


def test_harmless_oddities_are_warnings_not_errors():
    text = pb_text({**GOOD_META, "num_votes": 1}, [("1", 10)], [("a", "1,1")])
    problems = check_text(text)
    assert {p.kind for p in problems} == {"repeated_project"}
    assert all(p.severity == "warning" for p in problems)
    assert parse_text(text).votes[0].projects == ("1",)
