"""What every rule needs from an election: costs, the budget, and each voter's satisfaction.

Satisfaction follows pabutools, which the published results were counted with:
- approval and choose-1: Cost_Sat, a voter's satisfaction with a project they approve is its
  cost (so a free project satisfies nobody);
- cumulative and scoring: the points the voter gave;
- ordinal: Borda, the project ranked at position i (from 0) of a k-long ranking scores k-1-i.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from altlep.pb.model import CARDINAL_TYPES, Election
from altlep.pb.profile import build_profile
from altlep.pb.ties import DEFAULT_TIES, tie_rank


@dataclass(frozen=True)
class Instance:
    projects: list[str]  # in file order
    cost: dict[str, Fraction]
    budget: Fraction
    ballots: list[dict[str, Fraction]]  # one per voter (empty ballots too): project → satisfaction
    approvals: list[frozenset[str]]  # the projects each voter named, whatever the satisfaction
    rank: dict[str, int]  # tie-breaking: the lower rank wins a tie

    def supporters(self, project: str) -> list[int]:
        return [i for i, ballot in enumerate(self.ballots) if ballot.get(project, 0) > 0]

    def total_satisfaction(self, project: str) -> Fraction:
        return sum((ballot.get(project, 0) for ballot in self.ballots), Fraction(0))

    def spent(self, chosen: list[str]) -> Fraction:
        return sum((self.cost[p] for p in chosen), Fraction(0))


def instance_of(election: Election, ties: str = DEFAULT_TIES, seed: int | None = None) -> Instance:
    projects = list(election.projects)
    cost = {pid: Fraction(election.projects[pid].cost) for pid in projects}
    ballots = [_satisfaction(vote, election.vote_type, cost) for vote in election.votes]
    approvals = [frozenset(vote.projects) for vote in election.votes]
    # The tie-breaking orders are definitions in their own right (altlep.pb.ties).
    order = tie_rank(build_profile(election), ties, seed)
    rank = dict(zip(projects, order, strict=True))
    return Instance(projects, cost, Fraction(election.budget), ballots, approvals, rank)


def _satisfaction(vote, vote_type: str, cost: dict[str, Fraction]) -> dict[str, Fraction]:
    if vote_type in CARDINAL_TYPES:
        points = zip(vote.projects, vote.points or (), strict=True)
        return {pid: Fraction(p) for pid, p in points if p > 0}
    if vote_type == "ordinal":
        k = len(vote.projects)
        return {pid: Fraction(k - 1 - i) for i, pid in enumerate(vote.projects) if k - 1 - i > 0}
    return {pid: cost[pid] for pid in vote.projects if cost[pid] > 0}
