"""The add1 completions skip steps that `same_outcome` proves give the run's outcome. Every
range it proves (including those proved through the slopes of rho, not just the interval
bounds, and the first part of a range that a failed proof still proves) must give that
outcome when counted directly, and a range across a change of outcome must never be proved."""

import random
from fractions import Fraction

import pytest

import altlep.pb.completions as completions
import altlep.pb.steps as steps
from altlep.pb.rules import mes_stable
from altlep.pb.rules.mes import mes
from altlep.pb.ties import tie_rank
from tests.pb.helpers import shared_profile
from tests.shared_data import require_shared

NAMES = [
    "Poland_Krakow_2023_Wzgorza_Krzeslawickie",
    "Poland_Gdansk_2020_Siedlce",
    "Poland_Warszawa_2019_Targowek_Mieszkaniowy",
]
# where some proved range needs the slopes of rho (in Gdansk Siedlce the bounds suffice)
SLOPED = [NAMES[0], NAMES[2], "Poland_Warszawa_2026"]


@pytest.mark.parametrize("name", [*NAMES, "Poland_Warszawa_2026"])
def test_every_proved_range_gives_the_proved_outcome(name, monkeypatch):
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    rank = tie_rank(profile)
    proved, partial = [], []
    prove = mes_stable.same_outcome

    def recording_prove(profile, trace, low, high, rank, **options):
        result = prove(profile, trace, low, high, rank, **options)
        if result.holds:
            proved.append((list(trace), low, high))
        elif result.reach:  # a failed proof that still proved its first steps
            steps = int(result.reach // profile.scale)
            if steps:
                proved.append((list(trace), low, low + steps * profile.scale))
                partial.append(steps)
        return result

    monkeypatch.setattr(steps, "same_outcome", recording_prove)
    completions.mes_completed(profile, rank, "add1")
    assert partial or name not in NAMES  # each of NAMES has such partly proved ranges
    assert proved
    if name in SLOPED:  # the slope test proved something the bounds alone could not
        assert any(
            mes_stable.same_outcome(profile, trace, low, high, rank, bounds_only=True).needs_slopes
            for trace, low, high in proved
        )
    unit, origin = profile.scale, Fraction(profile.budget, profile.n_voters)
    rng = random.Random(7)
    for trace, low, high in proved:
        first, last = -((origin - low) // unit), (high - origin) // unit
        for k in {first, last, rng.randint(int(first), int(last))}:
            assert mes(profile, rank, origin + k * unit).winners == trace, (float(low), k)


@pytest.mark.parametrize("name", NAMES)
def test_a_range_across_a_change_of_outcome_is_never_proved(name):
    require_shared("pabulib", f"{name}.pb")
    _, profile = shared_profile(name)
    rank = tie_rank(profile)
    unit, origin = profile.scale, Fraction(profile.budget, profile.n_voters)
    previous = mes(profile, rank, origin).winners
    refused = 0
    for k in range(1, 400):
        here = mes(profile, rank, origin + k * unit).winners
        if here != previous:
            for back in (1, 3, 20):
                low = origin + max(k - back, 0) * unit
                proof = mes_stable.same_outcome(profile, previous, low, origin + k * unit, rank)
                assert not proof.holds
                refused += 1
        previous = here
    assert refused
