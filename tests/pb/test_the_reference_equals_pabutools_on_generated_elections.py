"""The reference rules give pabutools' outcome (the library the published results were counted
with) on small generated elections: greedy, MES without completion and with add1, and
sequential Phragmén. Together with the fast-equals-reference tests this ties the fast rules to
pabutools without the shared data."""

import pytest
from hypothesis import HealthCheck, given, settings

from altlep.pb import election_text
from altlep.pb.reference import count_reference
from tests.pb.generated import elections

pabutools = pytest.importorskip("pabutools")

from pabutools.election import (  # noqa: E402
    Additive_Borda_Sat,
    Additive_Cardinal_Sat,
    Cost_Sat,
    parse_pabulib,
)
from pabutools.rules import (  # noqa: E402
    greedy_utilitarian_welfare,
    method_of_equal_shares,
    sequential_phragmen,
)

SAT = {
    "approval": Cost_Sat,
    "choose-1": Cost_Sat,
    "cumulative": Additive_Cardinal_Sat,
    "scoring": Additive_Cardinal_Sat,
    "ordinal": Additive_Borda_Sat,
}
CHECKED = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)


def _pabutools(election, tmp_path_factory):
    path = tmp_path_factory.mktemp("pb") / "election.pb"
    path.write_text(election_text(election), encoding="utf-8")
    instance, profile = parse_pabulib(str(path))
    return instance, profile.as_multiprofile(), SAT[election.vote_type]


def _names(allocation) -> list[str]:
    return [str(p.name) for p in allocation]


@CHECKED
@given(election=elections(empty_points_ballots=False))
def test_mes_and_add1_equal_pabutools(election, tmp_path_factory):
    instance, profile, sat = _pabutools(election, tmp_path_factory)
    plain = method_of_equal_shares(instance, profile, sat_class=sat)
    add1 = method_of_equal_shares(instance, profile, sat_class=sat, voter_budget_increment=1)
    assert sorted(count_reference(election, "mes", "none")) == sorted(_names(plain))
    assert sorted(count_reference(election, "mes", "add1")) == sorted(_names(add1))


@CHECKED
@given(election=elections(empty_points_ballots=False))
def test_greedy_equals_pabutools(election, tmp_path_factory):
    instance, profile, sat = _pabutools(election, tmp_path_factory)
    extra = {"is_sat_additive": True} if election.vote_type == "ordinal" else {}
    expected = greedy_utilitarian_welfare(instance, profile, sat_class=sat, **extra)
    assert sorted(count_reference(election, "greedy")) == sorted(_names(expected))


@CHECKED
@given(election=elections(("approval", "choose-1")))
def test_phragmen_equals_pabutools(election, tmp_path_factory):
    instance, profile, _ = _pabutools(election, tmp_path_factory)
    expected = sequential_phragmen(instance, profile)
    assert sorted(count_reference(election, "phragmen")) == sorted(_names(expected))
