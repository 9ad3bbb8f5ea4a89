"""Completions of MES: raising the per-voter budget until the outcome uses the money well.

- ``none``: MES with budget/voters each.
- ``add1``: pabutools' `voter_budget_increment=1`: +1 currency unit per voter until the outcome
  is exhaustive (nothing else fits) or would overspend (then the previous outcome is kept).
- ``add1u``: equalshares.net's: if plain MES is not exhaustive, restart from the per-voter
  budget rounded down to a whole unit, +1 per voter while the next outcome still fits and the
  current one is not exhaustive; then complete greedily (approval count / points).
- ``add1-full``: like add1 but does not stop at exhaustiveness, only before overspending
  (reproduces Wieliczka 2023's official result).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from altlep.pb.blas import one_blas_thread
from altlep.pb.profile import Profile
from altlep.pb.rules.greedy import greedy
from altlep.pb.rules.mes import MesRun, mes
from altlep.pb.rules.mes_stable import same_outcome

COMPLETIONS = ("none", "add1", "add1u", "add1-full")
MAX_ROUNDS = 1_000_000  # a guard only; real elections stop after at most a few thousand


@dataclass
class Completed:
    """The final MES run, any greedy additions after it, and how many runs it took."""

    run: MesRun
    greedy_added: list[int]
    rounds: int
    final_per_voter: Fraction | None = None  # highest step with this outcome (for reports)

    @property
    def winners(self) -> list[int]:
        return self.run.winners + self.greedy_added


def _cost(profile: Profile, winners: list[int]) -> int:
    return sum(profile.cost[j] for j in winners)


def _exhaustive(profile: Profile, winners: list[int], pool: list[int]) -> bool:
    left = profile.budget - _cost(profile, winners)
    chosen = set(winners)
    return not any(profile.cost[j] <= left for j in pool if j not in chosen)


def mes_completed(profile: Profile, rank: list[int], completion: str = "add1",
                  *, greedy_after: bool = False) -> Completed:
    """MES with the named completion; greedy_after adds greedy utilitarian at the end."""
    with one_blas_thread():
        return _completed(profile, rank, completion, greedy_after)


def _completed(profile: Profile, rank: list[int], completion: str, greedy_after: bool
               ) -> Completed:
    """Raising the per-voter budget one unit at a time can take tens of thousands of steps
    (Budapest counts in forints), so each run reports how far the budget can rise with the
    outcome provably unchanged (`MesRun.stable_for`) and the loop jumps to the first whole
    step past that. Steps skipped this way would have repeated the same outcome, so the
    stopping rules see exactly what a one-by-one loop sees.
    """
    if completion not in COMPLETIONS:
        raise ValueError(f"unknown completion '{completion}'; choose from {COMPLETIONS}")
    n = profile.n_voters
    if n == 0:
        run = mes(profile, rank, Fraction(0))
        return Completed(run, _greedy_rest(profile, rank, run.winners, greedy_after), 1)
    start = Fraction(profile.budget, n)
    run = mes(profile, rank, start, resolution=profile.scale)
    if completion == "none":
        return Completed(run, _greedy_rest(profile, rank, run.winners, greedy_after), 1)
    everything = list(range(profile.n_projects))
    if completion == "add1u":
        if _exhaustive(profile, run.winners, everything):
            return Completed(run, _greedy_rest(profile, rank, run.winners, True), 1)
        # equalshares.net: steps of one unit from the rounded-down per-voter budget
        origin = Fraction(math.floor(start / profile.scale) * profile.scale)
        done = _raise(profile, rank, run, "add1u", everything, origin)
        done.greedy_added = _greedy_rest(profile, rank, done.run.winners, True)
        return done
    candidates = [j for j in everything if profile.total_utility[j] > 0 and profile.cost[j] > 0]
    done = _raise(profile, rank, run, completion, candidates, start)
    done.greedy_added = _greedy_rest(profile, rank, done.run.winners, greedy_after)
    return done


def _next_step(run: MesRun, origin: Fraction, unit: int) -> Fraction:
    """The first step origin + k*unit above run.per_voter that might change the outcome."""
    current = run.per_voter
    after = math.floor((current - origin) / unit) + 1  # the very next step
    if math.isinf(run.stable_for):
        return origin + MAX_ROUNDS * unit
    safe = run.stable_for * (1 - 1e-6) - 1e-9 * float(current)  # margin for float error
    if safe > 0:
        after = max(after, math.ceil((current + Fraction(safe) - origin) / unit))
    return origin + after * unit


def _certify_further(profile: Profile, rank: list[int], run: MesRun, following: Fraction,
                     unit: int, span: list) -> Fraction:
    """Skip further steps whose outcome `same_outcome` proves equal to run's; returns the
    first step not proven.

    The first width tried is the last width that worked, or longer if the run guesses the
    outcome changes further on (`MesRun.crossing`); it doubles while proofs work. A failed
    proof may say where a rival overtakes soonest; the next one then stops just before that
    step, and a run decides the step itself (at once if that is the very next step).
    Otherwise the width halves, and once a part is proven the rest is tried whole; after
    four failures in a row a run is cheaper than halving on. When proofs lately saved fewer
    steps than their number (outcomes changing at nearly every step; a proof costs about a
    run), they pause for a few steps, longer each time."""
    if span[1] > 0:
        span[1] -= 1
        return following
    known = max(following - unit, run.per_voter)
    width = span[0]
    if run.crossing < math.inf:
        guess = math.floor((run.per_voter + Fraction(run.crossing * (1 - 1e-6)) - known) / unit)
        if guess > width:
            width = min(guess, MAX_ROUNDS)
    failed: Fraction | None = None  # the nearest end a proof failed to reach
    guessed = False  # the width tried stops just before a guessed change
    misses = 0  # proofs failed in a row
    best = 0
    start, tries = known, 0
    while width >= 1:
        hint: list[float] = []
        reach: list[float] = []
        tries += 1
        if same_outcome(profile, run.winners, known, known + width * unit, rank, hint=hint,
                        reach=reach):
            known += width * unit
            best = max(best, width)
            if failed is not None and guessed:
                break  # proven up to the step before the guessed change: a run decides it
            # after a failure that named no crossing (the slopes were too loose over the
            # whole range, not necessarily a change), the rest of the range is tried whole
            width = width * 2 if failed is None else int((failed - known) / unit) - 1
        else:
            failed = known + width * unit
            misses += 1
            # the steps proved all the same, from the start of the range
            proved = math.floor(reach[0] / unit) if reach else 0
            known += proved * unit
            # where a rival was seen to overtake, by a straight line between the ends
            guess = math.ceil((hint[0] - proved * unit) * (1 - 1e-9) / unit) - 1 if hint else 0
            if hint and guess <= 0:
                break  # a rival overtakes within the very next step: a run decides it
            left = int((failed - known) / unit)
            if guessed and misses > 3:  # guesses keep failing: now at least halve each time
                guess = min(guess, left // 2)
            guessed = 0 < guess < left
            if misses >= 4 and not guessed:
                break  # the change is probably close: a run costs less than halving on
            width = guess if guessed else left // 2
            continue
        misses = 0
    # recent proofs (decaying) and the steps they saved: proofs cost about a run each
    span[3] = 0.7 * span[3] + tries
    span[4] = 0.7 * span[4] + float((known - start) / unit)
    span[0] = max(best, 1)
    if best and span[4] >= span[3]:
        span[2] = 1
    else:
        span[1] = span[2]
        span[2] = min(span[2] * 2, 64)
    return max(following, known + unit)


def _raise(profile: Profile, rank: list[int], run: MesRun, completion: str,
           pool: list[int], origin: Fraction) -> Completed:
    """Raise the per-voter budget by whole units until the completion's stopping rule."""
    unit = profile.scale
    rounds = 1
    before: MesRun | None = None  # the run of the step before `run`'s, None at the start
    last_same = run.per_voter  # the highest step known to give `before`'s outcome
    # width (steps) to try first; steps to wait; next wait; recent proofs; steps they saved
    span = [4, 0, 1, 0.0, 0.0]
    while rounds < MAX_ROUNDS:
        stop = _stop(profile, run.winners, completion, pool)
        if stop == "over":
            if before is None:
                return Completed(_free_only(profile, run), [], rounds)
            return Completed(before, [], rounds, last_same)
        if stop == "done":
            return Completed(run, [], rounds, run.per_voter)
        following = _next_step(run, origin, unit)
        if following - origin >= MAX_ROUNDS * unit:
            return Completed(run, [], rounds, run.per_voter)
        following = _certify_further(profile, rank, run, following, unit, span)
        before = run
        last_same = max(following - unit, run.per_voter)
        # while proofs pause (outcomes change at nearly every step), a run's stable range
        # would hardly ever reach the next step: it need not track slopes at all
        resolution = unit if span[1] == 0 else math.inf
        run = mes(profile, rank, following, resolution=resolution, warm=run)
        rounds += 1
    return Completed(run, [], rounds, run.per_voter)


def _stop(profile: Profile, winners: list[int], completion: str, pool: list[int]) -> str:
    """"over" if the outcome overspends, "done" if the completion stops at it, else ""."""
    if _cost(profile, winners) > profile.budget:
        return "over"
    if completion in ("add1", "add1u") and _exhaustive(profile, winners, pool):
        return "done"
    if set(pool) <= set(winners):
        return "done"  # more money changes nothing
    return ""


def _free_only(profile: Profile, run: MesRun) -> MesRun:
    """pabutools' fallback when even the first outcome overspends: only the free projects."""
    free = [j for j in run.winners if profile.cost[j] == 0]
    return MesRun(run.per_voter, free, {j: 0.0 for j in free}, {}, run.budgets)


def _greedy_rest(profile: Profile, rank: list[int], winners: list[int], on: bool) -> list[int]:
    if not on:
        return []
    return greedy(profile, rank, initial=winners).winners
