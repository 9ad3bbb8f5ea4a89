"""The steps ahead of a scan cut into pieces and scanned on two threads (`completions.py`).

The compiled kernels release the GIL, so two scans run at once. A piece's outcomes do not
depend on where its scan began, so the pieces joined in order stop where one scan stops.
"""

from __future__ import annotations

import math
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from fractions import Fraction

from altlep.pb.profile import Profile
from altlep.pb.rules.mes import mes
from altlep.pb.rules.mes_stable import ProofMemory
from altlep.pb.rules.tuning import GUESS_BAND
from altlep.pb.steps import MAX_ROUNDS, Scan, scan_steps


def own_copy(habits: ProofMemory) -> ProofMemory:
    """What proofs learnt so far, for a piece to go on learning by itself: the lists in it
    (certificates, `mes_stable.flat_start`) are copied too, as another thread may be
    adding to the originals meanwhile."""
    return habits.copy()


@dataclass(eq=False)
class Piece:
    """Steps from `start` to before `end` for one thread to scan. `end` moves down to where
    an idle thread takes over the rest (`Pieces.take`); `claimed`, the last step the scan
    ran at or is about to, is below it. `scan` is the scan so far (None past the guard)."""

    start: Fraction
    end: Fraction
    lock: threading.Condition
    claimed: Fraction
    scan: Scan | None = None
    finished: bool = False
    steady: bool = False  # its scan ended with the winners its first run found

    def claim(self, step: Fraction) -> bool:
        """Reserve `step` for a run of this piece's scan, unless the piece ends before it."""
        with self.lock:
            if step >= self.end:
                return False
            self.claimed = step
            return True


class Pieces:
    """The steps ahead of a scan, cut into pieces for two threads to take in order; once the
    stop is known to lie in a piece, an idle thread takes over the second half of the steps
    a piece still has ahead. Outcomes do not depend on where a scan began, so the pieces,
    joined by their start, stop where one scan stops. All fields are guarded by `lock`."""

    def __init__(
        self,
        profile: Profile,
        rank: list[int],
        completion: str,
        pool: list[int],
        origin: Fraction,
        scan: Scan,
        first: Fraction,
        length: Fraction,
    ) -> None:
        self.profile, self.rank, self.completion = profile, rank, completion
        self.pool, self.origin, self.length = pool, origin, length
        self.lock = threading.Condition()
        self.limit = origin + MAX_ROUNDS * profile.scale  # the guard: no piece reaches it
        self.split = scan.run  # below every piece: where their first runs may start warm
        self.pacing = scan.pacing.copy()  # each piece starts from the proofs' pace at the split
        self.habits = own_copy(scan.habits)
        self.next_start = first  # where the next piece in turn begins
        self.stop_at: Fraction | float = math.inf  # the first start of a piece that stops
        self.failure: list[BaseException] = []
        # the head piece goes on with the first runs' scan, up to `first`
        self.head: Piece | None = Piece(
            scan.run.per_voter, first, self.lock, scan.run.per_voter, scan
        )
        self.pieces: list[Piece] = []

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
                else:
                    self.skip_what_is_known(piece)
                self.lock.notify_all()

    def skip_what_is_known(self, piece: Piece) -> None:
        """After a piece ends with no stop. One scan jumps a long stretch where the outcome
        stays in a few proofs of doubling width; a piece's proofs end with the piece, so
        pieces of a fixed length would cross it a piece at a time (up to the guard, a million
        steps, where the outcome never changes). So pieces in turn begin no lower than the
        first step the piece left unproven, and a piece whose winners stayed as its first
        run found them doubles the length of those to come (the outcome is the same however
        the pieces fall; only the work changes)."""
        ahead = piece.scan.ahead
        if ahead is not None and ahead > self.next_start:
            self.next_start = ahead
        if piece.steady:
            self.length *= 2

    def take(self) -> Piece | None:
        """The next piece in turn, else the second half of what a piece before the stop
        still has ahead, else None."""
        if self.failure:
            return None
        return self.in_turn() or self.rest_of_busiest()

    def in_turn(self) -> Piece | None:
        """The head piece, then pieces of `length` steps, while they start before the stop."""
        if self.head is not None:
            piece, self.head = self.head, None
        elif self.next_start < self.stop_at:
            begin = self.next_start
            self.next_start += self.length
            piece = Piece(begin, begin + self.length, self.lock, begin)
        else:
            return None
        self.pieces.append(piece)
        return piece

    def rest_of_busiest(self) -> Piece | None:
        """A new piece of the second half of the steps that the piece being scanned with the
        most ahead still has, if a quarter of a piece or more (worth a run of its own); that
        piece now ends where the new one begins."""
        unit = self.profile.scale
        least = max(self.length / 4, 2 * unit)
        busy = [
            p
            for p in self.pieces
            if not p.finished
            and p.scan is not None
            and p.start < self.stop_at
            and p.end - p.claimed >= least
        ]
        if not busy:
            return None
        widest = max(busy, key=lambda p: p.end - p.claimed)
        middle = widest.claimed + (widest.end - widest.claimed) / 2
        begin = self.origin + math.ceil((middle - self.origin) / unit) * unit
        piece = Piece(begin, widest.end, self.lock, begin)
        widest.end = begin
        self.pieces.append(piece)
        return piece

    def all_scanned(self) -> bool:
        """The stop is known and every piece up to it is scanned."""
        return self.stop_at < math.inf and all(
            p.finished for p in self.pieces if p.start <= self.stop_at
        )

    def run(self, piece: Piece) -> None:
        """Scan `piece` (its scan is None if it lies past the guard)."""

        def cancelled() -> bool:
            return piece.start > self.stop_at or bool(self.failure)

        profile, unit = self.profile, self.profile.scale
        if piece.scan is None:  # not the head piece: a first run of its own
            if piece.start >= self.limit:
                return
            # warm from the run nearest below: the split's, or the scan's it takes over from
            below = max(
                (p for p in self.pieces if p.start < piece.start and p.scan),
                key=lambda p: p.start,
                default=None,
            )
            warm = below.scan.run if below is not None else self.split
            run = mes(profile, self.rank, piece.start, resolution=unit, band=GUESS_BAND, warm=warm)
            piece.scan = Scan(
                run, None, piece.start, self.pacing.copy(), habits=own_copy(self.habits)
            )
        first = piece.scan.run.winners
        scan_steps(
            profile,
            self.rank,
            self.completion,
            self.pool,
            self.origin,
            piece.scan,
            piece=piece,
            cancel=cancelled,
        )
        piece.steady = piece.scan.run.winners == first

    def joined(self) -> Joined:
        """Where one scan would stop: the pieces from the first on, in order, to the stop."""
        rounds = 0
        previous: Scan | None = None
        ordered = sorted(self.pieces, key=lambda p: p.start)
        starts = tuple(p.start for p in ordered)
        for piece in ordered:
            scan = piece.scan
            if scan is None:  # past the guard: the last outcome stays
                return Joined(None, previous, previous.run.per_voter, rounds, starts)
            rounds += scan.rounds
            if scan.stop:
                scan.rounds = rounds
                before = piece.start - self.profile.scale
                return Joined(scan, previous, before, rounds, starts)
            previous = scan
        raise AssertionError("unreachable: the joined pieces end in a stop")


@dataclass
class Joined:
    """The scan of the piece that stops (None past the guard), the scan of the piece before
    it (None if it is the first), the last step of that one's outcome, the runs made and
    the first step of every piece scanned, in order."""

    scan: Scan | None
    previous: Scan | None
    before_start: Fraction
    rounds: int
    starts: tuple[Fraction, ...]


def scan_in_pieces(
    profile: Profile,
    rank: list[int],
    completion: str,
    pool: list[int],
    origin: Fraction,
    scan: Scan,
    first: Fraction,
    length: Fraction,
) -> Joined:
    """Scan the head piece (from `scan` up to `first`) and pieces of `length` steps from
    `first` on two threads (`Pieces`); join them in order up to the first stop."""
    pieces = Pieces(profile, rank, completion, pool, origin, scan, first, length)
    with ThreadPoolExecutor(max_workers=1) as helper:
        other = helper.submit(pieces.work)
        pieces.work()
        other.result()
    if pieces.failure:
        raise pieces.failure[0]
    return pieces.joined()
