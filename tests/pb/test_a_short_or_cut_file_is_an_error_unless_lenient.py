"""A VOTES section short of META's num_votes, or a cut last line, is an error; --lenient counts
what is there and says what was missing. Bytes that are not UTF-8 are named, not a traceback."""

import pytest
from click.testing import CliRunner

from altlep.pb import PabulibError, parse_text, read_election
from altlep.pb.cli import pb
from tests.pb.helpers import pb_text

META = {"budget": 100, "vote_type": "approval", "num_votes": 3}
PROJECTS = [("1", 10), ("2", 20)]
VOTES = [("a", "1"), ("b", "1,2"), ("c", "2")]


def test_fewer_votes_than_meta_declares_is_an_error_naming_the_meta_line():
    text = pb_text(META, PROJECTS, VOTES[:2])
    with pytest.raises(PabulibError) as caught:
        parse_text(text, source="short.pb")
    assert caught.value.problem.kind == "count_mismatch"
    assert "num_votes says 3, file has 2 (1 missing)" in str(caught.value)


def test_lenient_counts_what_is_there_and_says_what_was_missing():
    election = parse_text(pb_text(META, PROJECTS, VOTES[:2]), lenient=True)
    assert len(election.votes) == 2
    [problem] = election.problems
    assert problem.severity == "warning" and "1 missing" in problem.message


def test_a_cut_last_line_is_an_error_and_lenient_leaves_it_out():
    text = pb_text({**META, "num_votes": 4}, PROJECTS, [*VOTES, ("d", "2")])
    cut = text.rstrip("\n")[:-2]  # "d;2" loses its last field: "d"
    with pytest.raises(PabulibError) as caught:
        parse_text(cut, source="cut.pb")
    assert caught.value.problem.kind == "cut_line"
    assert caught.value.problem.line == len(cut.splitlines())
    election = parse_text(cut, lenient=True)
    assert [v.voter_id for v in election.votes] == ["a", "b", "c"]
    assert {p.kind for p in election.problems} == {"cut_line", "count_mismatch"}


def test_a_whole_last_line_without_a_line_end_is_fine():
    election = parse_text(pb_text(META, PROJECTS, VOTES).rstrip("\n"))
    assert len(election.votes) == 3 and not election.problems


def test_a_byte_that_is_not_utf8_is_named_with_its_line_and_field(tmp_path):
    path = tmp_path / "bytes.pb"
    path.write_bytes(pb_text(META, PROJECTS, VOTES).encode().replace(b"b;1,2", b"b;1\xff2"))
    with pytest.raises(PabulibError) as caught:
        read_election(path)
    assert caught.value.problem.line == 13
    assert "byte 0xff in field 2" in str(caught.value) and str(path) in str(caught.value)


def test_the_command_line_refuses_a_short_file_then_counts_it_with_lenient(tmp_path):
    path = tmp_path / "short.pb"
    path.write_text(pb_text(META, PROJECTS, VOTES[:2]))
    out = CliRunner().invoke(pb, ["count", str(path), "--rule", "greedy"])
    assert out.exit_code == 1 and "1 missing" in out.output and "Traceback" not in out.output
    out = CliRunner().invoke(pb, ["count", str(path), "--rule", "greedy", "--lenient", "--json"])
    assert out.exit_code == 0
    assert "1 missing" in out.stderr
