"""Identical ballots become one weighted group, whatever order the projects were listed in."""

from altlep.pb.profile import build_profile
from tests.pb.helpers import approval


def test_approval_ballots_listing_the_same_projects_are_one_group():
    election = approval({"1": 10, "2": 20, "3": 30}, ["1,2", "2,1", "3", "1,2", ""], budget=50)
    profile = build_profile(election)
    assert sorted(profile.weight.tolist()) == [1, 3]
    assert profile.n_voters == 5
    assert profile.votes == [3, 3, 1]


def test_largest_real_file_merges_to_its_distinct_ballots():
    from tests.shared_data import require_shared

    require_shared("pabulib", "Poland_Lodz_2022.pb")
    from tests.pb.helpers import shared_profile

    _, profile = shared_profile("Poland_Lodz_2022")
    assert profile.n_voters == 90494
    assert len(profile.weight) == 23571  # as pabutools' as_multiprofile()


def test_a_big_file_read_in_bulk_merges_the_same_projects_listed_in_any_order():
    from altlep.pb.reader import parse_text
    from altlep.pb.vote_rows import BULK_LINES

    votes = [f"{i};{'a,b' if i % 2 else 'b,a'}" for i in range(BULK_LINES)] + ["x;c", "y;a"]
    election = parse_text(
        "META\nkey;value\nbudget;10\nvote_type;approval\n"
        "PROJECTS\nproject_id;cost\na;4\nb;6\nc;5\n"
        "VOTES\nvoter_id;vote\n" + "\n".join(votes) + "\n"
    )
    assert election.vote_index is not None  # read in bulk
    profile = build_profile(election)
    assert profile.weight.tolist() == [BULK_LINES, 1, 1]  # groups in order of appearance
    assert [s.tolist() for s in profile.supporters] == [[0, 2], [0], [1]]


def test_rows_naming_the_same_projects_share_a_group_numbered_as_they_first_appear():
    import numpy as np

    from altlep.pb.vote_rows_kernel import same_sets

    rows = [[3, 1], [], [1, 3], [70], [1], [3, 1, 70], [70]]  # projects 0..70: two words
    ptr = np.cumsum([0] + [len(r) for r in rows])
    group, first = same_sets(ptr, np.array([j for r in rows for j in r], dtype=np.int64), 71)
    assert group.tolist() == [0, -1, 0, 1, 2, 3, 1]
    assert first.tolist() == [0, 3, 4, 5]
