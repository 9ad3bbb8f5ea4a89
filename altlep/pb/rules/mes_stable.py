"""Prove that MES gives the same outcome for every per-voter budget in an interval.

The add1 completions raise the per-voter budget one currency unit at a time; in forints or
złoty that can mean thousands of MES runs that mostly repeat the same outcome. Here the known
sequence of winners is replayed at both ends of the interval [low, high]. While the winners
are the same, every voter's money rises with the per-voter budget (each winner's rho falls, so
each share paid does too), so a voter's true budget for any per-voter budget in the interval
lies between the two replays. Because rho only falls when budgets rise, the winner's rho lies
between its rho on the high and the low budgets; if at every step
the winner's worst (low-budget) rho is clearly below every rival's best (high-budget) rho, and
projects left over are unaffordable even on high budgets, then the outcome is the same
throughout. Anything close (including exact ties, unless both rhos are the flat
cost / total utility and the winner's is exactly lower or wins the tie) is not certified.

Where that is too coarse, the slopes decide: bounds, valid throughout [low, high], on how fast
each voter's money moves with the per-voter budget b (it never falls), kept in step with the
winners. A project's rho solves
sum of w * min(budget, rho * u) = cost, so its derivative is
-(sum over those paying all they have of w * d budget) / (sum over full payers of w * u);
voters whose status is the same throughout the interval count exactly, unsure ones either way.
The gap between a rival's rho and the winner's is then known at both ends with its slope
bounded, so it stays above the two lines through the ends with the extreme slopes.

The proof itself is compiled (`rules/mes_stable_kernel.py`).
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from altlep.pb.profile import Profile
from altlep.pb.rules import mes_stable_kernel as kernel
from altlep.pb.rules.compiled import may_win, packed, shared_utility
from altlep.pb.rules.mes import _precompute

# how many steps (currency units per voter) above the first proof that needs it a
# certificate of flat first rounds (`_flat_start`) reaches
FLAT_SPAN = 2048
# how many ranges' cleared first rounds (`_certified`) are kept: the proofs after a failed
# one mostly try parts of its range
KEPT_CLEARED = 4


def same_outcome(
    profile: Profile,
    trace: list[int],
    low: Fraction,
    high: Fraction,
    rank: list[int],
    exclude: set[int] | None = None,
    hint: list[float] | None = None,
    reach: list[float] | None = None,
    habits: dict | None = None,
    rhos: dict[int, float] | None = None,
    at_low: dict[int, float] | None = None,
    at_high: dict[int, float] | None = None,
) -> bool:
    """True only if MES selects exactly `trace` for every per-voter budget in [low, high].

    A rival is first compared on the interval bounds (its rho on high budgets against the
    winner's on low ones). Only if that is too coarse somewhere is the proof redone with the
    slopes of both rhos (see the module docstring), which costs about twice as much.
    On failure, `hint` may receive a guess of how far above low a rival overtakes, and
    `reach` how far above low the outcome is proved all the same (if a whole step).
    `habits` keeps what the proofs learn of the election with this tie order (default: kept
    in the profile's cache).
    `rhos`: the winners' rhos at or below low (a run's), where the proof's solving starts.
    `at_low`: the winners' rhos at low itself if known (a run's there, or a proof's that
    ended there), which are then checked rather than solved; `at_high` receives those at
    high (when the proof holds)."""
    if habits is None:  # what proofs learn holds for one tie order only
        habits = profile.cache.setdefault(("proof habits", tuple(rank)), {})
    start = _flat_start(profile, trace, low, high, rank, exclude or set(), habits)
    # How often lately the coarse pass could not decide (decaying; per election): when it
    # usually cannot, go straight to the slopes.
    undecided = habits.get("coarse_undecided", 0.0)
    if undecided < 0.5:
        coarse = _prove(
            profile,
            trace,
            low,
            high,
            rank,
            exclude or set(),
            hint,
            None,
            False,
            rhos,
            at_low,
            at_high,
            start,
            habits,
        )
        habits["coarse_undecided"] = 0.8 * undecided + 0.2 * (coarse is None)
        if coarse is not None:
            return coarse
    else:
        # try the coarse pass again, about every 40 proofs: on Budapest 2024 a try decides
        # one time in eight, and an undecided one costs half a proof (every 9 proofs, as
        # with 0.98, cost 4% of its proofs' time)
        habits["coarse_undecided"] = 0.995 * undecided
    return bool(
        _prove(
            profile,
            trace,
            low,
            high,
            rank,
            exclude or set(),
            hint,
            reach,
            True,
            rhos,
            at_low,
            at_high,
            start,
            habits,
        )
    )


def _prove(
    profile: Profile,
    trace: list[int],
    low: Fraction,
    high: Fraction,
    rank: list[int],
    exclude: set[int],
    hint: list[float] | None,
    reach: list[float] | None,
    with_slopes: bool,
    rhos: dict[int, float] | None = None,
    at_low: dict[int, float] | None = None,
    at_high: dict[int, float] | None = None,
    start: tuple[int, np.ndarray, np.ndarray] | None = None,
    habits: dict | None = None,
) -> bool | None:
    """`same_outcome`, with or without slopes; None if a rival needs them and they are off.
    `start`: the flat first rounds to skip (`_flat_start`), or None to replay them all.
    `habits`: where rounds cleared over a range are kept for later proofs within it."""
    pack = packed(profile, _precompute(profile)["overlap_array"])
    active = may_win(pack, exclude)
    above = np.full(profile.n_projects, np.nan)
    for j, rho in (rhos or {}).items():
        above[j] = rho
    known_low = np.full(profile.n_projects, np.nan)
    for j, rho in (at_low or {}).items():
        known_low[j] = rho
    found_high = np.full(profile.n_projects, np.nan)
    shared, voters = shared_utility(profile, pack)
    skip, paid, paid_by = start or (0, np.zeros(0), np.zeros(profile.n_projects))
    certified = _certified(trace, low, high, exclude, habits)
    status, overtake, proved, cleared = kernel.prove(
        pack,
        _rank_array(profile, rank),
        np.asarray(trace, dtype=np.int64),
        active,
        float(low),
        float(high),
        with_slopes,
        float(profile.scale),
        above,
        known_low,
        found_high,
        shared,
        voters,
        skip,
        paid,
        paid_by,
        certified,
    )
    if habits is not None and status != kernel.PROVED and cleared > max(certified, skip):
        kept = habits.setdefault("cleared_rounds", [])
        kept.append((low, high, tuple(trace[:cleared]), set(exclude)))
        del kept[:-KEPT_CLEARED]  # the latest few: proofs move up the budgets
    if hint is not None and not math.isnan(overtake):
        hint.append(overtake)
    if reach is not None and status == kernel.FAILED and proved > 0:
        reach.append(proved)
    if status == kernel.NEEDS_SLOPES:
        return None
    if at_high is not None and status == kernel.PROVED:
        at_high.clear()
        at_high.update((j, float(found_high[j])) for j in trace if profile.cost[j] > 0)
    return status == kernel.PROVED


def _certified(
    trace: list[int], low: Fraction, high: Fraction, exclude: set[int], habits: dict | None
) -> int:
    """How many first rounds of trace an earlier proof over a range holding [low, high]
    showed every rival behind in (`kernel.prove`'s cleared), or 0."""
    rounds = 0
    for since, until, prefix, left_out in (habits or {}).get("cleared_rounds", ()):
        if (
            since <= low
            and high <= until
            and len(prefix) > rounds
            and left_out == exclude
            and tuple(trace[: len(prefix)]) == prefix
        ):
            rounds = len(prefix)
    return rounds


def known_first(
    habits: dict, per_voter: Fraction, exclude: set[int]
) -> tuple[tuple[int, ...], Fraction]:
    """(winners, until): the first winners MES selects at per_voter, as far as a failed proof
    over a range holding it showed them (its cleared rounds, kept in habits), and the top of
    that range; or ((), per_voter)."""
    found: tuple[int, ...] = ()
    top = per_voter
    for since, until, prefix, left_out in habits.get("cleared_rounds", ()):
        if since <= per_voter <= until and len(prefix) > len(found) and left_out == exclude:
            found, top = prefix, until
    return found, top


def _flat_start(
    profile: Profile,
    trace: list[int],
    low: Fraction,
    high: Fraction,
    rank: list[int],
    exclude: set[int],
    habits: dict,
) -> tuple[int, np.ndarray, np.ndarray]:
    """(rounds, paid, paid_by): the first rounds of trace that MES gives at their flat share
    throughout [low, high] (`kernel.flat_prefix`), what each ballot group paid in them and
    what each project's supporters paid. Certificates reach `FLAT_SPAN` steps above the
    proof that asked first and are kept in habits, so the proofs after it reuse them."""
    kept = habits.setdefault("flat_prefixes", [])
    for since, until, prefix, left_out, paid, paid_by in kept:
        if (
            since <= low
            and high <= until
            and left_out == exclude
            and tuple(trace[: len(prefix)]) == prefix
        ):
            return len(prefix), paid, paid_by
    pack = packed(profile, _precompute(profile)["overlap_array"])
    active = may_win(pack, exclude)
    until = max(high, low + FLAT_SPAN * profile.scale)
    rounds, paid = kernel.flat_prefix(
        pack,
        _rank_array(profile, rank),
        np.asarray(trace, dtype=np.int64),
        active,
        float(low),
        float(until),
    )
    shared, _ = shared_utility(profile, pack)
    paid_by = np.zeros(profile.n_projects)
    for w in trace[:rounds]:
        if profile.cost[w] > 0:
            paid_by += pack.cost[w] / pack.total[w] * shared[w]
    kept.append((low, until, tuple(trace[:rounds]), set(exclude), paid, paid_by))
    del kept[:-4]  # the latest few: proofs move up the budgets
    return rounds, paid, paid_by


def _rank_array(profile: Profile, rank: list[int]) -> np.ndarray:
    """`rank` as an array, cached on the profile while the same list is given."""
    cached = profile.cache.get("rank_array")
    if cached is None or cached[0] is not rank:
        cached = (rank, np.asarray(rank, dtype=np.int64))
        profile.cache["rank_array"] = cached
    return cached[1]
