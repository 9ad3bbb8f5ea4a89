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
from dataclasses import dataclass
from fractions import Fraction

from altlep.pb.blas import one_blas_thread
from altlep.pb.pieces import scan_in_pieces
from altlep.pb.profile import Profile
from altlep.pb.rules.greedy import greedy
from altlep.pb.rules.mes import MesRun, mes
from altlep.pb.steps import Scan, exhaustive, next_step, scan_steps

COMPLETIONS = ("none", "add1", "add1u", "add1-full")


@dataclass(frozen=True)
class PieceSizes:
    """When the add1 scan cuts the steps ahead into pieces for two threads, and how long
    the pieces are. Only the runs made depend on these, never the outcome."""

    first_runs: int = 8
    """Runs made one after the other before the steps ahead are cut into pieces."""
    first_runs_large: int = 2
    """... or this many on a profile of `large_profile` supporter entries or more, where
    each run takes long enough that the second thread pays from the start."""
    large_profile: int = 100_000
    """Supporter entries from which a profile counts as large (Budapest 2024 has 255,820)."""
    piece_runs: int = 8
    """Runs a piece is expected to take, judged from the pace of the first runs."""


@dataclass
class Completed:
    """The final MES run, any greedy additions after it, and how many runs it took (on two
    threads, that varies a little from one count to the next)."""

    run: MesRun
    greedy_added: list[int]
    rounds: int
    final_per_voter: Fraction | None = None  # highest step with this outcome (for reports)
    stop: str = ""
    """Why raising the budget stopped: "over" (the next step overspends, so the outcome
    before it is kept), "done" (the completion's rule is met), "final" (no step changes the
    outcome any more), or "" where nothing was raised."""
    pieces: tuple[Fraction, ...] = ()
    """The first step of each piece the steps were scanned in, in order (empty: one scan)."""

    @property
    def winners(self) -> list[int]:
        return self.run.winners + self.greedy_added


def mes_completed(
    profile: Profile,
    rank: list[int],
    completion: str = "add1",
    *,
    greedy_after: bool = False,
    threads: int | None = None,
    sizes: PieceSizes = PieceSizes(),
) -> Completed:
    """MES with the named completion; greedy_after adds greedy utilitarian at the end.

    `threads`: 1 scans the steps of add1 (and its variants) in one thread; 2 scans them in
    pieces on two threads (`pieces.py`); None takes 2 where this process may run on two
    CPUs or more. The outcome is the same either way."""
    if threads is None:
        threads = min(_cpus(), 2)
    if threads not in (1, 2):
        raise ValueError(f"threads must be 1 or 2, not {threads}")
    with one_blas_thread():
        return _completed(profile, rank, completion, greedy_after, threads, sizes)


def _completed(
    profile: Profile,
    rank: list[int],
    completion: str,
    greedy_after: bool,
    threads: int,
    sizes: PieceSizes,
) -> Completed:
    """Raising the per-voter budget one unit at a time can take tens of thousands of steps
    (Budapest counts in forints), so the scan (`steps.py`) skips stretches of steps that a
    range proof (`rules/mes_stable.same_outcome`) shows give the same outcome as the last
    run (and the first, unbanded run, the range it reports itself, `MesRun.stable_for`).
    Steps skipped this way would have repeated the same outcome, so the stopping rules see
    exactly what a one-by-one loop sees.
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
        if exhaustive(profile, run.winners, everything):
            return Completed(run, _greedy_rest(profile, rank, run.winners, True), 1)
        # equalshares.net: steps of one unit from the rounded-down per-voter budget
        origin = Fraction(math.floor(start / profile.scale) * profile.scale)
        done = _raise(profile, rank, run, "add1u", everything, origin, threads, sizes)
        done.greedy_added = _greedy_rest(profile, rank, done.run.winners, True)
        return done
    candidates = [j for j in everything if profile.total_utility[j] > 0 and profile.cost[j] > 0]
    done = _raise(profile, rank, run, completion, candidates, start, threads, sizes)
    done.greedy_added = _greedy_rest(profile, rank, done.run.winners, greedy_after)
    return done


def _raise(
    profile: Profile,
    rank: list[int],
    run: MesRun,
    completion: str,
    pool: list[int],
    origin: Fraction,
    threads: int,
    sizes: PieceSizes,
) -> Completed:
    """Raise the per-voter budget by whole units until the completion's stopping rule.

    The first runs go one after the other. Where the stop is still not in sight (Budapest
    counts tens of thousands of forint steps), the steps ahead are cut into pieces of about
    `sizes.piece_runs` runs each, scanned on two threads (the compiled kernels release the GIL)
    and joined in order: a piece's outcomes do not depend on where its scan began, so the
    first stop among them is the one a single scan finds. The outcome is the same however
    the pieces fall; the runs made (`Completed.rounds`) are not, since an idle thread takes
    over part of a busy piece (`pieces.Pieces`)."""
    scan = Scan(run, None, run.per_voter)
    entries = sum(len(s) for s in profile.supporters)
    first_runs = sizes.first_runs_large if entries >= sizes.large_profile else sizes.first_runs
    scan_steps(profile, rank, completion, pool, origin, scan, runs=first_runs)
    if scan.stop or threads < 2:
        scan_steps(profile, rank, completion, pool, origin, scan)
        return _completed_by(profile, scan, None, None)
    unit = profile.scale
    covered = max(math.floor((scan.last_same - run.per_voter) / unit), 1)
    length = max(covered * sizes.piece_runs // first_runs, 1) * unit
    first = next_step(scan.run, origin, unit) + length
    joined = scan_in_pieces(profile, rank, completion, pool, origin, scan, first, length)
    if joined.scan is None:  # past the guard: the last outcome stays
        done = Completed(joined.previous.run, [], joined.rounds, joined.before_start, "final")
    else:
        done = _completed_by(profile, joined.scan, joined.previous, joined.before_start)
    done.pieces = joined.starts
    return done


def _cpus() -> int:
    """How many CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _completed_by(
    profile: Profile, scan: Scan, previous: Scan | None, before_start: Fraction | None
) -> Completed:
    """The completion's result where `scan` stopped; `previous` is the piece before it, whose
    outcome lasts up to `before_start`, the step before `scan` began."""
    if scan.stop == "over":
        if scan.before is not None:
            return Completed(scan.before, [], scan.rounds, scan.last_same, "over")
        if previous is not None:
            return Completed(previous.run, [], scan.rounds, before_start, "over")
        return Completed(_free_only(profile, scan.run), [], scan.rounds, stop="over")
    return Completed(scan.run, [], scan.rounds, scan.run.per_voter, scan.stop)


def _free_only(profile: Profile, run: MesRun) -> MesRun:
    """pabutools' fallback when even the first outcome overspends: only the free projects."""
    free = [j for j in run.winners if profile.cost[j] == 0]
    return MesRun(run.per_voter, free, {j: 0.0 for j in free}, {}, run.budgets)


def _greedy_rest(profile: Profile, rank: list[int], winners: list[int], on: bool) -> list[int]:
    if not on:
        return []
    return greedy(profile, rank, initial=winners).winners
