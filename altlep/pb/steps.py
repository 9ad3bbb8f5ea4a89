"""Raising the per-voter budget in whole steps, for the add1 completions (`completions.py`).

A scan runs MES at one step, lets range proofs (`rules/mes_stable.py`) skip the steps after
it that surely give the same outcome, runs MES at the first step not proven, and so on until
the completion's stopping rule, the end of its piece of steps (`pieces.py`) or a set number
of runs.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Protocol

from altlep.pb.profile import Profile
from altlep.pb.rules.mes import MesRun, mes
from altlep.pb.rules.mes_stable import ProofMemory, known_first, same_outcome
from altlep.pb.rules.tuning import (
    AIM_SHORT_OF_CROSSING,
    AIM_SHORT_OF_HINT,
    DECAY,
    GUESS_BAND,
    LONGEST_PAUSE,
    SAFETY,
    STABLE_FOR_SHRINK,
)

MAX_ROUNDS = 1_000_000  # a guard only; real elections stop after at most a few thousand


class Limit(Protocol):
    """Where a scan must stop short: a piece of the steps that another thread may shorten
    meanwhile (`pieces.Piece`). Defined here so that this module needs nothing of
    `pieces.py`, which builds on it."""

    @property
    def end(self) -> Fraction:
        """The first step past the piece (it may move down while the scan runs)."""
        ...

    def claim(self, step: Fraction) -> bool:
        """Reserve `step` for a run, unless the piece now ends before it."""
        ...


@dataclass
class ProofPacing:
    """How a scan paces its range proofs (`certify_further`) from one step to the next.

    A proof costs about a run. Where outcomes change at nearly every step, proofs save
    fewer steps than they cost, so they pause for a while, longer each time this repeats."""

    width: int = 4
    """The number of steps a proof tries first: the widest that last worked."""
    pause: int = 0
    """Steps still to go before proofs are tried again (0: they are tried now)."""
    next_pause: int = 1
    """How many steps the next pause lasts; it doubles with each pause, up to `LONGEST_PAUSE`."""
    tried: float = 0.0
    """Proofs made lately: each step's count, older steps weighing `DECAY` times less."""
    saved: float = 0.0
    """Steps those proofs skipped, weighed in the same way."""

    def copy(self) -> ProofPacing:
        return replace(self)

    def waits(self) -> bool:
        """Whether proofs pause at this step (counting the step off the pause)."""
        if self.pause > 0:
            self.pause -= 1
            return True
        return False

    def record(self, tries: int, skipped: float, best: int) -> None:
        """After the proofs at a step: `tries` proofs skipped `skipped` steps; `best` is
        the widest that worked (0 if none did)."""
        self.tried = DECAY * self.tried + tries
        self.saved = DECAY * self.saved + skipped
        if best:  # else the last width that worked stays the first to try
            self.width = best
        if self.saved >= self.tried:
            self.next_pause = 1
        else:
            self.pause = self.next_pause
            self.next_pause = min(self.next_pause * 2, LONGEST_PAUSE)


def cost(profile: Profile, winners: list[int]) -> int:
    """What the winners cost together (scaled)."""
    return sum(profile.cost[j] for j in winners)


def exhaustive(profile: Profile, winners: list[int], pool: list[int]) -> bool:
    """No project of pool outside winners fits in the money they leave."""
    left = profile.budget - cost(profile, winners)
    chosen = set(winners)
    return not any(profile.cost[j] <= left for j in pool if j not in chosen)


def stop_reason(profile: Profile, winners: list[int], completion: str, pool: list[int]) -> str:
    """ "over" if the outcome overspends, "done" if the completion stops at it, else ""."""
    if cost(profile, winners) > profile.budget:
        return "over"
    if completion in ("add1", "add1u") and exhaustive(profile, winners, pool):
        return "done"
    if set(pool) <= set(winners):
        return "done"  # more money changes nothing
    return ""


def next_step(run: MesRun, origin: Fraction, unit: int) -> Fraction:
    """The first step origin + k*unit above run.per_voter that might change the outcome."""
    current = run.per_voter
    after = math.floor((current - origin) / unit) + 1  # the very next step
    if math.isinf(run.stable_for):
        return origin + MAX_ROUNDS * unit
    safe = run.stable_for * (1 - STABLE_FOR_SHRINK) - SAFETY * float(current)
    if safe > 0:
        after = max(after, math.ceil((current + Fraction(safe) - origin) / unit))
    return origin + after * unit


def certify_further(
    profile: Profile,
    rank: list[int],
    run: MesRun,
    following: Fraction,
    unit: int,
    pacing: ProofPacing,
    piece: Limit | None = None,
    habits: ProofMemory | None = None,
) -> Fraction:
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
    if pacing.waits():
        return following
    # the last whole step known to give run's outcome (steps are whole units from the
    # origin; add1u's first run, at budget / voters, may lie between two of them)
    known = following - unit
    width = pacing.width
    if run.crossing < math.inf:
        guess = math.floor(
            (run.per_voter + Fraction(run.crossing * (1 - AIM_SHORT_OF_CROSSING)) - known) / unit
        )
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
        low = known + unit if tie and tries == 0 else max(known, run.per_voter)
        tries += 1
        proof = same_outcome(
            profile,
            run.winners,
            low,
            known + width * unit,
            rank,
            habits=habits,
            rhos=run.rho,
            at_low=point_rhos if point == low else None,
        )
        if proof.holds:
            known += width * unit
            point, point_rhos = known, proof.at_high
            best = max(best, width)
            if failed is not None and guessed:
                break  # proven up to the step before the guessed change: a run decides it
            if known - following >= MAX_ROUNDS * unit:
                break  # past the guard: the outcome stays (widths would double on forever)
            # after a failure that named no crossing (the slopes were too loose over the
            # whole range, not necessarily a change), the rest of the range is tried whole
            width = width * 2 if failed is None else int((failed - known) / unit) - 1
        else:
            failed = known + width * unit
            misses += 1
            # the steps proved all the same, from the start of the range
            if proof.reach is not None:  # the last whole step in the part proved
                part = low + Fraction(proof.reach) - following
                known = max(known, following + math.floor(part / unit) * unit)
            # where a rival was seen to overtake, by a straight line between the ends
            hint = proof.hint
            guess = 0
            if hint is not None:
                guess = (
                    math.ceil((low + Fraction(hint) - known) * (1 - AIM_SHORT_OF_HINT) / unit) - 1
                )
            if hint is not None and guess <= 0:
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
    pacing.record(tries, float((known - start) / unit), best)
    return max(following, known + unit)


@dataclass
class Scan:
    """How far a scan of whole steps got: its latest run, the run of the step before (None at
    the start of a scan), the highest step known to give that one's outcome, the pacing of
    its proofs and why it stopped ("" if it has not)."""

    run: MesRun
    before: MesRun | None
    last_same: Fraction
    pacing: ProofPacing = field(default_factory=ProofPacing)
    rounds: int = 1
    stop: str = ""  # "over", "done", "final" (nothing changes any more) or ""
    habits: ProofMemory = field(default_factory=ProofMemory)  # what proofs learn of it
    ahead: Fraction | None = None
    """Where a scan that ended with its piece left off: the first step not known to give
    its latest run's outcome (every step before it does)."""


def scan_steps(
    profile: Profile,
    rank: list[int],
    completion: str,
    pool: list[int],
    origin: Fraction,
    scan: Scan,
    *,
    piece: Limit | None = None,
    runs: int | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Scan:
    """Raise the per-voter budget by whole units from `scan` until the completion's stopping
    rule, or until every step before the end of `piece` is known, `runs` more runs are made
    or `cancel()`."""
    unit = profile.scale
    made = 0
    while scan.rounds < MAX_ROUNDS:
        run = scan.run
        scan.stop = stop_reason(profile, run.winners, completion, pool)
        if scan.stop:
            return scan
        following = next_step(run, origin, unit)
        if following - origin >= MAX_ROUNDS * unit:
            scan.stop = "final"
            return scan
        if (
            (piece is not None and following >= piece.end)
            or (runs is not None and made >= runs)
            or (cancel is not None and cancel())
        ):
            scan.ahead = following
            return scan
        following = certify_further(
            profile, rank, run, following, unit, scan.pacing, piece, scan.habits
        )
        if piece is not None and not piece.claim(following):
            scan.ahead = following
            return scan  # the piece ends before that step
        scan.before = run
        scan.last_same = max(following - unit, run.per_voter)
        # while proofs pause (outcomes change at nearly every step), a run's stable range
        # would hardly ever reach the next step: it need not track slopes at all
        resolution = unit if scan.pacing.pause == 0 else math.inf
        # the first winners there, as a failed proof over a range holding it showed them
        first, until = known_first(scan.habits, following, set())
        scan.run = mes(
            profile,
            rank,
            following,
            resolution=resolution,
            warm=run,
            band=GUESS_BAND,
            known_first=first,
            known_for=float(until - following),
        )
        scan.rounds += 1
        made += 1
    scan.stop = "final"
    return scan
