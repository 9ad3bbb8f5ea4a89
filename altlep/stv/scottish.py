"""Scottish STV: the counting rules of The Scottish Local Government Elections Order 2011
(SSI 2011/399), Schedule 1, rules 46-53 (rules 45-52 in the 2007 Order, SSI 2007/42, which
the 2011 Order replaced with the same counting rules renumbered).

- rule 46: first stage, every valid paper credited to its first preference;
- rule 47: quota = (valid papers / (seats + 1)), decimal places ignored, plus 1;
- rule 48: a candidate whose votes equal or exceed the quota is deemed elected;
- rules 49-50: the largest surplus is transferred first (a tie goes to whoever had more votes
  at the most recent preceding stage where they differed, then lot). Every paper the elected
  candidate holds moves to its next continuing preference at the transfer value
  surplus x (value of the paper when received) / (candidate's votes), calculated to five
  decimal places, any remainder ignored (weighted inclusive Gregory);
- rules 51-52: otherwise the continuing candidate with fewest votes is excluded (a tie goes to
  whoever had fewer votes at the most recent preceding stage where they differed, then lot)
  and all their papers move at the value they carry;
- rule 53: when the continuing candidates are no more than the vacancies left, they are deemed
  elected and no further transfer is made.

Arithmetic is exact: votes are integers counting 0.00001 of a vote.
"""

from __future__ import annotations

from dataclasses import replace

from altlep.stv.model import Election
from altlep.stv.results import CountResult, Stage, decimal_from_units
from altlep.stv.ties import Lot, break_tie

PLACES = 5
ONE = 10**PLACES  # a paper's value when it carries a whole vote

CONTINUING, ELECTED, EXCLUDED = "continuing", "elected", "excluded"

# A parcel of identical papers: the ranking, the position of the preference it now counts
# for, how many papers, and each paper's value in units of 0.00001.
Parcel = tuple[tuple[int, ...], int, int, int]


class _Count:
    def __init__(self, election: Election, seed: int) -> None:
        merged = election.merged()
        self.election = election
        self.names = election.names
        n = len(self.names)
        self.seats = election.seats
        self.status = [CONTINUING] * n
        for c in election.withdrawn:
            self.status[c] = EXCLUDED
        self.papers: list[list[Parcel]] = [[] for _ in range(n)]
        self.votes = [0] * n
        self.lost = 0  # cumulative non-transferable value, papers and rounding
        self.elected: list[int] = []
        self.pending: list[int] = []  # elected, surplus not yet transferred
        self.history: list[list[int]] = []
        self.stages: list[Stage] = []
        self.lot = Lot(seed)
        # Rule 46: sort the valid papers by first preference.
        for ballot in merged.ballots:
            first = ballot.ranking[0]
            self.papers[first].append((ballot.ranking, 0, ballot.weight, ONE))
            self.votes[first] += ballot.weight * ONE
        self.valid = merged.total_weight
        # Rule 47: the quota; "ignoring any decimal places" is integer division.
        self.quota = (self.valid // (self.seats + 1) + 1) * ONE

    def continuing(self) -> list[int]:
        return [c for c, s in enumerate(self.status) if s == CONTINUING]

    def move(self, parcels: list[Parcel], value_of) -> int:
        """Move papers to their next continuing preference; return the value left behind."""
        lost = 0
        for ranking, pos, weight, value in parcels:
            new_value = value_of(value)
            for nxt in range(pos + 1, len(ranking)):
                c = ranking[nxt]
                if self.status[c] == CONTINUING:
                    self.papers[c].append((ranking, nxt, weight, new_value))
                    self.votes[c] += weight * new_value
                    break
            else:
                lost += weight * new_value
        return lost

    def elect_reaching_quota(self) -> tuple[list[int], list[str]]:
        """Rule 48: deem elected everyone at or over the quota, most votes first."""
        reached = [c for c in self.continuing() if self.votes[c] >= self.quota]
        order, notes = [], []
        while reached:
            top = max(self.votes[c] for c in reached)
            tied = [c for c in reached if self.votes[c] == top]
            chosen, note = break_tie(tied, self.history[:-1], False, self.lot, self.names)
            if note:
                notes.append(note)
            order.append(chosen)
            reached.remove(chosen)
        for c in order:
            self.status[c] = ELECTED
            self.elected.append(c)
            if self.votes[c] > self.quota:
                self.pending.append(c)
        return order, notes

    def record(
        self, action: str, subject: int | None, amount: int | None, rounding: int, notes: list[str]
    ) -> None:
        self.history.append(list(self.votes))
        elected, elect_notes = self.elect_reaching_quota()
        d = decimal_from_units
        self.stages.append(
            Stage(
                number=len(self.stages) + 1,
                action=action,
                subjects=() if subject is None else (self.names[subject],),
                amount=None if amount is None else d(amount, PLACES),
                votes={name: d(v, PLACES) for name, v in zip(self.names, self.votes, strict=True)},
                non_transferable=d(self.lost, PLACES),
                rounding=d(rounding, PLACES),
                elected=tuple(self.names[c] for c in elected),
                excluded=(self.names[subject],) if action == "exclusion" else (),
                notes=tuple(notes + elect_notes),
            )
        )

    def transfer_surplus(self) -> None:
        """Rules 49-50: transfer the largest surplus, every paper at its transfer value."""
        top = max(self.votes[c] for c in self.pending)
        tied = [c for c in self.pending if self.votes[c] == top]
        chosen, note = break_tie(tied, self.history[:-1], False, self.lot, self.names)
        self.pending.remove(chosen)
        total = self.votes[chosen]
        surplus = total - self.quota
        parcels, self.papers[chosen] = self.papers[chosen], []
        before = sum(self.votes)
        # Rule 49(3): A / B to five decimal places, any remainder ignored (floor division).
        lost = self.move(parcels, lambda value: surplus * value // total)
        self.votes[chosen] = self.quota
        moved = sum(self.votes) - before + surplus
        rounding = surplus - moved - lost
        self.lost += lost + rounding
        self.record("surplus", chosen, surplus, rounding, [note] if note else [])

    def exclude_lowest(self) -> None:
        """Rules 51-52: exclude the candidate with fewest votes; papers keep their value."""
        cont = self.continuing()
        low = min(self.votes[c] for c in cont)
        tied = [c for c in cont if self.votes[c] == low]
        chosen, note = break_tie(tied, self.history[:-1], True, self.lot, self.names)
        self.status[chosen] = EXCLUDED
        parcels, self.papers[chosen] = self.papers[chosen], []
        amount = self.votes[chosen]
        self.votes[chosen] = 0
        self.lost += self.move(parcels, lambda value: value)
        self.record("exclusion", chosen, amount, 0, [note] if note else [])

    def fill_last_vacancies(self) -> None:
        """Rule 53: continuing candidates no more than the vacancies are deemed elected."""
        cont = sorted(self.continuing(), key=lambda c: -self.votes[c])
        if not cont:
            return
        for c in cont:
            self.status[c] = ELECTED
            self.elected.append(c)
        last = self.stages[-1]
        names = tuple(self.names[c] for c in cont)
        note = (
            "last vacancies filled (rule 53): "
            + ", ".join(names)
            + " deemed elected as the only continuing candidates"
        )
        self.stages[-1] = replace(last, elected=last.elected + names, notes=last.notes + (note,))

    def run(self) -> CountResult:
        self.record("first", None, None, 0, [])
        while len(self.elected) < self.seats:
            vacancies = self.seats - len(self.elected)
            if len(self.continuing()) <= vacancies:
                self.fill_last_vacancies()
                break
            if self.pending:
                self.transfer_surplus()
            else:
                self.exclude_lowest()
        return CountResult(
            rule="scottish",
            title=self.election.title,
            seats=self.seats,
            candidates=tuple(self.names),
            valid_votes=self.valid,
            quota=decimal_from_units(self.quota, PLACES),
            elected=tuple(self.names[c] for c in self.elected),
            stages=tuple(self.stages),
            seed=self.lot.seed,
            places=PLACES,
            withdrawn=tuple(self.names[c] for c in sorted(self.election.withdrawn)),
        )


def count_scottish(election: Election, *, seed: int = 0) -> CountResult:
    """Count an election under Scottish STV (SSI 2011/399 Sch. 1); `seed` seeds any lot."""
    return _Count(election, seed).run()
