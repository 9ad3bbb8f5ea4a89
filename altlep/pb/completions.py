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
    """The final MES run, any greedy additions after it, and how many runs it took (on two
    threads, that varies a little from one count to the next)."""

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
                     unit: int, span: list, piece: _Piece | None = None,
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
        if piece is not None:  # no further than the piece's last step (it may shrink)
            width = min(width, math.floor((piece.end - unit - known) / unit))
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
          origin: Fraction, scan: _Scan, *, piece: _Piece | None = None,
          runs: int | None = None, cancel: Callable[[], bool] | None = None) -> _Scan:
    """Raise the per-voter budget by whole units from `scan` until the completion's stopping
    rule, or until every step before the end of `piece` is known, `runs` more runs are made
    or `cancel()`."""
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
        if (piece is not None and following >= piece.end) \
                or (runs is not None and made >= runs) or (cancel is not None and cancel()):
            return scan
        following = _certify_further(profile, rank, run, following, unit, scan.span, piece,
                                     scan.habits)
        if piece is not None and not piece.claim(following):
            return scan  # the piece ends before that step
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
    first stop among them is the one a single scan finds. The outcome is the same however
    the pieces fall; the runs made (`Completed.rounds`) are not, since an idle thread takes
    over part of a busy piece (`_Pieces`)."""
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
    (certificates, `mes_stable._flat_start`) are copied too, as another thread may be
    adding to the originals meanwhile."""
    return {key: list(value) if isinstance(value, list) else value
            for key, value in habits.items()}


def _threads() -> int:
    """How many CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(eq=False)
class _Piece:
    """Steps from `start` to before `end` for one thread to scan. `end` moves down to where
    an idle thread takes over the rest (`_Pieces.take`); `claimed`, the last step the scan
    ran at or is about to, is below it. `scan` is the scan so far (None past the guard)."""

    start: Fraction
    end: Fraction
    lock: threading.Condition
    claimed: Fraction
    scan: _Scan | None = None
    finished: bool = False

    def claim(self, step: Fraction) -> bool:
        """Reserve `step` for a run of this piece's scan, unless the piece ends before it."""
        with self.lock:
            if step >= self.end:
                return False
            self.claimed = step
            return True


class _Pieces:
    """The steps ahead of a scan, cut into pieces for two threads to take in order; once the
    stop is known to lie in a piece, an idle thread takes over the second half of the steps
    a piece still has ahead. Outcomes do not depend on where a scan began, so the pieces,
    joined by their start, stop where one scan stops. All fields are guarded by `lock`."""

    def __init__(self, profile: Profile, rank: list[int], completion: str, pool: list[int],
                 origin: Fraction, scan: _Scan, first: Fraction, length: Fraction) -> None:
        self.profile, self.rank, self.completion = profile, rank, completion
        self.pool, self.origin, self.length = pool, origin, length
        self.lock = threading.Condition()
        self.limit = origin + MAX_ROUNDS * profile.scale  # the guard: no piece reaches it
        self.split = scan.run  # below every piece: where their first runs may start warm
        self.span = list(scan.span)  # each piece starts from the proofs' state at the split
        self.habits = _own_copy(scan.habits)
        self.next_start = first  # where the next piece in turn begins
        self.stop_at: Fraction | float = math.inf  # the first start of a piece that stops
        self.failure: list[BaseException] = []
        # the head piece goes on with the first runs' scan, up to `first`
        self.head: _Piece | None = _Piece(scan.run.per_voter, first, self.lock,
                                          scan.run.per_voter, scan)
        self.pieces: list[_Piece] = []

    def work(self) -> None:
        """Take pieces and scan them until every piece before the stop is scanned."""
        while True:
            with self.lock:
                piece = self.take()
                while piece is None:
                    if self.failure or self.all_scanned():
                        return
                    self.lock.wait()
                    piece = self.take()
            try:
                self.run(piece)
            except BaseException as error:  # re-raised by the joining thread
                with self.lock:
                    self.failure.append(error)
                    self.lock.notify_all()
                return
            with self.lock:
                piece.finished = True
                if piece.scan is None or piece.scan.stop:
                    self.stop_at = min(self.stop_at, piece.start)
                self.lock.notify_all()

    def take(self) -> _Piece | None:
        """The next piece in turn, else the second half of what a piece before the stop
        still has ahead, else None."""
        if self.failure:
            return None
        return self.in_turn() or self.rest_of_busiest()

    def in_turn(self) -> _Piece | None:
        """The head piece, then pieces of `length` steps, while they start before the stop."""
        if self.head is not None:
            piece, self.head = self.head, None
        elif self.next_start < self.stop_at:
            begin = self.next_start
            self.next_start += self.length
            piece = _Piece(begin, begin + self.length, self.lock, begin)
        else:
            return None
        self.pieces.append(piece)
        return piece

    def rest_of_busiest(self) -> _Piece | None:
        """A new piece of the second half of the steps that the piece being scanned with the
        most ahead still has, if a quarter of a piece or more (worth a run of its own); that
        piece now ends where the new one begins."""
        unit = self.profile.scale
        least = max(self.length / 4, 2 * unit)
        busy = [p for p in self.pieces if not p.finished and p.scan is not None
                and p.start < self.stop_at and p.end - p.claimed >= least]
        if not busy:
            return None
        widest = max(busy, key=lambda p: p.end - p.claimed)
        middle = widest.claimed + (widest.end - widest.claimed) / 2
        begin = self.origin + math.ceil((middle - self.origin) / unit) * unit
        piece = _Piece(begin, widest.end, self.lock, begin)
        widest.end = begin
        self.pieces.append(piece)
        return piece

    def all_scanned(self) -> bool:
        return self.stop_at < math.inf and all(
            p.finished for p in self.pieces if p.start <= self.stop_at)

    def run(self, piece: _Piece) -> None:
        """Scan `piece` (its scan is None if it lies past the guard)."""
        def cancelled() -> bool:
            return piece.start > self.stop_at or bool(self.failure)
        profile, unit = self.profile, self.profile.scale
        if piece.scan is None:  # not the head piece: a first run of its own
            if piece.start >= self.limit:
                return
            # warm from the run nearest below: the split's, or the scan's it takes over from
            below = max((p for p in self.pieces if p.start < piece.start and p.scan),
                        key=lambda p: p.start, default=None)
            warm = below.scan.run if below is not None else self.split
            run = mes(profile, self.rank, piece.start, resolution=unit, band=GUESS_BAND,
                      warm=warm)
            piece.scan = _Scan(run, None, piece.start, list(self.span),
                               habits=_own_copy(self.habits))
        _scan(profile, self.rank, self.completion, self.pool, self.origin, piece.scan,
              piece=piece, cancel=cancelled)

    def joined(self) -> Completed:
        """The result of one scan: the pieces from the first on, in order, to the stop."""
        rounds = 0
        previous: _Scan | None = None
        for piece in sorted(self.pieces, key=lambda p: p.start):
            scan = piece.scan
            if scan is None:  # past the guard: the last outcome stays
                return Completed(previous.run, [], rounds, previous.run.per_voter)
            rounds += scan.rounds
            if scan.stop:
                scan.rounds = rounds
                return _completed_by(self.profile, scan, previous,
                                     piece.start - self.profile.scale)
            previous = scan
        raise AssertionError("unreachable: the joined pieces end in a stop")


def _in_pieces(profile: Profile, rank: list[int], completion: str, pool: list[int],
               origin: Fraction, scan: _Scan, first: Fraction, length: Fraction
               ) -> Completed:
    """Scan the head piece (from `scan` up to `first`) and pieces of `length` steps from
    `first` on two threads (`_Pieces`); join them in order up to the first stop."""
    pieces = _Pieces(profile, rank, completion, pool, origin, scan, first, length)
    with ThreadPoolExecutor(max_workers=1) as helper:
        other = helper.submit(pieces.work)
        pieces.work()
        other.result()
    if pieces.failure:
        raise pieces.failure[0]
    return pieces.joined()


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
