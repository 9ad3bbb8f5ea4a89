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
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from fractions import Fraction

from altlep.pb.blas import one_blas_thread
from altlep.pb.profile import Profile
from altlep.pb.rules.greedy import greedy
from altlep.pb.rules.mes import MesRun, mes
from altlep.pb.rules.mes_stable import same_outcome

COMPLETIONS = ("none", "add1", "add1u", "add1-full")
MAX_ROUNDS = 1_000_000  # a guard only; real elections stop after at most a few thousand
# A run's guess of where its outcome changes (`MesRun.crossing`) aims the next proof; rivals
# more than this (relative) above the winner rarely overtake within it, and leaving their
# rhos unsolved halves the cost of a run (Budapest 2024).
GUESS_BAND = 1e-2
SEQUENTIAL_RUNS = 8  # runs before the steps ahead are cut into pieces (`_raise`)
# ... or only 2 on a profile with this many supporter entries, where each run takes long
# enough that the second thread pays from the start (Budapest 2024 has 255,820)
LARGE_PROFILE = 100_000
CHUNK_RUNS = 8  # runs a piece is expected to take (from the first runs' pace)


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
                     unit: int, span: list, end: Fraction | None = None,
                     habits: dict | None = None) -> Fraction:
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
    # the last whole step known to give run's outcome (steps are whole units from the
    # origin; add1u's first run, at budget / voters, may lie between two of them)
    known = following - unit
    width = span[0]
    if run.crossing < math.inf:
        guess = math.floor((run.per_voter + Fraction(run.crossing * (1 - 1e-6)) - known) / unit)
        if guess > width:
            width = min(guess, MAX_ROUNDS)
    # a run at a tie (its guess of the next change is 0) is not in the first proof's range
    tie = run.crossing == 0 and known == run.per_voter
    # the step whose winners' rhos are known (the run's, then each proof's high end)
    point, point_rhos = run.per_voter, run.rho
    failed: Fraction | None = None  # the nearest end a proof failed to reach
    guessed = False  # the width tried stops just before a guessed change
    misses = 0  # proofs failed in a row
    best = 0
    start, tries = max(known, run.per_voter), 0
    while width >= 1:
        if end is not None:  # no further than the scan's last step
            width = min(width, math.floor((end - unit - known) / unit))
            if width < 1:
                break
        hint: list[float] = []
        reach: list[float] = []
        low = known + unit if tie and tries == 0 else max(known, run.per_voter)
        tries += 1
        at_high: dict[int, float] = {}
        if same_outcome(profile, run.winners, low, known + width * unit, rank, hint=hint,
                        reach=reach, habits=habits, rhos=run.rho,
                        at_low=point_rhos if point == low else None, at_high=at_high):
            known += width * unit
            point, point_rhos = known, at_high
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
            if reach:  # the last whole step in the part proved
                known = max(known, following + math.floor(
                    (low + Fraction(reach[0]) - following) / unit) * unit)
            # where a rival was seen to overtake, by a straight line between the ends
            guess = math.ceil((low + Fraction(hint[0]) - known) * (1 - 1e-9) / unit) - 1 \
                if hint else 0
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
    if best:  # else the last width that worked stays the first to try
        span[0] = best
    if span[4] >= span[3]:
        span[2] = 1
    else:
        span[1] = span[2]
        span[2] = min(span[2] * 2, 64)
    return max(following, known + unit)


@dataclass
class _Scan:
    """How far a scan of whole steps got: its latest run, the run of the step before (None at
    the start of a scan), the highest step known to give that one's outcome, the state of
    the proofs (`_certify_further`'s span) and why it stopped ("" if it has not)."""

    run: MesRun
    before: MesRun | None
    last_same: Fraction
    span: list
    rounds: int = 1
    stop: str = ""  # "over", "done", "final" (nothing changes any more) or ""
    habits: dict = field(default_factory=dict)  # what proofs learn of this election


def _scan(profile: Profile, rank: list[int], completion: str, pool: list[int],
          origin: Fraction, scan: _Scan, *, end: Fraction | None = None,
          runs: int | None = None, cancel: Callable[[], bool] | None = None) -> _Scan:
    """Raise the per-voter budget by whole units from `scan` until the completion's stopping
    rule, or until every step before `end` is known, `runs` more runs are made or `cancel()`."""
    unit = profile.scale
    made = 0
    while scan.rounds < MAX_ROUNDS:
        run = scan.run
        scan.stop = _stop(profile, run.winners, completion, pool)
        if scan.stop:
            return scan
        following = _next_step(run, origin, unit)
        if following - origin >= MAX_ROUNDS * unit:
            scan.stop = "final"
            return scan
        if (end is not None and following >= end) or (runs is not None and made >= runs) \
                or (cancel is not None and cancel()):
            return scan
        following = _certify_further(profile, rank, run, following, unit, scan.span, end,
                                     scan.habits)
        if end is not None and following >= end:
            return scan
        scan.before = run
        scan.last_same = max(following - unit, run.per_voter)
        # while proofs pause (outcomes change at nearly every step), a run's stable range
        # would hardly ever reach the next step: it need not track slopes at all
        resolution = unit if scan.span[1] == 0 else math.inf
        scan.run = mes(profile, rank, following, resolution=resolution, warm=run,
                       band=GUESS_BAND)
        scan.rounds += 1
        made += 1
    scan.stop = "final"
    return scan


def _raise(profile: Profile, rank: list[int], run: MesRun, completion: str,
           pool: list[int], origin: Fraction) -> Completed:
    """Raise the per-voter budget by whole units until the completion's stopping rule.

    The first runs go one after the other. Where the stop is still not in sight (Budapest
    counts tens of thousands of forint steps), the steps ahead are cut into pieces of about
    `CHUNK_RUNS` runs each, scanned on two threads (the compiled kernels release the GIL)
    and joined in order: a piece's outcomes do not depend on where its scan began, so the
    first stop among them is the one a single scan finds. Pieces follow from the steps the
    first runs covered, not from timings, so the same count makes the same runs."""
    # width (steps) to try first; steps to wait; next wait; recent proofs; steps they saved
    scan = _Scan(run, None, run.per_voter, [4, 0, 1, 0.0, 0.0])
    entries = sum(len(s) for s in profile.supporters)
    first_runs = 2 if entries >= LARGE_PROFILE else SEQUENTIAL_RUNS
    _scan(profile, rank, completion, pool, origin, scan, runs=first_runs)
    if scan.stop or _threads() < 2:
        _scan(profile, rank, completion, pool, origin, scan)
        return _completed_by(profile, scan, None, None)
    unit = profile.scale
    covered = max(math.floor((scan.last_same - run.per_voter) / unit), 1)
    length = max(covered * CHUNK_RUNS // first_runs, 1) * unit
    return _in_pieces(profile, rank, completion, pool, origin, scan,
                      _next_step(scan.run, origin, unit) + length, length)


def _own_copy(habits: dict) -> dict:
    """What proofs learnt so far, for a piece to go on learning by itself: the lists in it
    (certificates, `mes_stable._flat_start`) are copied too, so no piece sees what another
    learns meanwhile, and a count makes the same proofs whatever the timing."""
    return {key: list(value) if isinstance(value, list) else value
            for key, value in habits.items()}


def _threads() -> int:
    """How many CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _in_pieces(profile: Profile, rank: list[int], completion: str, pool: list[int],
               origin: Fraction, scan: _Scan, first: Fraction, length: Fraction
               ) -> Completed:
    """Scan piece 0 (from `scan` up to `first`) and pieces from `first + (i - 1) * length`
    on two threads, each taking the next piece; join them in order up to the first stop."""
    unit = profile.scale
    limit = origin + MAX_ROUNDS * unit
    lock = threading.Condition()
    taken = iter(range(MAX_ROUNDS))
    done: dict[int, _Scan | None] = {}
    stop_at = [math.inf]  # the first piece known to stop
    failure: list[BaseException] = []
    span = list(scan.span)  # each piece starts from the proofs' state at the split
    habits = _own_copy(scan.habits)
    split = scan.run  # at a lower budget than every piece: where their first runs start

    def start(i: int) -> Fraction:
        return first + (i - 1) * length

    def work() -> None:
        while True:
            with lock:
                i = next(taken)
                if i > stop_at[0] or failure:
                    return
            try:
                result = _piece(i)
            except BaseException as error:  # re-raised by the joining thread
                with lock:
                    failure.append(error)
                    lock.notify_all()
                return
            with lock:
                done[i] = result
                if result is None or result.stop:
                    stop_at[0] = min(stop_at[0], i)
                lock.notify_all()

    def _piece(i: int) -> _Scan | None:
        def cancelled() -> bool:
            return i > stop_at[0] or bool(failure)
        if i == 0:
            return _scan(profile, rank, completion, pool, origin, scan, end=first,
                         cancel=cancelled)
        begin = start(i)
        if begin >= limit:
            return None  # the guard: no piece reaches this far
        run = mes(profile, rank, begin, resolution=unit, band=GUESS_BAND, warm=split)
        piece = _Scan(run, None, begin, list(span), habits=_own_copy(habits))
        return _scan(profile, rank, completion, pool, origin, piece, end=start(i + 1),
                     cancel=cancelled)

    with ThreadPoolExecutor(max_workers=1) as helper:
        other = helper.submit(work)
        work()
        with lock:
            while not failure and not (stop_at[0] < math.inf
                                       and all(i in done for i in range(int(stop_at[0]) + 1))):
                lock.wait()
        other.result()
    if failure:
        raise failure[0]
    rounds = 0
    previous: _Scan | None = None
    for i in range(int(stop_at[0]) + 1):
        piece = done[i]
        if piece is None:  # past the guard: the last outcome stays
            return Completed(previous.run, [], rounds, previous.run.per_voter)
        rounds += piece.rounds
        if piece.stop:
            piece.rounds = rounds
            return _completed_by(profile, piece, previous, start(i) - unit)
        previous = piece
    raise AssertionError("unreachable: the joined pieces end in a stop")


def _completed_by(profile: Profile, scan: _Scan, previous: _Scan | None,
                  before_start: Fraction | None) -> Completed:
    """The completion's result where `scan` stopped; `previous` is the piece before it, whose
    outcome lasts up to `before_start`, the step before `scan` began."""
    if scan.stop == "over":
        if scan.before is not None:
            return Completed(scan.before, [], scan.rounds, scan.last_same)
        if previous is not None:
            return Completed(previous.run, [], scan.rounds, before_start)
        return Completed(_free_only(profile, scan.run), [], scan.rounds)
    return Completed(scan.run, [], scan.rounds, scan.run.per_voter)


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
