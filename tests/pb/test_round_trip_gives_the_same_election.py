"""Writing an election and reading it back gives the same election, for every vote type."""

import pytest

from altlep.pb import election_text, parse_text, read_election, write_election
from tests.pb.helpers import pb_text
from tests.shared_data import require_shared

CASES = {
    "approval": ("voter_id;vote;age", [("a", "1,2", "30"), ("b", "", "41")]),
    "choose-1": ("voter_id;vote", [("a", "1"), ("b", "2")]),
    "cumulative": ("voter_id;vote;points", [("a", "1,2", "3,7"), ("b", "2", "10")]),
    "scoring": ("voter_id;vote;points;sex", [("a", "1,2", "1,5", "F")]),
    "ordinal": ("voter_id;vote", [("a", "2,1"), ("b", "1")]),
}


@pytest.mark.parametrize("vote_type", sorted(CASES))
def test_round_trip_keeps_every_field(vote_type, tmp_path):
    header, votes = CASES[vote_type]
    text = pb_text(
        {"budget": "100.5", "vote_type": vote_type, "description": "a;b quoted"},
        [("1", "12.5", "Park; big", "1"), ("2", "40", "Bench", "0")],
        votes,
        "project_id;cost;name;selected",
        header,
    )
    election = parse_text(text)
    again = parse_text(election_text(election))
    assert again.content() == election.content()
    path = tmp_path / "out.pb"
    write_election(election, path)
    assert read_election(path).content() == election.content()


@pytest.mark.parametrize(
    "name",
    [
        "Poland_Czestochowa_2020_Kiedrzyn",
        "Poland_Krakow_2018_Swoszowice",
        "Netherlands_Assen_2024",
        "Poland_Wroclaw_2017_Rejon_nr_4_750",
    ],
)
def test_real_files_survive_a_round_trip(name):
    election = read_election(require_shared("pabulib", f"{name}.pb"))
    assert parse_text(election_text(election)).content() == election.content()
