"""Meek STV, as counted by OpenSTV 1.7's `MeekSTV` (the program behind the published count
sheets of the W3C Solid Community Group elections we validate against).

Meek's method (Hill, Wichmann and Woodall, Computer Journal 30(3), 1987): every candidate has a
keep factor, 1 until elected. A ballot gives each candidate it reaches (skipping the
excluded) `weight left x keep factor` and passes the rest on; what passes every candidate is
exhausted. The quota is recomputed from the votes not exhausted, and elected candidates' keep
factors are scaled by quota / votes so that surpluses flow on.

The details that decide stage values are those of OpenSTV 1.7, so that its counts are
reproduced digit for digit:

- fixed-point arithmetic with 6 decimal places (integers counting 0.000001 of a vote); shares
  are rounded down, keep factors rounded up (so an elected candidate never falls short);
- identical ballot prefixes are added up before rounding (OpenSTV counts a prefix tree);
- threshold = (ballots - exhausted) / (seats + 1), rounded down, plus 0.000001 (Droop,
  dynamic, fractional);
- each round is one keep-factor update ("iteration"); surpluses are transferred until the total
  surplus is under 0.000001, a round changes no keep factor, or a candidate is a sure loser;
- delayed transfer with batch exclusion: all candidates who cannot catch up even with the whole
  surplus ("sure losers") are excluded together, else the one with fewest votes (ties by the
  previous rounds, then lot);
- the count stops when the seats are filled or no more candidates remain than seats.

Six places is OpenSTV's default precision; it is the precision of the published sheets, and
with rounding fixed this way the count is exactly repeatable, which a float count is not.
"""

from __future__ import annotations

from dataclasses import replace

from altlep.stv.model import Election
from altlep.stv.results import CountResult, Stage, decimal_from_units
from altlep.stv.ties import Lot, break_tie

PLACES = 6

Tree = dict[int, tuple[int, dict]]  # candidate -> (weight of ballots through here, subtree)


def _tree(ballots: list[tuple[tuple[int, ...], int]], skip: set[int]) -> Tree:
    """A prefix tree of the rankings with the skipped (excluded) candidates left out."""
    root: dict[int, list] = {}
    for ranking, weight in ballots:
        node = root
        for c in ranking:
            if c in skip:
                continue
            entry = node.setdefault(c, [0, {}])
            entry[0] += weight
            node = entry[1]

    def freeze(node: dict[int, list]) -> Tree:
        return {c: (w, freeze(sub)) for c, (w, sub) in node.items()}

    return freeze(root)


class _Count:
    def __init__(self, election: Election, seed: int, places: int) -> None:
        merged = election.merged()
        self.election = election
        self.names = election.names
        self.n = len(self.names)
        self.seats = election.seats
        self.p = 10**places
        self.places = places
        self.ballots = [(b.ranking, b.weight) for b in merged.ballots]
        self.valid = merged.total_weight
        self.losers: set[int] = set(election.withdrawn)
        self.winners: list[int] = []
        self.keep = [self.p] * self.n
        self.tree = _tree(self.ballots, self.losers)
        self.counts: list[list[int]] = []
        self.keeps: list[list[int]] = []
        self.thresholds: list[int] = []
        self.surpluses: list[int] = []
        self.stages: list[Stage] = []
        self.lot = Lot(seed)

    def continuing(self) -> list[int]:
        return [c for c in range(self.n) if c not in self.losers and c not in self.winners]

    def tally(self) -> list[int]:
        p, keep, count = self.p, self.keep, [0] * self.n

        def walk(node: Tree, left: int) -> None:
            for c, (weight, sub) in node.items():
                count[c] += left * keep[c] * weight // p
                rest = left * (p - keep[c]) // p
                if rest > 0 and sub:
                    walk(sub, rest)

        walk(self.tree, p)
        return count

    def finish_round(self, action: str, subjects: list[int], notes: list[str]) -> None:
        count = self.tally()
        exhausted = self.p * self.valid - sum(count)
        threshold = (self.p * self.valid - exhausted) // (self.seats + 1) + 1
        surplus = sum(
            count[c] - threshold
            for c in range(self.n)
            if c not in self.losers and count[c] > threshold
        )
        self.counts.append(count)
        self.keeps.append([0 if c in self.losers else k for c, k in enumerate(self.keep)])
        self.thresholds.append(threshold)
        self.surpluses.append(surplus)
        new = sorted(c for c in self.continuing() if count[c] >= threshold)
        self.winners.extend(new)
        d = decimal_from_units
        self.stages.append(
            Stage(
                number=len(self.stages) + 1,
                action=action,
                subjects=tuple(self.names[c] for c in subjects),
                amount=None,
                votes={self.names[c]: d(count[c], self.places) for c in range(self.n)},
                non_transferable=d(exhausted, self.places),
                quota=d(threshold, self.places),
                keep_factors={
                    self.names[c]: d(self.keep[c], self.places)
                    for c in self.winners
                    if c not in new
                },
                elected=tuple(self.names[c] for c in new),
                excluded=tuple(self.names[c] for c in subjects) if action == "exclusion" else (),
                notes=tuple(notes),
            )
        )

    def over(self) -> bool:
        return (
            len(self.winners) >= self.seats
            or len(self.continuing()) + len(self.winners) <= self.seats
        )

    def sure_losers(self) -> list[int]:
        """Candidates who, together and with all the surplus, still trail the next one up."""
        count, cont = self.counts[-1], self.continuing()
        most = len(cont) + len(self.winners) - self.seats
        if sum(count[c] for c in cont) == 0 and self.surpluses[-1] == 0:
            return cont
        levels = sorted({count[c] for c in cont})
        total, group, losers = self.surpluses[-1], [], []
        for low, high in zip(levels, levels[1:], strict=False):
            at = [c for c in cont if count[c] == low]
            total += low * len(at)
            group += at
            if total < high and len(group) <= most:
                losers = list(group)
        return losers

    def stuck(self) -> bool:
        return len(self.keeps) > 1 and self.keeps[-1] == self.keeps[-2]

    def fewest(self, candidates: list[int]) -> tuple[int, list[str]]:
        count = self.counts[-1]
        low = min(count[c] for c in candidates)
        tied = [c for c in candidates if count[c] == low]
        chosen, note = break_tie(tied, self.counts[:-1], True, self.lot, self.names)
        return chosen, [note] if note else []

    def exclude(self) -> None:
        notes: list[str] = []
        if self.stuck():
            chosen, notes = self.fewest(self.continuing())
            losers = [chosen]
            notes.insert(0, "keep factors stopped changing at this precision")
        else:
            # Sure losers go together; when there are none, the one with fewest votes.
            losers = self.sure_losers()
            if not losers:
                chosen, notes = self.fewest(self.continuing())
                losers = [chosen]
        self.losers.update(losers)
        self.tree = _tree(self.ballots, self.losers)
        self.finish_round("exclusion", sorted(losers), notes)

    def update_keep_factors(self) -> None:
        count, threshold = self.counts[-1], self.thresholds[-1]
        changed = []
        for c in self.winners:
            if count[c] > threshold:
                # Rounded up, so that the elected keep at least the threshold.
                self.keep[c] = -(-self.keep[c] * threshold // count[c])
                changed.append(c)
        self.finish_round("keep factors", sorted(changed), [])

    def run(self) -> CountResult:
        self.finish_round("first", [], [])
        while not self.over():
            if self.surpluses[-1] < 1 or self.sure_losers() or self.stuck():
                self.exclude()
            else:
                self.update_keep_factors()
        self.complete()
        return CountResult(
            rule="meek",
            title=self.election.title,
            seats=self.seats,
            candidates=tuple(self.names),
            valid_votes=self.valid,
            quota=decimal_from_units(self.thresholds[-1], self.places),
            elected=tuple(self.names[c] for c in self.winners),
            stages=tuple(self.stages),
            seed=self.lot.seed,
            places=self.places,
            withdrawn=tuple(self.names[c] for c in sorted(self.election.withdrawn)),
        )

    def complete(self) -> None:
        """Fill seats left when the count stops short: the remaining candidates are elected."""
        if len(self.winners) >= self.seats:
            return
        count, cont = self.counts[-1], self.continuing()
        cont = [c for c in cont if count[c] > 0]
        notes: list[str] = []
        while len(cont) + len(self.winners) > self.seats:
            chosen, more = self.fewest(cont)
            notes += more
            cont.remove(chosen)
        cont.sort(key=lambda c: -count[c])
        self.winners.extend(cont)
        last = self.stages[-1]
        names = tuple(self.names[c] for c in cont)
        if names:
            notes.append(", ".join(names) + " elected as the remaining candidates")
        self.stages[-1] = replace(
            last, elected=last.elected + names, notes=last.notes + tuple(notes)
        )


def count_meek(election: Election, *, seed: int = 0, places: int = PLACES) -> CountResult:
    """Count an election under Meek STV as OpenSTV 1.7 does; `places` sets the precision."""
    return _Count(election, seed, places).run()
