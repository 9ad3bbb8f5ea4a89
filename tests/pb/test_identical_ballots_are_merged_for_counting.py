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
