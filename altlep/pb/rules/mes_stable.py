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
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from altlep.pb.profile import Profile
from altlep.pb.rules import mes_stable_kernel as kernel
from altlep.pb.rules.compiled import may_win, shared_utility
from altlep.pb.rules.mes import packed_profile
from altlep.pb.rules.tuning import (
    COARSE_LEARN,
    COARSE_MEMORY,
    COARSE_RETRY,
    COARSE_UNDECIDED,
    FLAT_SPAN,
    KEPT_CLEARED,
    KEPT_FLAT,
)


@dataclass
class ProofMemory:
    """What range proofs learn of an election under one tie order, for later proofs (and
    runs) to reuse. Each entry of a list notes the range and exclusions it holds for."""

    # how often lately the bounds-only pass could not decide (a decaying average)
    coarse_undecided: float = 0.0
    # certificates of flat first rounds (`flat_start`): (low, high, winners, excluded, start)
    flat_prefixes: list[tuple[Fraction, Fraction, tuple[int, ...], set[int], kernel.FlatStart]] = (
        field(default_factory=list)
    )
    # first rounds a failed proof showed every rival behind in over its whole range
    # (`certified_rounds`): (low, high, winners, excluded)
    cleared_rounds: list[tuple[Fraction, Fraction, tuple[int, ...], set[int]]] = field(
        default_factory=list
    )

    def copy(self) -> ProofMemory:
        """A copy to go on learning apart (the lists are copied; their entries never change)."""
        return ProofMemory(
            self.coarse_undecided, list(self.flat_prefixes), list(self.cleared_rounds)
        )


@dataclass(frozen=True)
class Proof:
    """What `same_outcome` found of a range [low, high]."""

    holds: bool  # MES selects the given winners for every per-voter budget in the range
    # a guess (a straight line between the ends) of how far above low a rival overtakes
    hint: float | None = None
    # on failure: how far above low the outcome is proved all the same, if any of the way
    reach: float | None = None
    # when it holds: the winners' rhos at high (for a proof of the next range to check)
    at_high: dict[int, float] = field(default_factory=dict)
    # asked for bounds only: they were too coarse somewhere, the slopes would be needed
    needs_slopes: bool = False


def same_outcome(
    profile: Profile,
    trace: list[int],
    low: Fraction,
    high: Fraction,
    rank: list[int],
    exclude: set[int] | None = None,
    habits: ProofMemory | None = None,
    rhos: dict[int, float] | None = None,
    at_low: dict[int, float] | None = None,
    bounds_only: bool = False,
) -> Proof:
    """Whether MES selects exactly `trace` for every per-voter budget in [low, high]: a
    `Proof`, which holds only if it surely does.

    A rival is first compared on the interval bounds (its rho on high budgets against the
    winner's on low ones). Only if that is too coarse somewhere is the proof redone with the
    slopes of both rhos (see the module docstring), which costs about twice as much.
    `habits` keeps what the proofs learn of the election with this tie order (default: kept
    in the profile's cache).
    `rhos`: the winners' rhos at or below low (a run's), where the proof's solving starts.
    `at_low`: the winners' rhos at low itself if known (a run's there, or a proof's that
    ended there), which are then checked rather than solved.
    `bounds_only`: compare the bounds at the ends only, never the slopes (the `Proof` then
    says whether they would have been needed)."""
    if habits is None:  # what proofs learn holds for one tie order only
        habits = profile.cache.proof_memory.setdefault(tuple(rank), ProofMemory())
    exclude = exclude or set()
    start = flat_start(profile, trace, low, high, rank, exclude, habits)
    hint = None
    if bounds_only:
        coarse, at_high = _prove(
            profile, trace, low, high, rank, exclude, False, rhos, at_low, start, habits
        )
        needs_slopes = coarse.status == kernel.NEEDS_SLOPES
        hint = None if math.isnan(coarse.hint) else coarse.hint
        return Proof(coarse.status == kernel.PROVED, hint, None, at_high, needs_slopes)
    # How often lately the coarse pass could not decide (decaying; per election): when it
    # usually cannot, go straight to the slopes.
    undecided = habits.coarse_undecided
    if undecided < COARSE_UNDECIDED:
        coarse, at_high = _prove(
            profile, trace, low, high, rank, exclude, False, rhos, at_low, start, habits
        )
        needs_slopes = coarse.status == kernel.NEEDS_SLOPES
        habits.coarse_undecided = COARSE_MEMORY * undecided + COARSE_LEARN * needs_slopes
        hint = None if math.isnan(coarse.hint) else coarse.hint
        if not needs_slopes:
            return Proof(coarse.status == kernel.PROVED, hint, None, at_high)
    else:
        habits.coarse_undecided = COARSE_RETRY * undecided  # tried again now and then
    found, at_high = _prove(
        profile, trace, low, high, rank, exclude, True, rhos, at_low, start, habits
    )
    if hint is None and not math.isnan(found.hint):
        hint = found.hint  # the coarse pass's guess, if it made one, comes first
    reach = found.reach if found.status == kernel.FAILED and found.reach > 0 else None
    return Proof(found.status == kernel.PROVED, hint, reach, at_high)


def _prove(
    profile: Profile,
    trace: list[int],
    low: Fraction,
    high: Fraction,
    rank: list[int],
    exclude: set[int],
    with_slopes: bool,
    rhos: dict[int, float] | None,
    at_low: dict[int, float] | None,
    start: kernel.FlatStart,
    habits: ProofMemory | None,
) -> tuple[kernel.Verdict, dict[int, float]]:
    """`kernel.prove`'s verdict, with or without slopes, and the winners' rhos at high if
    it proved the range. `start`: the flat first rounds to skip (`flat_start`).
    `habits`: where rounds cleared over a range are kept for later proofs within it."""
    pack = packed_profile(profile)
    m = profile.n_projects
    known = kernel.WinnerRhos(np.full(m, np.nan), np.full(m, np.nan), np.full(m, np.nan))
    for j, rho in (rhos or {}).items():
        known.above[j] = rho
    for j, rho in (at_low or {}).items():
        known.at_low[j] = rho
    certified = certified_rounds(trace, low, high, exclude, habits)
    verdict = kernel.prove(
        pack,
        _rank_array(profile, rank),
        np.asarray(trace, dtype=np.int64),
        may_win(pack, exclude),
        float(low),
        float(high),
        with_slopes,
        float(profile.scale),
        known,
        shared_utility(profile, pack),
        start,
        certified,
    )
    if habits is not None and verdict.status != kernel.PROVED:
        if verdict.cleared > max(certified, start.rounds):
            kept = habits.cleared_rounds
            kept.append((low, high, tuple(trace[: verdict.cleared]), set(exclude)))
            del kept[:-KEPT_CLEARED]  # the latest few: proofs move up the budgets
    at_high: dict[int, float] = {}
    if verdict.status == kernel.PROVED:
        at_high = {j: float(known.at_high[j]) for j in trace if profile.cost[j] > 0}
    return verdict, at_high


def certified_rounds(
    trace: list[int], low: Fraction, high: Fraction, exclude: set[int], habits: ProofMemory | None
) -> int:
    """How many first rounds of trace an earlier proof over a range holding [low, high]
    showed every rival behind in (`kernel.prove`'s cleared), or 0."""
    rounds = 0
    for since, until, prefix, left_out in habits.cleared_rounds if habits else ():
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
    habits: ProofMemory, per_voter: Fraction, exclude: set[int]
) -> tuple[tuple[int, ...], Fraction]:
    """(winners, until): the first winners MES selects at per_voter, as far as a failed proof
    over a range holding it showed them (its cleared rounds, kept in habits), and the top of
    that range; or ((), per_voter)."""
    found: tuple[int, ...] = ()
    top = per_voter
    for since, until, prefix, left_out in habits.cleared_rounds:
        if since <= per_voter <= until and len(prefix) > len(found) and left_out == exclude:
            found, top = prefix, until
    return found, top


def flat_start(
    profile: Profile,
    trace: list[int],
    low: Fraction,
    high: Fraction,
    rank: list[int],
    exclude: set[int],
    habits: ProofMemory,
) -> kernel.FlatStart:
    """The first rounds of trace that MES gives at their flat share throughout [low, high]
    (`kernel.flat_prefix`), with what each ballot group paid in them and what each project's
    supporters paid: a `kernel.FlatStart`. Certificates reach `FLAT_SPAN` steps above the
    proof that asked first and are kept in habits, so the proofs after it reuse them."""
    kept = habits.flat_prefixes
    for since, until, prefix, left_out, flat in kept:
        if (
            since <= low
            and high <= until
            and left_out == exclude
            and tuple(trace[: len(prefix)]) == prefix
        ):
            return flat
    pack = packed_profile(profile)
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
    shared = shared_utility(profile, pack).by_pair
    paid_by = np.zeros(profile.n_projects)
    for w in trace[:rounds]:
        if profile.cost[w] > 0:
            paid_by += pack.cost[w] / pack.total[w] * shared[w]
    flat = kernel.FlatStart(rounds, paid, paid_by)
    kept.append((low, until, tuple(trace[:rounds]), set(exclude), flat))
    del kept[:-KEPT_FLAT]  # the latest few: proofs move up the budgets
    return flat


def _rank_array(profile: Profile, rank: list[int]) -> np.ndarray:
    """`rank` as an array, cached on the profile while the same list is given."""
    cached = profile.cache.rank_array
    if cached is None or cached[0] is not rank:
        cached = (rank, np.asarray(rank, dtype=np.int64))
        profile.cache.rank_array = cached
    return cached[1]
